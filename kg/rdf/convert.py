"""NetworkX graph (see kg.graph.build) <-> RDF (see schemas/kg.ttl), streamed as N-Quads lines.

Layout: the default graph holds what does not depend on one document (entities, labels,
attributes, the direct relation triples and one kg:Fact per relation); the named graph of each
document, named by the document IRI, holds the document, the sentences evidence was read in and
every piece of evidence read there.

Evidence is a Web Annotation (kg:Evidence is an oa:Annotation) carrying its provenance itself:
oa:hasBody is the entity (mention) or the kg:Fact (relation), kg:sentence the sentence (which
dcterms:isPartOf the document), kg:start/kg:end the span in the cleaned text,
kg:originalStart/kg:originalEnd the span in the original file, kg:sourceRule and kg:confidence,
oa:motivatedBy (oa:identifying for a mention, oa:describing for a relation), and kg:page for a
PDF.  Ten quads per piece of evidence (eleven with a page).  A kg:Fact also links straight to
each sentence that states it (kg:evidenceSentence, in that document's graph).

Entities state their super-types (kg:Entity and the aligned classes of schemas/kg.ttl), and the
ontology itself is the last named graph (kg.rdf.ontology).

`graph_nquads` yields the lines in a fixed order made from sorted ids, without a global sort and
without holding the dataset: the default graph (entities, then relations), then each document's
graph, then the ontology's.  Each part is one generator (`entity_lines`, `fact_lines`,
`document_lines`, `evidence_lines`, `ontology_lines`); a new part of the dataset is one more
generator chained in `graph_nquads`.
No blank nodes: every IRI comes from an id or a hash of content.
"""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from functools import lru_cache
from typing import Iterable, Iterator

import networkx as nx

from kg.model import ENTITY_TYPES
from kg.rdf.iris import KG, PREFIXES, document_iri, entity_iri, evidence_iri, fact_iri, sentence_iri
from kg.rdf.ontology import ontology_lines, super_types

RDF, XSD = PREFIXES["rdf"], PREFIXES["xsd"]
DCTERMS, SKOS, OA = PREFIXES["dcterms"], PREFIXES["skos"], PREFIXES["oa"]

# node attribute -> (property, datatype); datatype None means a plain string
PROJECT_ATTRIBUTES = {
    "investment_yuan": (KG + "investmentYuan", XSD + "integer"),
    "investment_text": (KG + "investmentText", None),
    "status": (KG + "status", None),
    "year": (KG + "year", XSD + "integer"),
}
# document dict key -> (property, datatype or "@" + language tag)
DOCUMENT_ATTRIBUTES = {
    "id": (DCTERMS + "identifier", None),
    "path": (KG + "filePath", None),
    "title": (DCTERMS + "title", "@zh"),
    "date": (DCTERMS + "date", XSD + "date"),
    "issuer": (KG + "issuer", None),
    "region": (KG + "regionName", None),
    "year": (KG + "year", XSD + "integer"),
}
# evidence dict key -> property of the evidence (integers)
EVIDENCE_OFFSETS = {
    "start": KG + "start",
    "end": KG + "end",
    "orig_start": KG + "originalStart",
    "orig_end": KG + "originalEnd",
}
EVIDENCE_KINDS = {"mention": KG + "MentionEvidence", "relation": KG + "RelationEvidence"}
MOTIVATIONS = {"mention": OA + "identifying", "relation": OA + "describing"}

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def iri(value: str) -> str:
    return f"<{value}>"


def literal(value, kind: str | None = None) -> str:
    """An N-Quads literal: plain string (kind None), language-tagged ("@zh") or typed (datatype IRI)."""
    text = '"' + str(value).translate(_ESCAPES) + '"'
    if kind is None:
        return text
    return text + kind if kind.startswith("@") else f"{text}^^<{kind}>"


def integer(value: int) -> str:
    return f'"{int(value)}"{_INTEGER}'


_INTEGER = f"^^<{XSD}integer>"


@lru_cache(maxsize=1 << 12)  # confidences take few values
def decimal(value: float) -> str:
    text = format(Decimal(repr(float(value))), "f")
    return f'"{text if "." in text else text + ".0"}"^^<{XSD}decimal>'


