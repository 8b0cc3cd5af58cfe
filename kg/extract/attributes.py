"""Project attributes read around a project mention: investment, status, year."""
from __future__ import annotations

import re

from kg.model import Document, Mention, ProjectAttributes

UNITS = {"亿": 100_000_000, "万": 10_000, "千": 1_000, "": 1}
INVESTMENT = re.compile(r"(?:总投资|计划投资|完成投资|投资)(?:约|达|超)?\s*(\d+(?:\.\d+)?)\s*(亿|万|千)?元")
# later stages win: a project that is 投产 was also 开工 once
STATUS_WORDS = (
    ("签约", ("签约", "签订")),
    ("开工", ("开工", "动工")),
    ("在建", ("在建", "加速建设", "加快建设", "建设中")),
    ("竣工", ("竣工", "建成")),
    ("投产", ("投产", "达产")),
    ("投用", ("投用", "投入使用", "运营")),
)


def yuan(amount: str, unit: str) -> int:
    """'145.8', '亿' -> 14580000000 (exact decimal arithmetic)."""
    whole, _, frac = amount.partition(".")
    scale = UNITS[unit or ""]
    return int(whole) * scale + (int(frac) * scale // 10 ** len(frac) if frac else 0)


def project_attributes(document: Document, mentions: list[Mention]) -> dict[tuple[int, int], ProjectAttributes]:
    out: dict[tuple[int, int], ProjectAttributes] = {}
    for m in mentions:
        if m.type != "Project":
            continue
        sentence = document.sentences[m.sentence]
        after = document.text[m.end : sentence.end]
        attrs = ProjectAttributes(year=document.meta.year)
        found = INVESTMENT.search(document.text[sentence.start : sentence.end])
        if found:
            attrs.investment_yuan = yuan(found.group(1), found.group(2) or "")
            attrs.investment_text = found.group(0)
        for status, words in STATUS_WORDS:
            if any(w in after[:30] for w in words):
                attrs.status = status
        out[(m.start, m.end)] = attrs
    return out
