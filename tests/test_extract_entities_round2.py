"""Round-2 extraction rules, on invented sentences (no corpus or gold text)."""
from __future__ import annotations


from kg.extract.components.select import select
from kg.model import Mention

from conftest import mentions_in


def test_enumeration_item_with_parenthesised_region(extractor):
    found = mentions_in(extractor, "整合翔鹭、岳麓、云岫（湖南）智造等骨干企业组建创新联合体。")
    assert {("翔鹭", "Enterprise"), ("岳麓", "Enterprise")} <= found


def test_last_enumeration_item_keeps_its_final_character(extractor):
    # the last item ends in a character that is also a verb (达): items after the first are whole
    found = mentions_in(extractor, "成功引进苏州禾岚、宁波韵达等一批知名企业重大项目。")
    assert ("宁波韵达", "Enterprise") in found


def test_line_between_two_places_is_one_project(extractor):
    found = mentions_in(extractor, "主动谋划南昌至长沙、南昌至赣州等高铁项目。")
    assert ("南昌至长沙", "Project") in found
    assert ("长沙", "Project") not in found


def test_renovation_item_is_a_project(extractor):
    found = mentions_in(extractor, "做好码头改扩建、城际铁路三期等项目前期工作。")
    assert ("码头改扩建", "Project") in found


def test_policy_list_items_need_a_programme_shape(extractor):
    found = mentions_in(extractor, "全面落实减税降费、“秒批即办”等惠企政策。开展广场舞大赛、少儿跳绳比赛等全民健身活动。")
    assert ("秒批即办", "Policy") in found
    names = {n for n, t in found if t == "Policy"}
    assert "减税降费" not in names and "少儿跳绳比赛" not in names


def test_company_in_front_of_a_product_in_a_project_list(extractor):
    found = mentions_in(extractor, "推动鹭岳智能网联终端、巍澜风电叶片等9个项目全面投产。")
    assert ("鹭岳", "Enterprise") in found and ("巍澜", "Enterprise") in found


def test_place_in_front_of_a_project_is_not_a_company(extractor):
    found = mentions_in(extractor, "建好岚峪智慧岛。加快推进岚峪新材料产业园、长江路智能停车场等项目建设。")
    assert ("岚峪", "Enterprise") not in found
    assert ("长江路", "Enterprise") not in found


def test_known_company_is_not_cut_short_by_the_sector_word(extractor):
    found = mentions_in(extractor, "确保中航光电基础器件产业园一期建成投产。")
    assert ("中航", "Enterprise") not in found


def test_products_of_listed_companies(extractor):
    found = mentions_in(extractor, "鹭岳航空发动机叶片、巍澜智能巡检机器人等6家企业产品入选名单。")
    assert ("鹭岳", "Enterprise") in found and ("巍澜", "Enterprise") in found
    assert not any(t == "Enterprise" and n.endswith(("叶片", "机器人")) for n, t in found)


def test_preposition_glued_to_first_item(extractor):
    found = mentions_in(extractor, "做强疫苗产业，以鹭岳、巍澜生物等4家企业为龙头。")
    assert ("鹭岳", "Enterprise") in found
    assert ("以鹭岳", "Enterprise") not in found


def test_select_compares_only_overlappingmentions_in():
    a = Mention("甲乙公司", "Enterprise", 0, 4, 0, "x", 0.9)
    b = Mention("甲乙", "Enterprise", 0, 2, 0, "x", 0.8)
    c = Mention("甲乙公司项目", "Project", 0, 6, 0, "x", 0.7)
    d = Mention("丙丁", "Region", 10, 12, 0, "x", 0.5)
    assert select([b, a, c, d]) == [a, c, d]
