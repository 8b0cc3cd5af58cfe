"""Candidate pairs and their features for the relation classifier (kg/extract/relations/classifier.py)."""
from __future__ import annotations

from kg.extract.relations.classifier import RELATION_OF, candidate_pairs, gold_relation_label, pair_features
from kg.model import Mention

from conftest import text_document


def _m(name, type_, start, sentence=0):
    return Mention(name, type_, start, start + len(name), sentence, "test")


def test_pairs_of_one_sentence_whose_types_admit_a_relation():
    e, p, r = _m("蓝湾科技", "Enterprise", 0), _m("蓝湾传感器基地", "Project", 6), _m("白石区", "Region", 14)
    pairs = {(h.name, t.name) for h, t in candidate_pairs([e, p, r])}
    assert pairs == {("蓝湾科技", "蓝湾传感器基地"), ("蓝湾科技", "白石区"), ("蓝湾传感器基地", "白石区")}
    assert all((h.type, t.type) in RELATION_OF for h, t in candidate_pairs([e, p, r]))


def test_a_place_opening_a_name_pairs_across_sentences():
    place = _m("苏州市", "Region", 0, sentence=0)
    firm = _m("苏州禾岚科技有限公司", "Enterprise", 20, sentence=3)
    other = _m("无锡禾岚科技有限公司", "Enterprise", 40, sentence=4)
    pairs = {(h.name, t.name) for h, t in candidate_pairs([place, firm, other])}
    assert pairs == {("苏州禾岚科技有限公司", "苏州市")}


def test_pair_features_read_order_distance_triggers_and_the_rules_verdict():
    text = "海岳食品入选市农业产业化龙头企业。"
    doc = text_document(text)
    h, t = _m("海岳食品", "Enterprise", 0), _m("市农业产业化龙头企业", "Policy", 6)
    feats = pair_features(doc, lambda s, e: [text[s:e]] if e > s else [], h, t, "participatesIn:clause", [])
    assert "ht=Enterprise>Policy" in feats and "order=ht" in feats and "gap=入选" in feats
    assert "rule=participatesIn:clause" in feats
    reverse = pair_features(doc, lambda s, e: [], t, h, None, [])
    assert "order=th" in reverse and "rule=none" in reverse


def test_gold_label_needs_the_relation_of_the_pair_types_and_its_evidence_in_the_sentence():
    doc = text_document("海岳食品入选市级名单。海岳食品获得白石贷支持。白石贷由银行发放。")
    h, t = _m("海岳食品", "Enterprise", 11, sentence=1), _m("白石贷", "Policy", 15, sentence=1)
    gold = {("海岳食品", "participatesIn", "白石贷"): ["海岳食品获得白石贷支持"]}
    assert gold_relation_label(doc, h, t, gold) == "participatesIn"
    assert gold_relation_label(doc, h, t, {("海岳食品", "undertakes", "白石贷"): [""]}) == "none"
    elsewhere = _m("白石贷", "Policy", 22, sentence=2)
    first = _m("海岳食品", "Enterprise", 0, sentence=0)
    assert gold_relation_label(doc, first, elsewhere, gold) == "none"