A = iri(RDF + "type")
_P = {name: iri(value) for name, value in {
    "identifier": DCTERMS + "identifier", "prefLabel": SKOS + "prefLabel", "altLabel": SKOS + "altLabel",
    "alsoType": KG + "alsoType", "isReferencedBy": DCTERMS + "isReferencedBy", "isPartOf": DCTERMS + "isPartOf",
    "subject": RDF + "subject", "predicate": RDF + "predicate", "object": RDF + "object",
    "hasBody": OA + "hasBody", "sentence": KG + "sentence", "sentenceIndex": KG + "sentenceIndex",
    "text": KG + "text", "sourceRule": KG + "sourceRule", "confidence": KG + "confidence", "page": KG + "page",
    "correction": KG + "correction",
    "motivatedBy": OA + "motivatedBy", "evidenceSentence": KG + "evidenceSentence",
}.items()}


def _evidence_sort_key(ev: dict) -> tuple:
    """kg.graph.build's order (document, span, source), ties broken by the remaining fields."""
    return (ev["doc"], ev["start"], ev["end"], ev["source"], ev["sentence_index"], ev["orig_start"],
            ev["orig_end"], ev["confidence"], ev["sentence"])


def graph_nquads(graph: nx.MultiDiGraph) -> Iterator[str]:
    """The dataset of a graph built by kg.graph.build_graph as N-Quads text, in pieces of whole lines
    (each with its newline)."""
    yield from entity_lines(graph)
    yield from fact_lines(graph)
    yield from document_lines(graph)
    yield from ontology_lines()


def entity_lines(graph: nx.MultiDiGraph) -> Iterator[str]:
    """Default graph: each entity's type and super-types, id, names, other types, citing documents
    and attributes."""
    for node_id in sorted(graph.nodes):
        attrs = graph.nodes[node_id]
        node = iri(entity_iri(node_id))
        yield f"{node} {A} {iri(KG + attrs['type'])} .\n"
        for super_type in super_types(KG + attrs["type"]):
            yield f"{node} {A} {iri(super_type)} .\n"
        yield f"{node} {_P['identifier']} {literal(node_id)} .\n"
        yield f"{node} {_P['prefLabel']} {literal(attrs['label'], '@zh')} .\n"
        for alias in attrs.get("aliases", []):
            yield f"{node} {_P['altLabel']} {literal(alias, '@zh')} .\n"
        for other in attrs.get("also", []):
            yield f"{node} {_P['alsoType']} {iri(KG + other)} .\n"
        for doc_id in attrs.get("documents", []):
            yield f"{node} {_P['isReferencedBy']} {iri(document_iri(doc_id))} .\n"
        for key, (prop, datatype) in PROJECT_ATTRIBUTES.items():
            if attrs.get(key) is not None:
                yield f"{node} {iri(prop)} {literal(attrs[key], datatype)} .\n"
        yield from _correction_lines(node, attrs)


def fact_lines(graph: nx.MultiDiGraph) -> Iterator[str]:
    """Default graph: each direct relation triple and its kg:Fact."""
    for head, tail, relation in sorted(graph.edges(keys=True)):
        fact, subject, obj, predicate = (iri(fact_iri(head, relation, tail)), iri(entity_iri(head)),
                                         iri(entity_iri(tail)), iri(KG + relation))
        yield f"{subject} {predicate} {obj} .\n"
        yield f"{fact} {A} {iri(KG + 'Fact')} .\n"
        yield f"{fact} {_P['subject']} {subject} .\n"
        yield f"{fact} {_P['predicate']} {predicate} .\n"
        yield f"{fact} {_P['object']} {obj} .\n"
        yield from _correction_lines(fact, graph.edges[head, tail, relation])


def _correction_lines(node: str, attrs: dict) -> Iterator[str]:
    """kg:correction: what an analyst's corrections changed about an entity or a fact."""
    for note in attrs.get("corrections", []):
        yield f"{node} {_P['correction']} {literal(note)} .\n"


def document_lines(graph: nx.MultiDiGraph) -> Iterator[str]:
    """One named graph per document: the document, its cited sentences, then its evidence."""
    by_document = _evidence_by_document(graph)
    documents = sorted(graph.graph.get("documents", []), key=lambda d: d["id"])
    unknown = sorted(set(by_document) - {doc["id"] for doc in documents})
    if unknown:
        raise ValueError(f"evidence cites document {unknown[0]!r}, which is not in graph.graph['documents']")
    for doc in documents:
        name = iri(document_iri(doc["id"]))
        yield f"{name} {A} {iri(KG + 'Document')} {name} .\n"
        for key, (prop, kind) in DOCUMENT_ATTRIBUTES.items():
            if doc.get(key) is not None:
                yield f"{name} {iri(prop)} {literal(doc[key], kind)} {name} .\n"
        yield from evidence_lines(doc["id"], by_document.get(doc["id"], []))


