"""Sentences cut into clauses, with the mentions of each clause and the enumerations among them.

A clause ends at ， ； ： (and their ASCII forms) unless the mark lies inside a mention (names
such as “关于实施人才发展计划，推进…的意见” keep their comma). Enumerations (A、B和C) never
cross a clause boundary because 、 is not a boundary.

`Sentence view` keeps, per sentence, the clauses and a *masked* copy of the sentence in which
every mention is replaced by a placeholder, so that trigger words inside names
(…建设工程, …投资中心) are never read as the verb of the clause.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.model import Document, Mention

CLAUSE_BREAK = re.compile(r"[，,；;：:]")
HARD_BREAK = set("；;")
MASK = "□"
# what may stand between two items of one enumeration
ENUM_JOINER = re.compile(r"^[、和与及以及“”\"'‘’《》（）()\s]*$")
ENUM_JOINER_REQUIRED = re.compile(r"[、和与及]")


@dataclass
class Clause:
    index: int
    start: int  # cleaned-text offsets
    end: int
    after_hard_break: bool  # the clause follows a ；
    mentions: list[Mention] = field(default_factory=list)  # every mention starting in the clause
    top: list[Mention] = field(default_factory=list)  # those not nested in another mention


@dataclass
class SentenceView:
    document: Document
    index: int
    start: int
    end: int
    masked: str  # sentence text with mention spans replaced by MASK
    mentions: list[Mention]
    clauses: list[Clause]

    def masked_span(self, start: int, end: int) -> str:
        return self.masked[start - self.start : end - self.start]

    def text(self, start: int, end: int) -> str:
        return self.document.text[start:end]

    def clause_of(self, m: Mention) -> Clause:
        for c in self.clauses:
            if c.start <= m.start < c.end:
                return c
        return self.clauses[-1]


def strictly_inside(inner: Mention, outer: Mention) -> bool:
    return (outer.start <= inner.start and inner.end <= outer.end
            and (inner.start, inner.end) != (outer.start, outer.end))


def container(inner: Mention, mentions: list[Mention], types: tuple[str, ...]) -> Mention | None:
    """The smallest mention of one of `types` that strictly contains `inner`."""
    found = [m for m in mentions if m.type in types and strictly_inside(inner, m)]
    return min(found, key=lambda m: m.end - m.start) if found else None


def is_top(m: Mention, mentions: list[Mention]) -> bool:
    return not any(strictly_inside(m, o) for o in mentions)


def sentence_view(document: Document, index: int, mentions: list[Mention]) -> SentenceView:
    sent = document.sentences[index]
    ms = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start)))
    chars = list(sent.text)
    for m in ms:
        for i in range(max(m.start, sent.start), min(m.end, sent.end)):
            chars[i - sent.start] = MASK
    masked = "".join(chars)
    clauses: list[Clause] = []
    start, hard = sent.start, False
    for br in CLAUSE_BREAK.finditer(masked):  # marks inside names are masked away
        pos = sent.start + br.start()
        clauses.append(Clause(len(clauses), start, pos, hard))
        start, hard = pos + 1, br.group() in HARD_BREAK
    clauses.append(Clause(len(clauses), start, sent.end, hard))
    view = SentenceView(document, index, sent.start, sent.end, masked, ms, clauses)
    for m in ms:
        c = view.clause_of(m)
        c.mentions.append(m)
        if is_top(m, ms):
            c.top.append(m)
    return view


def enumerations(view: SentenceView, items: list[Mention]) -> list[list[Mention]]:
    """Group consecutive mentions (in text order) joined only by 、/和/与/及 and quotes."""
    groups: list[list[Mention]] = []
    for m in sorted(items, key=lambda m: m.start):
        if groups:
            prev = groups[-1][-1]
            gap = view.text(prev.end, m.start) if m.start >= prev.end else None
            if gap is not None and ENUM_JOINER.match(gap) and ENUM_JOINER_REQUIRED.search(gap):
                groups[-1].append(m)
                continue
        groups.append([m])
    return groups


def group_of(m: Mention, groups: list[list[Mention]]) -> list[Mention]:
    for g in groups:
        if m in g:
            return g
    return [m]
