"""kg_lexicon: mark every occurrence of a lexicon name or alias (longest match first)."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.components.base import add_candidate
from kg.extract.lexicon import Lexicon


class LexiconMatcher:
    def __init__(self) -> None:
        self.forms: dict = {}
        self.pattern: re.Pattern | None = None

    def set_lexicon(self, lexicon: Lexicon) -> None:
        """Compile one alternation of all surface forms, longest first, once."""
        self.forms = lexicon.surface_forms()
        if self.forms:
            ordered = sorted(self.forms, key=lambda f: (-len(f), f))
            self.pattern = re.compile("|".join(map(re.escape, ordered)))

    def __call__(self, doc: Doc) -> Doc:
        if self.pattern is None:
            return doc
        for match in self.pattern.finditer(doc.text):
            entry = self.forms[match.group(0)]
            add_candidate(doc, match.group(0), entry.type, match.start(), match.end(), "lexicon", 0.95)
        return doc


@Language.factory("kg_lexicon")
def make_lexicon_matcher(nlp: Language, name: str) -> LexiconMatcher:
    return LexiconMatcher()
