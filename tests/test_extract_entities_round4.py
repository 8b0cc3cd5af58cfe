"""Round-4 extraction rules, on invented sentences (no corpus or gold text), with negatives."""
from __future__ import annotations

from conftest import mentions_in, text_document


def _relations(extractor, text: str) -> set[tuple[str, str, str]]:
    return {(r.head.name, r.relation, r.tail.name) for r in extractor.extract(text_document(text)).relations}


# --- company classes a programme selects (…后备企业, …龙头企业, 创新联合体) are Policies

def test_cultivated_company_class_is_policy(extractor):
    ms = mentions_in(extractor, "加强挂牌后备企业培育，推动华岳新材、金桥电子等企业加快挂牌进程。")
    assert ("挂牌后备企业", "Policy") in ms


def test_counted_company_class_is_policy_and_links_the_list(extractor):
    text = "支持华岳新材、金桥电子等9家数字领军企业开拓市场。"
    assert ("数字领军企业", "Policy") in mentions_in(extractor, text)
    rels = _relations(extractor, text)
    assert ("华岳新材", "participatesIn", "数字领军企业") in rels


def test_generic_company_class_is_not_policy(extractor):
    ms = mentions_in(extractor, "依托华岳新材、金桥电子等重点龙头企业，带动产业链发展。")
    assert not any(t == "Policy" and n.endswith("龙头企业") for n, t in ms)
    # a class word with no programme context is not a name either
    ms = mentions_in(extractor, "这些地方龙头企业经营良好。")
    assert not any(t == "Policy" for n, t in ms)


def test_innovation_consortium_is_policy(extractor):
    text = "整合华岳新材、金桥电子等骨干企业组建创新联合体。"
    assert ("创新联合体", "Policy") in mentions_in(extractor, text)
    assert ("金桥电子", "participatesIn", "创新联合体") in _relations(extractor, text)


# --- a framing clause at the start of a sentence frames the rest of it (up to ；)

def test_opening_programme_clause_frames_later_clauses(extractor):
    text = ("做好挂牌后备企业对接服务，推动华岳新材、金桥电子等企业加快挂牌进程，"
            "力争泰和精工、远航股份2家企业年内挂牌；支持明德科技开拓海外市场。")
    rels = _relations(extractor, text)
    assert ("华岳新材", "participatesIn", "挂牌后备企业") in rels
    assert ("远航股份", "participatesIn", "挂牌后备企业") in rels
    # not across the semicolon
    assert ("明德科技", "participatesIn", "挂牌后备企业") not in rels


# --- lines between two places, rail/road sections, urban renewal; counts are not names

def test_rail_section_and_time_word_boundary(extractor):
    assert ("沪宁高铁苏锡段", "Project") in mentions_in(extractor, "协调沪宁高铁苏锡段开工建设。")
    ms = mentions_in(extractor, "年底前沪蓉高速建成通车。")
    assert ("沪蓉高速", "Project") in ms and ("前沪蓉高速", "Project") not in ms
    # a station is not the line
    assert not any(n.endswith("高铁") for n, t in mentions_in(extractor, "完善提升城南高铁站功能。"))


def test_named_urban_renewal_is_project_generic_is_not(extractor):
    assert ("桃花坞城中村改造", "Project") in mentions_in(extractor, "桃花坞城中村改造顺利推进。")
    assert not any(t == "Project" for n, t in mentions_in(extractor, "同步谋划推进城中村改造。"))


def test_counted_kind_is_not_a_project(extractor):
    ms = mentions_in(extractor, "加快推进6条高速公路，打通12条断头路。")
    assert not any(t == "Project" for n, t in ms)


# --- institutions

def test_government_body_before_office_title(extractor):
    assert ("临江区人民政府", "Institution") in mentions_in(extractor, "临江区人民政府区长张某某")


def test_research_bodies_listed_as_research_forces(extractor):
    ms = mentions_in(extractor, "依托江南材料创新中心、某某大学智能装备实验室等科研力量，攻关关键技术。")
    assert ("江南材料创新中心", "Institution") in ms


def test_preposition_glued_to_admin_level_is_dropped(extractor):
    ms = mentions_in(extractor, "由区科技局牵头建立工作台账。")
    assert ("由区科技局", "Institution") not in ms


def test_precision_guards(extractor):
    # 高等学校 is not "等 + 学校"; a level word is not a programme qualifier; a product is not a line
    ms = mentions_in(extractor, "联合省内外企业、高等学校、科研院所开展攻关。")
    assert ("省内外企业", "Institution") not in ms
    ms = mentions_in(extractor, "支持华岳新材等市级以上龙头企业做大做强。")
    assert not any(t == "Policy" and "龙头企业" in n for n, t in ms)
    assert not any(n.endswith("高铁") for n, t in mentions_in(extractor, "推动华岳重工高铁轴承项目投产。"))
    assert ("城镇老旧小区改造", "Project") not in mentions_in(extractor, "实施城镇老旧小区改造。")
