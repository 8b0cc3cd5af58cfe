"""kg_firms: the company at the front of a project or product name.

Reports name a project or product after the company that builds it, with no legal head:
``洛宇智能通讯终端核心零部件``, ``新强联风电轴承``, ``科威钨钼MCZ单晶硅新型合金制备项目``. The name is
split where the product or sector description begins (a sector word such as 智能, 新能源, 风电,
医学, 合作 …, or a Latin/digit model code); the part before it is an Enterprise when it reads like
a proper name (a word outside the dictionary, an abbreviation or brand tag) and not like a place
(a zone or area the document names elsewhere, a road, a district).
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.components.base import GOVERNING, add_candidate, candidates, doc_tokens, word_tags, words_in
from kg.extract.vocab import alternation, word_set

# the description of a product, facility or industry opens with a sector word or a model code
SECTOR_RE = re.compile(alternation("sector") + r"|[A-Za-z0-9]")
PLACE_END = re.compile(f"(?:{alternation('place_end')})$")
NAME_TAGS = {"nz", "j", "nt", "nrt", "nrfg"}
FIRM_WORDS = word_set("firm_word")
WEAK = re.compile(f"^(?:{alternation('firm_weak_prefix')})")


def firm_prefix(doc: Doc, start: int, end: int, places: tuple[str, ...] = ()) -> int | None:
    """End of the company name at the front of the name [start, end), or None."""
    text = doc_tokens(doc).text
    m = SECTOR_RE.search(text, start + 2, end)
    if m is None or m.start() - start > 8 or end - m.start() < 2:
        return None
    prefix = text[start : m.start()]
    words = words_in(doc, start, m.start())
    if not words or sum(map(len, words)) != len(prefix):
        return None
    # the boundary must fall between two words of the segmentation (中航|光电 is not 中航光电's)
    if doc_tokens(doc).starts[doc_tokens(doc).index_at(m.start())] != m.start():
        return None
    tags = word_tags()
    if WEAK.match(prefix) or PLACE_END.search(prefix) or prefix in GOVERNING:
        return None
    if prefix.startswith(places) and not _place_then_name(words):
        return None
    if any(w in GOVERNING for w in words):
        return None
    # every word a name piece: out of the dictionary, a name tag, a place, or a company word
    if not all(len(w) == 1 or w not in tags or tags[w] in NAME_TAGS | {"ns", "nr"} or w in FIRM_WORDS for w in words):
        return None
    named = any((len(w) >= 2 and w not in tags) or tags.get(w) in NAME_TAGS for w in words)
    return m.start() if named else None


def _place_then_name(words: list[str]) -> bool:
    """A place, then a word out of the dictionary: a company named with its city (甲城兰丁), not a
    place's own facility (甲城科技…)."""
    tags = word_tags()
    return len(words) >= 2 and tags.get(words[0]) == "ns" and all(len(w) >= 2 and w not in tags for w in words[1:])


class Firms:
    def __call__(self, doc: Doc) -> Doc:
        found = candidates(doc)
        firms = {c.start for c in found if c.type == "Enterprise"}
        places = tuple({c.name for c in found if c.type in ("Park", "Region") and c.name})
        place_stems = tuple({p[:2] for p in places if len(p) >= 3})
        for c in list(found):
            if c.type not in ("Project", "Park") or c.start in firms or c.source == "propagate":
                continue
            cut = firm_prefix(doc, c.start, c.end, place_stems)
            if cut is None:
                continue
            add_candidate(doc, doc_tokens(doc).text[c.start : cut], "Enterprise", c.start, cut, "firms:prefix", 0.82)
            firms.add(c.start)
        return doc


@Language.factory("kg_firms")
def make_firms(nlp: Language, name: str) -> Firms:
    return Firms()
