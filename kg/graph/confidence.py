"""A built graph without what was read with less than a given confidence (`--min-confidence` of
`kg export` and `kg query`; `kg build` applies the same rule while resolving)."""
from __future__ import annotations

import networkx as nx


def at_least(graph: nx.MultiDiGraph, min_confidence: float) -> nx.MultiDiGraph:
    """A copy of `graph` keeping evidence with confidence >= `min_confidence`: an entity with no
    mention left goes, with its relations; a relation with no evidence left goes."""
    kept = nx.MultiDiGraph()
    kept.graph.update(graph.graph)
    for node, attrs in graph.nodes(data=True):
        mentions = [ev for ev in attrs.get("mention_evidence", []) if ev["confidence"] >= min_confidence]
        if mentions:
            kept.add_node(node, **{**attrs, "mention_evidence": mentions, "mentions": len(mentions),
                                   "documents": sorted({ev["doc"] for ev in mentions})})
    for head, tail, key, attrs in graph.edges(keys=True, data=True):
        evidence = [ev for ev in attrs.get("evidence", []) if ev["confidence"] >= min_confidence]
        if evidence and head in kept and tail in kept:
            kept.add_edge(head, tail, key=key, **{**attrs, "evidence": evidence, "count": len(evidence),
                                                   "confidence": max(ev["confidence"] for ev in evidence),
                                                   "documents": sorted({ev["doc"] for ev in evidence})})
    return kept