def evidence_lines(doc_id: str, evidence: list[tuple[str, str, str, dict]]) -> Iterator[str]:
    """The sentences (by index), the facts' links to them, and the evidence (kind, body IRI, evidence
    IRI, dict) of one document's graph."""
    name = iri(document_iri(doc_id))
    sentences = {ev["sentence_index"]: ev["sentence"] for _, _, _, ev in evidence}
    for index in sorted(sentences):
        node = iri(sentence_iri(doc_id, index))
        yield f"{node} {A} {iri(KG + 'Sentence')} {name} .\n"
        yield f"{node} {_P['sentenceIndex']} {integer(index)} {name} .\n"
        yield f"{node} {_P['text']} {literal(sentences[index])} {name} .\n"
        yield f"{node} {_P['isPartOf']} {name} {name} .\n"
    stated = sorted({(body, ev["sentence_index"]) for kind, body, _, ev in evidence if kind == "relation"})
    for body, index in stated:
        yield f"{body} {_P['evidenceSentence']} {iri(sentence_iri(doc_id, index))} {name} .\n"
    end = f" {name} .\n"  # every line of the graph ends so
    kinds = {kind: f" {A} {iri(EVIDENCE_KINDS[kind])}{end}" for kind in EVIDENCE_KINDS}
    motivations = {kind: f" {_P['motivatedBy']} {iri(MOTIVATIONS[kind])}{end}" for kind in MOTIVATIONS}
    sentence_of = {index: f" {_P['sentence']} {iri(sentence_iri(doc_id, index))}{end}" for index in sentences}
    rules: dict[str, str] = {}
    offsets = [(key, f" {iri(prop)} ") for key, prop in EVIDENCE_OFFSETS.items()]
    for kind, body, ev_iri, ev in evidence:  # one piece of text per evidence: its ten (or eleven) lines
        node = f"<{ev_iri}>"
        rule = rules.get(ev["source"])
        if rule is None:
            rule = rules[ev["source"]] = f" {_P['sourceRule']} {literal(ev['source'])}{end}"
        lines = [node, kinds[kind], node, motivations[kind], node, f" {_P['hasBody']} {body}{end}",
                 node, sentence_of[ev["sentence_index"]], node, rule,
                 node, f" {_P['confidence']} {decimal(ev['confidence'])}{end}"]
        for key, prop in offsets:
            lines += (node, prop, integer(ev[key]), end)
        if "page" in ev:
            lines += (node, f" {_P['page']} {integer(ev['page'])}{end}")
        yield "".join(lines)


def _evidence_by_document(graph: nx.MultiDiGraph) -> dict[str, list[tuple[str, str, str, dict]]]:
    """doc id -> (kind, body IRI, evidence IRI, evidence dict), entities' mentions then relations' evidence."""
    by_document: dict[str, list] = defaultdict(list)
    for node_id in sorted(graph.nodes):
        owner = f"mention\t{node_id}"
        body = iri(entity_iri(node_id))
        for ev, ev_iri in _evidence_iris(owner, graph.nodes[node_id].get("mention_evidence", [])):
            by_document[ev["doc"]].append(("mention", body, ev_iri, ev))
    for head, tail, relation in sorted(graph.edges(keys=True)):
        owner = f"relation\t{head}\t{relation}\t{tail}"
        body = iri(fact_iri(head, relation, tail))
        for ev, ev_iri in _evidence_iris(owner, graph.edges[head, tail, relation].get("evidence", [])):
            by_document[ev["doc"]].append(("relation", body, ev_iri, ev))
    return by_document


def _evidence_iris(owner: str, evidence: list[dict]) -> Iterator[tuple[dict, str]]:
    """(evidence, IRI) pairs; identical evidence of one owner is told apart by its ordinal."""
    seen: dict[str, int] = defaultdict(int)
    for ev in sorted(evidence, key=_evidence_sort_key):
        content = "\t".join([owner] + [str(field) for field in _evidence_sort_key(ev)])
        seen[content] += 1
        yield ev, evidence_iri(content if seen[content] == 1 else f"{content}\t{seen[content]}")


# ---------------------------------------------------------------- back to a NetworkX graph


