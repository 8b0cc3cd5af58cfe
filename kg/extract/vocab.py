"""Word classes, read once from `schemas/vocab/word_classes.tsv` (vocabulary is data, not code).

A line is ``CLASS<TAB>words``; a word ``@OTHER`` stands for every word of the class OTHER, so a
class that extends another (legal forms, the heads of company names) spells the shared words once.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.resources import SCHEMAS

WORD_CLASSES = SCHEMAS / "vocab" / "word_classes.tsv"


@lru_cache(maxsize=1)
def _lines() -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for line in WORD_CLASSES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, words_ = line.partition("\t")
            table.setdefault(name, []).extend(words_.split())
    return table


@lru_cache(maxsize=None)
def words(word_class: str) -> tuple[str, ...]:
    """The words of one class in file order, each once, with the classes it includes expanded."""
    out: dict[str, None] = {}
    for w in _lines()[word_class]:
        for x in words(w[1:]) if w.startswith("@") else (w,):
            out.setdefault(x, None)
    return tuple(out)


def word_set(word_class: str) -> frozenset[str]:
    return frozenset(words(word_class))


def alternation(*word_classes: str) -> str:
    """A regex alternative of the words of the classes, longest first (so the longest word wins)."""
    ws = {w for c in word_classes for w in words(c)}
    return "|".join(re.escape(w) for w in sorted(ws, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def word_classes() -> dict[str, tuple[str, ...]]:
    """word -> the classes it belongs to."""
    out: dict[str, list[str]] = {}
    for name in _lines():
        for w in words(name):
            out.setdefault(w, []).append(name)
    return {w: tuple(names) for w, names in out.items()}
