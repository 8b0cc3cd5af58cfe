"""Lists set out one company a row under a heading (kg/extract/relations/rows.py), on invented
notices with their mentions given, so that only the reading of rows is tested."""
from __future__ import annotations

from conftest import given_mentions, text_document

from kg.extract.relations.rows import row_relations

TABLE = ("一、2023年度临川市专精特新冠军企业拟认定名单（3家）\n序号　企业名称　所在区域\n"
         "1　临川瀚岳智能装备有限公司　高新区\n2　江西澄源微电子科技有限公司　经开区\n"
         "3　临川九禾食品有限公司　南城县\n\n公示期为7个工作日。\n"
         "4　江西远舟物流有限公司　南城县\n")


def _triples(text: str, names: dict[str, str]) -> set[tuple[str, str, str]]:
    document = text_document(text)
    return {(r.head.name, r.relation, r.tail.name) for r in row_relations(document, given_mentions(document, names))}


NAMES = {"临川市专精特新冠军企业": "Policy", "临川瀚岳智能装备有限公司": "Enterprise", "高新区": "Park",
         "江西澄源微电子科技有限公司": "Enterprise", "经开区": "Park", "临川九禾食品有限公司": "Enterprise",
         "南城县": "Region", "江西远舟物流有限公司": "Enterprise"}


def test_every_row_takes_part_in_the_heading_policy_and_is_located_in_its_place():
    found = _triples(TABLE, NAMES)
    for company, place in [("临川瀚岳智能装备有限公司", "高新区"), ("江西澄源微电子科技有限公司", "经开区"),
                           ("临川九禾食品有限公司", "南城县")]:
        assert (company, "participatesIn", "临川市专精特新冠军企业") in found
        assert (company, "locatedIn", place) in found


def test_the_list_ends_at_the_first_sentence_that_is_no_row():
    assert not {t for t in _triples(TABLE, NAMES) if t[0] == "江西远舟物流有限公司"}


def test_rows_run_together_and_places_in_brackets():
    text = ("二、拟推荐2024年度江西省绿色工厂名单（2家）\n1. 江西泓川汽车部件有限公司（小蓝经开区）主导产品车灯"
            "2. 南昌华宇食品股份有限公司（莲塘镇）主导产品米粉\n")
    names = {"江西省绿色工厂": "Policy", "江西泓川汽车部件有限公司": "Enterprise", "小蓝经开区": "Park",
             "南昌华宇食品股份有限公司": "Enterprise", "莲塘镇": "Region"}
    found = _triples(text, names)
    assert ("南昌华宇食品股份有限公司", "participatesIn", "江西省绿色工厂") in found
    assert ("江西泓川汽车部件有限公司", "locatedIn", "小蓝经开区") in found
    assert ("南昌华宇食品股份有限公司", "locatedIn", "莲塘镇") in found


def test_no_heading_no_list():
    # a policy that names no list, then numbered items: nothing is read as rows
    text = "支持企业申报专精特新中小企业，重点做好以下工作。\n1　临川瀚岳智能装备有限公司　高新区\n"
    names = {"专精特新中小企业": "Policy", "临川瀚岳智能装备有限公司": "Enterprise", "高新区": "Park"}
    assert _triples(text, names) == set()


def test_a_company_not_at_the_start_of_its_row_is_no_row():
    text = "2023年度临川市专精特新冠军企业名单公布。\n1　投资3亿元的临川瀚岳智能装备有限公司高新区项目\n"
    names = {"临川市专精特新冠军企业": "Policy", "临川瀚岳智能装备有限公司": "Enterprise"}
    assert _triples(text, names) == set()


def test_a_heading_after_the_last_row_starts_the_next_list():
    text = ("一、临川市专精特新冠军企业名单\n1　临川瀚岳智能装备有限公司　高新区二、临川市企业技术中心名单\n"
            "1　江西澄源微电子科技有限公司　经开区\n")
    names = {"临川市专精特新冠军企业": "Policy", "临川瀚岳智能装备有限公司": "Enterprise", "高新区": "Park",
             "临川市企业技术中心": "Policy", "江西澄源微电子科技有限公司": "Enterprise", "经开区": "Park"}
    found = _triples(text, names)
    assert ("临川瀚岳智能装备有限公司", "participatesIn", "临川市专精特新冠军企业") in found
    assert ("江西澄源微电子科技有限公司", "participatesIn", "临川市企业技术中心") in found
    assert ("江西澄源微电子科技有限公司", "participatesIn", "临川市专精特新冠军企业") not in found
