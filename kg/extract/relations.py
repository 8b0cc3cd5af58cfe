"""Relations between mentions of one sentence."""
from __future__ import annotations

from collections import defaultdict

from kg.model import Document, Mention, RelationMention


def _inside(inner: Mention, outer: Mention) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and (inner.start, inner.end) != (outer.start, outer.end)


def extract_relations(document: Document, mentions: list[Mention]) -> list[RelationMention]:
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_sentence[m.sentence].append(m)
    relations: list[RelationMention] = []
    for sentence, ms in sorted(by_sentence.items()):
        for inner in ms:
            for outer in ms:
                if not _inside(inner, outer):
                    continue
                if inner.type == "Enterprise" and outer.type == "Project":
                    relations.append(RelationMention(inner, "undertakes", outer, sentence, "name:nested", 0.9))
                elif inner.type in ("Park", "Region") and outer.type in ("Enterprise", "Project", "Park"):
                    relations.append(RelationMention(outer, "locatedIn", inner, sentence, "name:nested", 0.8))
    return relations
