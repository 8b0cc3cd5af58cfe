"""Zones and their phases, programmes named by level, works and groups, on invented sentences."""
from __future__ import annotations

from conftest import mentions_in


def _typed(extractor, text: str, type_: str) -> set[str]:
    return {n for n, t in mentions_in(extractor, text) if t == type_}


# --- zones: their own head outranks the list they stand in, and their phases keep them apart

def test_zone_in_a_project_list_stays_a_park(extractor):
    found = mentions_in(extractor, "青松智能装备产业园、云杉智谷科技产业社区等58个产业项目落地实施。")
    assert ("云杉智谷科技产业社区", "Park") in found
    assert ("青松智能装备产业园", "Project") in found


def test_phase_of_a_zone_is_a_park_unless_its_clause_builds_it(extractor):
    found = mentions_in(extractor, "云杉智谷科技产业社区一期入驻率达到80%，云杉智谷科技产业社区二期主体封顶。")
    assert ("云杉智谷科技产业社区一期", "Park") in found
    assert ("云杉智谷科技产业社区二期", "Project") in found
    # the zone named inside its own phase is not a mention of its own
    assert ("云杉智谷科技产业社区", "Park") not in found


def test_phase_of_a_generic_base_is_named(extractor):
    assert "现代农业产业基地二期" in _typed(extractor, "确保现代农业产业基地二期开工建设。", "Project")
    # a base with no phase and no name stays a kind
    assert not _typed(extractor, "确保现代农业产业基地开工。", "Project")


def test_numeral_without_measure_word_opens_a_name(extractor):
    assert "九都城金融特色楼宇" in _typed(extractor, "重点打造九都城金融特色楼宇、生命科学特色楼宇。", "Park")
    # with a measure word it is a count
    assert not any(n.startswith("三") for n in _typed(extractor, "建成三个都城特色楼宇。", "Park"))


# --- programmes

def test_programme_named_by_its_level(extractor):
    policies = _typed(extractor, "抓好国家基础教育综合改革实验区建设，获评省家庭教育示范区。", "Policy")
    assert {"国家基础教育综合改革实验区", "省家庭教育示范区"} <= policies
    # the level alone and a short kind after it are no name
    assert not _typed(extractor, "争取更多国家试点。", "Policy")


def test_quoted_designation_after_a_verb(extractor):
    assert "国家级智慧商圈" in _typed(extractor, "积极争创“国家级智慧商圈”,提升步行街品质。", "Policy")


def test_works_are_programmes_unless_they_build_infrastructure(extractor):
    assert "乡村人才知识更新工程" in _typed(extractor, "实施乡村人才知识更新工程。", "Policy")
    assert "城乡供排水一体化工程" in _typed(extractor, "实施城乡供排水一体化工程，新建管网30公里。", "Project")
    # a count of works is no name
    assert not any("工程" in n for n in _typed(extractor, "推进12项市政道路工程。", "Project"))


def test_list_closed_by_its_group_name(extractor):
    text = "以产业强基工程、城市更新提升工程、人才安居工程“三大工程”为抓手。"
    assert {"产业强基工程", "城市更新提升工程", "人才安居工程"} <= _typed(extractor, text, "Policy")


def test_object_of_a_build_verb_is_a_project(extractor):
    # the same kind of name without a build verb governing it is no project
    assert "农耕文化博物馆" not in _typed(extractor, "组织学生参观农耕文化博物馆。", "Project")
    assert "农耕文化博物馆" in _typed(extractor, "加快建设农耕文化博物馆，打造研学基地。", "Project")
    assert "长江路地下停车场" in _typed(extractor, "推进长江路地下停车场建设。", "Project")
