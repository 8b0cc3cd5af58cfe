"""Query library on pyoxigraph, checked against rdflib's SPARQL engine; params, errors, rendering, store."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil

import pytest
from rdflib import BNode, Dataset, Literal, URIRef

from conftest import small_resolution
from kg.errors import KgError
from kg.graph import build_graph
from kg.query import list_queries, open_store, render, resolve_query, run_query, stats_text
from kg.query.engine import QueryResult
from kg.query.library import pages, query_parameters, substitute_params
from kg.query.render import term_json
from kg.rdf import write_rdf
from kg.rdf.iris import document_iri, entity_iri
from kg.resources import QUERIES

PARAMS = {"name": "一拖"}  # an alias of 一拖集团 in the small graph
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    write_rdf(build_graph(small_resolution()), out)
    return out


@pytest.fixture(scope="module")
def store(build):
    return open_store(build)


@pytest.fixture(scope="module")
def rdflib_dataset(build):
    ds = Dataset(default_union=True)
    ds.parse(build / "graph.trig", format="trig")
    return ds


def _rdflib_json(term) -> dict | None:
    """An rdflib term as a SPARQL JSON binding, to compare with kg.query.render.term_json."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    binding = {"type": "literal", "value": str(term)}
    if term.language:
        binding["xml:lang"] = term.language
    elif term.datatype is not None and str(term.datatype) != XSD_STRING:
        binding["datatype"] = str(term.datatype)
    return binding


def _params_for(sparql: str) -> dict[str, str]:
    return {name: PARAMS[name] for name in query_parameters(sparql)}


@pytest.mark.parametrize("name", [name for name, _ in list_queries()])
def test_library_query_gives_identical_answers_on_rdflib_and_pyoxigraph(name, store, rdflib_dataset):
    sparql = resolve_query(name)
    params = _params_for(sparql)
    oxigraph = run_query(store, sparql, params)
    # rdflib has no LATERAL: it answers the plain join, the same rows in no particular order
    lateral = re.search(r"\bLATERAL\b", sparql) is not None
    expected = rdflib_dataset.query(substitute_params(re.sub(r"\bLATERAL\b", "", sparql), params))
    assert oxigraph.variables == [str(v) for v in expected.vars]
    rdflib_rows = [[_rdflib_json(row[v]) for v in expected.vars] for row in expected]
    oxigraph_rows = [[term_json(t) if t is not None else None for t in row] for row in oxigraph.rows]
    assert oxigraph_rows, f"{name} answers nothing on the small graph: the comparison would prove nothing"
    if lateral:
        oxigraph_rows, rdflib_rows = (sorted(rows, key=json.dumps) for rows in (oxigraph_rows, rdflib_rows))
    assert oxigraph_rows == rdflib_rows


# the order each query that pages documents: a function of the row's values (name -> value)
PAGE_ORDER = {
    "relation_evidence": lambda r: (r["subjectName"], r["relation"], r["objectName"], r["document"], int(r["start"]),
                                    int(r["end"]), r["rule"]),
    "companies_initiatives": lambda r: (r["companyName"], r["initiativeName"], r["relation"], r["document"],
                                        r["sentence"]),
}


@pytest.mark.parametrize("name", sorted(PAGE_ORDER))
def test_a_query_that_pages_answers_in_order_a_page_at_a_time(name, store):
    sparql = resolve_query(name)
    assert pages(sparql)
    everything = run_query(store, sparql, {"limit": "0"})
    rows = [dict(zip(everything.variables, (t.value for t in row))) for row in everything.rows]
    assert len(rows) >= 3 and [PAGE_ORDER[name](r) for r in rows] == sorted(PAGE_ORDER[name](r) for r in rows)
    assert run_query(store, sparql, {}).rows == everything.rows  # fewer rows than a page
    paged = []
    for offset in range(0, len(rows), 2):
        paged += run_query(store, sparql, {"limit": "2", "offset": str(offset)}).rows
    assert paged == everything.rows
    assert run_query(store, sparql, {"offset": str(len(rows))}).rows == []


def test_page_parameters_are_checked(store):
    with pytest.raises(KgError, match="--limit '-1': give a whole number"):
        run_query(store, resolve_query("relation_evidence"), {"limit": "-1"})
    with pytest.raises(KgError, match="--offset applies to the library queries that page"):
        run_query(store, "SELECT * WHERE { ?s ?p ?o }", {"offset": "2"})
    assert query_parameters(resolve_query("relation_evidence")) == []


