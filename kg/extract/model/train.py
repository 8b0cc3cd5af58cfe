"""Training: gold documents -> the layer CRFs and the relation classifier (`kg train`).

The expensive part, running the rule components over a document, is done once per document
(`prepare_examples`); `fit` then trains from the prepared examples, so cross-validation reuses
them across folds. Training is deterministic: documents are taken in name order and L-BFGS has
no randomness; the seed only orders documents into cross-validation folds.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import KgError
from kg.extract.model.layers import LAYERS, bio_labels, gold_spans
from kg.extract.model.store import FORMAT, META, RELATIONS, entity_file
from kg.model import Document, Mention

if TYPE_CHECKING:
    from kg.extract.model.features import Features

# L-BFGS with elastic-net regularisation (60 and 100 iterations were compared by 5-fold CV: 100 is
# slightly better on the province documents; c1/c2 are python-crfsuite's usual values, not tuned)
ENTITY_PARAMS = {"c1": 0.1, "c2": 0.01, "max_iterations": 100, "feature.possible_transitions": True}
# the relation classifier: stronger regularisation than the layers' (compared on documents it was not
# trained on: c1 0.5 / c2 0.1 as good as 0.1 / 0.01 with a model half the size)
RELATION_PARAMS = {"c1": 0.5, "c2": 0.1, "max_iterations": 100}
TEXT_FOLDERS = ("texts", "corpus")


@dataclass
class GoldDocument:
    document: Document
    gold: dict
    group: str  # the folder it came from (dev, provinces, written …): CV reports each


@dataclass
class Example:
    """A gold document with what the rules made of it: the model's inputs and targets."""

    source: GoldDocument
    tokens: object  # kg.extract.components.base.Tokens
    features: Features
    labels: dict[str, list[str]]  # layer -> one BIO tag per character
    rule_mentions: list[Mention]  # what the rules alone chose (the baseline CV compares with)
    lexicon: tuple[list[Mention], list[Mention]]  # the user's and the shipped lexicons' matches


def _text_for(gold_dir: Path, name: str) -> Path:
    for folder in (gold_dir, *(gold_dir.parent / f for f in TEXT_FOLDERS)):
        if (folder / f"{name}.txt").is_file():
            return folder / f"{name}.txt"
    raise KgError(f"{gold_dir / name}.json: no text {name}.txt beside it or in ../texts or ../corpus")


def read_gold(dirs: list[str | Path]) -> list[GoldDocument]:
    """Gold files (annotation-guide JSON) with their texts: a folder of NAME.json, or a folder that
    holds gold/ and texts/."""
    from kg.eval.annotations import read_annotations
    from kg.ingest import read_document
    from kg.text import prepare

    out = []
    for d in map(Path, dirs):
        gold_dir = d / "gold" if (d / "gold").is_dir() else d
        annotations = read_annotations(gold_dir)
        if not annotations:
            raise KgError(f"{d}: no gold *.json files")
        group = d.name if gold_dir is not d else (d.parent.name if d.name == "gold" else d.name)
        for name, gold in annotations.items():
            raw = read_document(_text_for(gold_dir, name))
            if raw is not None:
                out.append(GoldDocument(prepare(raw), gold, group))
    names = [g.document.doc_id for g in out]
    if len(set(names)) != len(names):
        dup = sorted({n for n in names if names.count(n) > 1})
        raise KgError(f"gold documents share names: {', '.join(dup)}")
    return sorted(out, key=lambda g: g.document.doc_id)


def prepare_examples(golds: list[GoldDocument], lexicons=None) -> list[Example]:
    from kg.extract import Extractor
    from kg.extract.components.base import candidates, doc_tokens
    from kg.extract.components.lexicon_matcher import lexicon_matches
    from kg.extract.model.features import char_features

    rules = Extractor(lexicons, rules_only=True)
    examples = []
    for g in golds:
        doc = rules.analyse(g.document)
        tokens = doc_tokens(doc)
        text = g.document.text
        features = char_features(text, tokens.starts, tokens.ends, candidates(doc), doc._.kg_mentions)
        entities = g.gold.get("entities", [])
        labels = {layer: bio_labels(len(text), gold_spans(text, entities, types)) for layer, types in LAYERS.items()}
        examples.append(Example(g, tokens, features, labels, doc._.kg_mentions, lexicon_matches(doc)))
    return examples


def _sequences(example: Example, layer: str):
    features = example.features.strings()
    for s in example.source.document.sentences:
        if s.end > s.start:
            yield features[s.start:s.end], example.labels[layer][s.start:s.end]


# the examples a forked training process reads (inherited, not pickled)
_EXAMPLES: list[Example] = []


def _relation_pairs():
    """The relation classifier's training items: one-item sequences, one per candidate pair."""
    from kg.extract.relations.classifier import gold_pairs

    for ex in _EXAMPLES:
        gold = ex.source.gold
        for features, label in gold_pairs(ex.source.document, gold.get("entities", []), gold.get("relations", [])):
            yield [features], [label]


def _fit_file(job: tuple[str, str]) -> str | None:
    """Train one entity layer's CRF, or the relation classifier, into `path`."""
    import pycrfsuite

    name, path = job
    trainer = pycrfsuite.Trainer(verbose=False)
    if name == RELATIONS:
        items, params = _relation_pairs(), RELATION_PARAMS
    else:
        items, params = (xy for ex in _EXAMPLES for xy in _sequences(ex, name)), ENTITY_PARAMS
    labels = set()
    for x, y in items:
        trainer.append(x, y)
        labels.update(y)
    if name == RELATIONS and len(labels) < 2:
        return None  # gold without both linked and unlinked pairs: the rules alone read relations
    trainer.set_params(params)
    trainer.train(path)
    return path


def fit(examples: list[Example], out: str | Path, meta: dict | None = None, jobs: int = 1) -> Path:
    """Train every model file into `out` (written whole: a temporary folder renamed into place),
    `jobs` files at a time in forked processes (the result does not depend on `jobs`)."""
    global _EXAMPLES

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".train-", dir=out.parent))
    todo = [(layer, str(work / entity_file(layer))) for layer in LAYERS] + [(RELATIONS, str(work / RELATIONS))]
    try:
        _EXAMPLES = examples
        if jobs > 1:
            import multiprocessing

            with multiprocessing.get_context("fork").Pool(min(jobs, len(todo))) as pool:
                pool.map(_fit_file, todo, chunksize=1)
        else:
            for job in todo:
                _fit_file(job)
        description = {
            "format": FORMAT,
            "layers": {k: list(v) for k, v in LAYERS.items()},
            "entity_params": ENTITY_PARAMS,
            "relation_params": RELATION_PARAMS,
            "documents": [ex.source.document.doc_id for ex in examples],
            "characters": sum(len(ex.source.document.text) for ex in examples),
            **(meta or {}),
        }
        (work / META).write_text(json.dumps(description, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        if out.exists():
            shutil.rmtree(out)
        work.rename(out)
    finally:
        _EXAMPLES = []
        if work.exists():
            shutil.rmtree(work)
    return out


def train(gold_dirs: list[str | Path], out: str | Path, lexicons=None, jobs: int | None = None) -> Path:
    """`kg train`: read gold, run the rules once per document, fit, write the model folder."""
    golds = read_gold(gold_dirs)
    return fit(prepare_examples(golds, lexicons), out, {"gold": [Path(d).name for d in gold_dirs]},
               jobs or os.cpu_count() or 1)
