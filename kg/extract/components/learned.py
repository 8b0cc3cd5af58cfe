"""kg_model: the learned entity tagger decides the mentions; the rule components' candidates and
their selection (``kg_select``) are its features. Names from the user's own lexicons are kept
as they are, and the shipped lexicons' well-known names whole (kg.extract.model.tagger). The rules'
own choice stays in ``doc._.kg_rule_mentions`` for `kg explain`."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.components.base import candidates, doc_tokens
from kg.extract.components.lexicon_matcher import lexicon_matches


class LearnedTagger:
    def __init__(self) -> None:
        self.model = None

    def set_model(self, model) -> None:
        self.model = model

    def __call__(self, doc: Doc) -> Doc:
        from kg.extract.model.features import char_features  # the model package imports the components
        from kg.extract.model.tagger import decide_mentions

        document = doc._.kg_document
        rule_mentions = doc._.kg_mentions or []
        toks = doc_tokens(doc)
        features = char_features(document.text, toks.starts, toks.ends, candidates(doc), rule_mentions)
        doc._.kg_rule_mentions = rule_mentions
        doc._.kg_mentions = decide_mentions(self.model.taggers, document, features, *lexicon_matches(doc))
        return doc


@Language.factory("kg_model")
def make_learned_tagger(nlp: Language, name: str):
    return LearnedTagger()
