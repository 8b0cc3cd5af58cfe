"""Character features (kg/extract/model/features.py) and word classes (kg/extract/vocab.py)."""
from __future__ import annotations

from kg.extract.model.features import char_features
from kg.extract.vocab import word_classes, words
from kg.model import Mention


def _features(text, words_, candidates=(), selected=()):
    starts, ends, pos = [], [], 0
    for w in words_:
        starts.append(pos)
        pos += len(w)
        ends.append(pos)
    assert pos == len(text)
    return char_features(text, starts, ends, list(candidates), list(selected)).strings()


def test_one_feature_list_per_character_with_word_position():
    feats = _features("海岳食品入选名单", ["海岳", "食品", "入选", "名单"])
    assert len(feats) == 8
    assert "b=B" in feats[0] and "b=E" in feats[1]
    assert "c=海" in feats[0] and "n1=岳" in feats[0] and "p1=^" in feats[0]
    assert "w=入选" in feats[4] and "k=honour_verb" in feats[4]
    assert "kp=honour_verb" in feats[6] and "kn=honour_verb" in feats[2]  # the neighbours' classes


def test_rule_selection_and_candidates_become_features():
    text = "蓝湾公司落户园区"
    cand = Mention("蓝湾公司", "Enterprise", 0, 4, 0, "companies:legal", 0.9)
    feats = _features(text, ["蓝湾", "公司", "落户", "园区"], [cand], [cand])
    assert "r=B-Enterprise" in feats[0] and "r=I-Enterprise" in feats[3] and "r=O" in feats[4]
    assert "cb=Enterprise" in feats[0] and "ce=Enterprise" in feats[3]
    assert "ci=Enterprise:companies" in feats[2]


def test_word_classes_come_from_the_data_file_each_word_once_per_class():
    assert "有限公司" in words("legal_form")
    assert "legal_form" in word_classes()["有限公司"]
    for name in ("governing", "undertake", "participate", "locate"):
        ws = words(name)
        assert len(ws) == len(set(ws)) > 0
