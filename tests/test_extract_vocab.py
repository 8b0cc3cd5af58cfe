"""The word classes of schemas/vocab/word_classes.tsv (kg/extract/vocab.py): vocabulary is data."""
from __future__ import annotations

import re
from pathlib import Path

from kg.extract.vocab import _lines, alternation, word_classes, word_set, words

KG = Path(__file__).resolve().parents[1] / "kg"


def test_a_class_includes_another_by_name_and_spells_each_word_once():
    assert set(words("company_head")) <= set(words("legal_form"))
    assert "@company_head" not in words("legal_form")
    assert set(words("zone_head")) <= word_set("not_region")
    for name in _lines():
        assert len(words(name)) == len(set(words(name))) > 0, name


def test_alternation_prefers_the_longest_word():
    pattern = re.compile(alternation("company_head"))
    assert pattern.search("某某股份有限公司").group() == "股份有限公司"
    assert pattern.search("某某集团有限公司").group() == "集团有限公司"


def test_a_word_knows_its_classes():
    assert {"legal_form", "company_head"} <= set(word_classes()["有限公司"])


def test_every_class_is_read_by_the_code():
    code = "\n".join(p.read_text(encoding="utf-8") for p in KG.rglob("*.py"))
    # classes read only as the learned model's features (kg/extract/model/features.py reads them all)
    features_only = {"legal_form", "company_word", "institution_head", "park_head", "project_head", "policy_head",
                     "region_level"}
    included = {w[1:] for ws in _lines().values() for w in ws if w.startswith("@")}
    unused = [name for name in _lines() if name not in features_only | included
              and f'"{name}"' not in code and f"'{name}'" not in code]
    assert unused == []


def test_no_class_holds_a_fragment_of_a_sentence():
    # a word class holds words: no clause punctuation inside an entry, and no entry longer than a phrase
    for name in _lines():
        for w in words(name):
            assert len(w) <= 10 and not re.search(r"[，。；：、！？]", w), (name, w)
