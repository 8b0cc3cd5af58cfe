"""`kg query --min-confidence`: an in-memory store of the build's graph without what was read
with less confidence (the persisted store holds everything)."""
from __future__ import annotations

from pathlib import Path


def store_at_least(build_dir: str | Path, min_confidence: float):
    """A pyoxigraph store of `build_dir`'s graph.json filtered by kg.graph.confidence.at_least."""
    import pyoxigraph

    from kg.export import read_json
    from kg.graph.confidence import at_least
    from kg.rdf.convert import graph_nquads

    graph = at_least(read_json(Path(build_dir) / "graph.json"), min_confidence)
    store = pyoxigraph.Store()
    store.bulk_load("".join(graph_nquads(graph)).encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS)
    return store
