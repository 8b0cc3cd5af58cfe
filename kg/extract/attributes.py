"""Project attributes read around a project mention: investment, status, year.

Clause-aware: an amount or a status verb belongs to a project only when it stands in the
project's own clause (or, for an amount, in the clause right after it, "P开工建设，总投资50亿元").
Totals over counted groups ("实施166个重大项目，完成投资145.8亿元", "P1、P2等89个项目，完成投资
74.9亿元") are never given to a single named project. A completion verb after a modal
(力争/确保/推动…建成投产) is a target, not a status.
"""
from __future__ import annotations

import bisect
import re

from kg.extract.relations.clauses import SentenceView, enumerations, group_of, sentence_view
from kg.extract.relations.triggers import MODAL
from kg.model import Document, Mention, ProjectAttributes

UNITS = {"万亿": 1_000_000_000_000, "亿": 100_000_000, "万": 10_000, "千": 1_000, "": 1}
INVESTMENT = re.compile(
    r"(?:总投资|计划投资|完成投资|投资额|投资)(?:约|达到|达|超过|超|近|逾)?\s*(\d+(?:\.\d+)?)\s*(万亿|亿|万|千)?元"
)
# "等25个项目", "166个重大项目": the clause speaks about a counted group
COUNTED_GROUP = re.compile(r"等?\s*[\d一二三四五六七八九十百千余多]+\s*[个项批]")
# later stages win: a project that is 投产 was also 开工 once
STATUS_WORDS = (
    ("签约", ("签约", "签订", "签署")),
    ("开工", ("开工", "动工", "开建")),
    ("在建", ("在建", "加速建设", "加快建设", "加快推进", "推进建设", "建设中", "项目建设")),
    ("竣工", ("竣工", "建成")),
    ("投产", ("投产", "达产", "达效")),
    ("投用", ("投用", "投入使用", "运营", "交付")),
)
UNDER_WAY = "在建"
STATUS = re.compile("|".join(sorted((re.escape(w) for _, ws in STATUS_WORDS for w in ws), key=len, reverse=True)))
STATUS_OF = {w: status for status, ws in STATUS_WORDS for w in ws}
RANK = {status: i for i, (status, _) in enumerate(STATUS_WORDS)}
YEAR = re.compile(r"(20\d\d)年")


def yuan(amount: str, unit: str) -> int:
    """'145.8', '亿' -> 14580000000 (exact decimal arithmetic)."""
    whole, _, frac = amount.partition(".")
    scale = UNITS[unit or ""]
    return int(whole) * scale + (int(frac) * scale // 10 ** len(frac) if frac else 0)


def _investment(view: SentenceView, m: Mention) -> tuple[int, str] | None:
    clause = view.clause_of(m)
    text = view.masked_span(clause.start, clause.end)
    projects = [p for p in clause.top if p.type == "Project"]
    if len(projects) != 1 or COUNTED_GROUP.search(text):
        return None
    found = INVESTMENT.search(text)
    if found is None and clause.index + 1 < len(view.clauses):
        nxt = view.clauses[clause.index + 1]
        nxt_text = view.masked_span(nxt.start, nxt.end)
        if not any(p.type == "Project" for p in nxt.top) and not COUNTED_GROUP.search(nxt_text):
            found = INVESTMENT.match(nxt_text.lstrip("，,"))
    if found is None:
        return None
    return yuan(found.group(1), found.group(2) or ""), found.group(0)


def _status(view: SentenceView, m: Mention) -> str | None:
    """The latest stage named in the project's clause; a completion verb after a modal is only a target.
    Linear in the clause (after sorting): a clause without punctuation can be long."""
    clause = view.clause_of(m)
    text = view.masked_span(clause.start, clause.end)
    group = set(_group(view, m))
    # earlier projects of the clause, outside m's own list: a verb before one of them governs it
    others = sorted(o.start for o in clause.top if o.type == "Project" and o.start < m.start and o not in group)
    modal = MODAL.search(text)
    best = None
    for found in STATUS.finditer(text):
        status = STATUS_OF[found.group()]
        pos = clause.start + found.start()
        if pos < m.start and bisect.bisect_right(others, pos) < len(others):
            continue  # the verb governs an earlier project of the clause
        if status != UNDER_WAY and modal is not None and modal.end() <= found.start():
            continue
        if best is None or RANK[status] > RANK[best]:
            best = status
    return best


def _group(view: SentenceView, m: Mention) -> list[Mention]:
    clause = view.clause_of(m)
    return group_of(m, enumerations(view, [p for p in clause.top if p.type == "Project"]))


def _year(view: SentenceView, m: Mention, default: int | None) -> int | None:
    years = [int(y) for y in YEAR.findall(view.document.text[view.start : m.start])]
    return years[-1] if years else default


def project_attributes(document: Document, mentions: list[Mention]) -> dict[tuple[int, int], ProjectAttributes]:
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    out: dict[tuple[int, int], ProjectAttributes] = {}
    for index, ms in by_sentence.items():
        projects = [m for m in ms if m.type == "Project"]
        if not projects:
            continue
        view = sentence_view(document, index, ms)
        for m in projects:
            attrs = ProjectAttributes(year=_year(view, m, document.meta.year), status=_status(view, m))
            money = _investment(view, m)
            if money:
                attrs.investment_yuan, attrs.investment_text = money
            out[(m.start, m.end)] = attrs
    return out
