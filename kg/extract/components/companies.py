"""kg_companies: enterprise names recognised by their legal heads.

- legal heads: ``…股份有限公司``, ``…有限责任公司``, ``…有限公司``, ``…集团``, ``…股份``, ``…公司``;
  the left boundary comes from the segmentation (a governing verb, punctuation or a function
  word ends the name), and a prefix that is only a common noun (教育集团, 子公司) is refused;
- a region in full-width parentheses inside a name, the way legal names are written:
  ``氢沄（河南）新能源``, ``北轴（洛阳）科技``.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.components.base import add_candidate, doc_tokens, has_name_token, name_start, word_freq, word_tags, words_in

HEAD = re.compile(r"(股份有限公司|有限责任公司|集团有限公司|集团股份有限公司|有限公司|集团公司|集团|股份|公司)")
# prefixes that make "…公司/集团" a kind, not a name
GENERIC = set("""
子 分 总 母 该 本 我 各 全 新 大 小 国有 国企 民营 外资 合资 上市 平台 企业 投资 控股 融资 担保 物业 开发 建筑
建设 运营 管理 服务 管委会 教育 医疗 文旅 产业 龙头 重点 骨干 知名 优质 领军 头部 科技 贸易 商贸 物流 电商 金融
房地产 互联网 保险 证券 银行 基金 租赁 咨询 有限 股份 集团 公司 责任 区属 市属 省属 县属 央企 地方 城投 交投
""".split())
# a parenthesised region inside a legal-style name
PAREN_REGION = re.compile(r"([\u4e00-\u9fffA-Za-z0-9]{1,8})（(中国|[\u4e00-\u9fff]{2,3}?)(?:省|市)?）([\u4e00-\u9fffA-Za-z0-9]{2,8})")
# the region of a legal name, then the rest of the name up to its head (…（洛阳）新材料|有限公司)
LEGAL_PAREN = re.compile(r"（([\u4e00-\u9fff]{2,3}?)(?:省|市)?）[\u4e00-\u9fffA-Za-z0-9]{0,10}$")
TAIL_STOP = re.compile(r"(国际|合作|与|和|等|的|生产|建设|项目|公司|集团|有限|股份|交易|农产品|产业园|基地|中心)")
REGION_WORDS = set("中国 北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 "
                   "海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门".split())


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


LEVELS = {"省", "市", "区", "县"}


def _qualified_kind(doc: Doc, start: int, head_start: int) -> bool:
    """A kind word with only ordinary words before it is a qualified kind, not a name: 专业化运营公司,
    做优上市公司, 二级公司."""
    text = doc_tokens(doc).text
    prefix = text[start:head_start]
    if re.search(r"[一二三四五六七八九十]+级$", prefix):
        return True
    for size in (3, 2):
        if len(prefix) > size and prefix[-size:] in GENERIC:
            # a government's own group is named by its level: 省文旅集团, 市城投公司
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
        self._paren_names(doc, text)
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

    def _paren_names(self, doc: Doc, text: str) -> None:
        for m in PAREN_REGION.finditer(text):
            region = m.group(2)
            if region == "中国" or re.search(r"[0-9]|中国$", m.group(1)):
                continue
            if region not in REGION_WORDS and word_tags().get(region) != "ns":
                continue
            tail = m.group(3)
            cut = TAIL_STOP.search(tail)
            start = name_start(doc, m.start(2) - 1, max_chars=10)
            if start >= m.start(2) - 1:
                continue
            if cut is not None:
                if cut.start() < 2:
                    # 万邦（洛阳）国际农产品交易中心: the company is the part before the region
                    if m.start(2) - 1 - start >= 2:
                        add_candidate(doc, text[start : m.start(2) - 1], "Enterprise", start, m.start(2) - 1,
                                      "companies:paren", 0.85)
                    continue
                tail = tail[: cut.start()]
            end = m.end(2) + (1 if text[m.end(2)] == "）" else 0)
            end = m.start(3) + len(tail)
            name = text[start:end]
            add_candidate(doc, name, "Enterprise", start, end, "companies:paren", 0.85)


@Language.factory("kg_companies")
def make_companies(nlp: Language, name: str) -> CompanyHeads:
    return CompanyHeads()
