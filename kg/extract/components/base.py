"""Helpers shared by the components: making candidate mentions with provenance."""
from __future__ import annotations

from spacy.tokens import Doc

from kg.model import Mention


def candidates(doc: Doc) -> list[Mention]:
    if doc._.kg_candidates is None:
        doc._.kg_candidates = []
    return doc._.kg_candidates


def add_candidate(doc: Doc, name: str, type_: str, start: int, end: int, source: str,
                  confidence: float = 1.0, also: tuple[str, ...] = ()) -> Mention:
    """Record a candidate mention of `name` at cleaned-text span [start, end)."""
    sentence = doc._.kg_document.sentence_at(start).index
    mention = Mention(name, type_, start, end, sentence, source, confidence, also)
    candidates(doc).append(mention)
    return mention
