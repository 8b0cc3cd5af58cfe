"""NetworkX graph (see kg.graph.build) <-> RDF dataset (see schemas/kg.ttl).

Layout: the default graph holds what does not depend on one document (entities, labels,
attributes, the direct relation triples and one kg:Fact per relation); the named graph of each
document, named by the document IRI, holds the document, its cleaned text, sentences and every
piece of evidence read in it.

Evidence is a Web Annotation: oa:hasBody is the entity (mention) or the kg:Fact (relation);
oa:hasTarget is two oa:SpecificResource spans, one in the original file and one in the cleaned
text, each with an oa:TextPositionSelector.  The cleaned span prov:wasDerivedFrom the original
one, which tells the two apart in queries without a type lookup.  Offsets are xsd:integer, not
Web Annotation's xsd:nonNegativeInteger: pyoxigraph stores that as xsd:integer and both query
engines must answer alike (shapes.ttl requires them to be >= 0).

No blank nodes: every IRI comes from an id or a hash of content.
"""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import networkx as nx
from rdflib import RDF, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.model import ENTITY_TYPES
from kg.rdf.iris import (
    KG as KG_IRI,
    PREFIXES,
    cleaned_text_iri,
    document_iri,
    entity_iri,
    evidence_iri,
    fact_iri,
    sentence_iri,
)

KG = Namespace(KG_IRI)
OA = Namespace(PREFIXES["oa"])

# node attribute -> (property, datatype); datatype None means a plain string
PROJECT_ATTRIBUTES = {
    "investment_yuan": (KG.investmentYuan, XSD.integer),
    "investment_text": (KG.investmentText, None),
    "status": (KG.status, None),
    "year": (KG.year, XSD.integer),
}
# document dict key -> (property, datatype or language tag)
DOCUMENT_ATTRIBUTES = {
    "id": (DCTERMS.identifier, None),
    "path": (KG.filePath, None),
    "title": (DCTERMS.title, "zh"),
    "date": (DCTERMS.date, XSD.date),
    "issuer": (KG.issuer, None),
    "region": (KG.regionName, None),
    "year": (KG.year, XSD.integer),
}
SPANS = (("cleaned", "start", "end"), ("original", "orig_start", "orig_end"))


def _literal(value, kind) -> Literal:
    if kind is None:
        return Literal(str(value))
    if isinstance(kind, URIRef):
        return Literal(str(value), datatype=kind)
    return Literal(str(value), lang=kind)


def _evidence_sort_key(ev: dict) -> tuple:
    """kg.graph.build's order (document, span, source), ties broken by the remaining fields."""
    return (ev["doc"], ev["start"], ev["end"], ev["source"], ev["sentence_index"], ev["orig_start"],
            ev["orig_end"], ev["confidence"], ev["sentence"])


def graph_to_dataset(graph: nx.MultiDiGraph) -> Dataset:
    """The RDF dataset of a graph built by kg.graph.build_graph."""
    ds = Dataset()
    for prefix, namespace in PREFIXES.items():
        ds.bind(prefix, namespace)
    default = ds.default_graph
    doc_graphs = {}
    for doc in sorted(graph.graph.get("documents", []), key=lambda d: d["id"]):
        doc_graphs[doc["id"]] = _add_document(ds, doc)
    for node_id in sorted(graph.nodes):
        attrs = graph.nodes[node_id]
        _add_entity(default, node_id, attrs)
        for ev, iri in _evidence_iris(["mention", node_id], attrs.get("mention_evidence", [])):
            _add_evidence(doc_graphs, ev, iri, KG.MentionEvidence, URIRef(entity_iri(node_id)))
    for head, tail, relation in sorted(graph.edges(keys=True)):
        data = graph.edges[head, tail, relation]
        fact = URIRef(fact_iri(head, relation, tail))
        default.add((URIRef(entity_iri(head)), KG[relation], URIRef(entity_iri(tail))))
        default.add((fact, RDF.type, KG.Fact))
        default.add((fact, RDF.subject, URIRef(entity_iri(head))))
        default.add((fact, RDF.predicate, KG[relation]))
        default.add((fact, RDF.object, URIRef(entity_iri(tail))))
        for ev, iri in _evidence_iris(["relation", head, relation, tail], data.get("evidence", [])):
            _add_evidence(doc_graphs, ev, iri, KG.RelationEvidence, fact)
    return ds


