"""Where a build keeps its RDF (no rdflib import: the query engine uses it too)."""
from __future__ import annotations

from pathlib import Path

from kg.errors import KgError

TRIG = "graph.trig"
NQUADS = "graph.nq"


def build_trig(out_dir: str | Path) -> Path:
    """`out_dir/graph.trig`; KgError if the build has none."""
    path = Path(out_dir) / TRIG
    if not path.is_file():
        raise KgError(f"no {TRIG} in {out_dir}: run `kg build` first")
    return path
