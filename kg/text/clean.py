"""Undo PDF extraction damage while remembering where every character came from.

- page markers (``地— 1 —地``, ``— 12 —``, ``- 3 -``) are dropped;
- a line broken mid-sentence is joined to the next one (blank lines between them too);
- whitespace is dropped unless it separates two ASCII letters or digits;
- half-width punctuation in Chinese text (``,;:!?()``, as some PDFs give it) becomes the full-width
  mark the text means (，；：！？（）), so every later stage reads one spelling: a mark is folded
  next to a Chinese character, a bracket pair when its content or either side is Chinese;
  ``2,700`` and ``Co.,Ltd`` stay.
The cleaned text keeps one ``\\n`` between paragraphs; ``offsets[i]`` is the index in the
original text of cleaned character ``i``.
"""
from __future__ import annotations

import re

PAGE_MARKER = re.compile(r"^\s*地?\s*[-—–－]+\s*\d{1,4}\s*[-—–－]+\s*地?\s*$")
# a line ending with one of these closes its paragraph
PARAGRAPH_END = set("。！？!?：:…")
# the dateline of a speech ("——2024年1月24日在…会议上") is a paragraph of its own
HEADER_ENDS = ("会议上",)
SPACES = set(" \t\u3000\u00a0\r\f\v")
# Chinese context: CJK punctuation, ideographs, full-width forms, and the quotes, dash and ellipsis
# Chinese text shares with others (“ ” ‘ ’ — …)
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u2014\u2018-\u201d\u2026"
_FULL_WIDTH = str.maketrans(",;:!?()", "，；：！？（）")
_LONE_MARK = re.compile(rf"(?<=[{_CJK}])[,;:!?()]|[,;:!?()](?=[{_CJK}])")
_BRACKETED = re.compile(r"\(([^()\n]*)\)")
_HAS_CJK = re.compile(rf"[{_CJK}]")


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _lines(raw: str) -> list[tuple[int, str]]:
    """Non-blank, non-page-marker lines with the offset where each starts."""
    out = []
    pos = 0
    for line in raw.split("\n"):
        if line.strip() and not PAGE_MARKER.match(line):
            out.append((pos, line))
        pos += len(line) + 1
    return out


def _full_width(lines: list[tuple[int, str]]) -> int:
    """The typical length of a full line of the page (lines broken by the PDF reach it)."""
    lengths = sorted(len(line.strip()) for _, line in lines)
    if not lengths:
        return 0
    return lengths[int(len(lengths) * 0.8)]


def clean_text(raw: str) -> tuple[str, list[int]]:
    lines = _lines(raw)
    width = _full_width(lines)
    chars: list[str] = []
    offsets: list[int] = []
    prev = ""
    for start, line in lines:
        stripped = line.strip()
        if chars:
            continues = (
                prev[-1] not in PARAGRAPH_END
                and not prev.endswith(HEADER_ENDS)
                and len(prev) >= max(12, 0.75 * width)
            )
            if not continues:
                chars.append("\n")
                offsets.append(start - 1)
        for i, ch in enumerate(line):
            if ch in SPACES:
                continue
            chars.append(ch)
            offsets.append(start + i)
        prev = stripped
    # drop whitespace that only PDF extraction put there, keeping "Intel 5G" style gaps
    text, offsets = _restore_word_gaps(raw, "".join(chars), offsets)
    return _full_width_punctuation(text), offsets


def _full_width_punctuation(text: str) -> str:
    """`text` with the half-width marks of Chinese text full-width (same length, same offsets)."""

    def pair(match: re.Match) -> str:
        start, end = match.span()
        around = text[max(start - 1, 0):start] + match.group(1) + text[end:end + 1]
        return match.group().translate(_FULL_WIDTH) if _HAS_CJK.search(around) else match.group()

    text = _BRACKETED.sub(pair, text)
    return _LONE_MARK.sub(lambda m: m.group().translate(_FULL_WIDTH), text)


def _restore_word_gaps(raw: str, text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """Put one space back between two ASCII words that the original separated by spaces."""
    out_chars: list[str] = []
    out_offsets: list[int] = []
    for i, ch in enumerate(text):
        if i and _is_ascii_alnum(ch) and _is_ascii_alnum(text[i - 1]) and offsets[i] - offsets[i - 1] > 1:
            gap = raw[offsets[i - 1] + 1 : offsets[i]]
            if gap and all(c in SPACES for c in gap):
                out_chars.append(" ")
                out_offsets.append(offsets[i - 1] + 1)
        out_chars.append(ch)
        out_offsets.append(offsets[i])
    return "".join(out_chars), out_offsets
