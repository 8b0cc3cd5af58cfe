"""Entity recognition: each component on small sentences of the kind these documents contain.

The sentences are made up for the tests (not taken from the gold files). The pipeline is built
once for the module.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import KgError
from kg.extract import Extractor
from kg.extract.lexicon import load_lexicons, parse_lexicon
from kg.model import Document, DocumentMeta
from kg.text.sentences import split_sentences

from conftest import mentions_in


def test_enumeration_of_enterprises(extractor):
    found = mentions_in(extractor, "推动星河精工、蓝海微电、华岳新材等12家企业入选省级创新型中小企业。")
    assert {("星河精工", "Enterprise"), ("蓝海微电", "Enterprise"), ("华岳新材", "Enterprise")} <= found
    assert ("推动星河精工", "Enterprise") not in found


def test_enumeration_with_bare_count(extractor):
    found = mentions_in(extractor, "力争年内实现青松环境、远航股份、恒力特装3家企业上市。")
    assert {("青松环境", "Enterprise"), ("远航股份", "Enterprise"), ("恒力特装", "Enterprise")} <= found


def test_enumeration_of_projects(extractor):
    found = mentions_in(extractor, "加快推进东湖智能装备产业园、北山二期、西河新能源电池生产线等12个项目建设。")
    assert ("北山二期", "Project") in found
    assert ("西河新能源电池生产线", "Project") in found
    names = {n for n, _ in found}
    assert "东湖智能装备产业园" in names


def test_enterprise_nested_in_project_name(extractor):
    found = mentions_in(extractor, "支持星河精工、蓝海微电等企业发展。确保星河精工高端轴承产业基地建成投产。")
    assert ("星河精工高端轴承产业基地", "Project") in found
    assert ("星河精工", "Enterprise") in found
    # the nested mention is kept inside the project's span
    assert sum(1 for n, t in found if n == "星河精工" and t == "Enterprise") == 1


def test_lexicon_enterprise_and_boundary(extractor):
    found = mentions_in(extractor, "中信重工与宇通客车签约合作，上海市场改造提速。")
    assert ("中信重工", "Enterprise") in found
    assert ("宇通客车", "Enterprise") in found
    # 上海市 is not read inside 上海市场
    assert ("上海市", "Region") not in found


def test_legal_name_heads(extractor):
    found = mentions_in(extractor, "积极引进远景智造科技有限公司，支持蓝天集团做大做强，组建20个教育集团。")
    assert ("远景智造科技有限公司", "Enterprise") in found
    assert ("蓝天集团", "Enterprise") in found
    assert not any(n.endswith("教育集团") for n, _ in found)


def test_title_marks_name_a_document(extractor):
    found = mentions_in(extractor, "出台《老旧小区加装电梯补贴办法》，落实“专精特新”中小企业培育政策。")
    assert ("老旧小区加装电梯补贴办法", "Policy") in found
    assert ("专精特新", "Policy") in found


def test_designation_after_award_verb(extractor):
    found = mentions_in(extractor, "创业园获评国家级科技企业孵化器，高新区获批建设省级知识产权强县示范区。")
    assert ("国家级科技企业孵化器", "Policy") in found
    assert ("省级知识产权强县示范区", "Policy") in found


def test_park_heads(extractor):
    found = mentions_in(extractor, "重塑高新区，加快建设龙泉科技城，把北湖智慧岛打造成创新高地。")
    assert ("高新区", "Park") in found
    assert ("龙泉科技城", "Park") in found
    assert ("北湖智慧岛", "Park") in found
    assert ("重塑高新区", "Park") not in found


def test_institutions_and_regions(extractor):
    found = mentions_in(extractor, "深化与清华大学、北湖理工大学合作，支持河南省各市县发展，推进城关街道改造。")
    assert ("清华大学", "Institution") in found
    assert ("北湖理工大学", "Institution") in found
    assert ("河南省", "Region") in found
    assert ("城关街道", "Region") in found


def test_document_pass_marks_other_occurrences(extractor):
    text = "支持蓝海微电、华岳新材等企业上市。蓝海微电全年营收增长。"
    document_mentions = [m for m in mentions_in(extractor, text) if m[0] == "蓝海微电"]
    assert document_mentions  # found in the list
    doc_text = text
    document = Document("t", "t.txt", doc_text, doc_text, list(range(len(doc_text))), split_sentences(doc_text),
                        DocumentMeta("t"))
    extraction = extractor.extract(document) if hasattr(extractor, "extract") else None
    if extraction is not None:
        spans = [(m.start, m.end) for m in extraction.mentions if m.name == "蓝海微电"]
        assert len(spans) == 2


def test_lexicon_error_has_file_and_line(tmp_path: Path):
    bad = tmp_path / "mine.tsv"
    bad.write_text("Enterprise\t星河精工\n# comment\nCompany\t某某\n", encoding="utf-8")
    with pytest.raises(KgError, match=r"mine\.tsv:3: unknown type"):
        parse_lexicon(bad)
    cols = tmp_path / "cols.tsv"
    cols.write_text("Enterprise 星河精工\n", encoding="utf-8")
    with pytest.raises(KgError, match=r"cols\.tsv:1: expected"):
        load_lexicons([cols])


def test_user_lexicon_adds_names(tmp_path: Path):
    mine = tmp_path / "mine.tsv"
    mine.write_text("Enterprise\t星河精工\t星河\n", encoding="utf-8")
    ex = Extractor([mine])
    text = "星河参与园区建设。"
    document = Document("t", "t.txt", text, text, list(range(len(text))), split_sentences(text), DocumentMeta("t"))
    doc = ex.nlp.make_doc(text)
    doc._.kg_document = document
    for _, proc in ex.nlp.pipeline:
        doc = proc(doc)
    assert ("星河", "Enterprise") in {(m.name, m.type) for m in doc._.kg_mentions}


def test_bundled_lexicons_parse():
    lexicon = load_lexicons([])
    assert len(lexicon.entries) > 200
    assert {"Enterprise", "Policy", "Institution", "Region"} <= {e.type for e in lexicon.entries}
