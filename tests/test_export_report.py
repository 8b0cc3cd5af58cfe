"""`kg report`: one self-contained offline HTML file; headless Chromium draws its network and table."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from kg.export.report import network_data, report_html, write_report
from kg.export.views import view


@pytest.fixture
def graph_with_a_loner(small_graph):
    small_graph.add_node("enterprise-lonely", type="Enterprise", label="孤独公司", aliases=[], documents=["doc-a"])
    return small_graph


def test_linked_view_drops_entities_without_relations(graph_with_a_loner):
    linked = view(graph_with_a_loner, "linked")
    assert "enterprise-lonely" not in linked
    assert set(linked.nodes) == set(graph_with_a_loner.nodes) - {"enterprise-lonely"}
    assert linked.number_of_edges() == graph_with_a_loner.number_of_edges()


def test_network_shows_the_linked_part_coloured_by_type(graph_with_a_loner):
    data = network_data(graph_with_a_loner)
    ids = {node["id"] for node in data["nodes"]}
    assert "enterprise-lonely" not in ids and len(ids) == 8
    colours = {node["type"]: node["color"] for node in data["nodes"]}
    assert colours["Enterprise"] == "#4E79A7" and colours["Park"] == "#59A14F"
    assert {(e["from"], e["to"]) for e in data["edges"]} >= {("enterprise-yituo", "policy-srdi")}


def test_report_is_self_contained(graph_with_a_loner):
    html = report_html(graph_with_a_loner, "test")
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=|@import|url\(\s*['\"]?https?:", html)
    assert "vis-network" in html and "new vis.Network" in html
    data = json.loads(re.search(r'id="kg-network">(.*?)</script>', html).group(1).replace("<\\/", "</"))
    assert len(data["nodes"]) == 8
    for text in ("一拖集团", "专精特新", "一拖集团、中信重工等3家企业入选专精特新名单。", "Top Enterprise"):
        assert text in html


def test_kg_report_command_and_missing_build(tmp_path, small_graph):
    from kg.export import write_json

    write_json(small_graph, tmp_path / "graph.json")
    result = subprocess.run([sys.executable, "-m", "kg", "report", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 0 and (tmp_path / "report.html").is_file()
    missing = subprocess.run([sys.executable, "-m", "kg", "report", str(tmp_path / "none")],
                             capture_output=True, text=True)
    assert missing.returncode == 2 and missing.stderr.startswith("kg: error:") and "graph.json" in missing.stderr


def test_chromium_draws_the_network_and_the_table(tmp_path, small_graph, chromium):
    path = write_report(small_graph, tmp_path / "report.html")
    # on a loaded machine headless Chromium sometimes dumps the page before vis-network's first
    # frame (twice in about a dozen runs of the whole suite): up to three tries, each a fresh browser
    for _ in range(3):
        dom = chromium(path.as_uri(), "--dump-dom")
        if 'data-network="drawn"' in dom:
            break
    assert 'data-network="drawn"' in dom
    assert "<canvas" in dom
    assert 'id="shown">5 of 5 rows<' in dom  # the table script ran over the five company-initiative rows
    shot = tmp_path / "report.png"
    chromium(path.as_uri(), f"--screenshot={shot}", "--window-size=1280,1600")
    assert shot.stat().st_size > 10_000
