"""Words of jieba's shipped dictionary: their part-of-speech tags, and the place names among them
(words tagged ``ns`` ending in 省/市/县/区). Each table is read on first use: extraction needs the
tags, resolution only the place names (a far smaller table for the process that holds the graph)."""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Iterator

ADMIN_SUFFIXES = "省市县区"


def _dictionary_entries() -> Iterator[tuple[str, str]]:
    """(word, tag) of every line "word frequency tag" of jieba's dict.txt."""
    import jieba

    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3:
                yield parts[0], parts[2]


@functools.cache
def word_tags() -> dict[str, str]:
    """word -> part-of-speech tag."""
    return dict(_dictionary_entries())


@functools.cache
def place_names() -> frozenset[str]:
    """Administrative place names with their suffix (洛阳市) and without it (洛阳)."""
    names: set[str] = set()
    for word, tag in _dictionary_entries():
        if tag == "ns" and len(word) >= 3 and word[-1] in ADMIN_SUFFIXES:
            names.add(word)
            names.add(word[:-1])
    return frozenset(names)
