"""kg_regions: administrative areas.

A token (jieba segmentation) that the shipped dictionary tags as a place name (ns) and that ends in
an administrative suffix (省/市/区/县/街道/镇/乡), or a place-name token directly followed by such a
suffix token (辛店 + 街道). Bare place names come from the lexicon and from lists of places
(伊川、汝阳、孟津) where most items are dictionary place names.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.components.base import GOVERNING, add_candidate, doc_tokens, word_tags
from kg.extract.vocab import word_set, words

SUFFIX = words("region_suffix")
NOT_REGION = word_set("not_region")


class Regions:
    def __call__(self, doc: Doc) -> Doc:
        toks = doc_tokens(doc)
        tags = word_tags()
        texts = toks.texts
        n = len(texts)
        for i, w in enumerate(texts):
            if w in NOT_REGION:
                continue
            tag = tags.get(w)
            if tag == "ns" and w.endswith(SUFFIX) and len(w) >= 3:
                add_candidate(doc, w, "Region", toks.starts[i], toks.ends[i], "regions:ns", 0.75)
                continue
            if i + 1 < n and texts[i + 1] in SUFFIX and 2 <= len(w) <= 3 and re.fullmatch(r"[\u4e00-\u9fff]+", w):
                # a verb glued to a bare level is no place (荣获|省, 申报|市)
                if tag in {"ns", "nz", "nr"} or (tag is None and w not in GOVERNING):
                    name = w + texts[i + 1]
                    if name in NOT_REGION or w in NOT_REGION:
                        continue
                    # the suffix must end the word: 辛店街道办 ok, 上海市场 is not 上海市
                    add_candidate(doc, name, "Region", toks.starts[i], toks.ends[i + 1], "regions:suffix", 0.72)
        # lists of bare place names: 伊川、汝阳、孟津、洛龙
        text = doc_tokens(doc).text
        for m in re.finditer(r"(?:[\u4e00-\u9fff]{2}、){2,}[\u4e00-\u9fff]{2}", text):
            items = m.group(0).split("、")
            places = sum(1 for it in items if tags.get(it) == "ns")
            if places * 2 < len(items) + 1:
                continue
            pos = m.start()
            for it in items:
                add_candidate(doc, it, "Region", pos, pos + len(it), "regions:list", 0.7)
                pos += len(it) + 1
        return doc


@Language.factory("kg_regions")
def make_regions(nlp: Language, name: str) -> Regions:
    return Regions()
