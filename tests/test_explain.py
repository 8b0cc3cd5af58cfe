"""`kg explain`: candidates, who proposed them, and what became of them (kg/extract/explain.py)."""
from __future__ import annotations

from kg.extract.explain import explain_document

from conftest import text_document

TEXT = "蓝湾科技有限公司在白石高新区布局蓝湾智能传感器生产基地。海岳食品入选市农业产业化龙头企业。"


def test_every_final_mention_shows_its_model_and_confidence(model_extractor):
    report = explain_document(model_extractor, text_document(TEXT))
    assert "model " in report.splitlines()[0]
    mentions = [line for line in report.splitlines() if line.strip().startswith("MENTION")]
    assert mentions and all(" by model:" in line for line in mentions)
    assert "candidate 蓝湾科技有限公司 [Enterprise] from " in report


def test_rules_only_report_and_one_sentence(extractor):
    report = explain_document(extractor, text_document(TEXT), only=1)
    assert "rules only" in report.splitlines()[0]
    assert "[1] 海岳食品" in report and "[0]" not in report
    assert "kept" in report


def test_a_sentence_without_candidates_says_so(extractor):
    report = explain_document(extractor, text_document(TEXT), only=7)
    assert "sentence 7: no candidates" in report
