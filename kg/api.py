"""The library API behind the CLI: every command is one of these functions."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from kg.errors import KgError
from kg.model import Extraction, Resolution


@dataclass
class PipelineResult:
    resolution: Resolution
    skipped: list[Path] = field(default_factory=list)  # empty files
    warnings: list[str] = field(default_factory=list)  # one line each (unreadable PDF pages ...)

    def graph(self):
        from kg.graph import build_graph

        return build_graph(self.resolution)


def run_pipeline(
    inputs: list[str | Path],
    lexicons: list[str | Path] | None = None,
    on_document: Callable[[Path], None] | None = None,
) -> PipelineResult:
    """ingest -> text -> extract -> resolve over all input files (folders are expanded)."""
    from kg.extract import Extractor
    from kg.ingest import collect_inputs, read_document
    from kg.resolve import resolve
    from kg.text import prepare

    paths = collect_inputs(list(inputs))
    raws, skipped, warnings = [], [], []
    for path in paths:
        raw = read_document(path)
        if raw is None:
            skipped.append(path)
            continue
        warnings.extend(raw.warnings)
        if raw.text.strip():
            raws.append(raw)
    if not raws:
        raise KgError("; ".join(warnings) or "no non-empty documents to read")
    seen: dict[str, str] = {}
    for raw in raws:
        if raw.doc_id in seen:
            raise KgError(f"two documents share the name {raw.doc_id!r}: {seen[raw.doc_id]} and {raw.path}")
        seen[raw.doc_id] = raw.path
    extractor = Extractor(lexicons)
    extractions: list[Extraction] = []
    for raw in raws:
        extractions.append(extractor.extract(prepare(raw)))
        if on_document:
            on_document(Path(raw.path))
    return PipelineResult(resolve(extractions, extractor.lexicon), skipped, warnings)


def extract(inputs, out: str | Path, lexicons=None, on_document=None) -> tuple[PipelineResult, list[Path]]:
    """`kg extract`: one annotation JSON per document in `out`."""
    from kg.eval.annotations import write_annotations

    result = run_pipeline(inputs, lexicons, on_document)
    return result, write_annotations(result.resolution, Path(out))


def build(inputs, out: str | Path, lexicons=None, on_document=None):
    """`kg build`: the whole pipeline; writes RDF, exports, tables and per-document JSON to `out`, and
    loads the query store."""
    from kg.eval.annotations import write_annotations
    from kg.export import write_build_exports
    from kg.query.engine import open_store
    from kg.rdf import write_rdf

    out = Path(out)
    result = run_pipeline(inputs, lexicons, on_document)
    graph = result.graph()
    written = write_annotations(result.resolution, out / "extractions")
    written += write_rdf(graph, out)
    written += write_build_exports(graph, out)
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


def warn(message: str) -> None:
    print(f"kg: warning: {message}", file=sys.stderr)
