"""Place names from jieba's shipped dictionary (words tagged ``ns`` ending in 省/市/县/区)."""
from __future__ import annotations

import functools
from pathlib import Path

ADMIN_SUFFIXES = "省市县区"


@functools.cache
def place_names() -> frozenset[str]:
    """Administrative place names with their suffix (洛阳市) and without it (洛阳)."""
    import jieba

    names: set[str] = set()
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as fh:
        for line in fh:
            word, _frequency, tag = line.split()
            if tag == "ns" and len(word) >= 3 and word[-1] in ADMIN_SUFFIXES:
                names.add(word)
                names.add(word[:-1])
    return frozenset(names)
