"""RDF stage: the graph as an RDF dataset (schemas/kg.ttl), streamed as N-Quads and written as
TriG by pyoxigraph; Turtle and JSON-LD on demand.

`entity_iri` is cheap; the rest is imported on first use, so importing kg.rdf stays fast.
"""
from kg.rdf.iris import entity_iri

_LAZY = {
    "graph_nquads": "convert", "quads_to_graph": "convert",
    "write_rdf": "serialize", "write_rdf_file": "serialize", "read_build_graph": "serialize",
    "graph_to_dataset": "validate",
}
__all__ = ["entity_iri", *_LAZY]


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f"kg.rdf.{_LAZY[name]}"), name)
    raise AttributeError(f"module 'kg.rdf' has no attribute {name!r}")
