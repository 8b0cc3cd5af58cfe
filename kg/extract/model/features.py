"""Character features for the entity CRFs.

Per character: the characters around it (unigrams, bigrams, a trigram), its
position in jieba's word (B/M/E/S), that word, its part of speech and its neighbours, the word
classes (`schemas/vocab/word_classes.tsv`) of the word and of its neighbours, and what the rule
components said: the type and position of the rules' selected mention and of every candidate
covering it (with the component). Character classes, word lengths and the neighbours' parts of
speech were dropped (a fifth of the features; no loss measured on documents the model did not see).
The character features are built a column at a time and the word features once per distinct word.
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from kg.extract.components.base import word_tags
from kg.extract.vocab import word_classes
from kg.model import Mention

START, END = "^", "$"


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


def _word_features(words: list[str]) -> list[tuple[str, ...]]:
    """Features shared by every character of a word (computed once per word)."""
    padded = [START, *words, END]
    return [_own_features(padded[i]) + _neighbour_features(padded[i - 1], "p") + _neighbour_features(padded[i + 1], "n")
            for i in range(1, len(padded) - 1)]


def _window_features(text: str) -> list[tuple[str, ...]]:
    """The character n-gram features of every position of `text`."""
    padded = START + START + text + END + END
    n = len(text)
    p2, p1, c, n1, n2 = (padded[k:k + n] for k in range(5))
    return list(zip(
        ["c=" + x for x in c], ["p1=" + x for x in p1], ["n1=" + x for x in n1],
        ["p2=" + x for x in p2], ["n2=" + x for x in n2],
        ["p1c=" + a + b for a, b in zip(p1, c)], ["cn1=" + a + b for a, b in zip(c, n1)],
        ["p2p1=" + a + b for a, b in zip(p2, p1)], ["n1n2=" + a + b for a, b in zip(n1, n2)],
        ["p1cn1=" + a + b + d for a, b, d in zip(p1, c, n1)]))


def char_features(text: str, starts: list[int], ends: list[int], candidates: list[Mention],
                  selected: list[Mention]) -> list[list[str]]:
    """One feature list per character of `text` (the words are jieba's, as [starts, ends))."""
    n = len(text)
    words = [text[s:e] for s, e in zip(starts, ends)]
    per_word = _word_features(words)
    rule = ["r=O"] * n
    for m in selected:
        rule[m.start] = "r=B-" + m.type
        for k in range(m.start + 1, m.end):
            rule[k] = "r=I-" + m.type
    cand: dict[int, list[str]] = defaultdict(list)
    for m in candidates:
        kind = m.source.split(":")[0]
        cand[m.start].append("cb=" + m.type)
        cand[m.end - 1].append("ce=" + m.type)
        for k in range(m.start, m.end):
            cand[k].append("ci=" + m.type + ":" + kind)
    window = _window_features(text)
    feats: list[list[str]] = []
    for wi, (s, e) in enumerate(zip(starts, ends)):
        shared = per_word[wi]
        if e - s == 1:
            positions = [("b=S", "wp=" + (words[wi - 1] if wi else START),
                          "wn=" + (words[wi + 1] if wi + 1 < len(words) else END))]
        else:
            positions = ([("b=B", "wp=" + (words[wi - 1] if wi else START))] + [("b=M",)] * (e - s - 2)
                         + [("b=E", "wn=" + (words[wi + 1] if wi + 1 < len(words) else END))])
        for k, position in zip(range(s, e), positions):
            f = [*window[k], position[0], *shared, *position[1:], rule[k]]
            if k in cand:
                f.extend(cand[k])
            feats.append(f)
    return feats
