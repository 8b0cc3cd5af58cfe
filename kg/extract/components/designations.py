"""kg_designations: a title conferred on someone is a programme.

After 获评/获批/入选/入围/认定/争创/创建/晋级/荣获/上榜 …, the noun phrase up to the next break that ends
in a designation head (…示范区, …试点, …孵化器, …名单, …供应商, …应用场景, …专项 …) is a Policy:
``惠生产业园获评国家级科技企业孵化器`` -> 国家级科技企业孵化器.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.components.base import add_candidate, doc_tokens
from kg.extract.vocab import alternation

VERBS = f"(?:{alternation('honour_verb')})"
HEADS = alternation("designation_head")
# the title may be quoted (争创“某某示范区”); ASCII punctuation breaks a clause as well as full-width
PHRASE = re.compile(VERBS + r"(?:建设)?(?:[0-9]{4}年度?)?“?([^，。；、！？,;!?\n“”《》]{2,30}?(?:" + HEADS
                    + r"))(?=[，。；、等和立支,;.\n“”]|$)")
LEAD = re.compile(f"^(?:{alternation('designation_lead')}|第[一二三四五六七八九十]+批)")
TRAIL = re.compile(f"(?:{alternation('designation_trail')})$")

# a class of companies a programme selects and cultivates: 上市后备企业, 创新龙头企业 (创新联合体 below).
# The qualifier runs from a programme verb, a count (等14家) or a break to the class word.
CLASS = re.compile(f"(?:(等?[0-9一二三四五六七八九十百千余多]+家|{alternation('class_verb')})|(?<=[，。；、：“”,;:\n]))"
                   f"([^\\W\\d_等和与及的对]{{2,6}}?(?:{alternation('company_class')})企业)")
# the qualifier must say which programme (重点龙头企业 is only a kind)
CLASS_WEAK = re.compile(f"^(?:{alternation('class_weak_qualifier')}|(?:市级|省级|国家级|县级|区级)?以上)")
# after a break the class needs a programme word after it (…培育, …对接服务, …库)
CLASS_AFTER = re.compile(f"^(?:{alternation('class_programme_after')})")
UNION = re.compile(r"创新联合体")


class Designations:
    def __call__(self, doc: Doc) -> Doc:
        text = doc_tokens(doc).text
        for m in PHRASE.finditer(text):
            start, end = m.start(1), m.end(1)
            name = m.group(1)
            lead = LEAD.match(name)
            if lead:
                start += lead.end()
                name = name[lead.end():]
            trail = TRAIL.search(name)
            if trail and trail.start() >= 4:
                end -= len(trail.group(0))
                name = name[: trail.start()]
            if len(name) < 4:
                continue
            also = ("Park",) if name.endswith(("示范区", "示范园", "开发区")) else ()
            add_candidate(doc, name, "Policy", start, end, "designations", 0.8, also)
        self._classes(doc, text)
        return doc

    @staticmethod
    def _classes(doc: Doc, text: str) -> None:
        """"加强上市后备企业培育", "等14家创新龙头企业", "组建创新联合体": a class of companies a
        programme selects is the programme. 创新联合体 is named without its level (市级/省级)."""
        for m in CLASS.finditer(text):
            name = m.group(2)
            if CLASS_WEAK.match(name) or len(name) < 6:
                continue
            if m.group(1) is None and not CLASS_AFTER.match(text[m.end() : m.end() + 4]):
                continue
            add_candidate(doc, name, "Policy", m.start(2), m.end(2), "designations:class", 0.8)
        for m in UNION.finditer(text):
            add_candidate(doc, m.group(0), "Policy", m.start(), m.end(), "designations:class", 0.8)


@Language.factory("kg_designations")
def make_designations(nlp: Language, name: str) -> Designations:
    return Designations()
