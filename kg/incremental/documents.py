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
    model: str | Path | None = None,
    **parallel,
) -> Extracted:
    """The extractions of `paths` and of the `kept` documents of a build (from the cache, or read
    again from their path); KgError when two documents share a name or none has text. The documents
    not in the cache are read by kg.parallel.process_documents (`parallel`: jobs, executor, scheduler)."""
    from kg.ingest import read_bytes
    from kg.parallel import process_documents

    _check_names([str(p) for p in paths] + [entry.path for entry in kept])
    pipeline = pipeline_version(lexicons, model)
    result = Extracted()
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
    slots = []  # (path, cache key, cached raw document and extraction or None), in input order
    for path in pending:
        key = document_key(str(path), read_bytes(path), pipeline)
        slots.append((path, key, cache.get(key) if cache else None))
    fresh = process_documents([path for path, _, cached in slots if cached is None], lexicons, model=model,
                              **parallel)
    try:
        for path, key, cached in slots:
            if cached is None:
                done = next(fresh)
                if done.raw is None:
                    result.skipped.append(path)
                    continue
                if done.extraction is None:
                    result.warnings.extend(done.raw.warnings)
                    continue
                raw, extraction = done.raw, done.extraction
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
    finally:
        fresh.close()  # stops the workers
    if not result.extractions:
        raise KgError("; ".join(result.warnings) or "no non-empty documents to read")
    result.extractions.sort(key=lambda ex: (ex.document.doc_id, ex.document.path))
    result.lexicon = load_lexicons(lexicons)
    return result


def _check_names(paths: list[str]) -> None:
    seen: dict[str, str] = {}
    for path in paths:
        name = Path(path).stem
        if name in seen and Path(seen[name]).resolve() != Path(path).resolve():
            raise KgError(f"two documents share the name {name!r}: {seen[name]} and {path}")
        seen[name] = path
