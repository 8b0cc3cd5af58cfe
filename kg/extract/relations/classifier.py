"""The learned relation decision: a maximum-entropy classifier over pairs of mentions.

Candidate pairs are the ordered pairs of one sentence whose types admit a relation, plus an
enterprise or project and a region or park whose name opens it (苏州某某有限公司 → 苏州市), read
anywhere in the document. Each pair is described by its types, order, nesting, distance, the words
and trigger classes between its ends, the clause structure, and the rules' verdict on the pair
(`extract_relations`); the classifier answers the relation or ``none`` with a probability.
"""
from __future__ import annotations

import bisect
import re
from collections import defaultdict

from kg.extract.vocab import word_classes
from kg.model import Document, Mention, RelationMention
from kg.resolve.keys import normalize

NONE = "none"
# (head type, tail type) -> the relation the pair can hold
RELATION_OF = {
    ("Enterprise", "Project"): "undertakes",
    ("Enterprise", "Policy"): "participatesIn",
    ("Project", "Policy"): "partOf",
    **{(h, t): "locatedIn" for h in ("Enterprise", "Project", "Park") for t in ("Park", "Region")},
}
TRIGGER_CLASSES = ("undertake", "participate", "locate", "locate_at", "honour_verb", "modal", "topic")
CLAUSE_BREAK = re.compile(r"[，,；;：:。]")
REGION_SUFFIX = re.compile(r"(?:省|市|区|县|镇|乡|街道|自治区|自治州|自治县)$")
SOURCE = "model:relations"


def _bucket(n: int) -> str:
    return str(n) if n < 4 else ("4-7" if n < 8 else ("8-15" if n < 16 else ("16-31" if n < 32 else "32+")))


def _inside(a: Mention, b: Mention) -> bool:
    return b.start <= a.start and a.end <= b.end and (a.start, a.end) != (b.start, b.end)


def _opens_name(place: Mention, named: Mention) -> bool:
    """The place's name, or its name without the level (苏州市 → 苏州), opens the other's name."""
    stem = REGION_SUFFIX.sub("", place.name)
    return len(stem) >= 2 and named.name.startswith(stem) and len(named.name) > len(stem) + 1


def candidate_pairs(mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_sentence[m.sentence].append(m)
    pairs = {}
    for ms in by_sentence.values():
        for h in ms:
            for t in ms:
                if h is not t and (h.type, t.type) in RELATION_OF and (h.start, h.end) != (t.start, t.end):
                    pairs[(h.start, h.end, h.type, t.start, t.end, t.type)] = (h, t)
    places = {}
    for m in mentions:
        if m.type in ("Region", "Park"):
            places.setdefault(m.name, m)
    for h in mentions:
        if h.type in ("Enterprise", "Project", "Park"):
            for place in places.values():
                if place.sentence != h.sentence and _opens_name(place, h):
                    pairs[(h.start, h.end, h.type, place.start, place.end, place.type)] = (h, place)
    return list(pairs.values())


def pair_features(document: Document, words_between, h: Mention, t: Mention, rule: str | None,
                  mentions_between: list[Mention]) -> list[str]:
    text = document.text
    classes = word_classes()
    first, second = (h, t) if h.start <= t.start else (t, h)
    f = ["ht=" + h.type + ">" + t.type, "order=" + ("ht" if first is h else "th")]
    if _inside(h, t):
        f.append("h_in_t" + (":start" if h.start == t.start else ""))
    elif _inside(t, h):
        f.append("t_in_h" + (":start" if h.start == t.start else ""))
    if h.sentence != t.sentence:
        f.append("other_sentence")
    if t.type in ("Region", "Park") and _opens_name(t, h):
        f.append("t_opens_h")
    gap = text[first.end:second.start] if first.end <= second.start else ""
    f.append("dist=" + _bucket(len(gap)))
    if len(gap) <= 4 and h.sentence == t.sentence:
        f.append("gap=" + gap)
    if h.sentence == t.sentence:
        f.append("between=" + _bucket(len(mentions_between)))
        for m in mentions_between[:6]:
            f.append("btype=" + m.type)
        breaks = CLAUSE_BREAK.findall(gap)
        f.append("breaks=" + _bucket(len(breaks)))
        f.append("enum=" + _bucket(gap.count("、")))
        seen = set()
        for w in words_between(first.end, second.start)[:12]:
            f.append("bw=" + w)
            seen.update(classes.get(w, ()))
        f += ["trig=" + c for c in TRIGGER_CLASSES if c in seen]
        sentence = document.sentences[h.sentence]
        before = words_between(sentence.start, first.start)[-3:]
        after = words_between(second.end, sentence.end)[:3]
        f += ["pre=" + w for w in before] + ["post=" + w for w in after]
        f += ["pretrig=" + c for w in before for c in classes.get(w, ()) if c in TRIGGER_CLASSES]
        f += ["posttrig=" + c for w in after for c in classes.get(w, ()) if c in TRIGGER_CLASSES]
    f.append("rule=" + (rule or "none"))
    f.append("hsrc=" + h.source.split(":")[-1])
    f.append("tsrc=" + t.source.split(":")[-1])
    return f


def pair_instances(document: Document, words_between, mentions: list[Mention],
                   rule_relations: list[RelationMention]):
    """(head, tail, features) for every candidate pair."""
    rules = {}
    for r in rule_relations:
        rules[(r.head.start, r.head.end, r.tail.start, r.tail.end)] = r.relation + ":" + r.source.split(":")[0]
    ordered = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    out = []
    for h, t in candidate_pairs(mentions):
        lo, hi = min(h.end, t.end), max(h.start, t.start)
        between = ordered[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)] if lo < hi else []
        rule = rules.get((h.start, h.end, t.start, t.end))
        out.append((h, t, pair_features(document, words_between, h, t, rule, between)))
    return out


def classify_relations(classifier, document: Document, words_between, mentions: list[Mention],
                       rule_relations: list[RelationMention], threshold: float = 0.5) -> list[RelationMention]:
    """The relations the classifier accepts, with its probability as confidence. Rule relations on
    pairs the classifier does not see (a head the rules made up from a name prefix) are kept."""
    decided = []
    seen = set()
    labels = set(classifier.labels())
    for h, t, feats in pair_instances(document, words_between, mentions, rule_relations):
        seen.add((h.start, h.end, t.start, t.end))
        classifier.tag([feats])
        relation = RELATION_OF[(h.type, t.type)]
        p = classifier.marginal(relation, 0) if relation in labels else 0.0
        if p >= threshold:
            decided.append(RelationMention(h, relation, t, h.sentence, SOURCE, round(p, 3)))
    decided += [r for r in rule_relations if (r.head.start, r.head.end, r.tail.start, r.tail.end) not in seen]
    return sorted(decided, key=lambda r: (r.sentence, r.head.start, r.tail.start, r.relation))


def gold_relation_label(document: Document, h: Mention, t: Mention,
                        gold_relations: dict[tuple[str, str, str], list[str]]) -> str:
    """The pair's relation when the gold has it between these names and its evidence is read in the
    sentence of either end (a relation is stated in one sentence, not wherever both names occur)."""
    relation = RELATION_OF[(h.type, t.type)]
    evidence = gold_relations.get((normalize(h.name), relation, normalize(t.name)))
    if evidence is None:
        return NONE
    for index in {h.sentence, t.sentence}:
        sentence = re.sub(r"\s+", "", document.sentences[index].text)
        if any(not ev or ev in sentence or sentence in ev for ev in evidence):
            return relation
    return NONE
