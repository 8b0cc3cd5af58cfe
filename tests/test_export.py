"""Views, GraphML, CSV and JSON exports, the build/export entry points, determinism, cross-format counts."""
from __future__ import annotations

import csv
import importlib
from pathlib import Path

import networkx as nx
import pytest

from kg.errors import KgError
from kg.export import export_graph, read_json, view, write_build_exports, write_csv, write_graphml, write_json
from kg.export.flat import louvain_communities

BUILD_FILES = ["graph.gexf", "graph.graphml", "entities.csv", "relations.csv", "graph.json"]


def _add_region(graph: nx.MultiDiGraph) -> None:
    """A region with a park in it and an enterprise registered there: outside the initiatives view."""
    graph.add_node("region-jianxi", type="Region", label="涧西区", aliases=[], also=[], documents=["doc-a"],
                   mentions=1, mention_evidence=[])
    for head in ("park-ftz", "enterprise-citic"):
        graph.add_edge(head, "region-jianxi", key="locatedIn", relation="locatedIn", count=1, confidence=1.0,
                       documents=["doc-a"], evidence=[])


def _read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_full_view_is_the_graph(small_graph):
    assert view(small_graph, "full") is small_graph


def test_initiatives_view_keeps_enterprises_and_initiatives(small_graph):
    _add_region(small_graph)
    bipartite = view(small_graph, "initiatives")
    assert "region-jianxi" not in bipartite
    assert bipartite.number_of_nodes() == 8
    assert sorted(bipartite.edges(keys=True)) == sorted(
        e for e in small_graph.edges(keys=True) if "region-jianxi" not in e)
    for u, v in bipartite.edges():
        assert [bipartite.nodes[n]["type"] == "Enterprise" for n in (u, v)].count(True) == 1


def test_companies_view_links_enterprises_sharing_an_initiative(small_graph):
    companies = view(small_graph, "companies")
    assert not companies.is_directed()
    assert sorted(companies.nodes) == sorted(n for n, t in small_graph.nodes(data="type") if t == "Enterprise")
    assert [(*sorted((u, v)), w) for u, v, w in companies.edges(data="weight")] == [
        ("enterprise-citic", "enterprise-yituo", 1)]
    assert companies.edges["enterprise-yituo", "enterprise-citic"]["initiatives"] == ["专精特新"]


def test_companies_view_weight_counts_shared_initiatives(small_graph):
    for head in ("enterprise-yituo", "enterprise-citic"):
        small_graph.add_edge(head, "project-community", key="participatesIn", relation="participatesIn",
                             count=1, confidence=1.0, documents=["doc-a"], evidence=[])
    edge = view(small_graph, "companies").edges["enterprise-yituo", "enterprise-citic"]
    assert edge["weight"] == 2
    assert edge["initiatives"] == ["专精特新", "中航光电高端互连科技产业社区"]  # ordered by id


def test_communities_are_deterministic_and_cover_every_node(small_graph):
    communities = louvain_communities(small_graph)
    assert set(communities) == set(small_graph.nodes)
    assert communities == louvain_communities(small_graph)
    assert communities["enterprise-yituo"] == communities["enterprise-citic"] == communities["policy-srdi"]
    assert communities["enterprise-yituo"] != communities["park-ftz"]


def test_unknown_view_or_format_is_a_user_error(small_graph, tmp_path):
    with pytest.raises(KgError, match="unknown view"):
        view(small_graph, "everything")
    with pytest.raises(KgError, match="unknown export format"):
        export_graph(small_graph, "dot", "full", tmp_path / "graph.dot")
    with pytest.raises(KgError, match="cannot be written as RDF"):
        export_graph(small_graph, "ttl", "companies", tmp_path / "graph.ttl")
    assert not list(tmp_path.iterdir())


def test_graphml_reads_back_with_declared_types(small_graph, tmp_path):
    path = tmp_path / "graph.graphml"
    write_graphml(small_graph, path)
    read = nx.read_graphml(path)
    assert sorted(read.nodes) == sorted(small_graph.nodes)
    assert read.number_of_edges() == small_graph.number_of_edges()
    h2 = read.nodes["project-h2"]
    assert (h2["label"], h2["investment_yuan"], h2["status"]) == ("氢能项目", 14_580_000_000, "开工")
    assert read.nodes["enterprise-yituo"]["aliases"] == "一拖|中国一拖"
    edge = read.edges["enterprise-lansili", "project-h2"]
    assert (edge["relation"], edge["weight"], edge["evidence_document"]) == ("undertakes", 1.0, "doc-b")
    text = path.read_text(encoding="utf-8")
    assert 'attr.name="investment_yuan" attr.type="long"' in text
    assert text.count('attr.name="aliases"') == 1


def test_csv_tables_follow_gephi_spreadsheet_layout(small_graph, tmp_path):
    nodes_path, edges_path = tmp_path / "entities.csv", tmp_path / "relations.csv"
    write_csv(small_graph, nodes_path, edges_path)
    nodes, edges = _read_csv(nodes_path), _read_csv(edges_path)
    assert list(nodes[0])[:2] == ["Id", "Label"]
    assert list(edges[0])[:6] == ["Source", "Target", "Type", "Id", "Label", "Weight"]
    assert {"type", "aliases", "mentions", "document_count", "degree", "community"} <= set(nodes[0])
    assert {"relation", "evidence_sentence", "evidence_document"} <= set(edges[0])
    assert len(nodes) == 8 and len(edges) == 5
    h2 = next(row for row in nodes if row["Id"] == "project-h2")
    assert (h2["Label"], h2["investment_yuan"], h2["aliases"]) == ("氢能项目", "14580000000", "")
    undertakes = next(row for row in edges if row["Target"] == "project-h2")
    assert (undertakes["Type"], undertakes["Label"], undertakes["Weight"]) == ("Directed", "undertakes", "1.0")
    assert undertakes["evidence_sentence"] == "自贸区内蓝斯利公司总投资145.8亿元的氢能项目开工建设。"
    assert not nodes_path.read_bytes().startswith(b"\xef\xbb\xbf")


