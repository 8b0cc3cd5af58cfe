"""A graph view as `neo4j-admin database import` CSV files, for graph-database users.

`nodes.csv`: `id:ID`, `name`, `:LABEL` (`Entity;<type>`, then any other type it also has), then the typed attribute columns;
`relationships.csv`: `:START_ID`, `:END_ID`, `:TYPE` (the relation), `weight:double`, then the
typed attribute columns.  Lists inside a value are joined with `|` (a plain string in Neo4j).
Import with

    neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv neo4j
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx

from kg.export.csv_tables import write_table
from kg.export.flat import LIST_SEPARATOR, Column, flatten, format_value

NODES, RELATIONSHIPS = "nodes.csv", "relationships.csv"
# kg.export.flat column type -> neo4j-admin header type
NEO4J_TYPES = {"string": "string", "boolean": "boolean", "integer": "int", "long": "long", "double": "double"}


def write_neo4j(graph: nx.Graph, folder: str | Path) -> list[Path]:
    """Write `graph` (any kg.export view) as neo4j-admin import files into `folder`."""
    folder = Path(folder)
    nodes_path, relationships_path = folder / NODES, folder / RELATIONSHIPS
    flat = flatten(graph)

    def typed(column: Column) -> str:
        return f"{column.name}:{NEO4J_TYPES[column.type]}"

    write_table(nodes_path, ("id:ID", "name", ":LABEL"), flat.node_columns,
                (((n.id, n.label, _labels(n.values)), n.values) for n in flat.nodes), typed)
    write_table(relationships_path, (":START_ID", ":END_ID", ":TYPE", "weight:double"), flat.edge_columns,
                (((e.source, e.target, e.relation, format_value(e.weight, "double")), e.values) for e in flat.edges),
                typed)
    return [nodes_path, relationships_path]


def _labels(values: dict) -> str:
    also = str(values["also"]).split(LIST_SEPARATOR) if values.get("also") else []
    return ";".join(["Entity", str(values.get("type", "Entity")), *also])
