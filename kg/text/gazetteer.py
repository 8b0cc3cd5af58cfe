"""Words of jieba's shipped dictionary: their part-of-speech tags, and the place names among them
(words tagged ``ns`` ending in 省/市/县/区). Each table is read on first use: extraction needs the
tags, resolution only the place names (a far smaller table for the process that holds the graph).
Like jieba's own dictionary, each is cached in the temporary folder (marshal, about four times
faster to load than reading dict.txt again), keyed by dict.txt's size and modification time."""
from __future__ import annotations

import contextlib
import functools
import marshal
import os
import tempfile
from pathlib import Path
from typing import Any, Callable, Iterator

ADMIN_SUFFIXES = "省市县区"


def load_jieba() -> None:
    """Initialise jieba's default dictionary from the cache file jieba keeps in the temporary
    folder, read in one piece (jieba's own `marshal.load` on the open file reads it bit by bit:
    three times slower); jieba's own initialisation when that fails (it then makes the cache)."""
    import jieba

    dt = jieba.dt
    if dt.initialized:
        return
    if dt.dictionary == jieba.DEFAULT_DICT:
        cached = _own_marshal(Path(dt.tmp_dir or tempfile.gettempdir()) / (dt.cache_file or "jieba.cache"))
        with contextlib.suppress(TypeError, ValueError):  # not jieba's (FREQ, total)
            freq, total = cached
            with dt.lock:
                if not dt.initialized:
                    dt.FREQ, dt.total, dt.initialized = freq, total, True
            return
    dt.initialize()


def _own_marshal(path: Path) -> Any:
    """What the marshal file `path` holds, if this user wrote it; None if not, or if unreadable."""
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        if path.stat().st_uid == os.getuid():  # never another user's file
            return marshal.loads(path.read_bytes())
    return None


def _dictionary() -> Path:
    import jieba

    return Path(jieba.__file__).parent / "dict.txt"


def _dictionary_entries() -> Iterator[tuple[str, str]]:
    """(word, tag) of every line "word frequency tag" of jieba's dict.txt."""
    with open(_dictionary(), encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3:
                yield parts[0], parts[2]


def _cached(name: str, make: Callable[[], Any]) -> Any:
    """`make()`, kept in this user's cache file in the temporary folder (made on first use; a
    cache that cannot be read or written is made again or skipped)."""
    source = _dictionary().stat()
    path = Path(tempfile.gettempdir()) / f"kg-{name}-{os.getuid()}-{source.st_size}-{source.st_mtime_ns}.marshal"
    value = _own_marshal(path)
    if value is not None:
        return value
    value = make()
    with contextlib.suppress(OSError):
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        partial.write_bytes(marshal.dumps(value))
        os.replace(partial, path)
    return value


@functools.cache
def word_tags() -> dict[str, str]:
    """word -> part-of-speech tag."""
    return _cached("word-tags", lambda: dict(_dictionary_entries()))


def _places() -> frozenset[str]:
    names: set[str] = set()
    for word, tag in _dictionary_entries():
        if tag == "ns" and len(word) >= 3 and word[-1] in ADMIN_SUFFIXES:
            names.add(word)
            names.add(word[:-1])
    return frozenset(names)


@functools.cache
def place_names() -> frozenset[str]:
    """Administrative place names with their suffix (洛阳市) and without it (洛阳)."""
    return _cached("place-names", _places)