def test_library_is_documented():
    queries = dict(list_queries())
    assert {"companies_initiatives", "initiatives_per_company", "projects_per_park", "policies_by_enterprises",
            "shared_initiatives", "entity", "mentions", "relation_evidence"} <= set(queries)
    for path in QUERIES.glob("*.rq"):
        text = path.read_text(encoding="utf-8")
        header = text.split("PREFIX")[0].split("SELECT")[0]
        assert queries[path.stem] and "Parameters:" in header, path.name
        for param in query_parameters(text):
            assert f"${param}" in header, (path.name, param)


def _rows(result: QueryResult) -> list[list]:
    return [[None if t is None else t.value for t in row] for row in result.rows]


def test_companies_initiatives_answers_the_question(store):
    rows = _rows(run_query(store, resolve_query("companies_initiatives"), {}))
    pairs = {(row[0], row[2]) for row in rows}
    assert pairs == {("中航光电", "中航光电高端互连科技产业社区"), ("一拖集团", "专精特新"), ("中信重工", "专精特新"),
                     ("蓝斯利公司", "氢能项目")}


def test_every_relation_traces_to_document_sentence_and_spans(store, small_graph):
    result = run_query(store, resolve_query("relation_evidence"), {})
    col = {name: i for i, name in enumerate(result.variables)}
    traced = sorted(
        (row[col["document"]].value, row[col["sentence"]].value, int(row[col["start"]].value), int(row[col["end"]].value),
         int(row[col["origStart"]].value), int(row[col["origEnd"]].value), row[col["rule"]].value)
        for row in result.rows)
    expected = sorted((document_iri(ev["doc"]), ev["sentence"], ev["start"], ev["end"], ev["orig_start"],
                       ev["orig_end"], ev["source"]) for _, _, data in small_graph.edges(data=True)
                      for ev in data["evidence"])
    assert traced == expected


def test_entity_by_alias_and_mentions(store):
    rows = _rows(run_query(store, resolve_query("entity"), {"name": "中国一拖"}))
    assert {row[0] for row in rows} == {entity_iri("enterprise-yituo")}
    assert ["out", "https://w3id.org/kg-gov-cn/ontology#participatesIn", entity_iri("policy-srdi"), "专精特新"] in \
        [row[1:] for row in rows]
    incoming = _rows(run_query(store, resolve_query("entity"), {"name": "专精特新"}))
    assert {row[3] for row in incoming if row[1] == "in"} == {entity_iri("enterprise-yituo"), entity_iri("enterprise-citic")}
    mentions = _rows(run_query(store, resolve_query("mentions"), {"name": "蓝斯利"}))
    assert [row[2:] for row in mentions] == [["doc-b.txt", "0", "自贸区内蓝斯利公司总投资145.8亿元的氢能项目开工建设。",
                                              "4", "9", "7", "12"]]


@pytest.mark.parametrize("value", ['一拖" ) } UNION { ?entity ?property ?value } #', "x\\\" . }", "a\nb\t'c'", "${name}"])
def test_param_values_cannot_inject_sparql(store, value):
    sparql = resolve_query("entity")
    assert run_query(store, sparql, {"name": value}).rows == []
    assert run_query(store, 'SELECT ?v WHERE { BIND($v AS ?v) }', {"v": value}).rows[0][0].value == value


def test_params_only_outside_strings_iris_and_comments():
    sparql = 'SELECT * WHERE { ?s <http://x/$a> "$b" ; ?p $c } # $d\n'
    assert query_parameters(sparql) == ["c"]
    assert substitute_params(sparql, {"c": "v"}) == 'SELECT * WHERE { ?s <http://x/$a> "$b" ; ?p "v" } # $d\n'


@pytest.mark.parametrize("params, message", [
    ({}, "missing parameter name"),
    ({"name": "x", "color": "3"}, "unknown parameter color"),
    ({"name": "x", "limit": "3"}, "--limit applies to the library queries that page"),
])
def test_wrong_params_are_user_errors(store, params, message):
    with pytest.raises(KgError, match=message):
        run_query(store, resolve_query("entity"), params)


@pytest.mark.parametrize("sparql", ["SELECT ?x WHERE { ?x", "SELECT * WHERE { ?s ?p ?o } LIMIT x"])
def test_malformed_sparql_is_a_user_error(store, sparql):
    with pytest.raises(KgError, match="malformed SPARQL"):
        run_query(store, sparql, {})


def test_updates_are_refused(store):
    with pytest.raises(KgError, match="updates are not allowed"):
        run_query(store, "INSERT DATA { <urn:a> <urn:b> <urn:c> }", {})
    assert not run_query(store, "ASK { <urn:a> ?p ?o }", {}).boolean


