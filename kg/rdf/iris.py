"""IRIs of the kg vocabulary and of the things it describes (no rdflib import: cheap to load).

Every IRI is derived from a stable id (entity id, document id, or a hash of content), never from
list positions, so the same thing gets the same IRI in every build.  Ids are percent-encoded, so
Chinese or spaces in an id cannot break IRI syntax.
"""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from urllib.parse import quote

BASE = "https://w3id.org/kg-gov-cn/"
KG = BASE + "ontology#"

PREFIXES: dict[str, str] = {
    "kg": KG,
    "id": BASE + "id/",
    "doc": BASE + "doc/",
    "fact": BASE + "fact/",
    "ev": BASE + "evidence/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "oa": "http://www.w3.org/ns/oa#",
}


@lru_cache(maxsize=1 << 16)  # ids repeat: a document's for each of its sentences, an entity's per evidence
def _segment(value: str) -> str:
    return quote(value, safe="-._~")


def entity_iri(entity_id: str) -> str:
    return PREFIXES["id"] + _segment(entity_id)


def document_iri(doc_id: str) -> str:
    """The document (its original file); also the name of the document's named graph."""
    return PREFIXES["doc"] + _segment(doc_id)


def cleaned_text_iri(doc_id: str) -> str:
    return document_iri(doc_id) + "/cleaned"


def sentence_iri(doc_id: str, index: int) -> str:
    return f"{document_iri(doc_id)}/sentence/{index}"


def fact_iri(head: str, relation: str, tail: str) -> str:
    return PREFIXES["fact"] + content_hash([head, relation, tail])


def evidence_iri(key: str) -> str:
    """The IRI of a piece of evidence described by `key` (its owner and fields, tab-separated)."""
    return PREFIXES["ev"] + hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def content_hash(content: list) -> str:
    data = json.dumps(content, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:20]


def shorten(iri: str) -> str:
    """`kg:Enterprise` for a known namespace, else the IRI itself."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri
