"""kg_quoted: names in “…” and 《…》.

《…》 is a named document (Policy). A “…” name is scored on how documents introduce programmes:
the verb before it (实施/开展/推行 … a programme; 打造/树牢 … an image), the word after it (专项行动,
活动, 政策, 制度 … vs 品牌, 模式 …) and its own shape (a counted name like 三清两建 / 十大战略, a
programme head like …计划/…行动). A head that belongs to the name is kept with it (“瞪羚”企业 ->
瞪羚企业, “十四五”规划 -> 十四五规划). A quoted name followed by 项目 is a Project. The word classes
are those of `schemas/vocab/word_classes.tsv` (quote_*).
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.components.base import add_candidate, doc_tokens, word_tags
from kg.extract.vocab import alternation, words

QUOTE = re.compile(r"“([^“”\n]{1,40})”")
TITLE = re.compile(r"《([^《》\n]{2,60})》")


def _longest_first(word_class: str) -> tuple[str, ...]:
    return tuple(sorted(words(word_class), key=len, reverse=True))


POS_VERBS = words("quote_programme_verb")
NEG_VERBS = words("quote_image_verb")
NAME_HEADS = _longest_first("quote_name_head")
POS_HEADS = words("quote_programme_after")
NEG_HEADS = words("quote_image_after")
PROJECT_AFTER = words("quote_project_after")
PROJECT_VERBS = words("quote_project_verb")
COUNTED = re.compile(r"^(?:[一二三四五六七八九十两百千万]+|[0-9]+)(?:个|大|项|条|化|件|有|转|清|权|变|零|控|水|链|新|上|线|查|好|育)")
COUNTED_ANY = re.compile(r"[一二三四五六七八九十两百千万][\u4e00-\u9fff]")
PROGRAMME_TAIL = re.compile(f"(?:{alternation('programme_tail')})$")
SLOGAN = re.compile(f"(?:{alternation('slogan_tail')})$")
# an event named after the quote is no programme (“某某”农产品推介会, “某某”文化旅游节)
EVENT_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:" + alternation("event_noun") + r"|[^\W\d_]{2}节)")
# works of art and media named in 《》 are no documents (电影《某某》)
ART_BEFORE = re.compile(f"(?:{alternation('artwork')})$")


def _score(text: str, start: int, end: int, name: str) -> tuple[float, str | None]:
    """How much the context says “name” is a programme; and the head that belongs to the name."""
    before = text[max(0, start - 8) : start]
    after = text[end : end + 12].lstrip("\n")
    s = 0.0
    clause_before = re.split(r"[，。；：、,;:\n]", before)[-1]
    if any(clause_before.endswith(v) for v in POS_VERBS) or (clause_before == "" and before.endswith("、")):
        s += 1
    if any(clause_before.endswith(v) for v in NEG_VERBS):
        s -= 2
    head = None
    for h in NAME_HEADS:
        # a head that continues into a longer word is not the programme's (“某某”企业家沙龙)
        if after.startswith(h) and after[len(h) : len(h) + 1] not in ("家", "主", "者"):
            head = h
            break
    if any(after.startswith(h) for h in POS_HEADS):
        s += 1
    if any(after.startswith(h) for h in NEG_HEADS) or EVENT_AFTER.match(after):
        s -= 1.5
    if COUNTED.match(name):
        s += 1
    elif COUNTED_ANY.search(name) and len(name) <= 8:
        s += 0.5
    if PROGRAMME_TAIL.search(name):
        s += 1
    if SLOGAN.search(name):
        s -= 1
    # a plain dictionary word in quotes is an image, not a programme ("风口", "优秀")
    if word_tags().get(name) in {"n", "a", "v", "vn", "an", "ad", "d", "nz"} and not PROGRAMME_TAIL.search(name):
        s -= 1.5
    if len(name) > 12:
        s -= 1
    if "，" in name or "," in name:
        s -= 1.5
    if name.count("、") >= 2 and not COUNTED_ANY.search(name):
        s -= 1
    if re.search(r"[+＋]", name) and head is None:
        s -= 1
    if len(name) == 1:
        s -= 3
    return s, head


class Quoted:
    def __call__(self, doc: Doc) -> Doc:
        text = doc_tokens(doc).text
        for m in TITLE.finditer(text):
            name = m.group(1)
            if name.endswith("政府工作报告") or len(name) < 3 or ART_BEFORE.search(text, max(0, m.start() - 4), m.start()):
                continue
            add_candidate(doc, re.sub(r"[“”\"]", "", name), "Policy", m.start(1), m.end(1), "quoted:title", 0.9)
        for m in QUOTE.finditer(text):
            name = re.sub(r"\s+", "", m.group(1))
            after = text[m.end() : m.end() + 6]
            # a quoted name followed by 项目 (not a counted “三大改造”项目 series) is a project
            if after.startswith(PROJECT_AFTER) and not COUNTED.match(name) and len(name) >= 3:
                add_candidate(doc, name, "Project", m.start(1), m.end(1), "quoted:project", 0.85)
                continue
            if after.startswith(PROJECT_VERBS) and len(name) >= 5 \
                    and not COUNTED_ANY.match(name):
                add_candidate(doc, name, "Project", m.start(1), m.end(1), "quoted:project", 0.8)
                continue
            score, head = _score(text, m.start(), m.end(), name)
            if score < 1:
                continue
            start, end = m.start(1), m.end(1)
            full = name
            if head is not None:
                full = name + head
                end = m.end() + len(head) + (1 if text[m.end() : m.end() + 1] == "\n" else 0)
                # a bare designation noun after a quality name: “瞪羚”企业, “小巨人”企业
            add_candidate(doc, full, "Policy", start, end, "quoted:policy", 0.75 + min(score, 3) * 0.05)
        return doc


@Language.factory("kg_quoted")
def make_quoted(nlp: Language, name: str) -> Quoted:
    return Quoted()
