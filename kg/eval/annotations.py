"""The annotation guide's per-document JSON (``doc``, ``entities``, ``relations``), read and written."""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from kg.errors import KgError
from kg.io import write_text
from kg.model import Entity, Evidence, Fact, Resolution


def _document_name(names: set[str]) -> str:
    return sorted(names, key=lambda s: (-len(s), s))[0]


class _ByDocument:
    """The entities, their pages and the facts' evidence of each document, indexed once for all
    documents (scanning every entity and fact per document grows with the square of the corpus)."""

    def __init__(self, resolution: Resolution):
        self.entities: dict[str, list[Entity]] = defaultdict(list)
        for ent in sorted(resolution.entities.values(), key=lambda e: e.id):
            for doc_id in ent.names_by_doc:
                self.entities[doc_id].append(ent)
        self.pages: dict[tuple[str, str], set[int]] = defaultdict(set)
        for ent in resolution.entities.values():
            for e in ent.mentions:
                if e.page is not None:
                    self.pages[ent.id, e.doc_id].add(e.page)
        self.facts: dict[str, list[tuple[Fact, list[Evidence]]]] = defaultdict(list)
        for fact in resolution.facts:
            evidence: dict[str, list[Evidence]] = defaultdict(list)
            for e in fact.evidence:
                evidence[e.doc_id].append(e)
            for doc_id, found in evidence.items():
                self.facts[doc_id].append((fact, found))


def document_annotations(resolution: Resolution, doc_id: str, index: _ByDocument | None = None) -> dict:
    """The entities mentioned in one document (with the aliases seen there) and its relations."""
    index = index or _ByDocument(resolution)
    entities = []
    name_in_doc: dict[str, str] = {}
    for ent in index.entities[doc_id]:
        names = ent.names_by_doc[doc_id]
        if not names:
            continue
        name = ent.name if ent.name in names else _document_name(names)
        name_in_doc[ent.id] = name
        entry = {"name": name, "type": ent.type, "aliases": sorted(names - {name}), "id": ent.id}
        if ent.also:
            entry["also"] = sorted(ent.also)
        pages = sorted(index.pages.get((ent.id, doc_id), ()))
        if pages:
            entry["pages"] = pages
        if ent.corrections:
            entry["corrections"] = sorted(ent.corrections)
        entities.append(entry)
    relations = []
    for fact, evidence in index.facts[doc_id]:
        first = evidence[0]
        relation = {
            "head": name_in_doc[fact.head],
            "relation": fact.relation,
            "tail": name_in_doc[fact.tail],
            "evidence": first.sentence,
            "span": [first.start, first.end],
            "original_span": [first.orig_start, first.orig_end],
            "source": first.source,
            "confidence": round(max(e.confidence for e in evidence), 3),
        }
        if first.page is not None:
            relation["page"] = first.page
        if fact.corrections:
            relation["corrections"] = sorted(fact.corrections)
        relations.append(relation)
    entities.sort(key=lambda e: (e["type"], e["name"]))
    relations.sort(key=lambda r: (r["head"], r["relation"], r["tail"]))
    return {"doc": doc_id, "entities": entities, "relations": relations}


def write_annotations(resolution: Resolution, out_dir: Path) -> list[Path]:
    paths = []
    index = _ByDocument(resolution)
    for doc in resolution.documents:
        path = Path(out_dir) / f"{doc.doc_id}.json"
        data = document_annotations(resolution, doc.doc_id, index)
        write_text(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        paths.append(path)
    return paths


def read_annotations(directory: Path, strict: bool = True) -> dict[str, dict]:
    """NAME.json files of a folder -> {NAME: document}. A broken file is an error, or empty if not strict."""
    directory = Path(directory)
    if not directory.is_dir():
        raise KgError(f"{directory}: no such folder")
    docs = {}
    for path in sorted(directory.glob("*.json")):
        try:
            docs[path.stem] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            if strict:
                raise KgError(f"{path}: not a readable annotation file ({exc})") from None
            docs[path.stem] = {"entities": [], "relations": []}
    return docs
