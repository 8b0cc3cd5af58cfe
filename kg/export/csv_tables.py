"""Write a graph view as the node and edge tables Gephi's spreadsheet import expects.

Nodes: ``Id``, ``Label``, then the attribute columns; edges: ``Source``, ``Target``,
``Type`` (Directed/Undirected), ``Id``, ``Label`` (the relation), ``Weight`` (number of
evidences), then the attribute columns (``evidence_sentence``, ``evidence_document`` ...).
UTF-8 without BOM, comma-separated, lists joined with ``|``.
"""
from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx

from kg.export.flat import Column, FlatGraph, flatten, format_value
from kg.io import atomic_open

NODE_HEADER = ("Id", "Label")
EDGE_HEADER = ("Source", "Target", "Type", "Id", "Label", "Weight")


def write_csv(graph: nx.Graph, nodes_path: str | Path, edges_path: str | Path, flat: FlatGraph | None = None) -> None:
    """Write `graph` (any kg.export view) as a Gephi node table and edge table (`flat`: its tables,
    if already made)."""
    flat = flat or flatten(graph)
    direction = "Directed" if flat.directed else "Undirected"
    write_table(nodes_path, NODE_HEADER, flat.node_columns,
                 (((node.id, node.label), node.values) for node in flat.nodes))
    write_table(edges_path, EDGE_HEADER, flat.edge_columns,
                 (((e.source, e.target, direction, e.id, e.relation, format_value(e.weight, "double")), e.values)
                  for e in flat.edges))


def write_table(path: str | Path, header: tuple[str, ...], columns: list[Column], rows,
                column_header=lambda column: column.name) -> None:
    """A CSV file: the fixed `header` then one column per `columns` (named by `column_header`);
    rows are (fixed cells, values by column name)."""
    with atomic_open(path, "w") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow([*header, *(column_header(c) for c in columns)])
        for fixed, values in rows:
            writer.writerow([*fixed, *(format_value(values[c.name], c.type) if c.name in values else ""
                                       for c in columns)])