def test_csv_export_of_the_companies_view(small_graph, tmp_path):
    paths = export_graph(small_graph, "csv", "companies", tmp_path / "companies.csv")
    assert paths == [tmp_path / "companies.nodes.csv", tmp_path / "companies.edges.csv"]
    edges = _read_csv(paths[1])
    assert [(e["Source"], e["Target"], e["Type"], e["Weight"], e["initiatives"]) for e in edges] == [
        ("enterprise-citic", "enterprise-yituo", "Undirected", "1.0", "专精特新")]


@pytest.mark.parametrize("view_name", ["full", "companies"])
def test_json_round_trip(small_graph, tmp_path, view_name):
    graph = view(small_graph, view_name)
    path = tmp_path / "graph.json"
    write_json(graph, path)
    read = read_json(path)
    assert type(read) is type(graph)
    assert read.graph == graph.graph
    assert dict(read.nodes(data=True)) == dict(graph.nodes(data=True))
    assert sorted(read.edges(data=True), key=repr) == sorted(graph.edges(data=True), key=repr)
    if graph.is_multigraph():
        assert sorted(read.edges(keys=True)) == sorted(graph.edges(keys=True))


def test_read_json_errors_are_user_errors(tmp_path):
    with pytest.raises(KgError, match="no such graph file"):
        read_json(tmp_path / "missing.json")
    (tmp_path / "bad.json").write_text("{}", encoding="utf-8")
    with pytest.raises(KgError, match="not a node-link graph"):
        read_json(tmp_path / "bad.json")


def test_build_exports_are_deterministic(small_graph, tmp_path):
    first = write_build_exports(small_graph, tmp_path / "a")
    assert [p.name for p in first] == BUILD_FILES
    shuffled = nx.MultiDiGraph(**small_graph.graph)
    shuffled.add_nodes_from(reversed(list(small_graph.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(small_graph.edges(keys=True, data=True))))
    second = write_build_exports(shuffled, tmp_path / "b")
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes(), a.name
    assert b"2024-01-24" in first[0].read_bytes()  # newest document date, not today's


@pytest.mark.parametrize("fmt", ["gexf", "graphml", "json"])
@pytest.mark.parametrize("view_name", ["full", "initiatives", "companies"])
def test_export_graph_writes_one_file(small_graph, tmp_path, fmt, view_name):
    out = tmp_path / f"{view_name}.{fmt}"
    assert export_graph(small_graph, fmt, view_name, out) == [out]
    assert out.stat().st_size > 0
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary file left behind


def test_counts_agree_across_formats(small_graph, tmp_path):
    gexf, graphml, entities, relations, node_link = write_build_exports(small_graph, tmp_path)
    node_ids = sorted(small_graph.nodes)
    edges = sorted((u, v, key) for u, v, key in small_graph.edges(keys=True))
    from_gexf = nx.read_gexf(gexf)
    from_graphml = nx.read_graphml(graphml)
    from_json = read_json(node_link)
    assert sorted(from_gexf.nodes) == sorted(from_graphml.nodes) == sorted(from_json.nodes) == node_ids
    assert sorted(row["Id"] for row in _read_csv(entities)) == node_ids
    assert sorted((u, v, d["relation"]) for u, v, d in from_gexf.edges(data=True)) == edges
    assert sorted((u, v, d["relation"]) for u, v, d in from_graphml.edges(data=True)) == edges
    assert sorted((r["Source"], r["Target"], r["relation"]) for r in _read_csv(relations)) == edges
    assert sorted(from_json.edges(keys=True)) == edges


def test_counts_agree_with_rdf(small_graph):
    """Runs once kg.rdf provides graph_to_dataset: same entities and relations as GEXF/CSV ids."""
    rdf = importlib.import_module("kg.rdf")
    if not hasattr(rdf, "graph_to_dataset"):
        pytest.skip("kg.rdf.graph_to_dataset is not available yet")
    from kg.rdf.iris import KG, PREFIXES, entity_iri

    dataset = rdf.graph_to_dataset(small_graph)
    entity_prefix = PREFIXES["id"]
    triples = {(str(s), str(p), str(o)) for s, p, o, _g in dataset.quads((None, None, None, None))}
    subjects = {s for s, _p, _o in triples if s.startswith(entity_prefix)}
    assert subjects == {entity_iri(n) for n in small_graph.nodes}
    relations = {(s, p, o) for s, p, o in triples
                 if s.startswith(entity_prefix) and o.startswith(entity_prefix) and p.startswith(KG)}
    assert relations == {(entity_iri(u), KG + key, entity_iri(v)) for u, v, key in small_graph.edges(keys=True)}


@pytest.mark.parametrize("fmt", ["ttl", "trig", "jsonld"])
def test_rdf_formats_are_delegated_to_kg_rdf(small_graph, tmp_path, fmt):
    rdf = importlib.import_module("kg.rdf")
    if not hasattr(rdf, "write_rdf"):
        pytest.skip("kg.rdf.write_rdf is not available yet")
    out = tmp_path / f"graph.{fmt}"
    assert export_graph(small_graph, fmt, "full", out) == [out]
    assert [p.name for p in tmp_path.iterdir()] == [out.name]
    assert "enterprise-yituo" in out.read_text(encoding="utf-8")
