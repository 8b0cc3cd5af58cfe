"""Sentence splitting on Chinese terminal punctuation and paragraph breaks.

A sentence is at most `MAX_SENTENCE` characters (the corpus's longest is about 530): a longer run
without terminal punctuation is cut after its last clause mark (；，、：or a space) in each window,
or at the limit. Every later stage works sentence by sentence, so a document without punctuation
costs time in proportion to its length, not to its square.
"""
from __future__ import annotations

import re

from kg.model import Sentence

# a sentence ends after 。！？ (and any closing quotes/brackets that follow) or at a paragraph break
SENTENCE_END = re.compile(r"[。！？!?]+[”’」』）)]*|\n")
MAX_SENTENCE = 1000
CLAUSE_MARKS = "；;，,、：: \t"


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        end = match.end()
        _append(sentences, text, start, end)
        start = end
    _append(sentences, text, start, len(text))
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while end - start > MAX_SENTENCE:
        window = text[start : start + MAX_SENTENCE]
        cut = max(window.rfind(mark) for mark in CLAUSE_MARKS) + 1
        cut = start + (cut if cut > MAX_SENTENCE // 2 else MAX_SENTENCE)
        _append_one(sentences, text, start, cut)
        start = cut
    _append_one(sentences, text, start, end)


def _append_one(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(len(sentences), start, end, text[start:end]))
