"""kg_select: choose non-overlapping mentions from the candidates.

Candidates are ranked by confidence, then length; a candidate overlapping an already chosen
mention is dropped unless one strictly contains the other and the types differ (a company named
inside a project name is both a mention of the company and part of the project). Of two
candidates on the same span only the better one survives (one span, one type; ``also`` carries
the other reading).
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.components.base import PHASE, candidates
from kg.model import Mention

PHASE_AFTER = re.compile(PHASE)


def _compatible(a: Mention, b: Mention) -> bool:
    if a.end <= b.start or b.end <= a.start:
        return True
    if (a.start, a.end) == (b.start, b.end):
        return False
    if b.start <= a.start and a.end <= b.end:
        a, b = b, a
    nested = a.start <= b.start and b.end <= a.end
    # a zone inside the name of its own phase (…产业园|一期) is not a mention of its own
    return nested and a.type != b.type and not (b.start == a.start and PHASE_AFTER.fullmatch(a.name, len(b.name)))


def select(found: list[Mention]) -> list[Mention]:
    chosen: list[Mention] = []
    # chosen mentions by the characters they cover: a candidate is only compared with the
    # chosen mentions it overlaps, not with every mention of the document
    covering: dict[int, list[Mention]] = {}
    for cand in sorted(found, key=lambda m: (-m.confidence, -(m.end - m.start), m.start, m.type)):
        overlapping = {id(o): o for pos in range(cand.start, cand.end) for o in covering.get(pos, ())}
        if all(_compatible(cand, other) for other in overlapping.values()):
            chosen.append(cand)
            for pos in range(cand.start, cand.end):
                covering.setdefault(pos, []).append(cand)
    return sorted(chosen, key=lambda m: (m.start, m.end, m.type))


@Language.factory("kg_select")
def make_select(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        doc._.kg_mentions = select(candidates(doc))
        return doc

    return component
