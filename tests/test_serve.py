"""`kg serve` on loopback: the SPARQL 1.1 Protocol with real clients (SPARQLWrapper, httpx), every
result format checked against the store, read-only, limits, linked-data pages, the query page."""
from __future__ import annotations

import csv
import io
import json
import threading
import xml.dom.minidom

import httpx
import pytest
import rdflib
from rdflib.compare import isomorphic
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, TSV, TURTLE, XML, SPARQLWrapper

from conftest import small_resolution
from kg.graph import build_graph
from kg.query import open_store, render, run_query
from kg.rdf import write_rdf
from kg.rdf.iris import entity_iri
from kg.serve.process import ServerProcess

SELECT = ("SELECT ?entity ?name WHERE { ?entity a kg:Enterprise ; skos:prefLabel ?name } "
          "ORDER BY ?entity")
CONSTRUCT = "CONSTRUCT { ?entity skos:prefLabel ?name } WHERE { ?entity a kg:Enterprise ; skos:prefLabel ?name }"
COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
INSERT = 'INSERT DATA { <urn:x> <urn:p> "injected" }'
YITUO = entity_iri("enterprise-yituo")


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    write_rdf(build_graph(small_resolution()), out)
    open_store(out)
    return out


@pytest.fixture(scope="module")
def server(build):
    with ServerProcess(build, "--timeout", "2", "--max-rows", "200", "--workers", "2") as url:
        yield url


@pytest.fixture(scope="module")
def store(build, server):
    return open_store(build)


def endpoint(server, fmt, query=SELECT, method=None):
    client = SPARQLWrapper(server + "/sparql")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    if method:
        client.setMethod(method)
    return client.query()


def expected_rows(store, query=SELECT):
    return [[term.value for term in row] for row in run_query(store, query).rows]


@pytest.mark.parametrize("method", [None, POST])
def test_sparqlwrapper_json(server, store, method):
    document = endpoint(server, JSON, method=method).convert()
    assert document == json.loads(render(run_query(store, SELECT), "json"))
    assert len(document["results"]["bindings"]) == 4


def test_sparqlwrapper_xml(server, store):
    dom = endpoint(server, XML).convert()
    assert isinstance(dom, xml.dom.minidom.Document)
    rows = [[node.firstChild.firstChild.data for node in result.getElementsByTagName("binding")]
            for result in dom.getElementsByTagName("result")]
    assert rows == expected_rows(store)


def test_sparqlwrapper_csv_and_tsv(server, store):
    table = list(csv.reader(io.StringIO(endpoint(server, CSV).convert().decode("utf-8"))))
    assert table == [["entity", "name"], *expected_rows(store)]
    lines = endpoint(server, TSV).convert().decode("utf-8").splitlines()
    assert lines[0] == "?entity\t?name"
    assert lines[1:] == [f"<{iri}>\t\"{name}\"@zh" for iri, name in expected_rows(store)]


def _expected_graph(store) -> rdflib.Graph:
    graph = rdflib.Graph()
    for s, p, o in run_query(store, CONSTRUCT).rows:
        graph.add((rdflib.URIRef(s.value), rdflib.URIRef(p.value), rdflib.Literal(o.value, lang=o.language)))
    return graph


@pytest.mark.parametrize("fmt, parser", [(TURTLE, "turtle"), (N3, "turtle"), (JSONLD, "json-ld")])
def test_sparqlwrapper_graph_formats(server, store, fmt, parser):
    data = endpoint(server, fmt, CONSTRUCT).response.read()
    graph = rdflib.Graph().parse(data=data, format=parser)
    assert len(graph) == 4
    assert isomorphic(graph, _expected_graph(store))


