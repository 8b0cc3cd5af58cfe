"""--min-confidence: what is read with less confidence leaves the build, the exports and the queries."""
import json

from kg import api
from kg.graph.confidence import at_least

TEXT = "支持中信重工等企业参与专精特新培育计划。中航光电新能源汽车连接器项目建成投产。"


def confidences(graph):
    nodes = [ev["confidence"] for _, attrs in graph.nodes(data=True) for ev in attrs["mention_evidence"]]
    edges = [ev["confidence"] for *_, attrs in graph.edges(keys=True, data=True) for ev in attrs["evidence"]]
    return nodes, edges


def test_build_and_graph_filter_agree(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    _, full, _ = api.build([tmp_path / "a.txt"], tmp_path / "full")
    nodes, edges = confidences(full)
    assert len(set(nodes)) >= 2, "the document's entities must be read with more than one confidence"
    threshold = min(c for c in nodes if c > min(nodes))  # cuts the least confident entity
    _, strict, _ = api.build([tmp_path / "a.txt"], tmp_path / "strict", min_confidence=threshold)
    filtered = at_least(full, threshold)
    for graph in (strict, filtered):
        assert all(c >= threshold for part in confidences(graph) for c in part)
    assert set(filtered.nodes) == set(strict.nodes) and set(filtered.edges) == set(strict.edges)
    assert len(filtered) < len(full) and filtered.number_of_edges() < full.number_of_edges()
    assert json.loads((tmp_path / "strict" / "build.json").read_text(encoding="utf-8"))["min_confidence"] == threshold
    for node in filtered:
        assert filtered.nodes[node]["mentions"] == len(filtered.nodes[node]["mention_evidence"])
