import copy
import json
import random
import subprocess
import sys

import pytest

from conftest import SHARED
from kg.eval.annotations import read_annotations
from kg.eval.score import score, score_to_json

GOLD = SHARED / "gold"
REFERENCE = SHARED / "tools" / "score.py"
needs_shared = pytest.mark.skipif(not REFERENCE.is_file(), reason="../shared (gold and reference scorer) not present")


def _perturb(doc: dict, rng: random.Random) -> dict:
    """A plausible prediction: drop, retype, rename and invent entities and relations."""
    doc = copy.deepcopy(doc)
    types = ["Enterprise", "Project", "Park", "Policy", "Institution", "Region"]
    ents = []
    for e in doc["entities"]:
        r = rng.random()
        if r < 0.15:
            continue
        if r < 0.25:
            e["type"] = rng.choice(types)
        elif r < 0.3 and e["aliases"]:
            e["name"], e["aliases"] = e["aliases"][0], []
        e.pop("also", None)
        ents.append(e)
    ents += [{"name": f"虚构{i}", "type": rng.choice(types), "aliases": []} for i in range(5)]
    doc["entities"] = ents
    rels = [r for r in doc["relations"] if rng.random() > 0.2]
    if rels:
        rels.append({**rels[0], "relation": "locatedIn"})
    doc["relations"] = rels
    return doc


@needs_shared
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_kg_eval_equals_the_reference_scorer(tmp_path, seed):
    rng = random.Random(seed)
    pred = tmp_path / "pred"
    pred.mkdir()
    for path in sorted(GOLD.glob("*.json")):
        data = _perturb(json.loads(path.read_text(encoding="utf-8")), rng)
        (pred / path.name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    ref = json.loads(subprocess.run([sys.executable, str(REFERENCE), str(GOLD), str(pred), "--json"],
                                    check=True, capture_output=True, text=True).stdout)
    ours = score_to_json(score(read_annotations(GOLD), read_annotations(pred, strict=False)))
    assert ours["types"] == ref["types"]
    assert ours["core_macro_f1"] == ref["core_macro_f1"]
    assert ours["core_micro"] == ref["core_micro"]
    assert ours["enterprise_relations"] == ref["enterprise_relations"]


def test_perfect_prediction_scores_one(tmp_path):
    gold = {"d": {"entities": [{"name": "甲公司", "type": "Enterprise", "aliases": ["甲"]},
                               {"name": "乙项目", "type": "Project", "aliases": []}],
                  "relations": [{"head": "甲", "relation": "undertakes", "tail": "乙"}]}}
    result = score(gold, copy.deepcopy(gold))
    assert result.types["Enterprise"].f1 == 1.0 and result.types["Project"].f1 == 1.0
    assert result.enterprise_relations.f1 == 1.0
    empty = score(gold, {})
    assert empty.missing == ["d"] and empty.types["Enterprise"].recall == 0.0
