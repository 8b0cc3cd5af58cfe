"""model:relation — a maximum-entropy classifier over the mention pairs of a sentence.

Every pair of mentions in one sentence whose types a relation links (Enterprise → Project is
`undertakes`, …) is a candidate. Its features are the relation, the order and nesting of the
two mentions, the distance and the mentions and marks between them, the character bigrams
between them and around them, and which rules (kg.extract.relations.rules) linked the pair: the
rules are the classifier's evidence, not its verdict. crfsuite trains it (a one-item sequence
is a logistic regression); the weights are read back with kg.extract.model.crf.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

import numpy as np

from kg.model import Document, Mention, RelationMention

if TYPE_CHECKING:
    from kg.extract.model.crf import ChainCRF

# (head type, tail type) -> the relation a pair of them may stand in
SIGNATURES = {
    ("Enterprise", "Project"): "undertakes",
    ("Enterprise", "Policy"): "participatesIn",
    ("Enterprise", "Park"): "locatedIn",
    ("Enterprise", "Region"): "locatedIn",
    ("Project", "Park"): "locatedIn",
    ("Project", "Region"): "locatedIn",
    ("Park", "Park"): "locatedIn",
    ("Park", "Region"): "locatedIn",
    ("Project", "Policy"): "partOf",
}
MAX_GAP = 150  # characters between the two mentions of a candidate pair
LINKED, UNLINKED = "link", "none"
SOURCE = "model:relation"
THRESHOLD = 0.5  # P(link) from which a pair is a relation (0.65-0.9 traded recall for precision at the same F1)
MARKS = "，；：、。（）“”《》,;:()"
WINDOW = 4  # characters read before the first mention and after the second


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _bigrams(prefix: str, text: str) -> list[str]:
    return [f"{prefix}{text[k:k + 2]}" for k in range(len(text) - 1)]


@dataclass(frozen=True)
class Candidate:
    head: Mention
    tail: Mention
    relation: str


def candidates(mentions: list[Mention]) -> Iterator[Candidate]:
    """The pairs of one sentence's mentions that a relation may link, near enough to be read."""
    for h in mentions:
        for t in mentions:
            relation = SIGNATURES.get((h.type, t.type))
            if relation is None or h is t or (h.start, h.end) == (t.start, t.end):
                continue
            if max(h.start, t.start) - min(h.end, t.end) <= MAX_GAP:
                yield Candidate(h, t, relation)


def pair_features(text: str, c: Candidate, mentions: list[Mention], rules: dict[tuple, list[str]]) -> list[str]:
    """The feature strings of one candidate pair; `mentions` are its sentence's, `rules` the rule
    names that linked each (head span, relation, tail span)."""
    h, t, r = c.head, c.tail, c.relation
    if t.start <= h.start and h.end <= t.end:
        order = "head-inside" + ("-front" if h.start == t.start else "")
    elif h.start <= t.start and t.end <= h.end:
        order = "tail-inside"
    else:
        order = "head-first" if h.start < t.start else "tail-first"
    first, second = (h, t) if h.start <= t.start else (t, h)
    gap = text[first.end:second.start] if first.end <= second.start else ""
    between = [m for m in mentions if first.end <= m.start and m.end <= second.start]
    same_kind = sum(m.type == h.type for m in between)
    found = rules.get(_key(h, r, t), [])
    marks = {ch for ch in gap if ch in MARKS}
    features = [
        "bias", f"sig={h.type}>{t.type}", f"order={order}", f"gap={_bucket(len(gap), (0, 2, 5, 10, 20, 40, 80))}",
        f"between={_bucket(len(between), (0, 1, 2, 5))}", f"same-kind-between={_bucket(same_kind, (0, 1, 3))}",
        f"rules={'+'.join(sorted(set(found))) or 'none'}", f"order+rules={order}|{bool(found)}",
        *(f"rule={name}" for name in found), *(f"mark={ch}" for ch in sorted(marks)),
        f"marks={len(marks)}|{order}",
    ]
    if len(gap) <= 24:
        features += _bigrams("b=", gap)
    else:
        features += _bigrams("b<", gap[:12]) + _bigrams("b>", gap[-12:])
    features += _bigrams("l=", text[max(0, first.start - WINDOW):first.start])
    features += _bigrams("r=", text[second.end:second.end + WINDOW])
    features += [f"listed={text[h.end:h.end + 1] == '、' or text[h.start - 1:h.start] == '、'}"]
    return [f"{r}|{f}" for f in features]