def _add_document(ds: Dataset, doc: dict):
    doc_node = URIRef(document_iri(doc["id"]))
    g = ds.graph(doc_node)
    g.add((doc_node, RDF.type, KG.Document))
    for key, (prop, kind) in DOCUMENT_ATTRIBUTES.items():
        if doc.get(key) is not None:
            g.add((doc_node, prop, _literal(doc[key], kind)))
    cleaned = URIRef(cleaned_text_iri(doc["id"]))
    g.add((cleaned, RDF.type, KG.CleanedText))
    g.add((cleaned, PROV.wasDerivedFrom, doc_node))
    return g


def _add_entity(g: Graph, node_id: str, attrs: dict) -> None:
    node = URIRef(entity_iri(node_id))
    g.add((node, RDF.type, KG[attrs["type"]]))
    g.add((node, DCTERMS.identifier, Literal(node_id)))
    g.add((node, SKOS.prefLabel, Literal(attrs["label"], lang="zh")))
    for alias in attrs.get("aliases", []):
        g.add((node, SKOS.altLabel, Literal(alias, lang="zh")))
    for other in attrs.get("also", []):
        g.add((node, KG.alsoType, KG[other]))
    for doc_id in attrs.get("documents", []):
        g.add((node, DCTERMS.isReferencedBy, URIRef(document_iri(doc_id))))
    for key, (prop, datatype) in PROJECT_ATTRIBUTES.items():
        if attrs.get(key) is not None:
            g.add((node, prop, _literal(attrs[key], datatype)))


def _evidence_iris(owner: list, evidence: list[dict]):
    """(evidence, IRI) pairs; identical evidence of one owner is told apart by its ordinal."""
    seen: dict[str, int] = defaultdict(int)
    for ev in sorted(evidence, key=_evidence_sort_key):
        content = owner + [ev]
        iri = evidence_iri(content)
        seen[iri] += 1
        if seen[iri] > 1:
            iri = evidence_iri(content + [seen[iri]])
        yield ev, URIRef(iri)


def _add_evidence(doc_graphs: dict, ev: dict, node: URIRef, kind: URIRef, body: URIRef) -> None:
    g = doc_graphs.get(ev["doc"])
    if g is None:
        raise ValueError(f"evidence cites document {ev['doc']!r}, which is not in graph.graph['documents']")
    doc_node = URIRef(document_iri(ev["doc"]))
    sentence = URIRef(sentence_iri(ev["doc"], ev["sentence_index"]))
    g.add((sentence, RDF.type, KG.Sentence))
    g.add((sentence, KG.sentenceIndex, Literal(ev["sentence_index"])))
    g.add((sentence, KG.text, Literal(ev["sentence"])))
    g.add((sentence, DCTERMS.isPartOf, doc_node))
    g.add((node, RDF.type, kind))
    g.add((node, OA.hasBody, body))
    g.add((node, PROV.wasDerivedFrom, doc_node))
    g.add((node, KG.sentence, sentence))
    g.add((node, KG.sourceRule, Literal(ev["source"])))
    g.add((node, KG.confidence, Literal(Decimal(repr(float(ev["confidence"]))))))
    if "page" in ev:
        g.add((node, KG.page, Literal(ev["page"])))
    sources = {"cleaned": URIRef(cleaned_text_iri(ev["doc"])), "original": doc_node}
    g.add((URIRef(f"{node}-cleaned"), PROV.wasDerivedFrom, URIRef(f"{node}-original")))
    for name, start_key, end_key in SPANS:
        target = URIRef(f"{node}-{name}")
        selector = URIRef(f"{node}-{name}-position")
        g.add((node, OA.hasTarget, target))
        g.add((target, RDF.type, OA.SpecificResource))
        g.add((target, OA.hasSource, sources[name]))
        g.add((target, OA.hasSelector, selector))
        g.add((selector, RDF.type, OA.TextPositionSelector))
        g.add((selector, OA.start, Literal(ev[start_key])))
        g.add((selector, OA.end, Literal(ev[end_key])))