def test_a_query_over_its_time_limit_stops(store):
    cartesian = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
    with pytest.raises(KgError, match="ran longer than 0.5 s"):
        run_query(store, cartesian, {}, timeout=0.5)


def test_resolve_query_by_name_file_or_text(tmp_path):
    assert resolve_query("entity") == (QUERIES / "entity.rq").read_text(encoding="utf-8")
    rq = tmp_path / "mine.rq"
    rq.write_text("ASK { ?s ?p ?o }", encoding="utf-8")
    assert resolve_query(str(rq)) == "ASK { ?s ?p ?o }"
    assert resolve_query("select * where { ?s ?p ?o }").startswith("select")
    with pytest.raises(KgError, match="unknown query 'nope'.*companies_initiatives"):
        resolve_query("nope")
    with pytest.raises(KgError, match="not found"):
        resolve_query(str(tmp_path / "missing.rq"))


def test_missing_build_is_a_user_error(tmp_path):
    with pytest.raises(KgError, match="run `kg build` first"):
        open_store(tmp_path / "nowhere")


def test_render_formats(store):
    result = run_query(store, resolve_query("mentions"), {"name": "一拖集团"})
    document = json.loads(render(result, "json"))
    assert document["head"]["vars"] == result.variables
    binding = document["results"]["bindings"][0]
    assert binding["entityName"] == {"type": "literal", "value": "一拖集团", "xml:lang": "zh"}
    assert binding["start"] == {"type": "literal", "value": "19", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}
    assert binding["document"] == {"type": "uri", "value": document_iri("doc-a")}
    rows = list(csv.reader(io.StringIO(render(result, "csv"))))
    assert rows[0] == result.variables and rows[1][:3] == ["一拖集团", document_iri("doc-a"), "doc-a.txt"]
    tsv = render(result, "tsv").splitlines()
    assert tsv[0].split("\t")[:2] == ["?entityName", "?document"]
    assert tsv[1].split("\t")[:2] == ['"一拖集团"@zh', f"<{document_iri('doc-a')}>"]
    table = render(result, "table")
    assert "doc:doc-a" in table and "1 row(s)" in table
    ask = run_query(store, "ASK { ?s a <https://w3id.org/kg-gov-cn/ontology#Park> }", {})
    assert json.loads(render(ask, "json")) == {"head": {}, "boolean": True}
    with pytest.raises(KgError, match="unknown format"):
        render(result, "yaml")


def test_xml_results_read_back_by_rdflib(store):
    from rdflib.query import Result

    result = run_query(store, resolve_query("mentions"), {"name": "一拖集团"})
    parsed = Result.parse(io.BytesIO(render(result, "xml").encode("utf-8")), format="xml")
    assert [str(v) for v in parsed.vars] == result.variables
    assert [[_rdflib_json(row[v]) for v in parsed.vars] for row in parsed] == [
        [None if term is None else term_json(term) for term in row] for row in result.rows]
    ask = run_query(store, "ASK { ?s a kg:Park }", {})
    assert Result.parse(io.BytesIO(render(ask, "xml").encode("utf-8")), format="xml").askAnswer is True


def test_project_prefixes_are_predeclared(store):
    result = run_query(store, "SELECT ?name WHERE { ?x a kg:Park ; skos:prefLabel ?name }", {})
    assert [row[0].value for row in result.rows] == ["自贸区"]
    own = "PREFIX kg: <urn:other#> ASK { ?x a kg:Park }"
    assert run_query(store, own, {}).boolean is False  # a query's own declaration wins


@pytest.mark.parametrize("sparql, prefix", [
    ("SELECT * WHERE { ?x a foaf:Person }", "foaf"),
    ('SELECT * WHERE { ?x ex:p "kg:in a string" } # ex2: in a comment', "ex"),
])
def test_an_undeclared_prefix_is_named(store, sparql, prefix):
    with pytest.raises(KgError, match=f"unknown prefix {prefix}: declare it with `PREFIX {prefix}:"):
        run_query(store, sparql, {})


def test_result_size_limit(store):
    from kg.query.engine import ResultTooLarge

    assert len(run_query(store, "SELECT * WHERE { ?x a kg:Enterprise }", max_rows=4).rows) == 4
    with pytest.raises(ResultTooLarge, match="more than 3 rows"):
        run_query(store, "SELECT * WHERE { ?x a kg:Enterprise }", max_rows=3)


