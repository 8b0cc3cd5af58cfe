"""Character features for the entity CRFs.

Per character: the characters around it (unigrams, bigrams, a trigram), its
position in jieba's word (B/M/E/S), that word, its part of speech and its neighbours, the word
classes (`schemas/vocab/word_classes.tsv`) of the word and of its neighbours, and what the rule
components said: the type and position of the rules' selected mention and of every candidate
covering it (with the component). Character classes, word lengths and the neighbours' parts of
speech were dropped (a fifth of the features; no loss measured on documents the model did not see).

Features are kept by kind, as codes into each kind's distinct strings (`Features`): training
spells them out per character for crfsuite (`Features.strings`); tagging looks each distinct
string up once (`Features.encode`) instead of building and hashing some 18 strings a character.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import repeat

import numpy as np

from kg.extract.components.base import word_tags
from kg.extract.vocab import word_classes
from kg.model import Mention

START, END = "^", "$"
# character n-grams around a character: (name, offsets from it), in the order they are spelled
WINDOW = (("c", (0,)), ("p1", (-1,)), ("n1", (1,)), ("p2", (-2,)), ("n2", (2,)),
          ("p1c", (-1, 0)), ("cn1", (0, 1)), ("p2p1", (-2, -1)), ("n1n2", (1, 2)), ("p1cn1", (-1, 0, 1)))
_PAD = 2  # the widest offset
_BITS = 21  # a code point


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    return word_tags(), word_classes()


@lru_cache(maxsize=65536)
def _own_features(word: str) -> tuple[str, ...]:
    """A word's features about itself: the word, its tag and its classes."""
    tags, classes = _vocabulary()
    return ("w=" + word if len(word) > 1 else "w1", "t=" + tags.get(word, "?" if len(word) > 1 else "1"),
            *("k=" + k for k in classes.get(word, ())))


@lru_cache(maxsize=65536)
def _neighbour_features(word: str, side: str) -> tuple[str, ...]:
    """A word's classes as the previous (side "p") or next ("n") word."""
    return tuple(f"k{side}=" + k for k in _vocabulary()[1].get(word, ()))


@dataclass
class _Part:
    """One kind of feature: `keys[codes[i]]` is a feature of character `rows[i]` (rows None: the
    character is i, one feature each)."""
    keys: list[str]
    codes: np.ndarray
    rows: np.ndarray | None = None


@dataclass
class Features:
    """The features of every character of a text, by kind, in spelling order."""
    size: int
    parts: list[_Part] = field(default_factory=list)

    def strings(self) -> list[list[str]]:
        """One list of feature strings per character (what crfsuite trains on)."""
        out: list[list[str]] = [[] for _ in range(self.size)]
        for part in self.parts:
            keys = part.keys
            rows = range(self.size) if part.rows is None else part.rows.tolist()
            for row, code in zip(rows, part.codes.tolist()):
                out[row].append(keys[code])
        return out

    def encode(self, index: Callable[[str, int], int]) -> tuple[np.ndarray, np.ndarray]:
        """(character, id) of each feature whose string `index` knows (unknown: -1)."""
        rows, ids = [], []
        for part in self.parts:
            known = np.fromiter(map(index, part.keys, repeat(-1)), np.intp, len(part.keys))
            part_ids = known[part.codes]
            kept = part_ids >= 0
            rows.append((np.arange(self.size) if part.rows is None else part.rows)[kept])
            ids.append(part_ids[kept])
        return np.concatenate(rows), np.concatenate(ids)


class _Interned:
    """Codes for strings, each distinct string numbered in order of first use."""

    def __init__(self) -> None:
        self.code: dict[str, int] = {}

    def __call__(self, key: str) -> int:
        code = self.code.get(key)
        if code is None:
            code = self.code[key] = len(self.code)
        return code

    def part(self, codes: Iterable[int], rows: Iterable[int] | None = None) -> _Part:
        codes = np.fromiter(codes, np.intp)  # first: a generator may still add keys
        return _Part(list(self.code), codes, None if rows is None else np.fromiter(rows, np.intp))


