"""Tagging layers, gold labels per character, and spans read back from tags."""
from __future__ import annotations

import re
import unicodedata
from typing import Sequence

import numpy as np

# each layer is one CRF; types in different layers may nest, types in one layer may not
LAYERS = {
    "org": ("Enterprise", "Institution"),
    "place": ("Region", "Park"),
    "initiative": ("Project", "Policy"),
}
OUTSIDE = "O"


def _folded(text: str) -> str:
    """`text` with each character NFKC-folded where that keeps it one character (offsets unchanged)."""
    return "".join(f if len(f := unicodedata.normalize("NFKC", c)) == 1 else c for c in text)


def occurrences(text: str, name: str, folded: bool = False) -> list[tuple[int, int]]:
    """Every [start, end) where `name` stands in `text` as the scorer compares names: NFKC, with
    whitespace and quote marks anywhere (“136”工作举措 for 136工作举措), a trailing 项目 taken in
    where the text has it. `folded`: the text is already `_folded`."""
    from kg.resolve.keys import MARKS, normalize

    core = normalize(name)
    if not core:
        return []
    gap = f"[\\s{re.escape(MARKS)}]*"
    pattern = gap.join(map(re.escape, core)) + f"(?:{gap}项{gap}目)?"
    return [m.span() for m in re.finditer(pattern, text if folded else _folded(text))]


def gold_spans(text: str, entities: list[dict], types: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """Non-overlapping spans of the entities of `types`: every occurrence of every name and alias,
    longest first (a gold file lists names, not positions)."""
    spans = []
    folded = _folded(text)
    for e in entities:
        if e.get("type") in types:
            for name in {e["name"], *(e.get("aliases") or [])}:
                spans += [(s, t, e["type"]) for s, t in occurrences(folded, name, folded=True)]
    taken = bytearray(len(text))
    kept = []
    for s, t, type_ in sorted(spans, key=lambda x: (x[0] - x[1], x[0], x[2])):
        if not any(taken[s:t]):
            taken[s:t] = b"\x01" * (t - s)
            kept.append((s, t, type_))
    return sorted(kept)


def bio_labels(length: int, spans: list[tuple[int, int, str]]) -> list[str]:
    labels = [OUTSIDE] * length
    for s, t, type_ in spans:
        labels[s] = "B-" + type_
        for k in range(s + 1, t):
            labels[k] = "I-" + type_
    return labels


def spans_from_tags(labels: Sequence[str], best: np.ndarray,
                    bounds: Sequence[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """[start, end, type) of each B-… I-… run of the tags `best` indexes in `labels`, inside the
    [start, end) `bounds` (sentences; a run stops where one ends): an I- without its B- opens a span
    too, and a B- always does. Ordered by start."""
    size = len(best)
    kinds = [OUTSIDE if label == OUTSIDE else label[2:] for label in labels]
    types = sorted(set(kinds) - {OUTSIDE})
    type_code = np.array([0 if kind == OUTSIDE else types.index(kind) + 1 for kind in kinds], np.intp)
    opens = np.array([label.startswith("B-") for label in labels], bool)
    inside, first = np.zeros(size, bool), np.zeros(size, bool)
    for start, end in bounds:
        inside[start:end] = True
        first[start] = start < end
    kind = np.where(inside, type_code[best], 0)
    goes_on = np.zeros(size, bool)  # the character carries on the run of the one before it
    goes_on[1:] = (kind[1:] != 0) & (kind[1:] == kind[:-1]) & ~opens[best[1:]] & ~first[1:]
    starts = np.flatnonzero((kind != 0) & ~goes_on)
    stops = np.append(np.flatnonzero(~goes_on), size)
    ends = stops[np.searchsorted(stops, starts, side="right")]
    return [(start, end, types[code - 1])
            for start, end, code in zip(starts.tolist(), ends.tolist(), kind[starts].tolist())]
