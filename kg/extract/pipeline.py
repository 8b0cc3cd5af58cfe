"""The extraction pipeline: spaCy's blank Chinese pipeline with the jieba segmenter.

Each component (kg/extract/components/) is registered by name with spaCy, does one job and
appends candidate Mentions to ``doc._.kg_candidates``; ``kg_select`` turns candidates into the
final, non-conflicting mentions in ``doc._.kg_mentions``. Relations and project attributes are
read from the mentions afterwards (kg/extract/relations.py, kg/extract/attributes.py).
"""
from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Iterator

from kg.extract.lexicon import Lexicon, load_lexicons
from kg.model import Document, Extraction, Mention, Sentence

# order matters: later components see earlier candidates
COMPONENTS = (
    "kg_lexicon",       # curated names and aliases (schemas/lexicons/*.tsv, --lexicon)
    "kg_companies",     # legal heads: …有限公司, …集团, …股份, …公司; 氢沄（河南）新能源
    "kg_enumerations",  # A、B、C等N家企业 / X、Y等N个项目: each item takes the head's type
    "kg_quoted",        # “…” programmes scored on verb/head/shape; 《…》 documents
    "kg_designations",  # 获评/入选/认定 + …示范区/…试点/…名单: conferred titles
    "kg_heads",         # suffix heads with left edges from the segmentation
    "kg_regions",       # administrative areas
    "kg_firms",         # the company in front of a project/product name (洛宇智能通讯终端…)
    "kg_propagate",     # document-level second pass: confident names at every occurrence
    "kg_select",        # non-overlapping final mentions (nested mentions of another type kept)
)
# the learned tagger, after the rules: their candidates and selection are its features
MODEL_COMPONENT = "kg_model"


class JiebaWords:
    """spaCy's jieba tokenizer without its whitespace re-alignment (a third of its time): jieba's
    words always concatenate to the input, so each word, whitespace included, is one token and the
    Doc's text is the input text."""

    def __init__(self, vocab):
        import jieba

        self.vocab = vocab
        self.cut = jieba.cut

    def __call__(self, text: str):
        from spacy.tokens import Doc

        words = [w for w in self.cut(text) if w]
        return Doc(self.vocab, words=words, spaces=[False] * len(words))


MAX_PART = 200_000  # characters the spaCy pipeline reads at once (its own limit is 1,000,000: E088)


def document_parts(document: Document, limit: int = MAX_PART) -> Iterator[tuple[Document, tuple[int, int]]]:
    """The document itself, or for a long one, parts of whole sentences of at most `limit`
    characters (a sentence is at most kg.text.sentences.MAX_SENTENCE), each with the (character,
    sentence) shift that maps its offsets back into the document."""
    if len(document.text) <= limit:
        yield document, (0, 0)
        return
    sentences = document.sentences
    first = 0
    while first < len(sentences):
        last = first + 1
        while last < len(sentences) and sentences[last].end - sentences[first].start <= limit:
            last += 1
        start, end = sentences[first].start, sentences[last - 1].end
        part = replace(document, text=document.text[start:end], offsets=document.offsets[start:end],
                       sentences=[Sentence(s.index - first, s.start - start, s.end - start, s.text)
                                  for s in sentences[first:last]])
        yield part, (start, first)
        first = last


@contextmanager
def collector_paused():
    """Extraction makes millions of short-lived feature lists; their count would set off the cyclic
    garbage collector again and again, each time walking every object of the process (a third of
    the extraction time). Nothing extraction makes needs it: it runs again afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Extractor:
    """Build the spaCy pipeline once; call `extract(document)` for each document.

    With a model (the shipped one by default, or `model_path`) the learned tagger decides the
    mentions; `rules_only=True` keeps the rule components' own choice (what training reads its
    features from). Relations are read by the rules in `relations/` from the final mentions.
    """

    def __init__(self, lexicon_paths: list[str | Path] | None = None, model_path: str | Path | None = None,
                 rules_only: bool = False):
        import logging

        import jieba
        import spacy

        from kg.text.gazetteer import load_jieba

        jieba.setLogLevel(logging.WARNING)
        load_jieba()  # before spaCy's tokenizer asks jieba to initialise itself

        from kg.extract import components  # noqa: F401  (registers the components)
        from kg.extract.model import load_model

        self.lexicon: Lexicon = load_lexicons(lexicon_paths or [])
        self.model = None if rules_only else load_model(model_path)
        self.nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
        self.nlp.tokenizer = JiebaWords(self.nlp.vocab)
        for name in COMPONENTS:
            self.nlp.add_pipe(name)
        self.nlp.get_pipe("kg_lexicon").set_lexicon(self.lexicon)
        if self.model is not None:
            self.nlp.add_pipe(MODEL_COMPONENT).set_model(self.model)

    def analyse(self, document: Document):
        """The spaCy Doc of a document (or a part: see document_parts) after every component:
        candidates, the rules' and the final mentions, tokens."""
        doc = self.nlp.make_doc(document.text)
        doc._.kg_document = document
        for _, proc in self.nlp.pipeline:
            doc = proc(doc)
        return doc

    def _mentions(self, document: Document, shift: tuple[int, int]) -> list[Mention]:
        """The final mentions found in `document` (a part: see document_parts), moved by `shift`
        (characters, sentences)."""
        doc = self.analyse(document)
        chars, sentences = shift
        if shift == (0, 0):
            return doc._.kg_mentions
        return [replace(m, start=m.start + chars, end=m.end + chars, sentence=m.sentence + sentences)
                for m in doc._.kg_mentions]

    def extract(self, document: Document) -> Extraction:
        from kg.extract.attributes import project_attributes
        from kg.extract.relations import extract_relations

        parts = document_parts(document, min(MAX_PART, self.nlp.max_length))
        with collector_paused():
            mentions = [m for part, shift in parts for m in self._mentions(part, shift)]
            relations = extract_relations(document, mentions, self.model and self.model.relations)
        return Extraction(document, mentions, relations, project_attributes(document, mentions))