def _window_parts(text: str) -> list[_Part]:
    """One part per n-gram of WINDOW. The n-grams of one size are numbered once over the padded
    text; each template reads them at its offset."""
    padded = START * _PAD + text + END * _PAD
    points = np.frombuffer(padded.encode("utf-32-le", "surrogatepass"), "<u4").astype(np.int64)
    n = len(text)
    numbered = {}  # n-gram size -> (first position of each distinct n-gram, number at each position)
    parts = []
    for name, offsets in WINDOW:
        width = len(offsets)
        if width not in numbered:
            count = len(padded) - width + 1
            gram = np.zeros(count, np.int64)
            for i in range(width):
                gram = (gram << _BITS) | points[i:i + count]
            _, first, number = np.unique(gram, return_index=True, return_inverse=True)
            numbered[width] = (first.tolist(), number.reshape(-1))
        first, number = numbered[width]
        low = _PAD + offsets[0]  # offsets are consecutive
        prefix = name + "="
        parts.append(_Part([prefix + padded[k:k + width] for k in first], number[low:low + n]))
    return parts


def _per_character(keys: list[tuple[str, ...]], kind: np.ndarray) -> _Part:
    """A part giving character i the features `keys[kind[i]]`."""
    interned = _Interned()
    kind_codes = [[interned(k) for k in ks] for ks in keys]
    counts = np.fromiter(map(len, kind_codes), np.intp, len(kind_codes))
    flat = np.fromiter((c for codes in kind_codes for c in codes), np.intp, int(counts.sum()))
    first = np.cumsum(counts) - counts
    per_char = counts[kind]
    rows = np.repeat(np.arange(len(kind)), per_char)
    within = np.arange(len(rows)) - np.repeat(np.cumsum(per_char) - per_char, per_char)
    return _Part(list(interned.code), flat[first[kind][rows] + within], rows)


_POSITIONS = ["b=B", "b=M", "b=E", "b=S"]  # a character's place in its word


def _position_part(starts: list[int], ends: list[int], size: int) -> _Part:
    codes = np.full(size, 1, np.intp)
    first, last = np.array(starts, np.intp), np.array(ends, np.intp) - 1
    codes[first] = 0
    codes[last] = 2
    codes[first[first == last]] = 3
    return _Part(_POSITIONS, codes)


def char_features(text: str, starts: list[int], ends: list[int], candidates: list[Mention],
                  selected: list[Mention]) -> Features:
    """The features of every character of `text` (the words are jieba's, as [starts, ends))."""
    words = [text[s:e] for s, e in zip(starts, ends)]
    lengths = np.fromiter((e - s for s, e in zip(starts, ends)), np.intp, len(words))
    features = Features(len(text), _window_parts(text))

    features.parts.append(_position_part(starts, ends, len(text)))

    padded = [START, *words, END]
    distinct: dict[str, int] = {}
    word_ids = np.fromiter((distinct.setdefault(w, len(distinct)) for w in padded), np.intp, len(padded))
    # each character: its word's own features, the classes of the word before and after it
    for keys, neighbour in ((_own_features, 1), (partial(_neighbour_features, side="p"), 0),
                            (partial(_neighbour_features, side="n"), 2)):
        kind = np.repeat(word_ids[neighbour:len(padded) - 2 + neighbour], lengths)
        features.parts.append(_per_character(list(map(keys, distinct)), kind))
    # the word before a word's first character (B, S), the word after its last (E, S)
    features.parts.append(_Part(["wp=" + w for w in distinct], word_ids[:-2], np.array(starts, np.intp)))
    features.parts.append(_Part(["wn=" + w for w in distinct], word_ids[2:], np.array(ends, np.intp) - 1))

    rule = _Interned()
    tags = np.full(len(text), rule("r=O"), np.intp)
    for m in selected:
        tags[m.start] = rule("r=B-" + m.type)
        tags[m.start + 1:m.end] = rule("r=I-" + m.type)
    features.parts.append(_Part(list(rule.code), tags))

    candidate = _Interned()
    rows, codes = [], []
    for m in candidates:
        kind = m.source.split(":")[0]
        inside = candidate("ci=" + m.type + ":" + kind)
        rows += [m.start, m.end - 1, *range(m.start, m.end)]
        codes += [candidate("cb=" + m.type), candidate("ce=" + m.type), *repeat(inside, m.end - m.start)]
    features.parts.append(candidate.part(codes, rows))
    return features
