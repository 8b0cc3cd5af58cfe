"""Name normalisation and the resolution key that decides which names denote one entity.

Two enterprise names share a key when they differ only by legal form (…股份有限公司,
…（集团）), a region prefix or bracket (中国…, 洛阳…, 氢沄（河南）…), quotes, whitespace, or a
trailing generic business word (…科技). Nothing fuzzier is done: 中航光电 and 中航锂电 keep
different keys, as do 洛铜 and 洛钼.
"""
from __future__ import annotations

import re
import unicodedata

MARKS = "“”\"'‘’《》「」『』【】"
_MARKS_TABLE = {ord(c): None for c in MARKS}
LEGAL_FORMS = ("股份有限公司", "有限责任公司", "有限公司", "股份公司", "集团公司", "集团", "公司", "股份")
BUSINESS_WORDS = ("科技", "技术", "实业", "控股", "发展")
PROVINCES = (
    "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建",
    "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海",
    "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
)
REGION_PREFIX = re.compile(
    r"^(?:中国|(?:%s)(?:省|市|自治区)?|[\u4e00-\u9fff]{2,3}市)" % "|".join(PROVINCES)
)
BRACKETED = re.compile(r"[（(]([^（）()]{1,8})[)）]")


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
    stripped = REGION_PREFIX.sub("", s)
    if len(stripped) >= 2:
        s = stripped
    return _strip_suffixes(s, BUSINESS_WORDS)


def _is_region(text: str) -> bool:
    return text in PROVINCES or text == "中国" or bool(re.fullmatch(r"[\u4e00-\u9fff]{1,4}[省市区县]", text))


def entity_key(name: str, type_: str) -> str:
    """The key under which mentions of one type are merged."""
    return enterprise_key(name) if type_ == "Enterprise" else normalize(name)
