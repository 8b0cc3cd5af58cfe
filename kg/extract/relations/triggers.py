"""Trigger words per relation, defined once and compiled once at import.

Each table is a plain tuple so it reads as documentation; `compile_words` turns one into a
regex (longest alternatives first). Rules search these in the *masked* sentence (names
removed), so a word inside a name never counts.
"""
from __future__ import annotations

import re

# the enterprise builds / owns / runs / leads the project (subject ... verb ... project)
UNDERTAKE_WORDS = (
    "建设", "建成", "新建", "扩建", "改建", "创建", "申建", "承建", "兴建", "筹建", "投资", "投建",
    "实施", "牵头", "签约", "签订", "落地", "落户", "布局", "打造", "运营", "启动", "开工", "合作",
    "投产", "研发", "承担",
)
# the enterprise is selected for / supported by / listed under / applies under the policy
PARTICIPATE_WORDS = (
    "入选", "入围", "入库", "获批", "获评", "获得", "荣获", "获", "认定", "认证", "上榜", "列入", "纳入",
    "评为", "晋级", "晋升", "升级", "支持", "扶持", "鼓励", "引导", "培育", "申报", "申建", "立项",
    "开展", "参与", "加入", "实施", "推广", "开发", "整合", "对接", "助力", "进入", "享受", "创建",
    "打造", "成为", "试点", "推行", "运用", "用好",
)
# a policy clause that frames the next clause ("推行“城市合伙人”模式，X公司与…合作建设…")
TOPIC_WORDS = (
    "推行", "推广", "做好", "加强", "实施", "开展", "落实", "深化", "对接", "依托", "用好", "争创",
)
# placed somewhere: "X入驻Y", "X位于Y"
LOCATE_WORDS = ("落户", "入驻", "进驻", "位于", "坐落于", "坐落", "扎根", "迁入", "搬迁至")
# "在Y落地" (the place comes before the verb)
LOCATE_AT_WORDS = ("落地", "落户", "交汇", "集聚", "聚集", "扎根", "开业", "投产", "建成", "开工")
# modal words: a completion verb after them is a target, not a fact
MODAL_WORDS = ("力争", "确保", "争取", "计划", "拟", "将", "推动", "促进", "谋划", "争创")


def compile_words(words: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))


UNDERTAKE = compile_words(UNDERTAKE_WORDS)
PARTICIPATE = compile_words(PARTICIPATE_WORDS)
TOPIC = compile_words(TOPIC_WORDS)
LOCATE = compile_words(LOCATE_WORDS)
LOCATE_AT = re.compile("在(□+)(?:" + compile_words(LOCATE_AT_WORDS).pattern + ")")
MODAL = compile_words(MODAL_WORDS)
PASSIVE_BY = re.compile("由")
# "等14家…", "等5家企业", "等企业的7个项目" between an enumeration and what it is counted as
COUNTED = re.compile(
    r"^[”\"’]?(?:等|等等)?(?:[\d一二三四五六七八九十百千余多]+(?:家|个|户|项|名|所))?"
    r"(?:企业|公司|单位)?(?:的)?[“\"‘]?$"
)
# "等89个“", "等4个" right before the policy in "P1、P2等N个“三大改造”项目"
PROJECT_COUNT = re.compile(r"^[”\"’]?等?[\d一二三四五六七八九十百千余多]+个[“\"‘]?$")
PROJECT_AFTER = re.compile(r"^[”\"’]?(?:重点|重大|示范)?项目")
INSIDE = re.compile(r"^[”\"’]?(?:园区)?内(?:的)?[“\"‘]?$")
# between a company and the project it owns written right after it ("E的P", "EP")
OWNER_GAP = re.compile(r"^(?:的)?$")
# "六冶铆焊厂地块…": the company names the site of the project, not its owner
SITE_AFTER = re.compile(r"^(?:地块|旧址|原址|老厂区|片区|周边)")
# a clause that names its own category ("等14家创新龙头企业") is not framed by its neighbour
OWN_CATEGORY = re.compile(r"[\d一二三四五六七八九十百千余多]+家[^，,；;。□]{2,}?(?:企业|公司|单位)")
# bare generic words that are never a name on their own (defensive against bad mentions)
GENERIC_NAMES = frozenset((
    "科技", "中心", "公司", "集团", "企业", "项目", "基地", "园区", "产业园", "新能源", "新材料", "智能",
    "技术", "股份", "实业", "控股", "发展", "工程", "平台", "社区",
))
