"""Write a graph view as static GEXF 1.3 for Gephi, Gephi Lite and sigma.js.

Written with lxml rather than ``networkx.write_gexf``, which turns lists of 3-character
strings into dynamic spells, rejects ``None`` and writes 1.3 files the grammar rejects.
Node ids are the canonical entity ids (the RDF local names). Nodes are coloured by entity
type (``TYPE_COLOURS``) and sized by degree; edges carry the relation as label and kind
(Gephi 0.10 keeps parallel edges of different kinds) and the number of evidences as weight.
"""
from __future__ import annotations

import math
import re
from pathlib import Path

import networkx as nx

from kg.export.flat import Column, FlatGraph, flatten, format_value, xml_cells, xml_safe
from kg.io import write_bytes

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
CREATOR = "kg"
DESCRIPTION = "Knowledge graph of enterprises, projects, parks and policies extracted by kg"
# Tableau 10 colours, one per entity type (legend in README.md)
TYPE_COLOURS = {
    "Enterprise": (78, 121, 167),  # blue   #4E79A7
    "Project": (242, 142, 43),  # orange #F28E2B
    "Park": (89, 161, 79),  # green  #59A14F
    "Policy": (225, 87, 89),  # red    #E15759
    "Institution": (176, 122, 161),  # purple #B07AA1
    "Region": (156, 117, 95),  # brown  #9C755F
}
OTHER_COLOUR = (186, 176, 172)  # grey #BAB0AC
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def node_size(degree: int) -> float:
    """Viz size: grows with the square root of the degree so hubs stay readable."""
    return round(10.0 + 4.0 * math.sqrt(degree), 2)


def write_gexf(graph: nx.Graph, path: str | Path, flat: FlatGraph | None = None) -> None:
    """Write `graph` (any kg.export view) to `path` as GEXF 1.3 (`flat`: its tables, if already made)."""
    write_bytes(path, gexf_bytes(graph, flat))


def gexf_bytes(graph: nx.Graph, flat: FlatGraph | None = None) -> bytes:
    from lxml import etree

    flat = flat or flatten(graph)
    root = etree.Element(f"{{{GEXF_NS}}}gexf", nsmap={None: GEXF_NS, "viz": VIZ_NS}, version="1.3")
    _meta(root, graph)
    graph_el = _sub(root, "graph", defaultedgetype="directed" if flat.directed else "undirected",
                    mode="static", idtype="string")
    _declare(graph_el, "node", flat.node_columns)
    _declare(graph_el, "edge", flat.edge_columns)
    _nodes(graph_el, flat)
    _edges(graph_el, flat)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _sub(parent, tag: str, ns: str = GEXF_NS, **attrs: str):
    from lxml import etree

    return etree.SubElement(parent, f"{{{ns}}}{tag}", attrs)


def _meta(root, graph: nx.Graph) -> None:
    """Creator and description; the date is the newest source document's, never today's."""
    meta = _sub(root, "meta")
    dates = [d.get("date") for d in graph.graph.get("documents", [])]
    valid_dates = [d for d in dates if isinstance(d, str) and _ISO_DATE.fullmatch(d)]
    if valid_dates:
        meta.set("lastmodifieddate", max(valid_dates))
    _sub(meta, "creator").text = CREATOR
    _sub(meta, "description").text = DESCRIPTION


def _declare(graph_el, element_class: str, columns: list[Column]) -> None:
    attributes = _sub(graph_el, "attributes", **{"class": element_class, "mode": "static"})
    for column in columns:
        _sub(attributes, "attribute", id=column.name, title=column.name, type=column.type)


def _attvalues(parent, columns: list[Column], values: dict) -> None:
    attvalues = _sub(parent, "attvalues")
    for name, text in xml_cells(columns, values):
        _sub(attvalues, "attvalue", **{"for": name, "value": text})


def _nodes(graph_el, flat: FlatGraph) -> None:
    nodes = _sub(graph_el, "nodes", count=str(len(flat.nodes)))
    for node in flat.nodes:
        node_el = _sub(nodes, "node", id=node.id, label=xml_safe(node.label))
        _attvalues(node_el, flat.node_columns, node.values)
        r, g, b = TYPE_COLOURS.get(node.values.get("type"), OTHER_COLOUR)
        _sub(node_el, "color", VIZ_NS, r=str(r), g=str(g), b=str(b))
        _sub(node_el, "size", VIZ_NS, value=repr(node_size(node.values["degree"])))


def _edges(graph_el, flat: FlatGraph) -> None:
    edges = _sub(graph_el, "edges", count=str(len(flat.edges)))
    for edge in flat.edges:
        edge_el = _sub(edges, "edge", id=edge.id, source=edge.source, target=edge.target,
                       weight=format_value(edge.weight, "double"))
        if edge.relation:
            edge_el.set("label", edge.relation)
            edge_el.set("kind", edge.relation)
        _attvalues(edge_el, flat.edge_columns, edge.values)
