"""Flatten a graph view into typed, scalar node and edge tables shared by GEXF, GraphML and CSV.

Gephi and yEd accept only scalar attributes, each column with one declared type, so:
lists of strings are joined with ``|``; evidence lists become ``evidence_sentence`` and
``evidence_document`` (the first evidence); ``documents`` also gives ``document_count``;
every node gets ``degree`` and a Louvain ``community``; an edge's ``weight`` is its number
of evidences (``count``) or its ``weight`` attribute (co-occurrence view). ``None`` values
are left out. Nodes, edges and columns come out sorted, so output is deterministic.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import networkx as nx

LIST_SEPARATOR = "|"
LOUVAIN_SEED = 42
INT32_MAX = 2**31 - 1
# written as the GEXF/GraphML/CSV label or weight rather than as a column
STRUCTURAL_NODE_ATTRIBUTES = frozenset({"label"})
STRUCTURAL_EDGE_ATTRIBUTES = frozenset({"count", "weight"})

Scalar = str | int | float | bool


@dataclass(frozen=True)
class Column:
    """One attribute column: its name (also its id in every format) and GEXF/GraphML type."""

    name: str
    type: str  # "string" | "boolean" | "integer" | "long" | "double"


@dataclass(frozen=True)
class FlatNode:
    id: str
    label: str
    values: dict[str, Scalar]


@dataclass(frozen=True)
class FlatEdge:
    id: str
    source: str
    target: str
    relation: str
    weight: float
    values: dict[str, Scalar]


@dataclass(frozen=True)
class FlatGraph:
    directed: bool
    nodes: list[FlatNode]
    edges: list[FlatEdge]
    node_columns: list[Column]
    edge_columns: list[Column]


def flatten(graph: nx.Graph) -> FlatGraph:
    """The typed tables of `graph` (any view returned by kg.export.view)."""
    communities = louvain_communities(graph)
    nodes = []
    for node_id in sorted(graph.nodes):
        attrs = graph.nodes[node_id]
        values = _scalar_values(attrs, STRUCTURAL_NODE_ATTRIBUTES)
        if "documents" in attrs:
            values["document_count"] = len(attrs["documents"])
        values["degree"] = graph.degree(node_id)
        values["community"] = communities[node_id]
        nodes.append(FlatNode(node_id, str(attrs.get("label", node_id)), values))
    edges = sorted((_flat_edge(graph, u, v, key, attrs) for u, v, key, attrs in _edges(graph)),
                   key=lambda e: (e.source, e.target, e.relation, e.id))
    return FlatGraph(
        directed=graph.is_directed(),
        nodes=nodes,
        edges=edges,
        node_columns=_columns(n.values for n in nodes),
        edge_columns=_columns(e.values for e in edges),
    )


def louvain_communities(graph: nx.Graph) -> dict[str, int]:
    """Community number per node: Louvain on the undirected, weighted graph with a fixed seed.

    Communities are numbered by decreasing size, ties broken by their smallest node id.
    """
    from networkx.algorithms.community import louvain_communities as louvain

    undirected = nx.Graph()
    undirected.add_nodes_from(sorted(graph.nodes))
    for u, v, _key, attrs in sorted(_edges(graph), key=lambda e: (e[0], e[1], str(e[2]))):
        weight = _edge_weight(attrs)
        if undirected.has_edge(u, v):
            weight += undirected[u][v]["weight"]
        undirected.add_edge(u, v, weight=weight)
    found = louvain(undirected, weight="weight", seed=LOUVAIN_SEED)
    ordered = sorted(found, key=lambda members: (-len(members), min(members)))
    return {node: number for number, members in enumerate(ordered) for node in members}


def _edges(graph: nx.Graph):
    """(u, v, key, attrs) for every edge; key is None in simple graphs."""
    if graph.is_multigraph():
        return graph.edges(keys=True, data=True)
    return ((u, v, None, attrs) for u, v, attrs in graph.edges(data=True))


def _edge_weight(attrs: dict) -> float:
    return attrs.get("count", attrs.get("weight", 1))


def _flat_edge(graph: nx.Graph, u: str, v: str, key, attrs: dict) -> FlatEdge:
    if not graph.is_directed() and v < u:
        u, v = v, u
    relation = str(attrs.get("relation", key if key is not None else ""))
    values = _scalar_values(attrs, STRUCTURAL_EDGE_ATTRIBUTES)
    evidence = attrs.get("evidence") or []
    if evidence:
        values["evidence_sentence"] = evidence[0]["sentence"]
        values["evidence_document"] = evidence[0]["doc"]
    edge_id = LIST_SEPARATOR.join(part for part in (u, relation, v) if part)
    return FlatEdge(edge_id, u, v, relation, float(_edge_weight(attrs)), values)


def _scalar_values(attrs: dict, skip: frozenset[str]) -> dict[str, Scalar]:
    """Scalars kept, lists of scalars joined; None, empty lists, dicts and lists of dicts left out."""
    values: dict[str, Scalar] = {}
    for name, value in attrs.items():
        if name in skip or value is None or isinstance(value, dict):
            continue
        if isinstance(value, (list, tuple, set, frozenset)):
            if not value or any(isinstance(item, dict) for item in value):
                continue
            value = LIST_SEPARATOR.join(str(item) for item in value)
        values[name] = value
    return values


def _columns(rows) -> list[Column]:
    """One declared type per column, wide enough for every value in it."""
    seen: dict[str, list[Scalar]] = {}
    for values in rows:
        for name, value in values.items():
            seen.setdefault(name, []).append(value)
    return [Column(name, _column_type(seen[name])) for name in sorted(seen)]


def _column_type(values: list[Scalar]) -> str:
    if all(isinstance(v, bool) for v in values):
        return "boolean"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "integer" if all(abs(v) <= INT32_MAX for v in values) else "long"
    if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        return "double"
    return "string"


def format_value(value: Scalar, column_type: str) -> str:
    """The text of a value in a column of `column_type` (booleans as true/false)."""
    if column_type == "boolean":
        return "true" if value else "false"
    if column_type == "double":
        return repr(float(value))
    return str(value)


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` without the control characters XML 1.0 cannot carry."""
    return _XML_ILLEGAL.sub("", text)


def xml_cells(columns: list[Column], values: dict[str, Scalar]) -> list[tuple[str, str]]:
    """(column name, XML-safe text) for each column that has a value, in column order."""
    return [(c.name, xml_safe(format_value(values[c.name], c.type))) for c in columns if c.name in values]
