"""Relations between mentions, read sentence by sentence and clause by clause.

`extract_relations(document, mentions)` runs every rule of kg.extract.relations.rules over
each sentence that has at least two mentions, reads lists set out row by row under a heading
(kg.extract.relations.rows), and keeps one RelationMention per (head span, relation, tail span):
the most confident. With a trained relation classifier (kg.extract.relations.classifier), the
classifier decides the pairs it reads and the rules are its features.
"""
from __future__ import annotations

from collections import defaultdict

from kg.extract.relations import rules
from kg.extract.relations.clauses import sentence_view
from kg.extract.relations.rows import row_relations
from kg.extract.relations.triggers import GENERIC_NAMES
from kg.model import Document, Mention, RelationMention
from kg.resolve.keys import enterprise_key, normalize


def _known_enterprises(mentions: list[Mention]) -> dict[str, str]:
    """Surface forms and resolution keys of the document's enterprises -> a name they were seen under."""
    known: dict[str, str] = {}
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        if m.type != "Enterprise" or normalize(m.name) in GENERIC_NAMES:
            continue
        for form in (normalize(m.name), enterprise_key(m.name)):
            if len(form) >= 2 and form not in GENERIC_NAMES:
                known.setdefault(form, m.name)
    return known


def extract_relations(document: Document, mentions: list[Mention], classifier=None) -> list[RelationMention]:
    """The relations of a document's mentions: the rules', or the `classifier`'s over the rules'."""
    found = rule_relations(document, mentions)
    return found if classifier is None else sorted(classifier.relations(document, mentions, found), key=_order)


def _order(r: RelationMention) -> tuple:
    return r.sentence, r.head.start, r.tail.start, r.relation


def rule_relations(document: Document, mentions: list[Mention]) -> list[RelationMention]:
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        if normalize(m.name) not in GENERIC_NAMES:
            by_sentence[m.sentence].append(m)
    known = _known_enterprises(mentions)
    named = [m for ms in by_sentence.values() for m in ms]
    found = list(row_relations(document, named)) + list(rules.named_after(named, rules.place_forms(named)))
    earlier: list[Mention] = []  # the policies the sentence before selects into, for a list it opens
    for index, ms in sorted(by_sentence.items()):
        linkable = len(ms) >= 2 or any(m.type == "Project" for m in ms)
        if not linkable and ms[0].type != "Policy":
            earlier = []
            continue
        view = sentence_view(document, index, ms)
        if linkable:
            found += [r for rule in rules.SENTENCE_RULES for r in rule(view)]
            found += rules.prefixed(view, known)
            found += rules.introduced(view, earlier if index - 1 in by_sentence else [])
        earlier = rules.selected_policies(view)
    best: dict[tuple, RelationMention] = {}
    for r in found:
        if r.head is r.tail or (r.head.start, r.head.end) == (r.tail.start, r.tail.end):
            continue
        key = (r.head.start, r.head.end, r.head.name, r.relation, r.tail.start, r.tail.end)
        if key not in best or r.confidence > best[key].confidence:
            best[key] = r
    return sorted(best.values(), key=_order)


__all__ = ["extract_relations", "rule_relations"]
