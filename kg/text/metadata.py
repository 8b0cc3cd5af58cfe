"""Document metadata read from the header of a report, falling back to the file name.

A work report opens with its title, a line such as
``——2024年1月24日在洛阳市涧西区第十六届人民代表大会第四次会议上`` and the speaker
``涧西区人民政府区长 王耀光``; a notice carries its date alone on a line.
"""
from __future__ import annotations

import re

from kg.model import DocumentMeta

HEADER_CHARS = 1500
TITLE_WORDS = ("报告", "规划", "纲要", "公报", "通知", "意见", "办法", "方案", "政府公报")
MEETING = re.compile(r"^[—–\-]{1,2}\s*(\d{4})年(\d{1,2})月(\d{1,2})日在(.+?)第.+?(?:会议|大会)")
DATE_LINE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
ISSUER = re.compile(r"^([\u4e00-\u9fff]{2,20}?人民政府)")
REGION = re.compile(r"(.{1,12}?(?:省|市|区|县))(?:第|人民)")


def _title(lines: list[str], fallback: str) -> str:
    for line in lines[:12]:
        if any(w in line for w in TITLE_WORDS) and len(line) <= 60 and not line.startswith(("—", "-")):
            return re.sub(r"^关于印发|的通知$", "", line)
    return fallback


def read_metadata(text: str, doc_id: str) -> DocumentMeta:
    lines = [ln.strip() for ln in text[:HEADER_CHARS].split("\n") if ln.strip()]
    date = issuer = region = None
    for line in lines:
        meeting = MEETING.match(line)
        if meeting and date is None:
            y, m, d, place = meeting.groups()
            date = f"{int(y):04d}-{int(m):02d}-{int(d):02d}"
            found = REGION.search(place + "第")
            region = found.group(1) if found else None
            continue
        dated = DATE_LINE.match(line)
        if dated and date is None:
            y, m, d = dated.groups()
            date = f"{int(y):04d}-{int(m):02d}-{int(d):02d}"
        found = ISSUER.match(line)
        if found and issuer is None and len(line) <= 40:
            issuer = found.group(1)
    if issuer and region is None:
        region = issuer.removesuffix("人民政府")
    year = int(date[:4]) if date else _year_from_name(doc_id)
    return DocumentMeta(title=_title(lines, doc_id), date=date, issuer=issuer, region=region, year=year)


def _year_from_name(doc_id: str) -> int | None:
    found = re.search(r"(?<!\d)(19|20)\d{2}(?!\d)", doc_id)
    return int(found.group(0)) if found else None
