"""neo4j-admin import CSVs: typed headers, labels, every relationship end among the nodes."""
from __future__ import annotations

import csv
import subprocess
import sys

from kg.export import export_graph, write_json

HEADER_TYPES = {"ID", "START_ID", "END_ID", "TYPE", "LABEL", "string", "int", "long", "double", "boolean"}


def _read(path):
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], [dict(zip(rows[0], row)) for row in rows[1:]]


def test_neo4j_import_files(tmp_path, small_graph):
    nodes_path, relationships_path = export_graph(small_graph, "neo4j", "full", tmp_path / "neo4j")
    node_header, nodes = _read(nodes_path)
    edge_header, edges = _read(relationships_path)
    assert node_header[:3] == ["id:ID", "name", ":LABEL"]
    assert edge_header[:4] == [":START_ID", ":END_ID", ":TYPE", "weight:double"]
    for column in node_header[2:] + edge_header:
        assert ":" in column and column.rsplit(":", 1)[1] in HEADER_TYPES, column
    by_id = {row["id:ID"]: row for row in nodes}
    assert len(by_id) == small_graph.number_of_nodes()
    assert by_id["enterprise-yituo"][":LABEL"] == "Entity;Enterprise"
    assert by_id["project-community"][":LABEL"] == "Entity;Project;Park"
    assert by_id["project-h2"]["investment_yuan:long"] == "14580000000"
    assert {(e[":START_ID"], e[":TYPE"], e[":END_ID"]) for e in edges} == set(
        (u, key, v) for u, v, key in small_graph.edges(keys=True))
    for row in nodes:
        for column, value in row.items():
            if value and column.endswith((":int", ":long")):
                int(value)


def test_kg_export_neo4j_command(tmp_path, small_graph):
    write_json(small_graph, tmp_path / "graph.json")
    result = subprocess.run([sys.executable, "-m", "kg", "export", "--build", str(tmp_path), "--format", "neo4j",
                             "--view", "linked", "--out", str(tmp_path / "neo4j")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "neo4j" / "nodes.csv").is_file() and (tmp_path / "neo4j" / "relationships.csv").is_file()
