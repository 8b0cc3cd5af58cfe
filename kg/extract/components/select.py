"""kg_select: choose non-overlapping mentions from the candidates.

Candidates are ranked by confidence, then length; a candidate overlapping an already chosen
mention is dropped unless one strictly contains the other and the types differ (a company named
inside a project name is both a mention of the company and part of the project). Of two
candidates on the same span only the better one survives (one span, one type; ``also`` carries
the other reading).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.components.base import candidates
from kg.model import Mention


def _compatible(a: Mention, b: Mention) -> bool:
    if a.end <= b.start or b.end <= a.start:
        return True
    if (a.start, a.end) == (b.start, b.end):
        return False
    nested = (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)
    return nested and a.type != b.type


def select(found: list[Mention]) -> list[Mention]:
    chosen: list[Mention] = []
    for cand in sorted(found, key=lambda m: (-m.confidence, -(m.end - m.start), m.start, m.type)):
        if all(_compatible(cand, other) for other in chosen):
            chosen.append(cand)
    return sorted(chosen, key=lambda m: (m.start, m.end, m.type))


@Language.factory("kg_select")
def make_select(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        doc._.kg_mentions = select(candidates(doc))
        return doc

    return component
