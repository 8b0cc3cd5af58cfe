"""kg_select: non-overlapping mentions from the candidates; a name nested in a name of another
type is kept."""
from __future__ import annotations

import pytest

from kg.extract.components.select import select
from kg.model import Mention


def _m(name: str, type_: str, start: int, confidence: float) -> Mention:
    return Mention(name, type_, start, start + len(name), 0, "test", confidence)


FIRM, FIRM_SHORT = _m("甲乙公司", "Enterprise", 0, 0.9), _m("甲乙", "Enterprise", 0, 0.8)
PROJECT, REGION = _m("甲乙公司项目", "Project", 0, 0.7), _m("丙丁", "Region", 10, 0.5)
PARK, PARK_PHASE = _m("丙丁产业园", "Park", 0, 0.8), _m("丙丁产业园一期", "Project", 0, 0.85)
PARK_AS_PROJECT = _m("丙丁产业园", "Project", 0, 0.7)

CASES = [
    # the more confident of two overlapping names of one type; a nested name of another type is kept
    ([FIRM_SHORT, FIRM, PROJECT, REGION], [FIRM, PROJECT, REGION]),
    # one span, one type: the more confident reading
    ([PARK_AS_PROJECT, PARK], [PARK]),
    # a zone inside the name of its own phase is no mention of its own
    ([PARK, PARK_PHASE], [PARK_PHASE]),
    ([], []),
]


@pytest.mark.parametrize("found, chosen", CASES)
def test_select(found, chosen):
    assert select(found) == chosen


def test_the_pipeline_keeps_a_company_nested_in_its_project_once(extractor):
    from conftest import mentions_in

    found = mentions_in(extractor, "支持星河精工、蓝海微电等企业发展。确保星河精工高端轴承产业基地建成投产。")
    assert ("星河精工高端轴承产业基地", "Project") in found and ("星河精工", "Enterprise") in found
