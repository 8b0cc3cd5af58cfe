"""The article of a web page (trafilatura): no navigation, footers, ICP lines or scripts;
entities decoded; the title and publication date read from the page."""
from __future__ import annotations

from pathlib import Path

from kg.errors import KgError
from kg.model import RawDocument


def read_html(path: Path, data: bytes) -> RawDocument | None:
    """The page's headline and article text, one paragraph a line; None when it has no article."""
    import trafilatura

    try:
        found = trafilatura.bare_extraction(data, favor_precision=True, include_comments=False,
                                            include_tables=True, with_metadata=True)
    except (ValueError, TypeError) as exc:
        raise KgError(f"{path}: not a readable HTML page ({exc})") from None
    if found is None or not (found.text or "").strip():
        return None
    title = (found.title or "").strip() or None
    lines = [title] if title else []
    lines += [line.strip() for line in found.text.splitlines() if line.strip()]
    return RawDocument(path.stem, str(path), "\n".join(lines), "html", title=title, date=found.date or None)
