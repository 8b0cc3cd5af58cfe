"""K-fold cross-validation by document (`kg eval --cv K`): every document is scored by a model
that never saw it; figures are reported pooled and for each gold folder (dev, provinces, …)."""
from __future__ import annotations

import random
import tempfile
from collections import defaultdict
from pathlib import Path

from kg.errors import KgError


def assign_folds(examples, k: int, seed: int) -> list[int]:
    """Fold of each example: each gold folder is shuffled by `seed` and dealt round the folds."""
    if k < 2:
        raise KgError("--cv needs at least 2 folds")
    if k > len(examples):
        raise KgError(f"--cv {k}: only {len(examples)} gold documents")
    by_group = defaultdict(list)
    for i, ex in enumerate(examples):
        by_group[ex.source.group].append(i)
    folds = [0] * len(examples)
    turn = 0
    rng = random.Random(seed)
    for group in sorted(by_group):
        members = by_group[group]
        rng.shuffle(members)
        for i in members:
            folds[i] = turn % k
            turn += 1
    return folds


def predict(model, example):
    """The model's Extraction of an example's document (features reused from training prep)."""
    from kg.extract.attributes import project_attributes
    from kg.extract.model.tagger import decide_mentions
    from kg.extract.relations import extract_relations
    from kg.model import Extraction

    document = example.source.document
    if model is None:  # the rules alone
        mentions = example.rule_mentions
    else:
        mentions = decide_mentions(model.taggers, document, example.features, *example.lexicon)
    relations = extract_relations(document, mentions, model and model.relations)
    return Extraction(document, mentions, relations, project_attributes(document, mentions))


def cross_validate(examples, k: int = 5, seed: int = 0, rules_only: bool = False, progress=None,
                   jobs: int = 1) -> dict[str, dict]:
    """Predicted annotation JSON per document, each from a model trained on the other folds."""
    from kg.eval.annotations import document_annotations
    from kg.extract.model import load_model
    from kg.extract.model.train import fit
    from kg.resolve import resolve

    folds = assign_folds(examples, k, seed)
    extractions = []
    with tempfile.TemporaryDirectory(prefix="kg-cv-") as tmp:
        for fold in range(k):
            test = [ex for ex, f in zip(examples, folds) if f == fold]
            model = None
            if not rules_only:
                training = [ex for ex, f in zip(examples, folds) if f != fold]
                model = load_model(fit(training, Path(tmp) / f"fold{fold}", jobs=jobs))
            extractions += [predict(model, ex) for ex in test]
            if progress:
                progress(fold)
    resolution = resolve(extractions)
    return {ex.document.doc_id: document_annotations(resolution, ex.document.doc_id) for ex in extractions}


def score_groups(examples, predictions: dict[str, dict]):
    """(label, Score) pooled over all gold, then per gold folder."""
    from kg.eval.score import score

    groups = defaultdict(dict)
    for ex in examples:
        groups[ex.source.group][ex.source.document.doc_id] = ex.source.gold
    pooled = {doc: g for members in groups.values() for doc, g in members.items()}
    results = [("all", score(pooled, predictions))]
    if len(groups) > 1:
        results += [(name, score(members, predictions)) for name, members in sorted(groups.items())]
    return results
