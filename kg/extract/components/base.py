"""Helpers shared by the components: candidate mentions with provenance, word classes from
jieba's shipped dictionary, and name boundaries read from the segmentation.

Everything expensive (the dictionary's part-of-speech table, compiled regexes) is built once
per process; per document the components only scan the text and the token offsets.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc

from kg.extract.vocab import word_set, words
from kg.model import Mention
from kg.text.gazetteer import load_jieba, word_tags


def candidates(doc: Doc) -> list[Mention]:
    if doc._.kg_candidates is None:
        doc._.kg_candidates = []
    return doc._.kg_candidates


def add_candidate(doc: Doc, name: str, type_: str, start: int, end: int, source: str,
                  confidence: float = 1.0, also: tuple[str, ...] = ()) -> Mention:
    """Record a candidate mention of `name` at cleaned-text span [start, end)."""
    sentence = doc._.kg_document.sentence_at(start).index
    mention = Mention(name, type_, start, end, sentence, source, confidence, also)
    candidates(doc).append(mention)
    return mention


# ---------------------------------------------------------------------------------------
# word classes

@lru_cache(maxsize=1)
def word_freq() -> dict[str, int]:
    """word -> frequency in jieba's shipped dictionary (0 for a word's prefixes): jieba's own table."""
    import jieba

    load_jieba()  # loaded once per process; a no-op afterwards
    return jieba.dt.FREQ


# Verbs, adverbs and other function words that govern a name from its left in these documents
# ("加快建设X", "推动X投产", "依托X"): a name never starts with one of them.
GOVERNING = set(words("governing"))
GOVERNING_END = words("governing_end")

PUNCT = set("，。；：、！？,.;:!?（）()“”\"‘’《》「」『』【】—…\n \t·")
# characters that may appear inside a name
NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·（）()\-+.]")
CJK_NUM = "一二三四五六七八九十两百千万零〇"
DIGITS = set("一二三四五六七八九十")
# time words that qualify a kind inside names (现代生物产业基地, 当代艺术馆), not a time of the clause
ERA_WORDS = word_set("era")
# a phase of a project or zone written after its name: 一期, (二期)
PHASE = r"(?:[（(])?(?:[一二三四五]期)(?:[）)])?"


class Tokens:
    """Token offsets of a spaCy doc (the jieba segmentation), for boundary decisions."""

    def __init__(self, doc: Doc):
        self.doc = doc
        # one vectorised read of the offsets: iterating a Doc builds a Token object per word, and
        # Doc.text rebuilds the string from them; the document's text is the same string
        self.text = text = doc._.kg_document.text
        if len(doc):
            idx, length = doc.to_array([IDX, LENGTH]).T.tolist()
        else:
            idx, length = [], []
        self.starts = idx
        self.ends = [s + n for s, n in zip(idx, length)]
        self.texts = [text[s:e] for s, e in zip(idx, self.ends)]

    def index_at(self, pos: int) -> int:
        """Index of the token covering char `pos` (or the next one)."""
        i = bisect.bisect_right(self.starts, pos) - 1
        return max(i, 0)

    def words(self, start: int, end: int) -> list[str]:
        """The words covering [start, end), clipped to the span."""
        i = self.index_at(start)
        out = []
        while i < len(self.texts) and self.starts[i] < end:
            s, e = max(self.starts[i], start), min(self.ends[i], end)
            if e > s:
                out.append(self.text[s:e])
            i += 1
        return out

    def token_end_before(self, pos: int) -> int:
        """Index of the last token that ends at or before `pos`."""
        return bisect.bisect_right(self.ends, pos) - 1


def doc_tokens(doc: Doc) -> Tokens:
    cached = getattr(doc._, "kg_tokens", None)
    if cached is None:
        cached = Tokens(doc)
        doc._.kg_tokens = cached
    return cached


NAME_TAGS = {"ns", "nr", "nz", "nt", "j", "nrt", "nrfg", "eng", "x"}


def has_name_token(words: list[str]) -> bool:
    """True when one of the words is a proper-name piece: out of the dictionary, a place/person/
    organisation/abbreviation tag, or containing Latin letters or digits."""
    tags = word_tags()
    single = 0
    for w in words:
        if re.search(r"[A-Za-z0-9]", w):
            return True
        # jieba cuts a name it does not know into single characters (栋/能/魔王)
        single = single + 1 if len(w) == 1 and w not in GOVERNING and "\u4e00" <= w <= "\u9fff" else 0
        if single >= 2:
            return True
        tag = tags.get(w)
        if tag is None and len(w) >= 2:
            return True
        if tag in NAME_TAGS:
            return True
    return False


def words_in(doc: Doc, start: int, end: int) -> list[str]:
    """The segmentation's words covering [start, end) (clipped to the span)."""
    return doc_tokens(doc).words(start, end)


def is_stop_word(word: str) -> bool:
    """A token that cannot begin or continue a name leftwards."""
    if word in GOVERNING:
        return True
    if len(word) >= 3 and word.endswith(GOVERNING_END):
        return True
    if any(ch in PUNCT for ch in word):
        return True
    tag = word_tags().get(word)
    if tag in {"p", "c", "u", "r", "uj", "ul", "uz", "ug", "ud", "uv", "y", "e", "o", "m", "q", "mq"}:
        return not _numeric(word)
    # adverbs, locatives and time words only when they are common words (the dictionary tags
    # rare words like 互连 as adverbs)
    if tag in {"d", "ad", "f", "t"}:
        return (word_freq().get(word, 0) >= 2000 or len(word) == 1) and word not in ERA_WORDS
    return False


