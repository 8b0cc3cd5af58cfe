"""kg_lexicon: every occurrence of a lexicon name or alias, on word boundaries (a user's lexicon of
invented names)."""
from __future__ import annotations

import pytest

from kg.extract import Extractor

from components import proposed
from conftest import mentions_in, text_document

LEXICON = "Enterprise\t临川钼业\nEnterprise\t星河精工\t星河\nEnterprise\tKX7\nRegion\t临川\nRegion\t上海市\n"

FOUND = [
    ("临川钼业全球运营中心正式入驻某某科技城。", "临川钼业", "Enterprise"),
    # a known place opening a known company's name is a mention of its own
    ("临川钼业全球运营中心正式入驻某某科技城。", "临川", "Region"),
    ("星河参与园区建设。", "星河", "Enterprise"),
    ("KX7研发中心开工。", "KX7", "Enterprise"),
]

NOT_FOUND = [
    # a place name ends on a word boundary: 上海市 is not read inside 上海市场
    ("上海市场改造提速。", "上海市", "Region"),
    # a code is not part of a longer code
    ("KX70型号量产。", "KX7", "Enterprise"),
]


@pytest.fixture(scope="module")
def user_extractor(tmp_path_factory):
    path = tmp_path_factory.mktemp("lexicon") / "mine.tsv"
    path.write_text(LEXICON, encoding="utf-8")
    return Extractor([path], rules_only=True)


@pytest.mark.parametrize("text, name, type_", FOUND)
def test_proposes(user_extractor, text, name, type_):
    assert (name, type_) in proposed(user_extractor, text, "lexicon")


@pytest.mark.parametrize("text, name, type_", NOT_FOUND)
def test_does_not_propose(user_extractor, text, name, type_):
    assert (name, type_) not in proposed(user_extractor, text, "lexicon")


def test_the_place_opening_a_company_is_where_it_is(user_extractor):
    extraction = user_extractor.extract(text_document("临川钼业全球运营中心正式入驻某某科技城。"))
    assert ("临川钼业", "locatedIn", "临川") in {(r.head.name, r.relation, r.tail.name) for r in extraction.relations}
    extraction = user_extractor.extract(text_document("星河精工新建智能工厂项目。"))
    assert not any(r.relation == "locatedIn" for r in extraction.relations)


def test_the_learned_model_keeps_the_users_names(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text(LEXICON, encoding="utf-8")
    assert ("星河", "Enterprise") in mentions_in(Extractor([path]), "星河参与园区建设。")
