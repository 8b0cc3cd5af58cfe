"""RDF stage: ontology, shapes, conformance, round trip, determinism, IRIs and provenance layout."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import RDF, RDFS, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, SKOS, XSD

from conftest import small_resolution
from kg.graph import build_graph
from kg.model import Resolution
from kg.rdf import entity_iri, graph_to_dataset, quads_to_graph, read_build_graph, write_rdf, write_rdf_file
from kg.rdf.iris import KG as KG_IRI
from kg.rdf.iris import document_iri
from kg.rdf.ontology import ONTOLOGY_IRI
from kg.rdf.validate import load_dataset, validate_build, validate_dataset
from kg.resources import SCHEMAS

KG = Namespace(KG_IRI)
OA = Namespace("http://www.w3.org/ns/oa#")
OUTPUT_FILES = ["graph.trig", "graph.nq"]
ON_DEMAND = {"ttl": pyoxigraph.RdfFormat.TURTLE, "jsonld": pyoxigraph.RdfFormat.JSON_LD}


def dataset_to_graph(ds: Dataset) -> nx.MultiDiGraph:
    nquads = ds.serialize(format="nquads").encode("utf-8")
    return quads_to_graph(pyoxigraph.parse(nquads, format=pyoxigraph.RdfFormat.N_QUADS))


def _graph_data(g: nx.MultiDiGraph):
    return (g.graph, dict(g.nodes(data=True)), sorted((u, v, k, d) for u, v, k, d in g.edges(keys=True, data=True)))


def test_ontology_declares_every_class_and_property_in_chinese_and_english():
    onto = Graph().parse(SCHEMAS / "kg.ttl")
    terms = [s for s in onto.subjects(RDF.type, None) if str(s).startswith(KG_IRI)]
    assert {KG.Enterprise, KG.Project, KG.Park, KG.Policy, KG.Institution, KG.Region, KG.Document,
            KG.Evidence, KG.undertakes, KG.participatesIn, KG.locatedIn, KG.partOf, KG.investmentYuan,
            KG.status, KG.year, KG.issuer} <= set(terms)
    for term in terms:
        for predicate in (RDFS.label, RDFS.comment):
            languages = {o.language for o in onto.objects(term, predicate)}
            assert {"zh", "en"} <= languages, (term, predicate)
    assert (KG.Enterprise, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#FormalOrganization")) in onto
    assert (KG.Evidence, RDFS.subClassOf, OA.Annotation) in onto
    assert (KG.Policy, RDF.type, OWL.Class) in onto


def test_shapes_and_context_parse():
    shapes = Graph().parse(SCHEMAS / "shapes.ttl")
    sh = Namespace("http://www.w3.org/ns/shacl#")
    targets = set(shapes.objects(None, sh.targetClass))
    for cls in ("Enterprise", "Project", "Park", "Policy", "Institution", "Region", "Document", "Sentence",
                "Fact", "MentionEvidence", "RelationEvidence"):
        assert KG[cls] in targets, cls
    assert not list(shapes.triples((None, sh.sparql, None))), "shapes.ttl is SHACL Core only"
    assert list(Graph().parse(SCHEMAS / "shapes-sparql.ttl").triples((None, sh.sparql, None)))
    assert Graph().parse(SCHEMAS / "context.jsonld", format="json-ld") is not None


def test_small_graph_conforms(small_graph):
    conforms, report = validate_dataset(graph_to_dataset(small_graph))
    assert conforms, report
    assert "0 violations" in report


def _first(ds: Dataset, pattern):
    return next(iter(ds.quads(pattern)))


def _drop_label(ds):
    ds.remove((URIRef(entity_iri("enterprise-citic")), SKOS.prefLabel, None, None))


def _decimal_offset(ds):
    evidence, _, _, graph = _first(ds, (None, KG.start, None, None))
    ds.remove((evidence, KG.start, None, graph))
    ds.add((evidence, KG.start, Literal("1.5", datatype=XSD.decimal), graph))


def _undertake_a_policy(ds):
    ds.add((URIRef(entity_iri("enterprise-yituo")), KG.undertakes, URIRef(entity_iri("policy-srdi"))))


def _fact_without_direct_triple(ds):
    ds.remove((URIRef(entity_iri("enterprise-lansili")), KG.locatedIn, None, None))


def _evidence_without_original_span(ds):
    evidence, _, _, graph = _first(ds, (None, KG.originalEnd, None, None))
    ds.remove((evidence, KG.originalEnd, None, graph))


def _evidence_without_sentence(ds):
    evidence, _, _, graph = _first(ds, (None, KG.sentence, None, None))
    ds.remove((evidence, KG.sentence, None, graph))


def _end_before_start(ds):
    evidence, _, _, graph = _first(ds, (None, KG.start, None, None))
    ds.remove((evidence, KG.end, None, graph))
    ds.add((evidence, KG.end, Literal(-1), graph))


def _original_end_before_start(ds):
    evidence, _, _, graph = _first(ds, (None, KG.originalStart, None, None))
    ds.remove((evidence, KG.originalStart, None, graph))
    ds.add((evidence, KG.originalStart, Literal(10**9), graph))


@pytest.mark.parametrize("breakage, expected", [
    (_drop_label, "skos:prefLabel"),
    (_decimal_offset, "kg:start"),
    (_undertake_a_policy, "kg:undertakes"),
    (_fact_without_direct_triple, "not asserted directly"),
    (_evidence_without_original_span, "kg:originalEnd"),
    (_evidence_without_sentence, "kg:sentence"),
    (_end_before_start, "kg:end"),
    (_original_end_before_start, "not after kg:originalEnd"),
])
def test_broken_data_does_not_conform(small_graph, breakage, expected):
    ds = graph_to_dataset(small_graph)
    breakage(ds)
    conforms, report = validate_dataset(ds)
    assert not conforms
    assert expected in report, report


def test_validate_build_reads_the_trig(small_graph, tmp_path):
    write_rdf(small_graph, tmp_path)
    assert validate_build(tmp_path)[0]


def test_round_trip_preserves_nodes_edges_types_labels_aliases_and_evidence(small_graph):
    back = dataset_to_graph(graph_to_dataset(small_graph))
    assert _graph_data(back) == _graph_data(small_graph)
    assert back.nodes["enterprise-yituo"]["aliases"] == ["一拖", "中国一拖"]
    assert back.nodes["project-h2"]["investment_yuan"] == 14_580_000_000


def test_round_trip_through_every_file(small_graph, tmp_path):
    paths = write_rdf(small_graph, tmp_path)
    assert sorted(p.name for p in paths) == sorted(OUTPUT_FILES)
    assert _graph_data(read_build_graph(tmp_path)) == _graph_data(small_graph)
    assert _graph_data(dataset_to_graph(load_dataset(tmp_path))) == _graph_data(small_graph)
    from_trig = set(pyoxigraph.parse(path=str(tmp_path / "graph.trig"), format=pyoxigraph.RdfFormat.TRIG))
    assert set(pyoxigraph.parse(path=str(tmp_path / "graph.nq"), format=pyoxigraph.RdfFormat.N_QUADS)) == from_trig
    for fmt, rdf_format in ON_DEMAND.items():
        path = write_rdf_file(small_graph, fmt, tmp_path / f"export.{fmt}")
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith((".", "export"))] == [path.name]
        read, expected = set(pyoxigraph.parse(path=str(path), format=rdf_format)), from_trig
        if fmt == "ttl":  # every graph's triples, without graph names
            expected, read = ({pyoxigraph.Triple(q.subject, q.predicate, q.object) for q in quads}
                              for quads in (expected, read))
        assert read == expected, fmt
        path.unlink()


def test_evidence_takes_half_the_quads_of_span_resources(small_graph):
    """Ten quads per piece of evidence (the model with two oa:SpecificResource spans took 21)."""
    ds = graph_to_dataset(small_graph)
    evidence = {s for kind in (KG.MentionEvidence, KG.RelationEvidence) for s, _, _, _ in ds.quads((None, RDF.type, kind, None))}
    assert all(len(list(ds.quads((node, None, None, None)))) == 10 for node in evidence)


def test_one_named_graph_per_document_holds_its_evidence(small_graph):
    ds = graph_to_dataset(small_graph)
    named = sorted(str(g.identifier) for g in ds.graphs() if len(g) and isinstance(g.identifier, URIRef)
                   and g.identifier != ds.default_graph.identifier)
    assert named == [document_iri("doc-a"), document_iri("doc-b"), ONTOLOGY_IRI]
    evidence = {s for kind in (KG.MentionEvidence, KG.RelationEvidence) for s, _, _, _ in ds.quads((None, RDF.type, kind, None))}
    assert len(evidence) == 8 + 5
    for node in evidence:
        (sentence,) = {o for _, _, o, _ in ds.quads((node, KG.sentence, None, None))}
        (doc,) = {o for _, _, o, _ in ds.quads((sentence, DCTERMS.isPartOf, None, None))}
        assert {g for _, _, _, g in ds.quads((node, None, None, None))} == {doc}
    default = ds.default_graph
    assert (URIRef(entity_iri("enterprise-lansili")), KG.undertakes, URIRef(entity_iri("project-h2"))) in default
    assert not list(default.triples((None, OA.hasBody, None)))


def _write_in_subprocess(out: Path, hash_seed: str, reverse: bool) -> None:
    code = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from conftest import small_resolution\n"
        "from kg.graph import build_graph\n"
        "from kg.model import Resolution\n"
        "from kg.rdf import write_rdf\n"
        "r = small_resolution()\n"
        "if sys.argv[3] == 'reverse':\n"
        "    r = Resolution(r.documents[::-1], dict(reversed(r.entities.items())), r.facts[::-1])\n"
        "write_rdf(build_graph(r), sys.argv[2])\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    subprocess.run([sys.executable, "-c", code, str(Path(__file__).parent), str(out), "reverse" if reverse else "-"],
                   check=True, env=env)


def test_output_is_byte_identical_across_runs_and_input_order(small_graph, tmp_path):
    write_rdf(small_graph, tmp_path / "a")
    _write_in_subprocess(tmp_path / "b", "12345", reverse=True)
    for name in OUTPUT_FILES:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
    assert "_:" not in (tmp_path / "a" / "graph.nq").read_text(encoding="utf-8")


def test_iris_are_valid_ascii_and_stable():
    weird = "企业 A/1?#\"<>"
    iri = entity_iri(weird)
    assert iri == entity_iri(weird)
    assert re.fullmatch(r"https://w3id\.org/kg-gov-cn/id/[A-Za-z0-9._~%-]+", iri), iri
    assert entity_iri("enterprise-3fa2c1d9e0ab") == "https://w3id.org/kg-gov-cn/id/enterprise-3fa2c1d9e0ab"


def test_chinese_ids_survive_serialisation_and_round_trip(small_graph, tmp_path):
    graph = nx.relabel_nodes(small_graph, {"enterprise-yituo": "企业 一拖/集团", "policy-srdi": "政策#专精特新"})
    write_rdf(graph, tmp_path)
    iris = {str(term) for quad in load_dataset(tmp_path).quads((None, None, None, None))
            for term in quad if isinstance(term, URIRef)}
    assert iris and all(re.fullmatch(r"[\x21-\x7e]+", iri) for iri in iris)
    assert all(" " not in iri and "<" not in iri for iri in iris)
    assert _graph_data(dataset_to_graph(load_dataset(tmp_path))) == _graph_data(graph)


def test_evidence_of_an_unknown_document_is_rejected(tmp_path):
    r = small_resolution()
    graph = build_graph(Resolution(r.documents[:1], r.entities, r.facts))
    with pytest.raises(ValueError, match="doc-b"):
        write_rdf(graph, tmp_path)
    assert not list(tmp_path.iterdir())


@pytest.fixture
def small_store(small_graph, tmp_path):
    from kg.query import open_store

    write_rdf(small_graph, tmp_path)
    return open_store(tmp_path)


def _answers(store, sparql: str) -> set:
    from kg.query import run_query

    return {tuple(term.value for term in row) for row in run_query(store, sparql).rows}


def test_entities_state_their_super_types(small_store, small_graph):
    everything = {(entity_iri(n),) for n in small_graph}
    assert _answers(small_store, "SELECT ?x WHERE { ?x a kg:Entity }") == everything
    enterprises = {(entity_iri(n),) for n, t in small_graph.nodes(data="type") if t == "Enterprise"}
    assert _answers(small_store, "SELECT ?x WHERE { ?x a org:FormalOrganization }") == enterprises
    assert _answers(small_store, "SELECT ?x WHERE { ?x a schema:Place }") == {(entity_iri("park-ftz"),)}


def test_the_ontology_is_in_its_own_named_graph(small_store):
    assert _answers(small_store, f"SELECT ?c WHERE {{ GRAPH <{ONTOLOGY_IRI}> {{ ?c rdfs:subClassOf kg:Entity }} }}") == {
        (KG_IRI + t,) for t in ("Enterprise", "Institution", "Project", "Park", "Policy", "Region")}
    assert _answers(small_store, "SELECT ?c WHERE { GRAPH ?g { kg:Enterprise a ?c } FILTER(?g != <%s>) }"
                    % ONTOLOGY_IRI) == set()


def test_annotations_say_why_and_facts_link_to_their_sentences(small_store):
    motivations = _answers(small_store, "SELECT ?kind ?why WHERE { ?e a ?kind ; oa:motivatedBy ?why }")
    assert motivations == {(KG_IRI + "MentionEvidence", str(OA.identifying)),
                           (KG_IRI + "RelationEvidence", str(OA.describing))}
    quoted = _answers(small_store, """SELECT ?name ?text WHERE {
        ?fact rdf:subject/skos:prefLabel "蓝斯利公司"@zh ; rdf:object/skos:prefLabel ?name ;
              kg:evidenceSentence/kg:text ?text }""")
    sentence = "自贸区内蓝斯利公司总投资145.8亿元的氢能项目开工建设。"
    assert quoted == {("自贸区", sentence), ("氢能项目", sentence)}


def _drop_motivation(ds):
    ds.remove((None, OA.motivatedBy, None, None))


def test_shacl_core_alone_runs_all_but_the_sparql_constraint(small_graph):
    assert validate_dataset(graph_to_dataset(small_graph), core_only=True)[0]
    for breakage, caught_by_core in ((_drop_label, True), (_drop_motivation, True), (_fact_without_direct_triple, False)):
        ds = graph_to_dataset(small_graph)
        breakage(ds)
        assert validate_dataset(ds, core_only=True)[0] is not caught_by_core, breakage.__name__
        assert not validate_dataset(ds)[0], breakage.__name__


# any text but lone surrogates (no UTF-8 file holds them, and the PDF reader replaces them)
_CHARS = st.characters(exclude_categories=("Cs",))
_IDS = st.text(_CHARS, min_size=1, max_size=40)
# line and record separators over-represented (they once split N-Quads lines)
_TEXT = st.text(alphabet=st.one_of(_CHARS, st.sampled_from('\u2028\u2029\x85\x1c\x1d\x1e\x0b\x0c\r\n\x00"\\<>')),
                min_size=1, max_size=60)


@settings(max_examples=200, deadline=None)
@given(_IDS, _IDS)
def test_minted_iris_are_valid_and_injective(a, b):
    for mint in (entity_iri, document_iri):
        iri_a, iri_b = mint(a), mint(b)
        assert re.fullmatch(r"https://w3id\.org/kg-gov-cn/[a-z]+/[A-Za-z0-9._~%-]+", iri_a), iri_a
        pyoxigraph.NamedNode(iri_a)  # raises on an invalid IRI
        assert (iri_a == iri_b) == (a == b)


@settings(max_examples=15, deadline=None)
@given(label=_TEXT, alias=_TEXT, sentence=_TEXT)
def test_any_unicode_label_and_evidence_round_trips_through_the_build_files(label, alias, sentence):
    import tempfile

    graph = build_graph(small_resolution())
    node = graph.nodes["enterprise-yituo"]
    node["label"], node["aliases"] = label, sorted({alias} - {label})
    evidence = [ev for _, data in graph.nodes(data=True) for ev in data["mention_evidence"]]
    evidence += [ev for _, _, data in graph.edges(data=True) for ev in data["evidence"]]
    for ev in evidence:
        ev["sentence"] = sentence  # each document's sentence 0
    with tempfile.TemporaryDirectory() as out:
        write_rdf(graph, out)
        back = read_build_graph(out)
    assert back.nodes["enterprise-yituo"]["label"] == label
    assert _graph_data(back) == _graph_data(graph)
