"""GEXF export: the official RELAX NG grammar, networkx and graphology-gexf (Node) read it back."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from kg.export import VIEWS, view, write_gexf
from kg.export.flat import flatten

ROOT = Path(__file__).resolve().parents[1]
GRAMMAR = ROOT / "schemas" / "gexf" / "1.3" / "gexf.rng"
JS_DIR = ROOT / "tests" / "js"
NS = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}
THREE_CHARACTER_ALIASES = ["丙公司", "乙集团", "甲公司"]


@pytest.fixture(scope="module")
def grammar() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(GRAMMAR)))


@pytest.fixture(scope="module")
def graphology_reader() -> list[str]:
    """The command reading a GEXF file with graphology-gexf; skipped only where Node.js is missing."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None:
        pytest.skip("Node.js is not installed: cannot cross-check GEXF with graphology-gexf")
    if not (JS_DIR / "node_modules" / "graphology-gexf").is_dir():
        if npm is None:
            pytest.skip("npm is not installed: cannot install graphology-gexf into tests/js")
        pytest.fail("graphology-gexf is not installed: run `cd tests/js && npm ci` (`make test` does it)")
    return [node, str(JS_DIR / "read_gexf.js")]


def _write(graph: nx.Graph, tmp_path: Path, name: str = "graph.gexf") -> Path:
    path = tmp_path / name
    write_gexf(graph, path)
    return path


@pytest.mark.parametrize("view_name", VIEWS)
def test_every_view_is_valid_gexf_1_3(small_graph, tmp_path, grammar, view_name):
    path = _write(view(small_graph, view_name), tmp_path)
    doc = etree.parse(str(path))
    assert grammar.validate(doc), grammar.error_log
    assert doc.getroot().get("version") == "1.3"


def test_the_validator_rejects_a_broken_file(small_graph, tmp_path, grammar):
    doc = etree.parse(str(_write(small_graph, tmp_path)))
    assert grammar.validate(doc)
    doc.find(".//g:graph", NS).set("name", "")  # what networkx.write_gexf writes
    assert not grammar.validate(doc)
    del doc.find(".//g:graph", NS).attrib["name"]
    doc.find(".//viz:color", NS).set("r", "300")
    assert not grammar.validate(doc)


@pytest.mark.parametrize("view_name", VIEWS)
def test_networkx_reads_it_back(small_graph, tmp_path, view_name):
    graph = view(small_graph, view_name)
    read = nx.read_gexf(_write(graph, tmp_path))
    assert read.graph["mode"] == "static"
    assert read.is_directed() == graph.is_directed()
    assert sorted(read.nodes) == sorted(graph.nodes)
    assert read.number_of_edges() == graph.number_of_edges()
    for node_id, attrs in graph.nodes(data=True):
        assert read.nodes[node_id]["label"] == attrs["label"]
        assert read.nodes[node_id]["type"] == attrs["type"]


def test_node_and_edge_attributes(small_graph, tmp_path):
    read = nx.read_gexf(_write(small_graph, tmp_path))
    yituo = read.nodes["enterprise-yituo"]
    assert yituo["aliases"] == "一拖|中国一拖"
    assert (yituo["mentions"], yituo["document_count"], yituo["degree"]) == (1, 1, 1)
    assert yituo["viz"]["color"] == {"r": 78, "g": 121, "b": 167, "a": 1.0}
    assert read.nodes["enterprise-lansili"]["viz"]["size"] > yituo["viz"]["size"]
    assert read.nodes["project-h2"]["investment_yuan"] == 14_580_000_000
    edge = read.edges["enterprise-yituo", "policy-srdi"]
    assert (edge["relation"], edge["label"], edge["weight"]) == ("participatesIn", "participatesIn", 1.0)
    assert edge["evidence_sentence"] == small_graph.edges["enterprise-yituo", "policy-srdi", "participatesIn"][
        "evidence"][0]["sentence"]


def test_three_character_aliases_stay_a_static_string(small_graph, tmp_path, grammar):
    """networkx.write_gexf would turn these into a dynamic spell and reject the None."""
    small_graph.nodes["enterprise-citic"]["aliases"] = THREE_CHARACTER_ALIASES
    small_graph.nodes["enterprise-citic"]["status"] = None
    small_graph.nodes["enterprise-citic"]["label"] = "中信\x0c重工"  # a control character XML cannot carry
    path = _write(small_graph, tmp_path)
    doc = etree.parse(str(path))
    assert grammar.validate(doc), grammar.error_log
    assert not doc.findall(".//g:spells", NS)
    assert doc.find(".//g:graph", NS).get("mode") == "static"
    declared = {a.get("id"): a.get("type") for a in doc.findall(".//g:attributes[@class='node']/g:attribute", NS)}
    assert declared["aliases"] == "string"
    citic = nx.read_gexf(path).nodes["enterprise-citic"]
    assert citic["aliases"] == "丙公司|乙集团|甲公司"
    assert citic["label"] == "中信重工"
    assert "status" not in citic


@pytest.mark.parametrize("view_name", VIEWS)
def test_graphology_gexf_reads_the_same_graph(small_graph, tmp_path, graphology_reader, view_name):
    graph = view(small_graph, view_name)
    path = _write(graph, tmp_path)
    result = subprocess.run([*graphology_reader, str(path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    parsed = json.loads(result.stdout)
    flat = flatten(graph)
    assert parsed["type"] == ("directed" if graph.is_directed() else "undirected")
    assert (parsed["order"], parsed["size"]) == (graph.number_of_nodes(), graph.number_of_edges())
    assert parsed["attributes"]["creator"] == "kg"
    for node in flat.nodes:
        attributes = parsed["nodes"][node.id]
        assert attributes["label"] == node.label
        assert {k: attributes[k] for k in node.values} == node.values
        assert attributes["color"].startswith("rgb(") and attributes["size"] >= 10
    for edge in flat.edges:
        parsed_edge = parsed["edges"][edge.id]
        assert (parsed_edge["source"], parsed_edge["target"]) == (edge.source, edge.target)
        attributes = parsed_edge["attributes"]
        assert (attributes["label"], attributes["kind"], attributes["weight"]) == (
            edge.relation, edge.relation, edge.weight)
        assert {k: attributes[k] for k in edge.values} == edge.values
