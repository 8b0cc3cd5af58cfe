"""A trained model on disk: one CRF per entity layer, the relation classifier and `meta.json`."""
from __future__ import annotations

import json
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from kg.errors import KgError
from kg.extract.model.crf import LayerTaggers, read_crfsuite
from kg.extract.relations.classifier import RelationClassifier

META = "meta.json"
FORMAT = 1
RELATIONS = "relations.crfsuite"  # optional: without it the rules alone read relations


def entity_file(layer: str) -> str:
    return f"entities-{layer}.crfsuite"


def default_model_path() -> Path:
    """The model that ships with kg (trained by `kg train` on data/train and the bundled gold)."""
    return Path(files("kg.extract.model")) / "default"


@dataclass
class Model:
    path: Path
    meta: dict
    taggers: LayerTaggers
    relations: RelationClassifier | None = None


def load_model(path: str | Path | None = None) -> Model:
    """Open a model folder written by `kg train` (the shipped one when `path` is None)."""
    from kg.extract.model.layers import LAYERS

    folder = Path(path) if path is not None else default_model_path()
    meta_path = folder / META
    if not meta_path.is_file():
        raise KgError(f"{folder}: no model here (missing {META}); train one with `kg train`")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as err:
        raise KgError(f"{meta_path}: unreadable model description ({err})") from None
    if meta.get("format") != FORMAT:
        raise KgError(f"{meta_path}: model format {meta.get('format')!r}, this kg reads format {FORMAT}")
    crfs = {}
    for layer in LAYERS:
        file = folder / entity_file(layer)
        if not file.is_file():
            raise KgError(f"{folder}: model incomplete, missing {file.name}")
        crfs[layer] = read_crfsuite(file)
    relations = folder / RELATIONS
    classifier = RelationClassifier(read_crfsuite(relations)) if relations.is_file() else None
    return Model(folder, meta, LayerTaggers(crfs), classifier)
