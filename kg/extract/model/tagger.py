"""Entity mentions from the layer CRFs: tag each sentence, read spans back, score them."""
from __future__ import annotations

from dataclasses import replace

from kg.extract.components.base import strip_name
from kg.extract.components.select import select
from kg.extract.model.layers import LAYERS, spans_from_tags
from kg.model import Document, Mention


def tag_entities(taggers: dict, document: Document, features: list[list[str]]) -> list[Mention]:
    """Mentions of every layer; confidence is the mean marginal probability of the span's tags.

    Each sentence's features are converted to crfsuite's item sequence once, for all layers."""
    from pycrfsuite import ItemSequence

    mentions = []
    for sentence in document.sentences:
        if sentence.end <= sentence.start:
            continue
        items = ItemSequence(features[sentence.start:sentence.end])
        for layer in LAYERS:
            tagger = taggers[layer]
            tags = tagger.tag(items)
            for s, e, type_ in spans_from_tags(tags):
                name = strip_name(document.text[sentence.start + s:sentence.start + e])
                if not name:
                    continue
                confidence = sum(tagger.marginal(tags[k], k) for k in range(s, e)) / (e - s)
                mentions.append(Mention(name, type_, sentence.start + s, sentence.start + e, sentence.index,
                                        f"model:{layer}", round(confidence, 3)))
    return mentions


def decide_mentions(taggers: dict, document: Document, features: list[list[str]],
                    forced: list[Mention] = ()) -> list[Mention]:
    """The final mentions: every layer's spans and the `forced` ones (the user's lexicon, which
    outrank the model), overlaps settled as `kg_select` settles them."""
    return select(tag_entities(taggers, document, features) + [replace(m, confidence=1.0) for m in forced])

