"""Read and extract a set of documents, taking what the cache holds and reading only the rest."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from kg.errors import KgError
from kg.extract.lexicon import Lexicon, load_lexicons
from kg.incremental.cache import ExtractionCache, document_key, pipeline_version
from kg.incremental.manifest import DocumentEntry
from kg.model import Extraction


@dataclass
class Extracted:
    extractions: list[Extraction] = field(default_factory=list)  # sorted by document name
    entries: list[DocumentEntry] = field(default_factory=list)  # the same documents, for the manifest
    skipped: list[Path] = field(default_factory=list)  # empty files
    warnings: list[str] = field(default_factory=list)
    lexicon: Lexicon | None = None
    read: int = 0  # documents read and extracted (not taken from the cache)


def extract_documents(
    paths: list[Path],
    lexicons: list[str | Path],
    cache: ExtractionCache | None = None,
    kept: list[DocumentEntry] = (),
    on_document: Callable[[Path], None] | None = None,
) -> Extracted:
    """The extractions of `paths` and of the `kept` documents of a build (from the cache, or read
    again from their path); KgError when two documents share a name or none has text."""
    from kg.ingest import read_bytes, read_document
    from kg.text import prepare

    _check_names([str(p) for p in paths] + [entry.path for entry in kept])
    pipeline = pipeline_version(lexicons)
    result = Extracted()
    extractor = None
    pending = list(paths)
    for entry in kept:
        cached = cache.get(entry.key) if cache else None
        if cached is None:
            if not Path(entry.path).is_file():
                raise KgError(f"{entry.id}: its extraction is not cached and {entry.path} is gone; "
                              f"add the file again with `kg add`")
            pending.append(Path(entry.path))
        else:
            result.extractions.append(cached[1])
            result.entries.append(entry)
    for path in pending:
        data = read_bytes(path)
        key = document_key(str(path), data, pipeline)
        cached = cache.get(key) if cache else None
        if cached is None:
            raw = read_document(path)
            if raw is None:
                result.skipped.append(path)
                continue
            if not raw.text.strip():
                result.warnings.extend(raw.warnings)
                continue
            if extractor is None:
                from kg.extract import Extractor

                extractor = Extractor(lexicons)
            extraction = extractor.extract(prepare(raw))
            result.read += 1
            if cache:
                cache.put(key, raw, extraction)
        else:
            raw, extraction = cached
        result.warnings.extend(raw.warnings)
        result.extractions.append(extraction)
        result.entries.append(DocumentEntry(raw.doc_id, str(path), key))
        if on_document:
            on_document(path)
    if not result.extractions:
        raise KgError("; ".join(result.warnings) or "no non-empty documents to read")
    result.extractions.sort(key=lambda ex: (ex.document.doc_id, ex.document.path))
    result.lexicon = extractor.lexicon if extractor else load_lexicons(lexicons)
    return result


def _check_names(paths: list[str]) -> None:
    seen: dict[str, str] = {}
    for path in paths:
        name = Path(path).stem
        if name in seen and Path(seen[name]).resolve() != Path(path).resolve():
            raise KgError(f"two documents share the name {name!r}: {seen[name]} and {path}")
        seen[name] = path
