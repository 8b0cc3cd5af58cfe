"""The library API behind the CLI: every command is one of these functions."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from kg.errors import KgError
from kg.model import Resolution


@dataclass
class PipelineResult:
    resolution: Resolution
    skipped: list[Path] = field(default_factory=list)  # empty files
    warnings: list[str] = field(default_factory=list)  # one line each (unreadable PDF pages ...)
    read: int = 0  # documents read and extracted; the others came from the build's cache

    def graph(self):
        from kg.graph import build_graph

        return build_graph(self.resolution)


def run_pipeline(
    inputs: list[str | Path],
    lexicons: list[str | Path] | None = None,
    on_document: Callable[[Path], None] | None = None,
) -> PipelineResult:
    """ingest -> text -> extract -> resolve over all input files (folders are expanded)."""
    from kg.ingest import collect_inputs
    from kg.incremental.documents import extract_documents

    return _resolve(extract_documents(collect_inputs(list(inputs)), lexicons or [], on_document=on_document))


def _resolve(extracted) -> PipelineResult:
    from kg.resolve import resolve

    return PipelineResult(resolve(extracted.extractions, extracted.lexicon), extracted.skipped, extracted.warnings,
                          extracted.read)


def extract(inputs, out: str | Path, lexicons=None, on_document=None) -> tuple[PipelineResult, list[Path]]:
    """`kg extract`: one annotation JSON per document in `out`."""
    from kg.eval.annotations import write_annotations

    result = run_pipeline(inputs, lexicons, on_document)
    return result, write_annotations(result.resolution, Path(out))


def build(inputs, out: str | Path, lexicons=None, on_document=None):
    """`kg build`: the whole pipeline; writes RDF, exports, tables and per-document JSON to `out`, and
    loads the query store.

    Documents already extracted into `out` with the same pipeline are taken from its cache; a build
    of another set of documents in `out` is replaced (the returned result's warnings say so)."""
    from kg.ingest import collect_inputs
    from kg.incremental import ExtractionCache, read_manifest
    from kg.incremental.documents import extract_documents

    previous = read_manifest(out)
    lexicons = [str(p) for p in lexicons or []]
    extracted = extract_documents(collect_inputs(list(inputs)), lexicons, ExtractionCache(out),
                                  on_document=on_document)
    replaced = sorted(set(previous.ids()) - {e.id for e in extracted.entries}) if previous else []
    if replaced:
        extracted.warnings.append(
            f"{out}: replacing a build of {len(previous.documents)} document(s); dropped: {', '.join(replaced)} "
            f"(`kg add INPUT --to {out}` adds documents to a build)")
    return _write_build(extracted, Path(out), lexicons)


def add(inputs, to: str | Path, on_document=None):
    """`kg add`: add documents to the build in `to` (a document of the same name is replaced);
    only new or changed documents are read, then the whole set is resolved again."""
    from kg.ingest import collect_inputs
    from kg.incremental import ExtractionCache
    from kg.incremental.documents import extract_documents

    manifest = _existing_build(to)
    paths = collect_inputs(list(inputs))
    new = {p.stem for p in paths}
    kept = [entry for entry in manifest.documents if entry.id not in new]
    extracted = extract_documents(paths, manifest.lexicons, ExtractionCache(to), kept, on_document)
    return _write_build(extracted, Path(to), manifest.lexicons)


def remove(names: list[str], from_: str | Path):
    """`kg remove`: drop documents (by NAME, as in extractions/NAME.json) from the build in `from_`."""
    from kg.incremental import ExtractionCache
    from kg.incremental.documents import extract_documents

    manifest = _existing_build(from_)
    unknown = sorted(set(names) - set(manifest.ids()))
    if unknown:
        raise KgError(f"{from_}: no document named {', '.join(unknown)} in this build "
                      f"(it holds {', '.join(sorted(manifest.ids()))})")
    kept = [entry for entry in manifest.documents if entry.id not in set(names)]
    if not kept:
        raise KgError(f"{from_}: removing {', '.join(names)} would leave no document; build another set instead")
    extracted = extract_documents([], manifest.lexicons, ExtractionCache(from_), kept)
    return _write_build(extracted, Path(from_), manifest.lexicons)


def _existing_build(out: str | Path):
    from kg.incremental import MANIFEST, read_manifest

    manifest = read_manifest(out)
    if manifest is None:
        raise KgError(f"{out}: not a kg build folder (no {MANIFEST}); run `kg build INPUT --out {out}` first")
    return manifest


def _write_build(extracted, out: Path, lexicons: list[str]):
    """Resolve, write every output, drop per-document files of documents no longer in the build."""
    from kg.eval.annotations import write_annotations
    from kg.export import write_build_exports
    from kg.incremental import ExtractionCache, Manifest
    from kg.query.engine import open_store
    from kg.rdf import write_rdf

    result = _resolve(extracted)
    graph = result.graph()
    written = write_annotations(result.resolution, out / "extractions")
    for stale in sorted(set((out / "extractions").glob("*.json")) - set(written)):
        stale.unlink()
    written += write_rdf(graph, out)
    written += write_build_exports(graph, out)
    written.append(Manifest(extracted.entries, lexicons).write(out))
    ExtractionCache(out).prune({entry.key for entry in extracted.entries})
    open_store(out)  # loaded now, so the first `kg query` need not wait
    return result, graph, written


def evaluate(gold_dir: str | Path, pred_dir: str | Path):
    """`kg eval`: score predictions against gold by the annotation guide's rules."""
    from kg.eval.annotations import read_annotations
    from kg.eval.score import score

    gold = read_annotations(Path(gold_dir))
    if not gold:
        raise KgError(f"{gold_dir}: no gold *.json files")
    return score(gold, read_annotations(Path(pred_dir), strict=False))


def read_build_graph(build_dir: str | Path):
    """The networkx graph of a build folder (its graph.json)."""
    from kg.export import read_json

    graph_file = Path(build_dir) / "graph.json"
    if not graph_file.is_file():
        raise KgError(f"{graph_file}: not found; run `kg build INPUT --out {build_dir}` first")
    return read_json(graph_file)


def report(build_dir: str | Path) -> Path:
    """`kg report`: `build_dir/report.html`, one self-contained page to look at the build."""
    from kg.export.report import write_report

    build_dir = Path(build_dir)
    return write_report(read_build_graph(build_dir), build_dir / "report.html",
                        f"kg report: {build_dir.resolve().name}")


def warn(message: str) -> None:
    print(f"kg: warning: {message}", file=sys.stderr)
