"""kg_lexicon: mark every occurrence of a lexicon name or alias (longest match first)."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.components.base import add_candidate, candidates, doc_tokens
from kg.extract.lexicon import USER, Lexicon
from kg.model import Mention

# the source of a match from a user's `--lexicon` file: the learned tagger keeps these as they are
USER_SOURCE = "lexicon:user"
KNOWN_SOURCE = "lexicon"  # the lexicons that ship with kg: well-known names


def lexicon_matches(doc: Doc) -> tuple[list[Mention], list[Mention]]:
    """The matches of the user's lexicons (they outrank the model) and of the shipped ones (well-known names)."""
    found = candidates(doc)
    return [c for c in found if c.source == USER_SOURCE], [c for c in found if c.source == KNOWN_SOURCE]


class LexiconMatcher:
    def __init__(self) -> None:
        self.forms: dict = {}
        self.by_first: dict[str, list[str]] = {}
        self.place_prefix: re.Pattern | None = None

    def set_lexicon(self, lexicon: Lexicon) -> None:
        """Index every surface form by its first character, longest first, once."""
        self.forms = lexicon.surface_forms()
        ordered = sorted(self.forms, key=lambda f: (-len(f), f))
        self.by_first = {}
        for form in ordered:
            self.by_first.setdefault(form[0], []).append(form)
        places = [f for f in ordered if self.forms[f].type == "Region" and len(f) >= 2]
        self.place_prefix = re.compile("|".join(map(re.escape, places))) if places else None

    def _matches(self, text: str, starts: list[int]):
        """(form, start, end) of the longest form at each word start, left to right, not overlapping
        (a big regex alternation tries every form at every character, which is several times slower)."""
        pos = 0
        for s in starts:
            if s < pos:
                continue
            for form in self.by_first.get(text[s], ()):
                if text.startswith(form, s):
                    pos = s + len(form)
                    yield form, s, pos
                    break

    def __call__(self, doc: Doc) -> Doc:
        if not self.forms:
            return doc
        toks = doc_tokens(doc)
        ends = set(toks.ends)
        text = toks.text
        # a form starts on a word boundary (not 上海 inside 新上海)
        for form, s, e in self._matches(text, toks.starts):
            entry = self.forms[form]
            # a place name must also end on one (上海市 is not in 上海市场)
            if entry.type == "Region" and e not in ends and _word_char(text, e):
                continue
            # codes and Latin names must not be part of a longer number or word
            if form.isascii() and (_ascii_alnum(text, s - 1) or _ascii_alnum(text, e)):
                continue
            add_candidate(doc, form, entry.type, s, e, USER_SOURCE if entry.origin == USER else KNOWN_SOURCE, 0.9)
            if entry.type in ("Enterprise", "Project") and self.place_prefix is not None:
                # a known place opening a known company's name (甲市某业 → 甲市): the longest match above
                # consumed it, so record it as a nested Region mention too
                pm = self.place_prefix.match(text, s, e)
                if pm is not None and e - pm.end() >= 2 and not form.isascii():
                    add_candidate(doc, pm.group(0), "Region", s, pm.end(), "lexicon:prefix", 0.85)
        return doc


def _word_char(text: str, i: int) -> bool:
    return 0 <= i < len(text) and bool(re.match(r"[\u4e00-\u9fffA-Za-z0-9]", text[i]))


def _ascii_alnum(text: str, i: int) -> bool:
    return 0 <= i < len(text) and text[i].isascii() and text[i].isalnum()


@Language.factory("kg_lexicon")
def make_lexicon_matcher(nlp: Language, name: str) -> LexiconMatcher:
    return LexiconMatcher()
