"""Entity mentions from the layer CRFs: tag each sentence, read spans back, score them."""
from __future__ import annotations

import bisect
from dataclasses import replace

from kg.extract.components.base import NAME_CHAR, strip_name
from kg.extract.components.select import select
from kg.extract.model.crf import LayerTaggers
from kg.extract.model.features import Features
from kg.extract.model.layers import LAYERS, spans_from_tags
from kg.extract.vocab import words
from kg.model import Document, Mention


def tag_entities(taggers: LayerTaggers, document: Document, features: Features) -> list[Mention]:
    """Mentions of every layer; confidence is the mean marginal probability of the span's tags."""
    rows, ids = features.encode(taggers.index.get)
    bounds = [(s.start, s.end) for s in document.sentences]
    taggings = taggers.tag(len(document.text), rows, ids, bounds)
    sentence_starts = [s.start for s in document.sentences]
    found = []  # (sentence, layer, mention): sentence by sentence, layer by layer
    for order, layer in enumerate(LAYERS):
        tagging = taggings[layer]
        for start, end, type_ in spans_from_tags(tagging.labels, tagging.best, bounds):
            name = strip_name(document.text[start:end])
            if not name:
                continue
            sentence = document.sentences[bisect.bisect_right(sentence_starts, start) - 1].index
            confidence = float(tagging.marginal[start:end].sum()) / (end - start)
            found.append((sentence, order, Mention(name, type_, start, end, sentence, f"model:{layer}",
                                                   round(confidence, 3))))
    return [mention for _, _, mention in sorted(found, key=lambda item: (item[0], item[1], item[2].start))]


LIST_SEPARATOR = "、"
LEGAL_FORMS = tuple(words("legal_form"))
MAX_LIST_ITEM = 25
MIN_KNOWN_ALONE = 3


def complete_lists(text: str, mentions: list[Mention]) -> list[Mention]:
    """Items of a 、-list that the model left out between two mentions of one type, as mentions of
    that type (the model reads list items one by one and drops some: A、B、C、D入选…)."""
    by_start: dict[int, list[Mention]] = {}
    covered: set[tuple[str, int]] = set()  # (type, character) inside a mention
    for m in mentions:
        by_start.setdefault(m.start, []).append(m)
        covered.update((m.type, k) for k in range(m.start, m.end))
    added = []
    for left in mentions:
        start = left.end + 1
        if text[left.end:start] != LIST_SEPARATOR:
            continue
        end = text.find(LIST_SEPARATOR, start, start + MAX_LIST_ITEM + 1)
        item = text[start:end]
        if end < 0 or len(item) < 2 or not all(NAME_CHAR.match(c) for c in item):
            continue
        right = [m for m in by_start.get(end + 1, ()) if m.type == left.type]
        taken = any((left.type, k) in covered for k in range(start, end))
        if right and not taken:
            confidence = min(left.confidence, right[0].confidence)
            added.append(Mention(item, left.type, start, end, left.sentence, "model:list", confidence))
    return sorted(mentions + added, key=lambda m: (m.start, m.end, m.type))


def trim_to_document_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """An Enterprise mention that runs on past another Enterprise name of the same document, into
    words that are no legal form, is cut back to that name (中国一拖大马力拖拉机…项目, 中国一拖荣膺 where
    the document names 中国一拖 on its own): the model reads a brand and the product after it as one
    name when nothing in the characters marks where the brand ends (model:brand)."""
    names = {m.name for m in mentions if m.type == "Enterprise"}
    trimmed = []
    for m in mentions:
        if m.type == "Enterprise" and not m.name.endswith(LEGAL_FORMS):
            known = next((k for k in range(len(m.name) - 1, 1, -1) if m.name[:k] in names), 0)  # longest
            if known and text.startswith(m.name[:known], m.start):
                m = replace(m, name=m.name[:known], end=m.start + known, source="model:brand")
        trimmed.append(m)
    return trimmed


def with_known_names(mentions: list[Mention], known: list[Mention]) -> list[Mention]:
    """Well-known names (the shipped lexicon's matches, `known`) where the model cut them or left
    them out: a model Enterprise mention that starts inside a known company name, or runs on past
    one by a character inside the name of a project or park, takes that name's span (新强联风电轴承:
    强联 → 新强联; 中钢洛耐新材料产业园: 中钢洛耐新 → 中钢洛耐; but a subsidiary, 中铝洛阳铜加工, or a
    branch, 中国银行某某支行, stays whole); a known name of at least MIN_KNOWN_ALONE characters that
    no mention overlaps is a mention of its own (shorter ones are too often other words: 小米 in 有机小米)."""
    companies = [k for k in known if k.type == "Enterprise"]
    fixed = []
    for m in mentions:
        if m.type == "Enterprise" and m.source.startswith("model:"):
            k = next((k for k in companies if k.start <= m.start < k.end and (k.start, k.end) != (m.start, m.end)), None)
            if k is not None and (k.start < m.start or (m.end == k.end + 1 and _inside_longer_name(m, mentions))):
                m = replace(m, name=k.name, start=k.start, end=k.end, source="model:known")
        fixed.append(m)
    taken = {pos for m in fixed for pos in range(m.start, m.end)}
    added = [k for k in select(list(known))
             if len(k.name) >= MIN_KNOWN_ALONE and not any(pos in taken for pos in range(k.start, k.end))]
    return sorted(set(fixed + added), key=lambda m: (m.start, m.end, m.type))


def _inside_longer_name(mention: Mention, mentions: list[Mention]) -> bool:
    """Whether a mention of another type covers `mention` and goes on after it."""
    return any(o.type != mention.type and o.start <= mention.start and mention.end < o.end for o in mentions)


def decide_mentions(taggers: LayerTaggers, document: Document, features: Features,
                    forced: list[Mention] = (), known: list[Mention] = ()) -> list[Mention]:
    """The final mentions: every layer's spans and the `forced` ones (the user's lexicon, which
    outrank the model), overlaps settled as `kg_select` settles them, lists completed, brands
    trimmed to the document's own names, well-known names (`known`) kept whole."""
    chosen = select(tag_entities(taggers, document, features) + [replace(m, confidence=1.0) for m in forced])
    chosen = with_known_names(complete_lists(document.text, chosen), known)
    return trim_to_document_names(document.text, chosen)

