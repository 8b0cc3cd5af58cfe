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

VERBS = r"(?:获评为|获评|获批建设|获批|成功入选|入选|入围|成功认定|认定为|认定|争创|创建|晋级|荣获|被评为|评为|上榜|列入|纳入|申建|获得|获)"
HEADS = (r"示范区|示范园|示范县|示范城市|示范单位|试点|实验区|模范区|孵化器|名单|供应商|应用场景|专项|产业研究院|"
         r"绿色工厂|典范城市|友好型城市|创新型城市|旅游休闲街区|度假区|智慧商圈|示范步行街|改革试点|开发区|认可证书")
# the title may be quoted (争创“某某示范区”); ASCII punctuation breaks a clause as well as full-width
PHRASE = re.compile(VERBS + r"(?:建设)?(?:[0-9]{4}年度?)?“?([^，。；、！？,;!?\n“”《》]{2,30}?(?:" + HEADS
                    + r"))(?=[，。；、等和立支,;.\n“”]|$)")
LEAD = re.compile(r"^(?:了|为|首批|第[一二三四五六七八九十]+批|全市|全区|全县)")
TRAIL = re.compile(r"(?:支持名单|扶持名单)$")

# a class of companies a programme selects and cultivates: 上市后备企业, 创新龙头企业 (创新联合体 below).
# The qualifier runs from a programme verb, a count (等14家) or a break to the class word.
CLASS = re.compile(r"(?:(等?[0-9一二三四五六七八九十百千余多]+家|培育|认定|入选|评为|成为|支持|扶持|壮大|做好|加强|加大|"
                   r"一批)|(?<=[，。；、：“”,;:\n]))([^\W\d_等和与及的对]{2,6}?(?:后备|龙头|领军|链主)企业)")
# the qualifier must say which programme (重点龙头企业 is only a kind)
CLASS_WEAK = re.compile(r"^(?:重点|骨干|行业|产业|大型|优质|一批|本地|知名|相关|各类|链上|上下游|更多|多家|新增|龙头|全市|"
                        r"全区|全省|我市|我区|的|(?:市级|省级|国家级|县级|区级)?以上)")
# after a break the class needs a programme word after it (…培育, …对接服务, …库)
CLASS_AFTER = re.compile(r"^(?:培育|梯度培育|对接|服务|库|名单|认定|入库|梯队)")
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