def sentence_pairs(document: Document, mentions: list[Mention],
                   by_rules: list[RelationMention]) -> Iterator[tuple[Candidate, list[str]]]:
    """Every candidate pair of the document with its features."""
    rules: dict[tuple, list[str]] = defaultdict(list)
    for rel in by_rules:
        rules[_key(rel.head, rel.relation, rel.tail)].append(rel.source)
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_sentence[m.sentence].append(m)
    for ms in by_sentence.values():
        for c in candidates(ms):
            yield c, pair_features(document.text, c, ms, rules)


class RelationClassifier:
    """The trained weights: P(link) of a candidate pair is the logistic of its features' summed
    weights."""

    def __init__(self, crf: ChainCRF):
        self.index = {name: k for k, name in enumerate(crf.attributes)}
        link, none = crf.labels.index(LINKED), crf.labels.index(UNLINKED)
        self.weights = crf.state[:, link] - crf.state[:, none]

    def probability(self, features: list[str]) -> float:
        rows = [k for k in map(self.index.get, features) if k is not None]
        return float(1.0 / (1.0 + np.exp(-self.weights[rows].sum())))

    def relations(self, document: Document, mentions: list[Mention],
                  by_rules: list[RelationMention]) -> list[RelationMention]:
        """Within a sentence, the pairs the classifier links (with its probability as confidence);
        the rules' other relations (across sentences, or further apart than MAX_GAP) as they are."""
        pairs = list(sentence_pairs(document, mentions, by_rules))
        judged = {_key(c.head, c.relation, c.tail) for c, _ in pairs}
        found = [r for r in by_rules if _key(r.head, r.relation, r.tail) not in judged]
        for c, features in pairs:
            p = self.probability(features)
            if p >= THRESHOLD:
                found.append(RelationMention(c.head, c.relation, c.tail, c.head.sentence, SOURCE, round(p, 3)))
        return found


def _key(head: Mention, relation: str, tail: Mention) -> tuple:
    return head.start, head.end, relation, tail.start, tail.end


def gold_pairs(document: Document, entities: list[dict], relations: list[dict]) -> Iterator[tuple[list[str], str]]:
    """Training pairs of a gold document: its entities found in the text (as the entity layers
    are trained), the rules run over them, and each candidate pair labelled by the gold relations:
    linked where the text from one mention to the other stands in the relation's evidence (the
    same two names elsewhere in the document, in a sentence that does not link them, are not)."""
    from kg.extract.model.layers import LAYERS, gold_spans
    from kg.extract.relations import rule_relations
    from kg.resolve.keys import normalize

    entity_of: dict[str, int] = {}
    for k, e in enumerate(entities):
        for name in {e["name"], *(e.get("aliases") or [])}:
            entity_of.setdefault(normalize(name), k)
    evidence: dict[tuple, list[str]] = defaultdict(list)
    for r in relations:
        pair = (entity_of.get(normalize(r["head"])), r["relation"], entity_of.get(normalize(r["tail"])))
        evidence[pair].append(normalize(r.get("evidence") or ""))
    text = document.text
    mentions = [Mention(text[s:e], type_, s, e, document.sentence_at(s).index, "gold")
                for types in LAYERS.values() for s, e, type_ in gold_spans(text, entities, types)]
    for c, features in sentence_pairs(document, mentions, rule_relations(document, mentions)):
        said = evidence.get((entity_of.get(normalize(c.head.name)), c.relation, entity_of.get(normalize(c.tail.name))))
        span = normalize(text[min(c.head.start, c.tail.start):max(c.head.end, c.tail.end)])
        yield features, LINKED if said and any(not e or span in e for e in said) else UNLINKED
