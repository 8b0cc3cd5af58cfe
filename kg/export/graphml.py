"""Write a graph view as GraphML for Gephi, yEd, igraph and Cytoscape.

Every key has one declared type; lists are joined with ``|`` (these tools reject list
values). Node ``label`` and edge ``weight`` keys use the names Gephi and yEd recognise.
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from kg.export.flat import Column, FlatGraph, flatten, xml_cells
from kg.io import write_bytes

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
GRAPHML_TYPES = {"string": "string", "boolean": "boolean", "integer": "int", "long": "long", "double": "double"}
LABEL = Column("label", "string")
WEIGHT = Column("weight", "double")


def write_graphml(graph: nx.Graph, path: str | Path, flat: FlatGraph | None = None) -> None:
    """Write `graph` (any kg.export view) to `path` as GraphML (`flat`: its tables, if already made)."""
    write_bytes(path, graphml_bytes(graph, flat))


def graphml_bytes(graph: nx.Graph, flat: FlatGraph | None = None) -> bytes:
    from lxml import etree

    flat = flat or flatten(graph)
    node_columns = [LABEL, *flat.node_columns]
    edge_columns = [WEIGHT, *flat.edge_columns]
    root = etree.Element(f"{{{GRAPHML_NS}}}graphml", nsmap={None: GRAPHML_NS})

    def sub(parent, tag: str, **attrs: str):
        return etree.SubElement(parent, f"{{{GRAPHML_NS}}}{tag}", attrs)

    def data(parent, element_class: str, columns: list[Column], values: dict) -> None:
        for name, text in xml_cells(columns, values):
            sub(parent, "data", key=f"{element_class}_{name}").text = text

    for element_class, columns in (("node", node_columns), ("edge", edge_columns)):
        for column in columns:
            sub(root, "key", id=f"{element_class}_{column.name}", **{
                "for": element_class, "attr.name": column.name, "attr.type": GRAPHML_TYPES[column.type]})
    graph_el = sub(root, "graph", id="G", edgedefault="directed" if flat.directed else "undirected")
    for node in flat.nodes:
        data(sub(graph_el, "node", id=node.id), "node", node_columns, {"label": node.label, **node.values})
    for edge in flat.edges:
        data(sub(graph_el, "edge", id=edge.id, source=edge.source, target=edge.target), "edge", edge_columns,
             {"weight": edge.weight, **edge.values})
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