@pytest.mark.parametrize("accept, media, parser", [
    ("text/turtle", "text/turtle", "turtle"),
    ("application/n-triples", "application/n-triples", "nt"),
    ("application/ld+json", "application/ld+json", "json-ld"),
])
def test_construct_by_accept_with_a_direct_post_body(server, store, accept, media, parser):
    response = httpx.post(server + "/sparql", content=CONSTRUCT.encode("utf-8"),
                          headers={"Content-Type": "application/sparql-query", "Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    assert isomorphic(rdflib.Graph().parse(data=response.content, format=parser),
                                     _expected_graph(store))


@pytest.mark.parametrize("accept, media", [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
])
def test_results_by_accept_header(server, accept, media):
    response = httpx.get(server + "/sparql", params={"query": "ASK { ?x a kg:Park }"}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    assert "true" in response.text


def _count(server) -> str:
    return httpx.get(server + "/sparql", params={"query": COUNT_ALL}).json()["results"]["bindings"][0]["n"]["value"]


def test_updates_are_refused_and_the_store_is_unchanged(server):
    before = _count(server)
    attempts = [
        httpx.post(server + "/sparql", data={"update": INSERT}),
        httpx.post(server + "/sparql", content=INSERT, headers={"Content-Type": "application/sparql-update"}),
        httpx.post(server + "/sparql", data={"query": INSERT}),
        httpx.get(server + "/sparql", params={"query": "# a comment\nPREFIX x: <urn:x#>\n" + INSERT}),
    ]
    for response in attempts:
        assert response.status_code == 403
        assert "read-only" in response.text
    client = SPARQLWrapper(server + "/sparql", updateEndpoint=server + "/sparql")
    client.setMethod(POST)
    client.setQuery(INSERT)
    with pytest.raises(Exception, match="403"):
        client.query()
    assert _count(server) == before
    asked = httpx.get(server + "/sparql", params={"query": 'ASK { ?s ?p "injected" }'}).json()
    assert asked["boolean"] is False


def test_a_runaway_query_is_stopped_while_others_are_answered(server, store):
    runaway = {}

    def ask_runaway():
        runaway["response"] = httpx.get(server + "/sparql", params={"query": RUNAWAY}, timeout=60)

    thread = threading.Thread(target=ask_runaway)
    thread.start()
    answered = []
    while thread.is_alive() and len(answered) < 20:
        answered.append(httpx.get(server + "/sparql", params={"query": SELECT}, timeout=60))
    thread.join(60)
    assert len(answered) >= 2, "the other client was not answered while the runaway query ran"
    assert all(r.status_code == 200 and r.json() == json.loads(render(run_query(store, SELECT), "json"))
               for r in answered)
    assert runaway["response"].status_code == 503
    assert "stopped after 2 s" in runaway["response"].text
    assert httpx.get(server + "/sparql", params={"query": SELECT}).status_code == 200


def test_result_size_limit(server):
    response = httpx.get(server + "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert response.status_code == 422
    assert "more than 200 rows" in response.text


@pytest.mark.parametrize("query, status, message", [
    ("SELECT * WHERE { ?x a foaf:Person }", 400, "unknown prefix foaf: declare it"),
    ("SELECT * WHERE { ?x ", 400, "malformed SPARQL"),
    ("", 400, "give a query"),
])
def test_bad_queries_get_readable_messages(server, query, status, message):
    response = httpx.get(server + "/sparql", params={"query": query}, headers={"Accept": "application/json"})
    assert response.status_code == status
    assert message in response.text


def test_unsupported_post_body(server):
    response = httpx.post(server + "/sparql", content=b"x", headers={"Content-Type": "text/plain"})
    assert response.status_code == 415


def test_entity_page_for_a_browser(server):
    response = httpx.get(server + "/id/enterprise-yituo", headers={"Accept": "text/html,*/*;q=0.8"})
    assert response.status_code == 200
    html = response.text
    for part in ("<h1>一拖集团</h1>", "kg:Enterprise", "中国一拖", "kg:participatesIn",
                 '<a href="/id/policy-srdi">专精特新</a>', "一拖集团、中信重工等3家企业入选专精特新名单",
                 '<a href="/doc/doc-a">政府工作报告</a>'):
        assert part in html


@pytest.mark.parametrize("accept, parser", [("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
                                            ("application/n-triples", "nt")])
def test_entity_rdf_by_content_negotiation(server, accept, parser):
    response = httpx.get(server + "/id/enterprise-yituo", headers={"Accept": accept})
    assert response.status_code == 200
    graph = rdflib.Graph().parse(data=response.content, format=parser)
    assert (rdflib.URIRef(YITUO), rdflib.SKOS.prefLabel, rdflib.Literal("一拖集团", lang="zh")) in graph
    assert (rdflib.URIRef(YITUO), rdflib.URIRef("https://w3id.org/kg-gov-cn/ontology#participatesIn"),
            rdflib.URIRef(entity_iri("policy-srdi"))) in graph


def test_document_page_and_missing_iris(server):
    page = httpx.get(server + "/doc/doc-a")
    assert page.status_code == 200 and "<h1>政府工作报告</h1>" in page.text and "涧西区人民政府" in page.text
    assert httpx.get(server + "/id/enterprise-nobody").status_code == 404
    assert httpx.get(server + "/elsewhere/x").status_code == 404


def test_query_page_runs_library_queries_and_free_queries(server):
    page = httpx.get(server + "/query")
    assert page.status_code == 200 and "companies_initiatives" in page.text and 'name="name"' in page.text
    answer = httpx.get(server + "/query", params={"library": "entity", "name": "一拖"})
    assert answer.status_code == 200 and '<a href="/id/policy-srdi">' in answer.text
    free = httpx.post(server + "/query", data={"query": "SELECT ?n WHERE { ?x a kg:Park ; skos:prefLabel ?n }"})
    assert free.status_code == 200 and "自贸区" in free.text
    bad = httpx.get(server + "/query", params={"library": "entity"})
    assert bad.status_code == 400 and "missing parameter name" in bad.text


def test_home_page_counts(server):
    page = httpx.get(server + "/")
    assert page.status_code == 200 and "kg:Enterprise" in page.text


def test_iris_rewritten_to_the_servers_base(build):
    with ServerProcess(build, "--workers", "1", "--base", "http://kg.example/") as url:
        document = httpx.get(url + "/sparql", params={
            "query": "SELECT ?x WHERE { ?x skos:prefLabel \"一拖集团\"@zh }"}).json()
        assert document["results"]["bindings"][0]["x"]["value"] == "http://kg.example/id/enterprise-yituo"
        asked = httpx.get(url + "/sparql", params={"query": "ASK { <http://kg.example/id/enterprise-yituo> ?p ?o }"})
        assert asked.json()["boolean"] is True
        page = httpx.get(url + "/id/enterprise-yituo", headers={"Accept": "text/turtle"}).text
        assert "<http://kg.example/id/enterprise-yituo>" in page


def test_serve_refuses_a_folder_without_a_build(tmp_path):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "kg", "serve", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.startswith("kg: error:") and len(result.stderr.strip().splitlines()) == 1


def test_chromium_loads_an_entity_page(server, chromium):
    dom = chromium(server + "/id/enterprise-yituo", "--dump-dom")
    assert "<h1>一拖集团</h1>" in dom and "专精特新" in dom


def test_report_page(server, build):
    from kg.export.report import write_report

    missing = httpx.get(server + "/report")
    assert missing.status_code == 404 and "kg report" in missing.text
    write_report(build_graph(small_resolution()), build / "report.html")
    try:
        shown = httpx.get(server + "/report")
        assert shown.status_code == 200 and "new vis.Network" in shown.text
        assert '<a href="/report">' in httpx.get(server + "/").text
    finally:
        (build / "report.html").unlink()


@pytest.mark.parametrize("accept, fmt", [("application/sparql-results+json", "json"),
                                         ("application/sparql-results+xml", "xml"),
                                         ("text/csv", "csv"), ("text/tab-separated-values", "tsv")])
def test_curl_gets_the_stores_answer_in_every_result_format(server, store, accept, fmt):
    import shutil
    import subprocess

    if shutil.which("curl") is None:
        pytest.skip("curl is not installed")
    out = subprocess.run(["curl", "-sS", "--max-time", "30", "-H", f"Accept: {accept}", server + "/sparql",
                          "--data-urlencode", f"query={SELECT}"], capture_output=True, check=True).stdout
    assert out.decode("utf-8") == render(run_query(store, SELECT), fmt)
