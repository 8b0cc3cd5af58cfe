"""The library API behind the CLI: every command is one of these functions."""
from __future__ import annotations

import contextlib
import gc
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
    **parallel,
) -> PipelineResult:
    """ingest -> text -> extract -> resolve over all input files (folders are expanded); `parallel`
    (jobs, executor, scheduler: see kg.parallel.process_documents) says where documents are read."""
    from kg.ingest import collect_inputs
    from kg.incremental.documents import extract_documents

    return _resolve(extract_documents(collect_inputs(list(inputs)), lexicons or [], on_document=on_document,
                                      **parallel))


def _resolve(extracted, settings: BuildSettings | None = None) -> PipelineResult:
    from kg.resolve import resolve

    settings = settings or BuildSettings()
    resolution = resolve(extracted.extractions, extracted.lexicon, settings.min_confidence,
                         settings.corrections())
    return PipelineResult(resolution, extracted.skipped, extracted.warnings + resolution.warnings, extracted.read)


@dataclass
class BuildSettings:
    """What a build folder keeps besides its documents: lexicons, confidence threshold, corrections."""

    lexicons: list[str] = field(default_factory=list)
    min_confidence: float = 0.0
    corrections_text: str | None = None  # the content of OUT/corrections.tsv
    corrections_name: str = ""  # the file named in messages
    model: str | None = None  # a model folder from `kg train` (None: the shipped model)

    def corrections(self):
        from kg.resolve.corrections import parse_corrections

        return parse_corrections(self.corrections_text, self.corrections_name) if self.corrections_text else []

    @classmethod
    def of_build(cls, out: str | Path, manifest) -> "BuildSettings":
        """The settings a build folder was made with."""
        from kg.incremental import CORRECTIONS

        stored = Path(out) / CORRECTIONS
        text = _read_corrections_text(stored) if stored.is_file() else None
        return cls(manifest.lexicons, manifest.min_confidence, text, str(stored), manifest.model)


def _read_corrections_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise KgError(f"{path}: corrections file is not UTF-8 text") from None
    except OSError as exc:
        raise KgError(f"{path}: cannot read corrections ({exc.strerror or exc})") from None


def extract(inputs, out: str | Path, lexicons=None, on_document=None, **parallel) -> tuple[PipelineResult, list[Path]]:
    """`kg extract`: one annotation JSON per document in `out`."""
    from kg.eval.annotations import write_annotations

    result = run_pipeline(inputs, lexicons, on_document, **parallel)
    return result, write_annotations(result.resolution, Path(out))


def build(inputs, out: str | Path, lexicons=None, on_document=None, corrections: str | Path | None = None,
          min_confidence: float = 0.0, model: str | Path | None = None, **parallel):
    """`kg build`: the whole pipeline; writes RDF, exports, tables and per-document JSON to `out`, and
    loads the query store.

    Documents already extracted into `out` with the same pipeline are taken from its cache; a build
    of another set of documents in `out` is replaced (the returned result's warnings say so).
    `corrections` (a file, see kg.resolve.corrections) is kept in `out` and applied to later builds
    there until another is given; mentions and relations below `min_confidence` are left out."""
    from kg.ingest import collect_inputs
    from kg.incremental import CORRECTIONS, ExtractionCache, read_manifest
    from kg.incremental.documents import extract_documents
    from kg.io import check_build_folder

    check_build_folder(out)
    previous = read_manifest(out)
    stored = Path(out) / CORRECTIONS
    source = Path(corrections) if corrections else stored if stored.is_file() else None
    settings = BuildSettings([str(p) for p in lexicons or []], min_confidence,
                             _read_corrections_text(source) if source else None, str(source),
                             str(model) if model is not None else None)
    settings.corrections()  # a malformed corrections file stops the build before anything is read
    extracted = extract_documents(collect_inputs(list(inputs)), settings.lexicons, ExtractionCache(out),
                                  on_document=on_document, model=settings.model, **parallel)
    replaced = sorted(set(previous.ids()) - {e.id for e in extracted.entries}) if previous else []
    if replaced:
        extracted.warnings.append(
            f"{out}: replacing a build of {len(previous.documents)} document(s); dropped: {', '.join(replaced)} "
            f"(`kg add INPUT --to {out}` adds documents to a build)")
    return _write_build(extracted, Path(out), settings)


def add(inputs, to: str | Path, on_document=None):
    """`kg add`: add documents to the build in `to` (a document of the same name is replaced);
    only new or changed documents are read, then the whole set is resolved again."""
    from kg.ingest import collect_inputs
    from kg.incremental import ExtractionCache
    from kg.incremental.documents import extract_documents

    manifest = _existing_build(to)
    settings = BuildSettings.of_build(to, manifest)
    paths = collect_inputs(list(inputs))
    new = {p.stem for p in paths}
    kept = [entry for entry in manifest.documents if entry.id not in new]
    extracted = extract_documents(paths, manifest.lexicons, ExtractionCache(to), kept, on_document,
                                  model=manifest.model)
    return _write_build(extracted, Path(to), settings)


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
    extracted = extract_documents([], manifest.lexicons, ExtractionCache(from_), kept, model=manifest.model)
    return _write_build(extracted, Path(from_), BuildSettings.of_build(from_, manifest))