class _Index:
    """subject -> predicate -> objects (pyoxigraph terms) over all graphs of a dataset."""

    def __init__(self, quads: Iterable):
        self.data: dict = defaultdict(lambda: defaultdict(list))
        for quad in quads:
            self.data[quad.subject.value][quad.predicate.value].append(quad.object)

    def all(self, s: str, p: str) -> list:
        return self.data.get(s, {}).get(p, [])

    def one(self, s: str, p: str):
        values = self.all(s, p)
        return values[0] if values else None

    def subjects_of_type(self, cls: str) -> list[str]:
        return sorted(s for s, props in self.data.items()
                      if any(o.value == cls for o in props.get(RDF + "type", ())))


def quads_to_graph(quads: Iterable) -> nx.MultiDiGraph:
    """Rebuild the NetworkX graph (same nodes, edges and attributes) from `graph_nquads`' quads
    (pyoxigraph Quads, e.g. `pyoxigraph.parse` of graph.nq or graph.trig)."""
    index = _Index(quads)
    doc_ids = {doc: index.one(doc, DCTERMS + "identifier").value for doc in index.subjects_of_type(KG + "Document")}
    entity_ids = {}
    for entity_type in ENTITY_TYPES:
        for node in index.subjects_of_type(KG + entity_type):
            entity_ids[node] = (index.one(node, DCTERMS + "identifier").value, entity_type)
    evidence_by_body = defaultdict(list)
    for kind in EVIDENCE_KINDS.values():
        for ev in index.subjects_of_type(kind):
            evidence_by_body[index.one(ev, OA + "hasBody").value].append(_evidence_dict(index, ev, doc_ids))

    g = nx.MultiDiGraph()
    g.graph["documents"] = sorted((_document_dict(index, doc) for doc in doc_ids), key=lambda d: d["id"])
    for node, (node_id, entity_type) in sorted(entity_ids.items(), key=lambda item: item[1]):
        mentions = sorted(evidence_by_body[node], key=_evidence_sort_key)
        attrs = {
            "type": entity_type,
            "label": index.one(node, SKOS + "prefLabel").value,
            "aliases": sorted(a.value for a in index.all(node, SKOS + "altLabel")),
            "also": sorted(o.value[len(KG):] for o in index.all(node, KG + "alsoType")),
            "documents": sorted(doc_ids[d.value] for d in index.all(node, DCTERMS + "isReferencedBy")),
            "mentions": len(mentions),
            "mention_evidence": mentions,
        }
        for key, (prop, _) in PROJECT_ATTRIBUTES.items():
            value = index.one(node, prop)
            if value is not None:
                attrs[key] = _python(value)
        attrs.update(_corrections(index, node))
        g.add_node(node_id, **attrs)
    for fact in index.subjects_of_type(KG + "Fact"):
        head = entity_ids[index.one(fact, RDF + "subject").value][0]
        tail = entity_ids[index.one(fact, RDF + "object").value][0]
        relation = index.one(fact, RDF + "predicate").value[len(KG):]
        evidence = sorted(evidence_by_body[fact], key=_evidence_sort_key)
        g.add_edge(head, tail, key=relation, relation=relation, count=len(evidence),
                   confidence=max((e["confidence"] for e in evidence), default=1.0),
                   documents=sorted({e["doc"] for e in evidence}), evidence=evidence, **_corrections(index, fact))
    return g


def _corrections(index: _Index, node: str) -> dict:
    notes = sorted(n.value for n in index.all(node, KG + "correction"))
    return {"corrections": notes} if notes else {}


def _python(term):
    """int for integer literals, str for everything else (plain, language-tagged, dates)."""
    if term is None:
        return None
    return int(term.value) if term.datatype.value == XSD + "integer" else term.value


def _document_dict(index: _Index, doc: str) -> dict:
    return {key: _python(index.one(doc, prop)) for key, (prop, _) in DOCUMENT_ATTRIBUTES.items()}


def _evidence_dict(index: _Index, ev: str, doc_ids: dict) -> dict:
    sentence = index.one(ev, KG + "sentence").value
    result = {
        "doc": doc_ids[index.one(sentence, DCTERMS + "isPartOf").value],
        "sentence_index": _python(index.one(sentence, KG + "sentenceIndex")),
        "sentence": index.one(sentence, KG + "text").value,
        "source": index.one(ev, KG + "sourceRule").value,
        "confidence": float(index.one(ev, KG + "confidence").value),
    }
    for key, prop in EVIDENCE_OFFSETS.items():
        result[key] = _python(index.one(ev, prop))
    page = index.one(ev, KG + "page")
    if page is not None:
        result["page"] = _python(page)
    return result
