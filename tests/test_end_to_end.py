"""The whole pipeline on one bundled document, through the library API behind `kg build`."""
import json
from pathlib import Path

import networkx as nx
import pytest

from kg import api

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "data" / "corpus" / "luoyang-2023-government-work-report-summary.txt"
BUILD_FILES = ("graph.trig", "graph.nq", "graph.gexf", "graph.graphml", "entities.csv",
               "relations.csv", "graph.json")


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    out = [tmp_path_factory.mktemp(f"build{i}") for i in range(2)]
    results = [api.build([DOC], o) for o in out]
    return out, results


def test_build_writes_every_output(builds):
    out = builds[0][0]
    for name in BUILD_FILES:
        assert (out / name).is_file() and (out / name).stat().st_size > 0, name
    assert (out / "extractions" / f"{DOC.stem}.json").is_file()
    assert not list(out.rglob("*.tmp"))


def test_outputs_are_byte_identical_across_runs(builds):
    first, second = builds[0]
    for path in sorted(first.rglob("*")):
        if path.is_file() and "store" not in path.relative_to(first).parts:  # a database, not an output
            assert path.read_bytes() == (second / path.relative_to(first)).read_bytes(), path.name


def test_the_query_store_is_ready_when_the_build_ends(builds):
    from kg.query import open_store, run_query

    out = builds[0][0]
    db = out / "store" / "db"
    made = db.stat().st_mtime_ns
    result = run_query(open_store(out), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(result.rows[0][0].value) == sum(1 for _ in open(out / "graph.nq", encoding="utf-8"))
    assert db.stat().st_mtime_ns == made  # opened, not made again


def test_graph_has_companies_in_initiatives_with_evidence(builds):
    _, graph, _ = builds[1][0]
    from kg.graph.summary import company_initiatives

    rows = company_initiatives(graph)
    assert rows, "no company-initiative rows"
    for row in rows:
        assert row.evidence and row.document == DOC.stem


def test_rdf_and_gexf_read_back(builds):
    import rdflib

    out = builds[0][0]
    trig = rdflib.Dataset().parse(out / "graph.trig", format="trig")
    assert len(trig) > 0
    gexf = nx.read_gexf(out / "graph.gexf")
    _, graph, _ = builds[1][0]
    assert gexf.number_of_nodes() == graph.number_of_nodes()


def test_extraction_json_follows_the_annotation_guide(builds):
    data = json.loads((builds[0][0] / "extractions" / f"{DOC.stem}.json").read_text(encoding="utf-8"))
    assert data["doc"] == DOC.stem
    assert data["entities"] and {"name", "type", "aliases"} <= set(data["entities"][0])
    names = {e["name"] for e in data["entities"]} | {a for e in data["entities"] for a in e["aliases"]}
    for rel in data["relations"]:
        assert {"head", "relation", "tail", "evidence"} <= set(rel)
        assert rel["head"] in names and rel["tail"] in names
        assert rel["evidence"]
