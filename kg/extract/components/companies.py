"""kg_companies: enterprise names recognised by their legal heads.

- legal heads: ``…股份有限公司``, ``…有限责任公司``, ``…有限公司``, ``…集团``, ``…股份``, ``…公司``;
  the left boundary comes from the segmentation (a governing verb, punctuation or a function
  word ends the name), and a prefix that is only a common noun (教育集团, 子公司) is refused;
- a legal name with its registered region in parentheses starts before the region:
  ``瀚岳（洛阳）新材料有限公司``.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.components.base import add_candidate, doc_tokens, has_name_token, name_start, word_freq, word_tags, words_in
from kg.extract.vocab import alternation, word_set

HEAD = re.compile(f"({alternation('company_head')})")
# prefixes that make "…公司/集团" a kind, not a name
GENERIC = word_set("company_kind")
# the region of a legal name, then the rest of the name up to its head (…（洛阳）新材料|有限公司)
LEGAL_PAREN = re.compile(r"（([\u4e00-\u9fff]{2,3}?)(?:省|市)?）[\u4e00-\u9fffA-Za-z0-9]{0,10}$")
REGION_WORDS = word_set("province")
# a government's own group is named by its level: 省文旅集团, 市城投公司
LEVELS = word_set("government_level")


def _generic(prefix: str) -> bool:
    if len(prefix) < 2:
        return True
    if prefix in GENERIC:
        return True
    tags = word_tags()
    # a prefix that is one ordinary dictionary noun/verb ("教育", "投资") names a kind
    if tags.get(prefix) in {"n", "vn", "v", "a", "an", "m"} and word_freq().get(prefix, 0) >= 500:
        return True
    # "…等3家企业集团" style counts
    return bool(re.fullmatch(r"[0-9一二三四五六七八九十两百千万]+[家个]?", prefix))



def _qualified_kind(doc: Doc, start: int, head_start: int) -> bool:
    """A kind word with only ordinary words before it is a qualified kind, not a name: 专业化运营公司,
    做优上市公司, 二级公司."""
    text = doc_tokens(doc).text
    prefix = text[start:head_start]
    if re.search(r"[一二三四五六七八九十]+级$", prefix):
        return True
    for size in (3, 2):
        if len(prefix) > size and prefix[-size:] in GENERIC:
            lead = prefix[:-size]
            return lead not in LEVELS and not has_name_token(words_in(doc, start, head_start - size))
    return False


class CompanyHeads:
    def __call__(self, doc: Doc) -> Doc:
        text = doc_tokens(doc).text
        for m in HEAD.finditer(text):
            head_start, end = m.start(), m.end()
            # "集团" directly followed by 公司 etc. is handled by the longer alternative
            start = self._legal_start(doc, text, name_start(doc, head_start, max_chars=24), head_start)
            prefix = text[start:head_start]
            if _generic(prefix) or any(g for g in ("有限", "股份") if prefix.endswith(g)) \
                    or _qualified_kind(doc, start, head_start):
                # try the suffix of the prefix after a generic word ("企业子公司" -> none)
                continue
            name = text[start:end]
            # "…公司" directly followed by a name character is part of a longer word (公司化)
            if end < len(text) and text[end] in "化制类":
                continue
            conf = 0.96 if "有限" in m.group(1) else 0.9
            add_candidate(doc, name, "Enterprise", start, end, "companies:head", conf)
        return doc

    @staticmethod
    def _legal_start(doc: Doc, text: str, start: int, head_start: int) -> int:
        """A legal name with its registered region in parentheses: 瀚岳（洛阳）新材料有限公司 starts
        before the region, however the segmentation cut the words after it."""
        m = LEGAL_PAREN.search(text, max(0, head_start - 16), head_start)
        if m is None or m.start() >= start or re.search(r"[与和及、等并]", text[m.end(1) : start]):
            return start
        region = m.group(1)
        if region not in REGION_WORDS and word_tags().get(region) != "ns":
            return start
        lead = name_start(doc, m.start(), max_chars=10)
        return lead if lead < m.start() else start


@Language.factory("kg_companies")
def make_companies(nlp: Language, name: str) -> CompanyHeads:
    return CompanyHeads()