def rebuild(out: str | Path):
    """Resolve and write the build in `out` again from its cache, with its stored settings
    (after its corrections changed)."""
    from kg.incremental import ExtractionCache
    from kg.incremental.documents import extract_documents

    manifest = _existing_build(out)
    extracted = extract_documents([], manifest.lexicons, ExtractionCache(out), manifest.documents,
                                  model=manifest.model)
    return _write_build(extracted, Path(out), BuildSettings.of_build(out, manifest))


def review(out: str | Path, sheet: str | Path | None = None) -> list[Path]:
    """`kg review`: write the build's review workbook (default OUT/review.xlsx) and its two CSV sheets."""
    from kg.export import read_json
    from kg.review import write_review

    _existing_build(out)
    return write_review(read_json(Path(out) / "graph.json"), sheet or Path(out) / "review.xlsx")


def apply_review(out: str | Path, sheet: str | Path):
    """`kg review --apply`: add the marked rows of `sheet` to the build's corrections (lines already
    there are not repeated) and rebuild; returns (lines added, rebuild result)."""
    from kg.incremental import CORRECTIONS
    from kg.io import write_text
    from kg.review import apply_review as correction_lines

    _existing_build(out)
    lines = correction_lines(sheet)
    stored = Path(out) / CORRECTIONS
    text = _read_corrections_text(stored) if stored.is_file() else ""
    present = set(text.splitlines())
    new = list(dict.fromkeys(line for line in lines if line not in present))
    if new:
        if text and not text.endswith("\n"):
            text += "\n"
        write_text(stored, text + "".join(f"{line}\n" for line in new))
    return new, rebuild(out)


def _existing_build(out: str | Path):
    from kg.incremental import MANIFEST, read_manifest
    from kg.io import check_build_folder

    check_build_folder(out)
    manifest = read_manifest(out)
    if manifest is None:
        raise KgError(f"{out}: not a kg build folder (no {MANIFEST}); run `kg build INPUT --out {out}` first")
    return manifest


@contextlib.contextmanager
def _long_lived_objects_frozen():
    """Writing a build makes millions of short-lived objects while the documents, the resolution
    and the graph live on: frozen (gc.freeze), these are no longer walked by every collection the
    others set off (a fifth of the writing's CPU at 10x the bundled corpus). Unfrozen at the end."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _write_build(extracted, out: Path, settings: BuildSettings):
    """Resolve and write every output into a fresh folder that then replaces `out` as a whole (so no
    file of documents no longer in the build stays); one build at a time writes `out`."""
    from kg.eval.annotations import write_annotations
    from kg.export import write_build_exports
    from kg.incremental import CORRECTIONS, ExtractionCache, Manifest
    from kg.io import build_folder, write_text
    from kg.query.engine import loading_store
    from kg.rdf.convert import graph_nquads
    from kg.rdf.paths import NQUADS, TRIG
    from kg.rdf.serialize import convert_nquads, write_nquads

    # `out` shows the old build until this one is whole
    with build_folder(out) as staging, _long_lived_objects_frozen():
        result = _resolve(extracted, settings)
        extracted.extractions.clear()  # the mentions are in the resolution now: memory for what follows
        graph = result.graph()
        gc.freeze()  # the resolution and the graph live until the end
        with loading_store(staging) as store_feed:  # the query store loads while the files are written
            nquads = write_nquads(graph_nquads(graph), staging / NQUADS, store_feed.write)
            store_feed.close()
            written = [convert_nquads(nquads, "trig", staging / TRIG), nquads]
            written += write_build_exports(graph, staging)
            written += write_annotations(result.resolution, staging / "extractions")
            written.append(Manifest(extracted.entries, settings.lexicons, settings.min_confidence,
                                    settings.model).write(staging))
            if settings.corrections_text is not None:
                write_text(staging / CORRECTIONS, settings.corrections_text)
                written.append(staging / CORRECTIONS)
            ExtractionCache(out).carry({entry.key for entry in extracted.entries}, staging)
    return result, graph, [out / path.relative_to(staging) for path in written]


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


def train(gold_dirs, out: str | Path, lexicons=None, jobs: int | None = None) -> Path:
    """`kg train`: a model folder from annotated documents (folders of gold JSON with their texts)."""
    from kg.extract.model.train import train as train_model

    return train_model(gold_dirs, out, lexicons, jobs)


def cross_validate(gold_dirs, folds: int = 5, seed: int = 0, rules_only: bool = False, lexicons=None, progress=None,
                   jobs: int | None = None):
    """`kg eval --cv K`: [(label, Score)] pooled and per gold folder, each document scored by a
    model trained on the other folds (or by the rules alone)."""
    from kg.eval.cv import cross_validate as run_cv, score_groups
    from kg.extract.model.train import prepare_examples, read_gold

    examples = prepare_examples(read_gold(gold_dirs), lexicons)
    import os

    return score_groups(examples, run_cv(examples, folds, seed, rules_only, progress, jobs or os.cpu_count() or 1))


def explain(path: str | Path, lexicons=None, model=None, sentence: int | None = None) -> str:
    """`kg explain`: every candidate of a document's sentences, who proposed it and what became of it."""
    from kg.extract import Extractor
    from kg.extract.explain import explain_document
    from kg.ingest import read_document
    from kg.text import prepare

    raw = read_document(path)
    if raw is None:
        raise KgError(f"{path}: empty file")
    extractor = Extractor(lexicons, model)
    document = prepare(raw)
    return explain_document(extractor, document, sentence)


def warn(message: str) -> None:
    print(f"kg: warning: {message}", file=sys.stderr)
