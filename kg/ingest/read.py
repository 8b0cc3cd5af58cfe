"""Find input documents and read them, refusing what kg cannot read with one clear message.

Text files are decoded (UTF-8, UTF-8 with BOM, GB18030); PDF, HTML and Word files are read by
`kg.ingest.pdf`, `kg.ingest.html` and `kg.ingest.docx` into the same `RawDocument`.
"""
from __future__ import annotations

import os
from pathlib import Path

from kg.errors import KgError
from kg.model import RawDocument

TEXT_SUFFIXES = (".txt",)
SUFFIXES = TEXT_SUFFIXES + (".pdf", ".html", ".htm", ".docx")
MAX_BYTES = 64 * 1024 * 1024
ENCODINGS = ("utf-8-sig", "gb18030")


def _supported(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES


def collect_inputs(paths: list[str | Path]) -> list[Path]:
    """Expand files and folders into a sorted, de-duplicated list of document files."""
    if not paths:
        raise KgError("no input given: pass one or more files or folders")
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            docs = sorted(f for f in p.rglob("*") if f.is_file() and _supported(f))
            if not docs:
                raise KgError(f"{p}: folder holds no documents ({_suffix_list()})")
            found.extend(docs)
        elif p.is_file():
            if not _supported(p):
                raise KgError(f"{p}: unsupported file type {p.suffix or '(none)'!r}: kg reads {_suffix_list()}")
            found.append(p)
        else:
            raise KgError(f"{p}: no such file or folder")
    for f in found:
        _check_name(f)
    unique = {f.resolve(): f for f in found}
    return sorted(unique.values(), key=lambda f: (f.stem, str(f)))


def _suffix_list() -> str:
    return ", ".join(f"*{s}" for s in SUFFIXES)


def _check_name(path: Path) -> None:
    """KgError for a file name with bytes that are not UTF-8 (the document's name becomes its id)."""
    try:
        path.name.encode("utf-8")
    except UnicodeEncodeError:
        raise KgError(f"{path.parent / repr(os.fsencode(path.name))[2:-1]}: file name is not valid UTF-8; rename the file") from None


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data[:65536]:
        return True
    sample = data[:65536]
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control > max(8, len(sample) // 100)


def read_bytes(path: Path) -> bytes:
    """The file's content; KgError if it cannot be read or is over the size limit."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise KgError(f"{path}: file is {size // (1024 * 1024)} MiB, larger than the {MAX_BYTES // (1024 * 1024)} MiB limit")
        return path.read_bytes()
    except OSError as exc:
        raise KgError(f"{path}: cannot read ({exc.strerror or exc})") from None


def read_document(path: str | Path) -> RawDocument | None:
    """Read one file; None for an empty file (the caller warns), KgError for anything unreadable."""
    path = Path(path)
    data = read_bytes(path)
    if not data.strip():
        return None
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from kg.ingest.pdf import read_pdf

        return read_pdf(path, data)
    if suffix in (".html", ".htm"):
        from kg.ingest.html import read_html

        return read_html(path, data)
    if suffix == ".docx":
        from kg.ingest.docx import read_docx

        return read_docx(path, data)
    return _read_text(path, data)


def _read_text(path: Path, data: bytes) -> RawDocument | None:
    if _looks_binary(data):
        raise KgError(f"{path}: binary file, not a text document")
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not text.strip():
            return None
        return RawDocument(path.stem, str(path), text, "utf-8" if encoding == "utf-8-sig" else encoding)
    raise KgError(f"{path}: cannot decode as UTF-8 or GB18030")
