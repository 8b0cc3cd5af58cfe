"""Round-3 extraction rules, on invented sentences (no corpus or gold text), news genre included."""
from __future__ import annotations


from kg.extract import Extractor

from conftest import text_document


def _run(extractor: Extractor, text: str):
    return extractor.extract(text_document(text))


def _mentions(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    return {(m.name, m.type) for m in _run(extractor, text).mentions}


def _relations(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    return {(r.head.name, r.relation, r.tail.name) for r in _run(extractor, text).relations}


# ---------------------------------------------------------------- news genre: full legal names

def test_news_legal_name_with_region_signs_capacity_project(extractor):
    text = "3月15日，瀚岳（洛阳）新材料有限公司与偃师区人民政府签约年产5万吨高性能碳纤维复合材料项目，总投资12亿元。"
    found = _mentions(extractor, text)
    assert ("瀚岳（洛阳）新材料有限公司", "Enterprise") in found
    assert ("年产5万吨高性能碳纤维复合材料项目", "Project") in found
    assert not any(n == "年产" for n, _ in found)
    assert ("瀚岳（洛阳）新材料有限公司", "undertakes", "年产5万吨高性能碳纤维复合材料项目") in _relations(extractor, text)


def test_news_project_written_after_the_legal_name(extractor):
    text = "近日，河南岳川新能源科技股份有限公司年产10GWh储能电池项目在孟津区开工建设，计划总投资30亿元。"
    found = _mentions(extractor, text)
    assert ("河南岳川新能源科技股份有限公司", "Enterprise") in found
    assert ("年产10GWh储能电池项目", "Project") in found
    rels = _relations(extractor, text)
    assert ("河南岳川新能源科技股份有限公司", "undertakes", "年产10GWh储能电池项目") in rels
    assert ("年产10GWh储能电池项目", "locatedIn", "孟津区") in rels


def test_news_base_built_by_a_company_settles_in_a_zone(extractor):
    text = "洛阳澜辰智能科技有限公司投资建设的智能传感器生产基地落户洛阳高新技术产业开发区，项目总投资8.5亿元。"
    rels = _relations(extractor, text)
    assert ("洛阳澜辰智能科技有限公司", "undertakes", "智能传感器生产基地") in rels
    assert ("智能传感器生产基地", "locatedIn", "洛阳高新技术产业开发区") in rels


def test_news_company_selected_for_a_list(extractor):
    text = "洛阳栖霞电子科技有限公司入选国家级专精特新“小巨人”企业名单。"
    rels = _relations(extractor, text)
    assert any(h == "洛阳栖霞电子科技有限公司" and r == "participatesIn" for h, r, _ in rels)


def test_region_in_parentheses_does_not_swallow_a_coordinated_company(extractor):
    found = _mentions(extractor, "整合翔鹭（湖南）新能源与岳麓公司等企业。")
    assert not any(n.endswith("岳麓公司") and n != "岳麓公司" for n, t in found if t == "Enterprise")


def test_generic_base_without_company_subject_is_not_a_project(extractor):
    found = _mentions(extractor, "鼓励建设的智能传感器生产基地要提高效益。")
    assert ("智能传感器生产基地", "Project") not in found


# ---------------------------------------------------------------- projects

def test_coordinated_parks_are_projects(extractor):
    found = _mentions(extractor, "湘江公园、橘洲公园完成提质改造。")
    assert {("湘江公园", "Project"), ("橘洲公园", "Project")} <= found


def test_single_generic_park_is_not_a_project(extractor):
    found = _mentions(extractor, "建成社区公园12处。")
    assert not any(t == "Project" for _, t in found)


def test_company_lab_and_built_centre_are_projects(extractor):
    found = _mentions(extractor, "上半年澜峰P3实验室建成投用，启动建设星岚科技岳麓创新中心。")
    assert ("澜峰P3实验室", "Project") in found
    assert ("星岚科技岳麓创新中心", "Project") in found


def test_university_and_academy_labs_stay_institutions(extractor):
    found = _mentions(extractor, "支持湖南大学建设智能制造重点实验室。中科院智能农机装备工程实验室揭牌。")
    assert not any(t == "Project" and "实验室" in n for n, t in found)


# ---------------------------------------------------------------- left edges

def test_glued_function_words_do_not_start_a_zone(extractor):
    found = _mentions(extractor, "重点加强对原高新区偏远学校的帮扶力度。")
    assert ("高新区", "Park") in found
    assert not any(n.startswith("对") for n, _ in found)
