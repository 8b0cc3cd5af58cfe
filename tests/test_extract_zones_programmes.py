"""Zones and their phases, programmes named by level, works and groups, on invented sentences."""
from __future__ import annotations

from conftest import mentions_in


def _typed(extractor, text: str, type_: str) -> set[str]:
    return {n for n, t in mentions_in(extractor, text) if t == type_}


# --- zones: their own head outranks the list they stand in, and their phases keep them apart

def test_phase_of_a_generic_base_is_named(extractor):
    assert "现代农业产业基地二期" in _typed(extractor, "确保现代农业产业基地二期开工建设。", "Project")
    # a base with no phase and no name stays a kind
    assert not _typed(extractor, "确保现代农业产业基地开工。", "Project")


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


def test_object_of_a_build_verb_is_a_project(extractor):
    # the same kind of name without a build verb governing it is no project
    assert "农耕文化博物馆" not in _typed(extractor, "组织学生参观农耕文化博物馆。", "Project")
    assert "农耕文化博物馆" in _typed(extractor, "加快建设农耕文化博物馆，打造研学基地。", "Project")
    assert "长江路地下停车场" in _typed(extractor, "推进长江路地下停车场建设。", "Project")


def test_works_on_a_named_place_are_projects(extractor):
    assert "红星厂家属院提升改造工程" in _typed(extractor, "实施红星厂家属院提升改造工程。", "Project")


# --- kinds that look like names

def test_qualified_kinds_of_company(extractor):
    assert not _typed(extractor, "培育专业化运营公司，做强做优上市公司，理顺二级公司管理。", "Enterprise")
    # a government's own group is named by its level
    assert "省文旅集团" in _typed(extractor, "省文旅集团投资建设的项目开工。", "Enterprise")


def test_governing_verbs_are_not_part_of_names(extractor):
    found = mentions_in(extractor, "充分发挥自贸区作用，对标国际一流高新区，荣获省级表彰。")
    assert ("自贸区", "Park") in found
    assert not any(n.startswith(("充分发挥", "对标")) for n, _ in found)
    assert not any(t == "Region" for _, t in found)


# --- quoted and titled names that are no programmes, and heads that belong to the name

def test_titles_of_works_of_art_are_no_documents(extractor):
    policies = _typed(extractor, "电影《山那边的村庄》即将上映，印发《乡村建设行动实施方案》。", "Policy")
    assert "乡村建设行动实施方案" in policies
    assert "山那边的村庄" not in policies


def test_quoted_events_are_no_programmes(extractor):
    policies = _typed(extractor, "举办“杏花满园”农产品推介会，利用“河畔商语”企业家沙龙交流。", "Policy")
    assert not any(n.startswith(("杏花满园", "河畔商语")) for n in policies)


def test_strategy_followed_by_cooperation_is_no_strategy(extractor):
    assert not _typed(extractor, "深化与某某大学材料研究所战略合作。", "Policy")


def test_company_named_with_its_city_in_front_of_a_project(extractor):
    found = mentions_in(extractor, "加快推进苏州瑞格医学检验实验室、东方智能装备产业园等项目实施。")
    assert ("苏州瑞格", "Enterprise") in found
    # a city's own facility names no company
    assert not _typed(extractor, "加快推进苏州医学检验实验室等项目实施。", "Enterprise")
