"""Words of jieba's shipped dictionary: their part-of-speech tags, and the place names among them
(words tagged ``ns`` ending in 省/市/县/区)."""
from __future__ import annotations

import functools
from pathlib import Path

ADMIN_SUFFIXES = "省市县区"


@functools.cache
def word_tags() -> dict[str, str]:
    """word -> part-of-speech tag, read once from jieba's dict.txt (lines "word frequency tag")."""
    import jieba

    tags: dict[str, str] = {}
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    return tags


@functools.cache
def place_names() -> frozenset[str]:
    """Administrative place names with their suffix (洛阳市) and without it (洛阳)."""
    names: set[str] = set()
    for word, tag in word_tags().items():
        if tag == "ns" and len(word) >= 3 and word[-1] in ADMIN_SUFFIXES:
            names.add(word)
            names.add(word[:-1])
    return frozenset(names)
