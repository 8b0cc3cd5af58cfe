"""RDF stage: the graph as an RDF dataset (schemas/kg.ttl), serialised to Turtle, TriG, N-Quads and JSON-LD.

`entity_iri` is cheap; the rest loads rdflib on first use, so importing kg.rdf stays fast.
"""
from kg.rdf.iris import entity_iri

__all__ = ["dataset_to_graph", "entity_iri", "graph_to_dataset", "write_rdf", "write_rdf_file"]


def __getattr__(name: str):
    if name in ("graph_to_dataset", "dataset_to_graph"):
        from kg.rdf import convert

        return getattr(convert, name)
    if name in ("write_rdf", "write_rdf_file"):
        from kg.rdf import serialize

        return getattr(serialize, name)
    raise AttributeError(f"module 'kg.rdf' has no attribute {name!r}")
