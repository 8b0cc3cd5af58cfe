"""Text out of a PDF (pdfplumber): lines in reading order, running headers, footers and page
numbers dropped, each page's start remembered so every mention keeps its page.

A page with no text layer (a scan) or whose text comes out as ``(cid:NNN)`` or replacement
characters (a font without a Unicode map) is left out, and the document says which pages.
"""
from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

from kg.errors import KgError
from kg.model import RawDocument

# lines this close to the top or bottom edge (share of the page height) may be running heads
MARGIN = 0.12
PAGE_NUMBER = re.compile(r"^[-—–－_\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[-—–－_\s]*$")
CID = re.compile(r"\(cid:\d+\)")
# half of a UTF-16 pair, which a broken ToUnicode map can leave in the text: no UTF-8 output takes it
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
GARBLED_SHARE = 0.1
OCR_HINT = "no text layer: scanned? run OCR first"


def read_pdf(path: Path, data: bytes) -> RawDocument:
    """The document's text, pages joined by a line break; unreadable pages are named in `warnings`
    (a document with none readable has no text)."""
    pages = _page_lines(path, data)
    running = _running_lines(pages)
    texts, bad = [], []
    for number, lines in enumerate(pages, 1):
        kept = [text for text, in_margin in lines if not (in_margin and _is_running(text, running))]
        text = LONE_SURROGATE.sub("\ufffd", "\n".join(kept))
        if _unreadable(text):
            bad.append(number)
            text = ""
        texts.append(text)
    if len(bad) == len(pages):
        warnings = (f"{path}: {OCR_HINT} (no page has readable text); skipped",)
    else:
        warnings = (f"{path}: {_pages(bad)}: {OCR_HINT}; the other pages are read",) if bad else ()
    page_starts, pos = [], 0
    for text in texts[:-1]:
        pos += len(text) + 1
        page_starts.append(pos)
    return RawDocument(path.stem, str(path), "\n".join(texts), "pdf", tuple(page_starts), warnings=warnings)


def _page_lines(path: Path, data: bytes) -> list[list[tuple[str, bool]]]:
    """Per page, its text lines top to bottom, each with whether it lies in the top or bottom margin."""
    import pdfplumber

    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = []
            for page in pdf.pages:
                top, bottom = page.height * MARGIN, page.height * (1 - MARGIN)
                lines = sorted(page.extract_text_lines(return_chars=False), key=lambda ln: (ln["top"], ln["x0"]))
                pages.append([(ln["text"], ln["top"] < top or ln["bottom"] > bottom) for ln in lines])
            return pages
    except Exception as exc:  # pdfminer raises many kinds of errors on damaged or encrypted files
        raise KgError(f"{path}: not a readable PDF ({type(exc).__name__}: {exc})") from None


def _shape(text: str) -> str:
    """A line with its digits and spaces taken out: page 3's header has the shape of page 4's."""
    return re.sub(r"\s+", "", re.sub(r"\d+", "#", text))


def _running_lines(pages: list[list[tuple[str, bool]]]) -> set[str]:
    """Shapes of margin lines repeated on at least half of the pages (and on two or more)."""
    counts = Counter(shape for lines in pages for shape in {_shape(t) for t, in_margin in lines if in_margin})
    needed = max(2, (len(pages) + 1) // 2)
    return {shape for shape, n in counts.items() if n >= needed}


def _is_running(text: str, running: set[str]) -> bool:
    return bool(PAGE_NUMBER.match(text)) or _shape(text) in running


def _unreadable(text: str) -> bool:
    """No text at all, or mostly glyph ids and replacement characters."""
    chars = re.sub(r"\s+", "", text)
    if not chars:
        return True
    garbled = sum(len(m) for m in CID.findall(chars)) + chars.count("\ufffd")
    return garbled > GARBLED_SHARE * len(chars)


def _pages(numbers: list[int]) -> str:
    return ("page " if len(numbers) == 1 else "pages ") + ", ".join(map(str, numbers))
