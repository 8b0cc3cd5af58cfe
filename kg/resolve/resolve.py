"""Merge mentions into entities and relation mentions into facts, across documents."""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import fields

from kg.extract.lexicon import Lexicon
from kg.model import Entity, Evidence, Extraction, Fact, Mention, ProjectAttributes, Resolution
from kg.resolve.keys import entity_key, normalize

SIGNATURES = {
    "undertakes": ({"Enterprise"}, {"Project"}),
    "participatesIn": ({"Enterprise"}, {"Policy"}),
    "locatedIn": ({"Enterprise", "Project", "Park"}, {"Park", "Region"}),
    "partOf": ({"Project"}, {"Policy"}),
}


def entity_id(type_: str, key: str) -> str:
    """Stable id from type and resolution key (never from list positions)."""
    digest = hashlib.sha1(f"{type_}\t{key}".encode()).hexdigest()[:12]
    return f"{type_.lower()}-{digest}"


def _evidence(extraction: Extraction, start: int, end: int, sentence: int, source: str, confidence: float) -> Evidence:
    doc = extraction.document
    orig_start, orig_end = doc.original_span(start, end)
    return Evidence(doc.doc_id, sentence, doc.sentences[sentence].text, start, end, orig_start, orig_end,
                    source, confidence)


def _document_types(mentions: list[Mention]) -> dict[str, tuple[str, set[str]]]:
    """Per normalised name in one document: the type most evidence supports, and the others seen."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        votes[normalize(m.name)][m.type] += m.confidence
    return {
        name: (max(sorted(v), key=lambda t: v[t]), set(v))
        for name, v in votes.items()
    }


class _Keys:
    """Resolution keys, with lexicon aliases mapped onto their entry's key."""

    def __init__(self, lexicon: Lexicon | None):
        self.lexicon_keys: dict[tuple[str, str], tuple[str, str]] = {}
        for entry in lexicon.entries if lexicon else []:
            key = entity_key(entry.name, entry.type)
            for form in (entry.name, *entry.aliases):
                self.lexicon_keys.setdefault((entry.type, entity_key(form, entry.type)), (key, entry.name))

    def __call__(self, name: str, type_: str) -> tuple[str, str | None]:
        key = entity_key(name, type_)
        found = self.lexicon_keys.get((type_, key))
        return found if found else (key, None)


def resolve(extractions: list[Extraction], lexicon: Lexicon | None = None) -> Resolution:
    keys = _Keys(lexicon)
    entities: dict[str, Entity] = {}
    surface_counts: dict[str, Counter] = defaultdict(Counter)
    preferred: dict[str, str] = {}
    attributes: dict[str, list[tuple[tuple, ProjectAttributes]]] = defaultdict(list)
    facts: dict[tuple[str, str, str], Fact] = {}

    for ex in extractions:
        doc_id = ex.document.doc_id
        types = _document_types(ex.mentions)
        id_of_name: dict[str, str] = {}
        for m in ex.mentions:
            norm = normalize(m.name)
            if not norm:
                continue
            type_, seen = types[norm]
            key, lexicon_name = keys(m.name, type_)
            ent_id = entity_id(type_, key)
            id_of_name[norm] = ent_id
            ent = entities.get(ent_id)
            if ent is None:
                ent = entities[ent_id] = Entity(ent_id, type_, m.name)
            ent.also |= seen - {type_}
            ent.aliases.add(m.name)
            ent.documents.add(doc_id)
            ent.names_by_doc.setdefault(doc_id, set()).add(m.name)
            ent.mentions.append(_evidence(ex, m.start, m.end, m.sentence, m.source, m.confidence))
            surface_counts[ent_id][m.name] += 1
            if lexicon_name:
                preferred[ent_id] = lexicon_name
            attrs = ex.attributes.get((m.start, m.end))
            if attrs is not None:
                attributes[ent_id].append(((ex.document.meta.year or 0, doc_id, m.start), attrs))
        for rel in ex.relations:
            head = id_of_name.get(normalize(rel.head.name))
            tail = id_of_name.get(normalize(rel.tail.name))
            if head is None or tail is None or head == tail:
                continue
            heads, tails = SIGNATURES[rel.relation]
            if entities[head].type not in heads or entities[tail].type not in tails:
                continue
            start = min(rel.head.start, rel.tail.start)
            end = max(rel.head.end, rel.tail.end)
            fact = facts.setdefault((head, rel.relation, tail), Fact(head, rel.relation, tail))
            fact.evidence.append(_evidence(ex, start, end, rel.sentence, rel.source, rel.confidence))

    for ent_id, ent in entities.items():
        counts = surface_counts[ent_id]
        ent.name = preferred.get(ent_id) or max(sorted(counts), key=lambda s: (counts[s], len(s)))
        ent.aliases.add(ent.name)
        if attributes[ent_id]:
            ent.attributes = _merge_attributes([a for _, a in sorted(attributes[ent_id], key=lambda x: x[0])])
    documents = [ex.document for ex in extractions]
    return Resolution(documents, entities, sorted(facts.values(), key=lambda f: (f.head, f.relation, f.tail)))


def _merge_attributes(ordered: list[ProjectAttributes]) -> ProjectAttributes:
    """Later documents and later mentions win, field by field, where they say something."""
    merged = ProjectAttributes()
    for attrs in ordered:
        for f in fields(ProjectAttributes):
            value = getattr(attrs, f.name)
            if value is not None:
                setattr(merged, f.name, value)
    return merged
