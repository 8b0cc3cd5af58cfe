"""Word classes, read once from `schemas/vocab/word_classes.tsv` (vocabulary is data, not code)."""
from __future__ import annotations

from functools import lru_cache

from kg.resources import SCHEMAS

WORD_CLASSES = SCHEMAS / "vocab" / "word_classes.tsv"


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for line in WORD_CLASSES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, words = line.partition("\t")
            table.setdefault(name, []).extend(w for w in words.split() if w not in table.get(name, ()))
    return {name: tuple(words) for name, words in table.items()}


def words(word_class: str) -> tuple[str, ...]:
    """The words of one class, in file order."""
    return _table()[word_class]


@lru_cache(maxsize=1)
def word_classes() -> dict[str, tuple[str, ...]]:
    """word -> the classes it belongs to."""
    out: dict[str, list[str]] = {}
    for name, ws in _table().items():
        for w in ws:
            out.setdefault(w, []).append(name)
    return {w: tuple(names) for w, names in out.items()}
