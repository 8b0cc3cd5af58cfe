"""Read source documents, refusing what is not text with one clear message."""
from __future__ import annotations

from pathlib import Path

from kg.errors import KgError
from kg.model import RawDocument

SUFFIXES = (".txt",)
MAX_BYTES = 64 * 1024 * 1024
ENCODINGS = ("utf-8-sig", "gb18030")


def collect_inputs(paths: list[str | Path]) -> list[Path]:
    """Expand files and folders into a sorted, de-duplicated list of document files."""
    if not paths:
        raise KgError("no input given: pass one or more files or folders")
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            docs = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
            if not docs:
                raise KgError(f"{p}: folder holds no documents (*.txt)")
            found.extend(docs)
        elif p.is_file():
            found.append(p)
        else:
            raise KgError(f"{p}: no such file or folder")
    unique = {f.resolve(): f for f in found}
    return sorted(unique.values(), key=lambda f: (f.stem, str(f)))


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data[:65536]:
        return True
    sample = data[:65536]
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return control > max(8, len(sample) // 100)


def read_document(path: str | Path) -> RawDocument | None:
    """Decode one file; None for an empty file (the caller warns), KgError for anything unreadable."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise KgError(f"{path}: file is {size // (1024 * 1024)} MiB, larger than the {MAX_BYTES // (1024 * 1024)} MiB limit")
        data = path.read_bytes()
    except OSError as exc:
        raise KgError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if not data.strip():
        return None
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
