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
PHRASE = re.compile(VERBS + r"(?:建设)?(?:[0-9]{4}年度?)?([^，。；、！？\n“”《》]{2,30}?(?:" + HEADS + r"))(?=[，。；、等和立支\n“”]|$)")
LEAD = re.compile(r"^(?:了|为|首批|第[一二三四五六七八九十]+批|全市|全区|全县)")
TRAIL = re.compile(r"(?:支持名单|扶持名单)$")


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
        return doc


@Language.factory("kg_designations")
def make_designations(nlp: Language, name: str) -> Designations:
    return Designations()
