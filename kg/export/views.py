"""The graph views users export: the whole graph, only its linked part, enterprises × initiatives,
enterprise co-occurrence."""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import networkx as nx

from kg.errors import KgError

VIEWS = ("full", "linked", "initiatives", "companies")
ENTERPRISE = "Enterprise"
INITIATIVE_TYPES = frozenset({"Project", "Policy", "Park"})
CO_OCCURRENCE_RELATION = "sharesInitiative"


def view(graph: nx.MultiDiGraph, name: str) -> nx.Graph:
    """The view `name` (full | linked | initiatives | companies) of the knowledge graph."""
    if name == "full":
        return graph
    if name == "linked":
        return linked_view(graph)
    if name == "initiatives":
        return initiatives_view(graph)
    if name == "companies":
        return companies_view(graph)
    raise KgError(f"unknown view {name!r}: choose one of {', '.join(VIEWS)}")


def linked_view(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The whole graph without the entities that have no relation (a layout without stray dots)."""
    return graph.subgraph(n for n in graph.nodes if graph.degree(n) > 0).copy()


def initiatives_view(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Bipartite graph: every enterprise and initiative (project, policy, park), with only the
    relations between an enterprise and an initiative."""
    def is_enterprise(node: str) -> bool:
        return graph.nodes[node].get("type") == ENTERPRISE

    bipartite = nx.MultiDiGraph(**graph.graph)
    kept = sorted(n for n, t in graph.nodes(data="type") if t == ENTERPRISE or t in INITIATIVE_TYPES)
    bipartite.add_nodes_from((n, graph.nodes[n]) for n in kept)
    for u, v, key, attrs in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
        if u in bipartite and v in bipartite and is_enterprise(u) != is_enterprise(v):
            bipartite.add_edge(u, v, key=key, **attrs)
    return bipartite


def companies_view(graph: nx.MultiDiGraph) -> nx.Graph:
    """Enterprise co-occurrence: two enterprises are linked when they share an initiative;
    ``weight`` is how many they share, ``initiatives`` their labels (ordered by id)."""
    bipartite = initiatives_view(graph)
    enterprises_by_initiative: dict[str, set[str]] = defaultdict(set)
    for u, v in bipartite.edges():
        enterprise, initiative = (u, v) if bipartite.nodes[u].get("type") == ENTERPRISE else (v, u)
        enterprises_by_initiative[initiative].add(enterprise)
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for initiative in sorted(enterprises_by_initiative):
        for pair in combinations(sorted(enterprises_by_initiative[initiative]), 2):
            shared[pair].append(initiative)
    co_occurrence = nx.Graph(**graph.graph)
    co_occurrence.add_nodes_from(
        (n, bipartite.nodes[n]) for n in sorted(bipartite.nodes) if bipartite.nodes[n].get("type") == ENTERPRISE)
    for (a, b), initiatives in sorted(shared.items()):
        co_occurrence.add_edge(a, b, relation=CO_OCCURRENCE_RELATION, weight=len(initiatives),
                               initiatives=[bipartite.nodes[i].get("label", i) for i in initiatives])
    return co_occurrence