class _Index:
    """subject -> predicate -> objects over all graphs of a dataset."""

    def __init__(self, ds: Dataset):
        self.data: dict = defaultdict(lambda: defaultdict(list))
        for s, p, o, _ in ds.quads((None, None, None, None)):
            self.data[s][p].append(o)

    def all(self, s, p) -> list:
        return self.data.get(s, {}).get(p, [])

    def one(self, s, p):
        values = self.all(s, p)
        return values[0] if values else None

    def subjects_of_type(self, cls) -> list:
        return sorted(s for s, props in self.data.items() if cls in props.get(RDF.type, ()))


def dataset_to_graph(ds: Dataset) -> nx.MultiDiGraph:
    """Rebuild the NetworkX graph (same nodes, edges and attributes) from graph_to_dataset's output."""
    index = _Index(ds)
    doc_ids = {doc: str(index.one(doc, DCTERMS.identifier)) for doc in index.subjects_of_type(KG.Document)}
    entity_ids = {}
    for entity_type in ENTITY_TYPES:
        for node in index.subjects_of_type(KG[entity_type]):
            entity_ids[node] = (str(index.one(node, DCTERMS.identifier)), entity_type)
    evidence_by_body = defaultdict(list)
    for kind in (KG.MentionEvidence, KG.RelationEvidence):
        for ev in index.subjects_of_type(kind):
            evidence_by_body[index.one(ev, OA.hasBody)].append(_evidence_dict(index, ev, doc_ids))

    g = nx.MultiDiGraph()
    g.graph["documents"] = sorted((_document_dict(index, doc) for doc in doc_ids), key=lambda d: d["id"])
    for node, (node_id, entity_type) in sorted(entity_ids.items(), key=lambda item: item[1]):
        mentions = sorted(evidence_by_body[node], key=_evidence_sort_key)
        attrs = {
            "type": entity_type,
            "label": str(index.one(node, SKOS.prefLabel)),
            "aliases": sorted(str(a) for a in index.all(node, SKOS.altLabel)),
            "also": sorted(o[len(KG_IRI):] for o in index.all(node, KG.alsoType)),
            "documents": sorted(doc_ids[d] for d in index.all(node, DCTERMS.isReferencedBy)),
            "mentions": len(mentions),
            "mention_evidence": mentions,
        }
        for key, (prop, _) in PROJECT_ATTRIBUTES.items():
            value = index.one(node, prop)
            if value is not None:
                attrs[key] = _python(value)
        g.add_node(node_id, **attrs)
    for fact in index.subjects_of_type(KG.Fact):
        head = entity_ids[index.one(fact, RDF.subject)][0]
        tail = entity_ids[index.one(fact, RDF.object)][0]
        relation = index.one(fact, RDF.predicate)[len(KG_IRI):]
        evidence = sorted(evidence_by_body[fact], key=_evidence_sort_key)
        g.add_edge(head, tail, key=relation, relation=relation, count=len(evidence),
                   confidence=max((e["confidence"] for e in evidence), default=1.0),
                   documents=sorted({e["doc"] for e in evidence}), evidence=evidence)
    return g


def _python(value):
    """int for integer literals, str for everything else (plain, language-tagged, dates)."""
    if value is None:
        return None
    return int(value) if value.datatype == XSD.integer else str(value)


def _document_dict(index: _Index, doc) -> dict:
    return {key: _python(index.one(doc, prop)) for key, (prop, _) in DOCUMENT_ATTRIBUTES.items()}


def _evidence_dict(index: _Index, ev, doc_ids: dict) -> dict:
    sentence = index.one(ev, KG.sentence)
    result = {
        "doc": doc_ids[index.one(ev, PROV.wasDerivedFrom)],
        "sentence_index": _python(index.one(sentence, KG.sentenceIndex)),
        "sentence": str(index.one(sentence, KG.text)),
        "source": str(index.one(ev, KG.sourceRule)),
        "confidence": float(index.one(ev, KG.confidence)),
    }
    page = index.one(ev, KG.page)
    if page is not None:
        result["page"] = _python(page)
    for target in index.all(ev, OA.hasTarget):
        source_types = index.all(index.one(target, OA.hasSource), RDF.type)
        name = "cleaned" if KG.CleanedText in source_types else "original"
        _, start_key, end_key = next(span for span in SPANS if span[0] == name)
        selector = index.one(target, OA.hasSelector)
        result[start_key] = _python(index.one(selector, OA.start))
        result[end_key] = _python(index.one(selector, OA.end))
    return result
