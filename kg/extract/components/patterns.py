"""kg_patterns: names recognised by their heads, suffixes and punctuation."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.components.base import add_candidate

NAME_CHARS = r"[\u4e00-\u9fffA-Za-z0-9·（）()\-]"
RULES: tuple[tuple[str, re.Pattern, float], ...] = (
    ("Policy", re.compile(r"《([^《》\n]{2,60})》"), 0.8),
    ("Enterprise", re.compile(rf"({NAME_CHARS}{{2,20}}?(?:股份有限公司|有限责任公司|有限公司|集团))"), 0.6),
    ("Park", re.compile(rf"({NAME_CHARS}{{2,12}}?(?:产业园|开发区|高新区|自贸区|综保区|智慧岛|科技城|科技产业社区))"), 0.6),
)


def patterns(doc: Doc) -> Doc:
    for type_, pattern, confidence in RULES:
        for match in pattern.finditer(doc.text):
            add_candidate(doc, match.group(1), type_, match.start(1), match.end(1), f"pattern:{type_}", confidence)
    return doc


@Language.component("kg_patterns")
def make_patterns(doc: Doc) -> Doc:
    return patterns(doc)
