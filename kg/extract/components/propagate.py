"""kg_propagate: a document-level second pass.

A name recognised once with good evidence (an enumeration item, a legal name, a lexicon entry …)
is marked at every other occurrence in the same document, at a lower confidence, as long as the
occurrence starts on a word boundary. This is how short enterprise names found in one list are
found again inside project names (中航光电 in 中航光电全球运营中心): the nested mention of another
type is kept by kg_select.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.components.base import add_candidate, candidates, doc_tokens

MIN_CONF = {"Enterprise": 0.8, "Policy": 0.85, "Park": 0.85, "Institution": 0.85, "Project": 2.0, "Region": 2.0}
MIN_LEN = {"Enterprise": 2, "Policy": 3, "Park": 3, "Institution": 4}


class Propagate:
    def __call__(self, doc: Doc) -> Doc:
        text = doc_tokens(doc).text
        toks = doc_tokens(doc)
        starts = set(toks.starts)
        known: dict[str, str] = {}
        for c in candidates(doc):
            if c.confidence >= MIN_CONF.get(c.type, 2.0) and len(c.name) >= MIN_LEN.get(c.type, 9):
                if text[c.start : c.end] == c.name:
                    known.setdefault(c.name, c.type)
        if not known:
            return doc
        seen = {(c.start, c.end, c.type) for c in candidates(doc)}
        pattern = re.compile("|".join(map(re.escape, sorted(known, key=lambda s: (-len(s), s)))))
        for m in pattern.finditer(text):
            s, e = m.start(), m.end()
            type_ = known[m.group(0)]
            if (s, e, type_) in seen:
                continue
            # start on a word boundary (or right after punctuation / a quote)
            if s not in starts and not (s > 0 and not re.match(r"[\u4e00-\u9fffA-Za-z0-9]", text[s - 1])):
                continue
            add_candidate(doc, m.group(0), type_, s, e, "propagate", 0.6)
        return doc


@Language.factory("kg_propagate")
def make_propagate(nlp: Language, name: str) -> Propagate:
    return Propagate()
