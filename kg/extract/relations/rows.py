"""Lists set out one company a row under a heading that names the list (notices, annexes):

    一、2023年度某市专精特新冠军企业拟认定名单（12家）
    序号　企业名称　所在区域
    1　甲科技有限公司　高新区
    2　乙食品有限公司　某某县

Every listed company takes part in the list's policy, and is located in the place written right
after it on its row (`list:rows`, 0.8). The heading and the rows are separate sentences (or rows
run together in one), so this reads the document's sentences in order rather than one at a time.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.relations.rules import PLACES
from kg.extract.vocab import alternation
from kg.model import Document, Mention, RelationMention

SOURCE, CONFIDENCE = "list:rows", 0.8
# a row's number before its company: "1", "12.", "（三）", "四、"; after the first row of a sentence,
# what the previous row wrote after its company and place may come before it ("…医用钛合金棒材2")
_NUMBER = r"[（(]?(?:\d{1,3}|[一二三四五六七八九十]{1,3})[.．、)）]?"
ROW_NUMBER = re.compile(rf"^{_NUMBER}$")
NEXT_ROW_NUMBER = re.compile(rf"(?:^|[^\d.．]){_NUMBER}$")
# between a company and the place of its row: nothing, or an opening bracket ("甲公司（高新区）")
PLACE_GAP = re.compile(r"^[（(]?$")
# what follows the policy in a heading: "拟认定名单（12家）", "认定的12家企业名单", "（共15家）"
LIST_NOUN = re.compile(f"(?:{alternation('list_noun')})$")
HEADING_TAIL = re.compile(rf"^[^，。；：,;:\n]{{0,12}}?(?:{alternation('list_noun')})|^[（(]共?\d+家[)）]")
# a sentence with no mention this short may stand between a heading and its first row ("序号　企业名称　所在区域")
HEADER_LENGTH = 40


def row_relations(document: Document, mentions: list[Mention]) -> Iterator[RelationMention]:
    by_sentence: dict[int, list[Mention]] = {}
    for m in _outermost(mentions):
        by_sentence.setdefault(m.sentence, []).append(m)
    policy: Mention | None = None  # the list the rows being read belong to
    rows = 0  # rows read under it
    for index, sentence in enumerate(document.sentences):
        tops = by_sentence.get(index, [])
        if policy is not None and not (tops and _is_row(document, sentence.start, tops, 0)):
            if not (rows or tops or len(sentence.text) > HEADER_LENGTH):
                continue  # a line of column names between the heading and the first row
            policy = None  # the rows ended (or never began)
        for k, m in enumerate(tops):
            if m.type == "Policy" and _heads_list(document, m, tops[k + 1:], sentence.end):
                policy, rows = m, 0
            elif policy is not None and m.type == "Enterprise" and _is_row(document, sentence.start, tops, k):
                rows += 1
                yield RelationMention(m, "participatesIn", policy, index, SOURCE, CONFIDENCE)
                place = tops[k + 1] if k + 1 < len(tops) else None
                if place is not None and place.type in PLACES and PLACE_GAP.match(document.text[m.end:place.start].strip()):
                    yield RelationMention(m, "locatedIn", place, index, SOURCE, CONFIDENCE)


def _outermost(mentions: list[Mention]) -> Iterator[Mention]:
    """The mentions no other mention strictly contains, in text order (one pass over them sorted)."""
    reach, reach_start = -1, -1  # the furthest end of the mentions so far, and where that one starts
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.end > reach:
            reach, reach_start = m.end, m.start
            yield m
        elif m.end == reach and m.start == reach_start:
            yield m  # the same span as the one before (another type)


def _is_row(document: Document, sentence_start: int, tops: list[Mention], k: int) -> bool:
    """Whether tops[k] starts a row: a row number stands right before it, and nothing else since
    the sentence start when it is the sentence's first mention."""
    if k == 0:
        return bool(ROW_NUMBER.match(document.text[sentence_start:tops[0].start].strip()))
    return bool(NEXT_ROW_NUMBER.search(document.text[tops[k - 1].end:tops[k].start].strip()))


def _heads_list(document: Document, policy: Mention, following: list[Mention], sentence_end: int) -> bool:
    """A policy named as a list ("…企业名单"), or followed by the list's name ("…企业拟认定名单")."""
    end = following[0].start if following else sentence_end
    return bool(LIST_NOUN.search(policy.name) or HEADING_TAIL.match(document.text[policy.end:end]))
