"""Trigger words per relation, defined once and compiled once at import.

The word tables are classes of `schemas/vocab/word_classes.tsv`; `compile_words` turns one into a
regex (longest alternatives first). Rules search these in the *masked* sentence (names
removed), so a word inside a name never counts.
"""
from __future__ import annotations

import re

from kg.extract.vocab import alternation, words

# the enterprise builds / owns / runs / leads the project (subject ... verb ... project)
UNDERTAKE_WORDS = words("undertake")
# the enterprise is selected for / supported by / listed under / applies under the policy
PARTICIPATE_WORDS = words("participate")
# a policy clause that frames the next clause ("推行“城市合伙人”模式，X公司与…合作建设…")
TOPIC_WORDS = words("topic")
# placed somewhere: "X入驻Y", "X位于Y"
LOCATE_WORDS = words("locate")
# "在Y落地" (the place comes before the verb)
LOCATE_AT_WORDS = words("locate_at")
# modal words: a completion verb after them is a target, not a fact
MODAL_WORDS = words("modal")


def compile_words(vocabulary: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in sorted(set(vocabulary), key=len, reverse=True)))


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
    rf"(?:{alternation('company_noun')})?(?:的)?[“\"‘]?$"
)
# "等89个“", "等4个" right before the policy in "P1、P2等N个“三大改造”项目"
PROJECT_COUNT = re.compile(r"^[”\"’]?等?[\d一二三四五六七八九十百千余多]+个[“\"‘]?$")
PROJECT_AFTER = re.compile(r"^[”\"’]?(?:重点|重大|示范)?项目")
INSIDE = re.compile(r"^[”\"’]?(?:园区)?内(?:的)?[“\"‘]?$")
# between a company and the project it owns written right after it ("E的P", "EP")
OWNER_GAP = re.compile(r"^(?:的)?$")
# "六冶铆焊厂地块…": the company names the site of the project, not its owner
SITE_AFTER = re.compile(f"^(?:{alternation('site_word')})")
# a clause that names its own category ("等14家创新龙头企业") is not framed by its neighbour
OWN_CATEGORY = re.compile(r"[\d一二三四五六七八九十百千余多]+家[^，,；;。□]{2,}?(?:" + alternation("company_noun") + ")")
# "…分别是：" right before the first item of a list whose policy came before (in the masked sentence)
LIST_INTRO = re.compile(rf"(?:{alternation('list_intro')})[:：]?\s*$")
SELECTED = re.compile(alternation("selected"))
# bare generic words that are never a name on their own (defensive against bad mentions)
GENERIC_NAMES = frozenset(words("generic_name"))
