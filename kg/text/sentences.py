"""Sentence splitting on Chinese terminal punctuation and paragraph breaks."""
from __future__ import annotations

import re

from kg.model import Sentence

# a sentence ends after 。！？ (and any closing quotes/brackets that follow) or at a paragraph break
SENTENCE_END = re.compile(r"[。！？!?]+[”’」』）)]*|\n")


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
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(len(sentences), start, end, text[start:end]))
