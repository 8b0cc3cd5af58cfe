"""The extraction cache of a build folder: one JSON file per document in ``OUT/cache/`` (the raw
text, the cleaned document and its extraction), named by a hash of the file's content, its path
and the pipeline version (kg's ingest, text and extract code, the lexicons and the libraries they
use), so a change to any of them reads the file again."""
from __future__ import annotations

import functools
import hashlib
import json
import os
from array import array
from dataclasses import asdict, fields
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from kg.io import write_text
from kg.model import (Document, DocumentMeta, Extraction, Mention, ProjectAttributes, RawDocument,
                      RelationMention, Sentence)
from kg.resources import SCHEMAS

CACHE_DIR = "cache"
PIPELINE_PACKAGES = ("ingest", "text", "extract")
LIBRARIES = ("jieba", "spacy", "python-crfsuite", "pdfplumber", "pdfminer.six", "trafilatura", "python-docx")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def pipeline_version(lexicon_paths: list[str | Path], model: str | Path | None = None) -> str:
    """A hash of everything that decides what a document's extraction is, besides the document:
    the pipeline's code, word classes and lexicons, the model's files, the libraries' versions."""
    from kg.extract.model import default_model_path

    kg_root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    sources = sorted(p for package in PIPELINE_PACKAGES for p in (kg_root / package).rglob("*.py"))
    sources += [kg_root / "model.py", *sorted((SCHEMAS / "lexicons").glob("*.tsv")),
                *sorted((SCHEMAS / "vocab").glob("*.tsv"))]
    model_dir = Path(model) if model is not None else default_model_path()
    sources += sorted(p for p in model_dir.glob("*") if p.is_file())
    for path in sources:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for path in lexicon_paths:
        digest.update(Path(path).read_bytes() + b"\0")
    for library in LIBRARIES:
        try:
            digest.update(f"{library}={version(library)}\0".encode())
        except PackageNotFoundError:
            digest.update(f"{library}=none\0".encode())
    return digest.hexdigest()


def document_key(path: str, data: bytes, pipeline: str) -> str:
    """The cache key of a file: its content, its path (kept in the graph) and the pipeline version."""
    return _sha256(f"{pipeline}\0{path}\0{_sha256(data)}".encode())[:32]


class ExtractionCache:
    """Extractions stored in `out/cache/KEY.json`; `carry` moves the entries still needed into the
    next build's folder."""

    def __init__(self, out: str | Path):
        self.dir = Path(out) / CACHE_DIR

    def _path(self, key: str) -> Path:
        return self.dir / f"{key}.json"

    def get(self, key: str) -> tuple[RawDocument, Extraction] | None:
        """The cached raw document and extraction; None when absent or unreadable."""
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            raw = RawDocument(**{**data["raw"], "page_starts": tuple(data["raw"]["page_starts"]),
                                 "warnings": tuple(data["raw"]["warnings"])})
            cleaned = data["document"]
            text = cleaned["text"]
            sentences = [Sentence(i, start, end, text[start:end]) for i, (start, end) in enumerate(cleaned["sentences"])]
            document = Document(raw.doc_id, raw.path, raw.text, text, array("I", cleaned["offsets"]), sentences,
                                DocumentMeta(**cleaned["meta"]), raw.page_starts)
            mentions = [_mention(m) for m in data["mentions"]]
            relations = [RelationMention(_mention(r["head"]), r["relation"], _mention(r["tail"]), r["sentence"],
                                         r["source"], r["confidence"]) for r in data["relations"]]
            attributes = {(a["start"], a["end"]): ProjectAttributes(**a["attributes"]) for a in data["attributes"]}
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return raw, Extraction(document, mentions, relations, attributes)

    def put(self, key: str, raw: RawDocument, extraction: Extraction) -> None:
        document = extraction.document
        data = {
            "raw": asdict(raw),
            "document": {"text": document.text, "offsets": list(document.offsets), "meta": asdict(document.meta),
                         "sentences": [[s.start, s.end] for s in document.sentences]},
            "mentions": [_flat(m) for m in extraction.mentions],
            "relations": [{"head": _flat(r.head), "relation": r.relation, "tail": _flat(r.tail),
                           "sentence": r.sentence, "source": r.source, "confidence": r.confidence}
                          for r in extraction.relations],
            "attributes": [{"start": start, "end": end, "attributes": _flat(attrs)}
                           for (start, end), attrs in sorted(extraction.attributes.items())],
        }
        write_text(self._path(key), json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")

    def carry(self, keep: set[str], out: str | Path) -> None:
        """Put the entries of `keep` into the cache of the build folder `out` (hard links where the
        file system allows, else copies); the others stay behind with the old build."""
        import shutil

        target = ExtractionCache(out)
        for key in sorted(keep):
            source = self._path(key)
            if source.is_file():
                target.dir.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(source, target._path(key))
                except OSError:
                    shutil.copyfile(source, target._path(key))


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _flat(obj) -> dict:
    """A dataclass of plain values as a dict (dataclasses.asdict copies each value, recursively: a
    third of the time writing a large build's cache took)."""
    return {name: getattr(obj, name) for name in _field_names(type(obj))}


def _mention(data: dict) -> Mention:
    return Mention(**{**data, "also": tuple(data["also"])})
