"""What the shipped model extracts from the bundled corpus, kept as a snapshot so that a change
to the model, the rules or the vocabulary shows its effect as names gained and lost.

After a deliberate change, rewrite the snapshot and review its diff:
    KG_UPDATE_SNAPSHOT=1 .venv/bin/python -m pytest tests/test_corpus_snapshot.py
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = Path(__file__).parent / "snapshots" / "corpus.json"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    from kg.api import extract

    out = tmp_path_factory.mktemp("corpus")
    extract([ROOT / "data" / "corpus"], out)
    snapshot = {}
    for path in sorted(out.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        snapshot[path.stem] = {
            "entities": sorted(f"{e['type']}\t{e['name']}" for e in data["entities"]),
            "relations": sorted(f"{r['head']}\t{r['relation']}\t{r['tail']}" for r in data["relations"]),
        }
    return snapshot


def test_the_bundled_corpus_gives_the_snapshot(extracted):
    if os.environ.get("KG_UPDATE_SNAPSHOT"):
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text(json.dumps(extracted, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    changes = []
    for doc in sorted(set(expected) | set(extracted)):
        for part in ("entities", "relations"):
            old, new = set(expected.get(doc, {}).get(part, [])), set(extracted.get(doc, {}).get(part, []))
            changes += [f"{doc} + {x}" for x in sorted(new - old)] + [f"{doc} - {x}" for x in sorted(old - new)]
    assert not changes, f"{len(changes)} change(s) against {SNAPSHOT.name}:\n" + "\n".join(changes[:60])
