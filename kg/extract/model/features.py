"""Character features for the entity CRFs.

Per character: the characters around it (unigrams, bigrams, a trigram), their classes, its
position in jieba's word (B/M/E/S), that word, its part of speech and its neighbours, the word
classes of `schemas/vocab/word_classes.tsv`, and what the rule components said: the type and
position of the rules' selected mention and of every candidate covering it (with the component).
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from kg.extract.components.base import word_tags
from kg.extract.vocab import word_classes
from kg.model import Mention

START, END = "^", "$"


@lru_cache(maxsize=4096)
def _char_class(c: str) -> str:
    if c.isdigit():
        return "D"
    if c.isascii() and c.isalpha():
        return "L"
    if "\u4e00" <= c <= "\u9fff":
        return "C"
    return c if c in "、，。；：（）()“”《》" else "P"


def _word_features(words: list[str]) -> list[tuple[str, ...]]:
    """Features shared by every character of a word (computed once per word)."""
    tags = word_tags()
    classes = word_classes()
    out = []
    for i, w in enumerate(words):
        prev = words[i - 1] if i else START
        nxt = words[i + 1] if i + 1 < len(words) else END
        tag = tags.get(w, "?" if len(w) > 1 else "1")
        f = ["w=" + w if len(w) > 1 else "w1", "t=" + tag, "tp=" + tags.get(prev, "?"), "tn=" + tags.get(nxt, "?"),
             "wl=" + str(min(len(w), 5))]
        f += ["k=" + k for k in classes.get(w, ())]
        f += ["kp=" + k for k in classes.get(prev, ())]
        f += ["kn=" + k for k in classes.get(nxt, ())]
        out.append((tuple(f), prev, nxt))
    return out


def char_features(text: str, starts: list[int], ends: list[int], candidates: list[Mention],
                  selected: list[Mention]) -> list[list[str]]:
    """One feature list per character of `text` (the words are jieba's, as [starts, ends))."""
    n = len(text)
    words = [text[s:e] for s, e in zip(starts, ends)]
    per_word = _word_features(words)
    rule = [None] * n
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
    padded = START + START + text + END + END
    feats: list[list[str]] = []
    for wi, (s, e) in enumerate(zip(starts, ends)):
        shared, prev_word, next_word = per_word[wi]
        length = e - s
        for k in range(s, e):
            p = k + 2
            p2, p1, c, n1, n2 = padded[p - 2:p + 3]
            pos = "S" if length == 1 else ("B" if k == s else ("E" if k == e - 1 else "M"))
            f = ["c=" + c, "p1=" + p1, "n1=" + n1, "p2=" + p2, "n2=" + n2,
                 "p1c=" + p1 + c, "cn1=" + c + n1, "p2p1=" + p2 + p1, "n1n2=" + n1 + n2, "p1cn1=" + p1 + c + n1,
                 "cc=" + _char_class(p1) + _char_class(c) + _char_class(n1), "b=" + pos]
            f.extend(shared)
            if pos in "BS":
                f.append("wp=" + prev_word)
            if pos in "ES":
                f.append("wn=" + next_word)
            f.append(rule[k] or "r=O")
            f.extend(cand.get(k, ()))
            feats.append(f)
    return feats