def test_unbound_values_render_empty(store):
    optional = run_query(store, "SELECT ?a ?b WHERE { BIND(1 AS ?a) }", {})
    assert json.loads(render(optional, "json"))["results"]["bindings"] == [
        {"a": {"type": "literal", "value": "1", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}]
    assert render(optional, "csv") == "a,b\r\n1,\r\n"


@pytest.mark.parametrize("name", [name for name, _ in list_queries()])
def test_a_build_held_in_memory_answers_as_the_on_disk_store(name, build, store):
    sparql = resolve_query(name)
    params = _params_for(sparql)
    memory = open_store(build, in_memory=True)
    assert run_query(memory, sparql, params).rows == run_query(store, sparql, params).rows


def test_long_lived_readers_hold_a_small_build_in_memory(build, monkeypatch):
    from pyoxigraph import NamedNode, Quad

    from kg.query import engine

    quad = Quad(NamedNode("http://example.org/s"), NamedNode("http://example.org/p"), NamedNode("http://example.org/o"))
    open_store(build, in_memory=None).add(quad)  # a store of its own in memory: writable
    monkeypatch.setattr(engine, "IN_MEMORY_BYTES", 0)
    with pytest.raises(RuntimeError, match="read-write"):  # the on-disk store, opened read-only
        open_store(build, in_memory=None).add(quad)


def test_store_is_loaded_once_and_rebuilt_when_the_trig_changes(tmp_path, small_graph):
    write_rdf(small_graph, tmp_path)
    park_count = "SELECT (COUNT(?p) AS ?n) WHERE { ?p a <https://w3id.org/kg-gov-cn/ontology#Park> }"
    assert run_query(open_store(tmp_path), park_count, {}).rows[0][0].value == "1"
    db = tmp_path / "store" / "db"
    inode = os.stat(db).st_ino
    assert run_query(open_store(tmp_path), park_count, {}).rows[0][0].value == "1"
    assert os.stat(db).st_ino == inode  # not rebuilt
    small_graph.remove_node("park-ftz")
    write_rdf(small_graph, tmp_path)
    assert run_query(open_store(tmp_path), park_count, {}).rows[0][0].value == "0"


def test_store_creation_removes_leftovers_of_killed_runs(tmp_path, small_graph):
    write_rdf(small_graph, tmp_path)
    leftover = tmp_path / "store" / "db.tmp-999999"
    leftover.mkdir(parents=True)
    (leftover / "000001.sst").write_bytes(b"half written")
    open_store(tmp_path)
    assert sorted(p.name for p in (tmp_path / "store").iterdir()) == ["db", "lock", "source"]


@pytest.mark.parametrize("damage", ["delete", "corrupt"])
def test_a_deleted_or_corrupt_store_is_made_again(tmp_path, small_graph, damage):
    write_rdf(small_graph, tmp_path)
    open_store(tmp_path)
    db = tmp_path / "store" / "db"
    if damage == "delete":
        shutil.rmtree(tmp_path / "store")
    else:
        for path in db.iterdir():
            if path.is_file():
                path.write_bytes(b"\x00garbage")
    assert run_query(open_store(tmp_path), "ASK { ?s a <https://w3id.org/kg-gov-cn/ontology#Park> }", {}).boolean


def test_stats_text(build):
    text = stats_text(build)
    assert "kg:Enterprise" in text and "kg:undertakes" in text and "蓝斯利公司" in text


def test_the_build_store_loads_the_nquads_while_they_are_written(tmp_path, monkeypatch):
    import pyoxigraph

    import kg.rdf.load
    from kg.query.engine import loading_store
    from kg.rdf.convert import graph_nquads
    from kg.rdf.serialize import write_nquads

    monkeypatch.setattr(kg.rdf.load, "CHUNK_BYTES", 2000)  # many pieces, more than the feed holds
    chunks = []
    with loading_store(tmp_path) as feed:
        def sink(chunk):
            chunks.append(chunk)
            feed.write(chunk)
        write_nquads(graph_nquads(build_graph(small_resolution())), tmp_path / "graph.nq", sink)
        feed.close()
    assert len(chunks) > 10 and all(chunk.endswith(b"\n") for chunk in chunks)
    written = set(pyoxigraph.parse(path=str(tmp_path / "graph.nq"), format=pyoxigraph.RdfFormat.N_QUADS))
    assert set(pyoxigraph.Store.read_only(str(tmp_path / "store" / "db"))) == written
    assert (tmp_path / "store" / "source").is_file()


def test_a_failed_store_load_is_raised_once_the_writer_is_done(tmp_path):
    from kg.query.engine import loading_store

    with pytest.raises(KgError, match="graph.nq is not valid N-Quads"):
        with loading_store(tmp_path) as feed:
            for _ in range(5):  # more than the feed holds: the writer is not held up by the failed load
                feed.write(b"<not an iri\n")
    assert not (tmp_path / "store" / "db").exists() and not (tmp_path / "store" / "source").exists()