def _code_number(text: str, start: int, end: int) -> bool:
    """Digits written in characters that are part of a run of three or more: a code name such as
    七二五(所) or 四〇七(医院), not a count."""
    digits = "一二三四五六七八九〇零"
    if not all(ch in digits for ch in text[start:end]):
        return False
    a, b = start, end
    while a > 0 and text[a - 1] in digits:
        a -= 1
    while b < len(text) and text[b] in digits:
        b += 1
    return b - a >= 3


def _numeric(word: str) -> bool:
    return bool(re.fullmatch(r"[0-9.]+|[A-Za-z0-9]+", word))


def name_start(doc: Doc, head_start: int, max_chars: int = 20, min_start: int = 0) -> int:
    """Where a name ending in a head (that starts at `head_start`) begins.

    Walks the segmentation leftwards from the head while tokens look like parts of a name;
    stops at punctuation, a governing verb or function word, or after `max_chars`.
    """
    toks = doc_tokens(doc)
    text = toks.text
    tags = word_tags()
    i = toks.token_end_before(head_start)
    start = head_start
    # a head that starts inside a token: include the token's own left part
    j = toks.index_at(head_start)
    if toks.starts[j] < head_start < toks.ends[j]:
        start = toks.starts[j]
        i = j - 1
    while i >= 0:
        word = toks.texts[i]
        ws = toks.starts[i]
        if ws < min_start or head_start - ws > max_chars:
            break
        if word in INTERNAL_VERBS and i > 0 and not is_stop_word(toks.texts[i - 1]) \
                and len(toks.texts[i - 1]) >= 2 and all(NAME_CHAR.match(ch) for ch in toks.texts[i - 1]):
            # a verb after its object noun is part of the name (重大项目建设攻坚行动, 交通枢纽建设工程)
            start = ws
            i -= 1
            continue
        if word in LINKS and i > 0 and start < head_start and tags.get(toks.texts[i - 1]) == "ns" \
                and tags.get(toks.texts[i + 1]) == "ns":
            # a line between two places is one name: 洛阳至襄阳(高铁), 郑州—洛阳
            start = ws
            i -= 1
            continue
        if tags.get(word) in {"q", "mq"} and len(word) >= 2 and i > 0 and start < head_start + 1:
            # a unit word that follows a name piece, not a number, is a noun inside the name
            # (某某微米光电零部件): measure words only count things after a numeral
            prev = toks.texts[i - 1]
            if not _numeric(prev) and tags.get(prev) not in {"m", "mq", "q"} and not is_stop_word(prev) \
                    and all(NAME_CHAR.match(ch) for ch in prev) and prev[-1] not in CJK_NUM:
                start = ws
                i -= 1
                continue
        if is_stop_word(word) and not _code_number(text, ws, toks.ends[i]):
            # a one-character locative (中, 内) right after punctuation or a verb starts a name
            # (中钢洛耐); after a word it is a postposition (自贸区内); so does a compass region
            # word (中部, 西部) that the segmentation split from the rest of a name
            lead = (len(word) == 1 and word in "中上东西南北") or re.fullmatch(r"[中东西南北]部", word)
            if lead and (i == 0 or is_stop_word(toks.texts[i - 1])) and start < head_start:
                start = ws
            elif lead and len(word) == 1 and (i == 0 or is_stop_word(toks.texts[i - 1])):
                start = ws
            elif word in DIGITS and start == toks.ends[i] < head_start \
                    and tags.get(toks.texts[i + 1], "ns") in {"ns", "nr", "nz"} and len(toks.texts[i + 1]) >= 2:
                # a numeral right before a place or proper word, with no measure word between, is
                # the first character of that name (九|都城, 七|里河): a count needs a measure word
                start = ws
            break
        if not all(NAME_CHAR.match(ch) for ch in word):
            break
        start = ws
        i -= 1
    # never start on a stop character that jieba glued to the name
    while start < head_start and text[start] in "的和与及等、":
        start += 1
    # nor on a preposition jieba glued to an administrative level (由区|科技局, 在市|人民医院)
    if start + 2 <= head_start and text[start] in "由在向从被把对将为经" and text[start + 1] in "省市区县":
        start += 1
    # nor on a word made only of one-character function words jieba glued together (对原高新区)
    k = toks.index_at(start)
    if toks.starts[k] == start and toks.ends[k] <= head_start and len(toks.texts[k]) > 1 \
            and all(ch in GOVERNING for ch in toks.texts[k]):
        start = toks.ends[k]
    # drop leading verbs of the clause (重塑重振高新区 -> 高新区)
    while start < head_start:
        k = toks.index_at(start)
        if toks.starts[k] != start or toks.ends[k] > head_start:
            break
        word = toks.texts[k]
        if tags.get(word) in {"v", "vd", "d", "ad", "p", "c"} and word not in KEEP_VERBS \
                and word_freq().get(word, 0) >= 500:
            start = toks.ends[k]
            continue
        break
    return start


# verbs that are nominalised after their object inside names
INTERNAL_VERBS = word_set("internal_verb")
# words joining the two ends of a line (a railway, road or corridor from X to Y)
LINKS = word_set("link")
# verbs that begin programme names (促进民营经济高质量发展行动)
KEEP_VERBS = word_set("keep_verb")


def strip_name(name: str) -> str:
    """Surface form without quotes/title marks and spaces."""
    return re.sub(r"[\s“”\"‘’《》「」『』【】]", "", name)
