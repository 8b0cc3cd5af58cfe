"""Graph stage: a networkx.MultiDiGraph built from a Resolution."""
from kg.graph.build import build_graph, evidence_to_dict

__all__ = ["build_graph", "evidence_to_dict"]
