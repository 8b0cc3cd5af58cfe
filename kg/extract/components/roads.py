"""kg_roads: named roads and streets that are built, extended, opened or renovated are projects.

In a clause with a construction verb (开工建设, 提升改造, 打通, 完成, 实施 …), each road name
(…路, …街, …大道, …巷, with an optional works suffix: 南延, 打通, 改造一期, …段) listed after the
verb is a Project: ``开工建设木棉路和白杨街`` -> 木棉路, 白杨街.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.components.base import add_candidate, doc_tokens
from kg.text.gazetteer import place_names

VERB = r"(?:开工建设|提升改造|改造提升|加快建设|建设|改造|打通|完成|实施|推进|新建|续建|拓宽|贯通|建成|启动)"
ROAD = r"[\u4e00-\u9fff0-9]{1,6}?(?:大道|路|街|巷)(?!道|区|口|网|灯|边|段|面|况|线|径|子)(?:[东西南北][延段]|打通|改造一期|[\u4e00-\u9fff]{1,2}段)?"
CLAUSE = re.compile(rf"{VERB}((?:{ROAD})(?:(?:、|和|及)(?:{ROAD}))*)(?=[，。；、,;等建改的]|工程|项目|$)")
# a line between two places, in a clause about rail or road transport: 甲地至乙地(高铁), 甲地—乙地城际
LINK = re.compile(r"至|—|－")
LINE_AFTER = re.compile(r"[、，。；,;等和及]|高铁|高速|铁路|城际|公路|$")
TRANSPORT = re.compile(r"高铁|高速|铁路|城际|公路|轨道交通|快速通道")
COUNTED = re.compile(r"^[0-9一二三四五六七八九十百千两]+(?:余|多)?[条个座处]")  # 打通15条断头路: a count
GENERIC = re.compile(r"^(?:道路|马路|公路|铁路|主路|支路|新路|思路|道|一路|二路|出路|线路|门路|网路|大街|街|路)$")


class Roads:
    def __call__(self, doc: Doc) -> Doc:
        text = doc_tokens(doc).text
        for m in CLAUSE.finditer(text):
            pos = m.start(1)
            for part in re.split(r"(、|和|及)", m.group(1)):
                if part in ("、", "和", "及"):
                    pos += len(part)
                    continue
                if part and not GENERIC.match(part) and not COUNTED.match(part) and len(part) >= 3:
                    add_candidate(doc, part, "Project", pos, pos + len(part), "roads", 0.8)
                pos += len(part)
        self._lines(doc, text)
        return doc

    @staticmethod
    def _lines(doc: Doc, text: str) -> None:
        """"谋划甲地至乙地、甲地至丙地等高铁项目": both ends administrative place names (the
        gazetteer's, with or without their suffix, or the lexicon's regions) and a transport word
        in the clause."""
        places = place_names()
        for m in LINK.finditer(text):
            i, j = m.start(), m.end()
            a = next((text[i - n : i] for n in (3, 2) if text[i - n : i] in places), None)
            b = next((text[j : j + n] for n in (3, 2) if text[j : j + n] in places
                      and LINE_AFTER.match(text, j + n)), None)
            if a is None or b is None:
                continue
            end = j + len(b)
            clause = re.search(r"[，。；,;\n]|$", text[end:]).start() + end
            if TRANSPORT.search(text, end, clause):
                add_candidate(doc, text[i - len(a) : end], "Project", i - len(a), end, "roads:line", 0.95)


@Language.factory("kg_roads")
def make_roads(nlp: Language, name: str) -> Roads:
    return Roads()
