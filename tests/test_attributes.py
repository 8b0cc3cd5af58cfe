"""Project attributes: investment normalised to yuan, clause-aware status and amounts, year."""
from __future__ import annotations

import pytest

from kg.extract.attributes import project_attributes, yuan
from test_relations import doc_with

P = "Project"


@pytest.mark.parametrize("amount, unit, expected", [
    ("145.8", "亿", 14_580_000_000),
    ("3000", "万", 30_000_000),
    ("1.2", "万亿", 1_200_000_000_000),
    ("0.05", "亿", 5_000_000),
    ("12", "", 12),
])
def test_yuan(amount, unit, expected):
    assert yuan(amount, unit) == expected


def attrs(text, names, year=2024):
    doc, mentions = doc_with(text, [(n, P) for n in names], year)
    found = project_attributes(doc, mentions)
    return {m.name: found[(m.start, m.end)] for m in mentions}


def test_investment_in_the_project_clause():
    a = attrs("星光智能仓储基地总投资12.5亿元，当年开工。", ["星光智能仓储基地"])["星光智能仓储基地"]
    assert a.investment_yuan == 1_250_000_000 and a.investment_text == "总投资12.5亿元"


def test_investment_in_the_next_clause():
    a = attrs("星光智能仓储基地开工建设，总投资3000万元。", ["星光智能仓储基地"])["星光智能仓储基地"]
    assert a.investment_yuan == 30_000_000 and a.status == "开工"


def test_total_over_a_counted_group_is_not_given_to_a_named_project():
    got = attrs("实施星光中心、月湖基地等40个项目，完成投资74.9亿元。", ["星光中心", "月湖基地"])
    assert got["星光中心"].investment_yuan is None and got["月湖基地"].investment_yuan is None


def test_total_in_an_earlier_sentence_is_not_given():
    got = attrs("大力实施120个重大项目，完成投资88亿元。星光中心加速建设。", ["星光中心"])
    assert got["星光中心"].investment_yuan is None and got["星光中心"].status == "在建"


def test_amount_of_another_project_in_the_sentence_is_not_given():
    got = attrs("星光中心竣工投用，月湖基地总投资5亿元。", ["星光中心", "月湖基地"])
    assert got["星光中心"].investment_yuan is None and got["星光中心"].status == "投用"
    assert got["月湖基地"].investment_yuan == 500_000_000 and got["月湖基地"].status is None


def test_status_applies_to_each_project_of_an_enumeration():
    got = attrs("星光中心、月湖基地等18个项目竣工投用。", ["星光中心", "月湖基地"])
    assert got["星光中心"].status == got["月湖基地"].status == "投用"


def test_status_stays_in_its_clause():
    got = attrs("星光中心签约落地，月湖基地建成投产。", ["星光中心", "月湖基地"])
    assert got["星光中心"].status == "签约" and got["月湖基地"].status == "投产"


def test_target_after_modal_is_not_a_status():
    got = attrs("确保星光中心一季度建成投用。", ["星光中心"])
    assert got["星光中心"].status is None


def test_year_from_sentence_else_document():
    got = attrs("2023年星光中心开工。月湖基地开工。", ["星光中心", "月湖基地"], year=2024)
    assert got["星光中心"].year == 2023 and got["月湖基地"].year == 2024
