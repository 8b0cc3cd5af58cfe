"""The relation rules (kg/extract/relations/rules.py) on what the rule components find in invented
sentences: each case names the rule that must (or must not) link the two names."""
from __future__ import annotations

import pytest

from conftest import given_mentions, text_document

FOUND = [
    ("3月15日，瀚岳（赣州）新材料有限公司与章贡区人民政府签约年产5万吨高性能碳纤维复合材料项目。",
     ("瀚岳（赣州）新材料有限公司", "undertakes", "年产5万吨高性能碳纤维复合材料项目"), "clause:verb"),
    ("近日，江西岳川新能源科技股份有限公司年产10GWh储能电池项目在南康区开工建设。",
     ("江西岳川新能源科技股份有限公司", "undertakes", "年产10GWh储能电池项目"), "clause:adjacent"),
    ("近日，江西岳川新能源科技股份有限公司年产10GWh储能电池项目在南康区开工建设。",
     ("年产10GWh储能电池项目", "locatedIn", "南康区"), "clause:locate"),
    ("湖南澜辰智能科技有限公司投资建设的智能传感器生产基地落户长沙高新技术产业开发区。",
     ("湖南澜辰智能科技有限公司", "undertakes", "智能传感器生产基地"), "clause:verb"),
    ("湖南澜辰智能科技有限公司投资建设的智能传感器生产基地落户长沙高新技术产业开发区。",
     ("智能传感器生产基地", "locatedIn", "长沙高新技术产业开发区"), "clause:locate"),
    ("支持星河精工、蓝海微电等企业发展。确保星河精工高端轴承产业基地建成投产。",
     ("星河精工", "undertakes", "星河精工高端轴承产业基地"), "name:nested"),
    ("加快建设杭州湾智慧物流产业园项目，推进深圳光明科技产业基地建设。",
     ("深圳光明科技产业基地", "locatedIn", "深圳"), "name:nested"),
    ("苏州栖霞电子科技有限公司入选国家级专精特新“小巨人”企业名单。",
     ("苏州栖霞电子科技有限公司", "participatesIn", "专精特新“小巨人”企业"), "clause:trigger"),
    ("整合华岳新材、金桥电子等骨干企业组建创新联合体。", ("金桥电子", "participatesIn", "创新联合体"), "clause:trigger"),
    ("支持华岳新材、金桥电子等9家数字领军企业开拓市场。", ("华岳新材", "participatesIn", "数字领军企业"), "clause:counted"),
    # a framing clause that opens the sentence frames every clause up to the ；
    ("做好挂牌后备企业对接服务，推动华岳新材、金桥电子等企业加快挂牌进程，力争泰和精工、远航股份2家企业年内挂牌；"
     "支持明德科技开拓海外市场。", ("华岳新材", "participatesIn", "挂牌后备企业"), "clause:topic"),
    ("做好挂牌后备企业对接服务，推动华岳新材、金桥电子等企业加快挂牌进程，力争泰和精工、远航股份2家企业年内挂牌；"
     "支持明德科技开拓海外市场。", ("远航股份", "participatesIn", "挂牌后备企业"), "clause:topic"),
]

NOT_FOUND = [
    # not across the ；
    ("做好挂牌后备企业对接服务，推动华岳新材、金桥电子等企业加快挂牌进程；支持明德科技开拓海外市场。",
     ("明德科技", "participatesIn", "挂牌后备企业")),
    # a zone inside its own project is no place of it; a company is not where another name starts
    ("加快建设杭州湾智慧物流产业园项目。", ("杭州湾智慧物流产业园", "locatedIn", "杭州湾")),
    ("章贡区人民政府与瀚岳（赣州）新材料有限公司座谈。", ("瀚岳（赣州）新材料有限公司", "locatedIn", "章贡区")),
]


def _relations(extractor, text: str) -> dict[tuple[str, str, str], str]:
    return {(r.head.name, r.relation, r.tail.name): r.source for r in extractor.extract(text_document(text)).relations}


@pytest.mark.parametrize("text, triple, rule", FOUND)
def test_links(extractor, text, triple, rule):
    assert _relations(extractor, text).get(triple) == rule


@pytest.mark.parametrize("text, triple", NOT_FOUND)
def test_does_not_link(extractor, text, triple):
    assert triple not in _relations(extractor, text)


def _given(text: str, names: dict[str, str]) -> dict[tuple[str, str, str], str]:
    """extract_relations on `text` with one mention per occurrence of each name (name -> type)."""
    from kg.extract.relations import extract_relations

    document = text_document(text)
    return {(r.head.name, r.relation, r.tail.name): r.source
            for r in extract_relations(document, given_mentions(document, names))}


LIST_NAMES = {"省级农民专业合作社示范社": "Policy", "临川县青禾水稻种植专业合作社": "Enterprise",
              "临川县云雾茶叶专业合作社": "Enterprise", "临川县丰源生猪养殖专业合作社": "Enterprise"}


def test_items_opened_by_fenbieshi_take_part_in_the_policy_selected_before():
    text = "今年获评省级农民专业合作社示范社的有3家，分别是临川县青禾水稻种植专业合作社、临川县云雾茶叶专业合作社和临川县丰源生猪养殖专业合作社。"
    found = _given(text, LIST_NAMES)
    assert found.get(("临川县丰源生猪养殖专业合作社", "participatesIn", "省级农民专业合作社示范社")) == "list:introduced"


def test_items_take_part_in_the_policy_the_sentence_before_selects_into():
    text = ("近日，省农业农村厅公布2024年度省级农民专业合作社示范社名单。"
            "我县入选的3家合作社具体包括：临川县青禾水稻种植专业合作社、临川县云雾茶叶专业合作社和临川县丰源生猪养殖专业合作社。")
    found = _given(text, LIST_NAMES)
    assert found.get(("临川县青禾水稻种植专业合作社", "participatesIn", "省级农民专业合作社示范社")) == "list:introduced"


def test_no_selection_no_list():
    # the policy is named, but nobody is selected into it: the listed companies only attend a meeting
    text = ("会议部署了省级农民专业合作社示范社创建工作。"
            "参会的合作社包括：临川县青禾水稻种植专业合作社、临川县云雾茶叶专业合作社和临川县丰源生猪养殖专业合作社。")
    found = _given(text, LIST_NAMES)
    assert ("临川县青禾水稻种植专业合作社", "participatesIn", "省级农民专业合作社示范社") not in found


PLACE_NAMES = {"常州恒远汽车零部件有限公司": "Enterprise", "常州市": "Region", "海盐经济开发区": "Park", "海盐县": "Region",
               "常州大道改造工程": "Project"}


@pytest.mark.parametrize("text, triple, found", [
    ("常州恒远汽车零部件有限公司投资建设新工厂。常州市今年新签约项目20个。",
     ("常州恒远汽车零部件有限公司", "locatedIn", "常州市"), "name:place"),
    ("海盐经济开发区新入园企业5家，海盐县工业增长一成。", ("海盐经济开发区", "locatedIn", "海盐县"), "name:place"),
    # a project is named after its place only every other time: left to the sentence
    ("常州大道改造工程开工。常州市今年新签约项目20个。", ("常州大道改造工程", "locatedIn", "常州市"), None),
    # the place must be one the document names
    ("常州恒远汽车零部件有限公司投资建设新工厂。", ("常州恒远汽车零部件有限公司", "locatedIn", "常州市"), None),
])
def test_an_enterprise_or_park_is_in_the_place_its_name_begins_with(text, triple, found):
    names = {name: type_ for name, type_ in PLACE_NAMES.items() if name in text}
    assert _given(text, names).get(triple) == found
