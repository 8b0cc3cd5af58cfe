"""Name normalisation and the resolution key that decides which names denote one entity.

Two enterprise names share a key when they differ only by legal form (…股份有限公司,
…（集团）), a region prefix or bracket (中国…, 洛阳…, 氢沄（河南）…), quotes, whitespace, or a
trailing generic business word (…科技). Nothing fuzzier is done: 中航光电 and 中航锂电 keep
different keys, as do 洛铜 and 洛钼.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from kg.extract.vocab import words
from kg.text.gazetteer import place_names

MARKS = "“”\"'‘’《》「」『』【】"
_MARKS_TABLE = {ord(c): None for c in MARKS}
LEGAL_FORMS = ("股份有限公司", "有限责任公司", "有限公司", "股份公司", "集团公司", "集团", "公司", "股份")
BUSINESS_WORDS = ("科技", "技术", "实业", "控股", "发展")
# regions jieba's dictionary does not tag as 省/市/县/区 names
OTHER_REGIONS = frozenset({"中国", "内蒙古", "西藏", "香港", "澳门"})
BRACKETED = re.compile(r"[（(]([^（）()]{1,8})[)）]")


@lru_cache(maxsize=1 << 16)  # names repeat across mentions and documents
def normalize(name: str) -> str:
    """The scorer's normalisation: NFKC, no whitespace or quote marks, no trailing 项目."""
    s = unicodedata.normalize("NFKC", name or "")
    s = re.sub(r"\s+", "", s).translate(_MARKS_TABLE)
    if s.endswith("项目") and len(s) > 2:
        s = s[:-2]
    return s


def _strip_suffixes(s: str, suffixes: tuple[str, ...]) -> str:
    changed = True
    while changed:
        changed = False
        for suffix in suffixes:
            if s.endswith(suffix) and len(s) - len(suffix) >= 2:
                s = s[: -len(suffix)]
                changed = True
    return s


def enterprise_key(name: str) -> str:
    s = normalize(name)
    s = BRACKETED.sub(lambda m: "" if m.group(1) in ("集团", "股份") or _is_region(m.group(1)) else m.group(0), s)
    s = _strip_suffixes(s, LEGAL_FORMS)
    s = _strip_region_prefix(s)
    return _strip_suffixes(s, BUSINESS_WORDS)


def _is_region(text: str) -> bool:
    return text in OTHER_REGIONS or text in place_names()


def _strip_region_prefix(s: str) -> str:
    """中国一拖 -> 一拖, 洛阳市某某 -> 某某: the longest place-name prefix that leaves two characters."""
    for size in range(min(5, len(s) - 2), 1, -1):
        if _is_region(s[:size]):
            return s[size:]
    return s


@lru_cache(maxsize=1 << 16)
def entity_id(type_: str, key: str) -> str:
    """Stable id from type and resolution key (never from list positions)."""
    digest = hashlib.sha1(f"{type_}\t{key}".encode()).hexdigest()[:12]
    return f"{type_.lower()}-{digest}"


@lru_cache(maxsize=1 << 16)
def entity_key(name: str, type_: str) -> str:
    """The key under which mentions of one type are merged."""
    if type_ == "Enterprise":
        return enterprise_key(name)
    if type_ == "Project":  # 深圳某某中心 and 某某中心 in one text are one project
        return _strip_region_prefix(normalize(name))
    if type_ == "Policy":  # 河南省某某试点, 全省某某试点 and 省某某试点 are one provincial programme; a
        # year's batch (2023年度某某计划) is the programme itself
        return PROVINCE_PREFIX.sub("", YEAR_PREFIX.sub("", normalize(name), count=1), count=1)
    return normalize(name)


@lru_cache(maxsize=1 << 16)
def programme_names(name: str) -> tuple[str, ...]:
    """The shorter names a policy name goes by when it qualifies a programme by year, batch, level
    or place, one qualifier dropped after another (2023年度江西省绿色工厂 is 江西省绿色工厂, that year's
    batch, and 绿色工厂; 国家高新技术企业 is 高新技术企业), or names the list of it (雄鹰行动培育企业名单 is
    雄鹰行动培育企业)."""
    forms = list(_unqualified(name))
    listed = next((name[:-len(noun)] for noun in LIST_NOUNS
                   if name.endswith(noun) and len(name) - len(noun) >= 4), None)
    if listed:
        forms += [listed, *_unqualified(listed)]
    return tuple(forms)


QUOTED = re.compile(r"“([^“”]{2,})”")


def quoted_names(written: str, name: str) -> list[str]:
    """The quoted parts of a policy mention that says more than its quote, with their shorter
    names: 省级“专精特新”中小企业 is also 专精特新, the programme it is a designation of. `written`: the
    mention as the text has it, with a character of context on either side (for the quotes)."""
    forms = []
    for core in QUOTED.findall(written):
        if core != name and core in name:
            forms += [core, *programme_names(core)]
    return forms


def _unqualified(name: str) -> list[str]:
    """`name` without its qualifiers, one dropped after another; one place name at most
    (常州市龙城英才计划: 龙城英才计划, 龙城 being part of the programme's name)."""
    forms, current, place_dropped = [], name, False
    while True:
        shorter = QUALIFIER.sub("", current, count=1)
        if shorter == current and not place_dropped:
            shorter, place_dropped = _strip_region_prefix(current), True
        if shorter == current or len(shorter) < 4:
            return forms
        forms.append(current := shorter)


LIST_NOUNS = tuple(words("list_noun"))  # 名单: the list of a programme's members
YEAR_PREFIX = re.compile(r"^\d{4}年度?(?=\D)")
# the level a programme is written with (省级, 国家)
LEVEL = r"(?:国家|省|市|县|区)级|国家"
QUALIFIER = re.compile(rf"^(?:\d{{4}}年度?|(?:首|第[一二三四五六七八九十\d]+)批|{LEVEL}|全(?:国|省|市|县|区))")
# a province named or implied in front of a provincial programme (not 省级, a level of its own)
PROVINCE_PREFIX = re.compile(r"^(?:[\u4e00-\u9fff]{2,3}省|全省|省)(?!级)(?=[\u4e00-\u9fff]{4})")
