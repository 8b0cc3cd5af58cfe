"""Relation rules on small hand-written sentences with hand-made mentions."""
from __future__ import annotations

import re

import pytest

from kg.extract.relations import extract_relations
from kg.model import Document, DocumentMeta, Mention
from kg.text import split_sentences


def doc_with(text: str, spans: list[tuple[str, str]], year: int | None = 2024) -> tuple[Document, list[Mention]]:
    """A Document for `text` and one Mention per (name, type), found left to right.

    A name listed twice is found at its second occurrence the second time; a name inside an
    earlier listed name is searched from that name's start (nested mentions).
    """
    sentences = split_sentences(text)
    doc = Document("t", "t.txt", text, text, list(range(len(text))), sentences, DocumentMeta("t", year=year))
    mentions, taken = [], set()
    for name, type_ in spans:
        start = next(m.start() for m in re.finditer(re.escape(name), text) if (m.start(), name) not in taken)
        taken.add((start, name))
        mentions.append(Mention(name, type_, start, start + len(name), doc.sentence_at(start).index, "test"))
    return doc, mentions


def triples(text, spans):
    doc, mentions = doc_with(text, spans)
    return {(r.head.name, r.relation, r.tail.name) for r in extract_relations(doc, mentions)}


def by_triple(text, spans):
    doc, mentions = doc_with(text, spans)
    return {(r.head.name, r.relation, r.tail.name): r for r in extract_relations(doc, mentions)}


E, P, K, Y, R = "Enterprise", "Project", "Park", "Policy", "Region"


def test_enterprise_nested_in_project_name_undertakes():
    rels = by_triple("加快建设华瑞重工智能铸造产业园。", [("华瑞重工智能铸造产业园", P), ("华瑞重工", E)])
    r = rels[("华瑞重工", "undertakes", "华瑞重工智能铸造产业园")]
    assert r.source == "name:nested" and r.confidence == 0.9
    assert r.sentence == 0


def test_similar_company_names_are_not_confused():
    got = triples("推进中航锂电储能三期建设，中航光电参加展会。",
                  [("中航锂电储能三期", P), ("中航锂电", E), ("中航光电", E)])
    assert ("中航锂电", "undertakes", "中航锂电储能三期") in got
    assert not any(h == "中航光电" for h, _, _ in got)


def test_project_prefix_by_company_known_elsewhere_in_document():
    text = "星河集团召开年会。星河智能仓储基地开工。"
    got = triples(text, [("星河集团", E), ("星河智能仓储基地", P)])
    assert ("星河集团", "undertakes", "星河智能仓储基地") in got


def test_site_of_old_factory_is_not_undertaking():
    got = triples("实施红星机械厂地块商业综合体项目。", [("红星机械厂地块商业综合体项目", P), ("红星机械厂", E)])
    assert not any(rel == "undertakes" for _, rel, _ in got)


def test_enterprise_subject_of_building_verb():
    got = triples("远达公司与东关街道合作建设500亩蔬菜基地，市政府表示支持。",
                  [("远达公司", E), ("东关街道", R), ("500亩蔬菜基地", P)])
    assert ("远达公司", "undertakes", "500亩蔬菜基地") in got


def test_building_verb_in_another_clause_does_not_link():
    got = triples("远达公司营收增长，蔬菜基地加快建设。", [("远达公司", E), ("蔬菜基地", P)])
    assert not got


def test_enumeration_selected_for_policy():
    got = triples("青松科技、白石软件等9家企业入选省级“专精特新”中小企业。",
                  [("青松科技", E), ("白石软件", E), ("专精特新", Y)])
    assert got == {("青松科技", "participatesIn", "专精特新"), ("白石软件", "participatesIn", "专精特新")}


def test_enumeration_counted_as_policy_category():
    rels = by_triple("鼓励甲乙重工、丙丁电气等12家创新龙头企业转型发展。",
                     [("甲乙重工", E), ("丙丁电气", E), ("创新龙头企业", Y)])
    assert rels[("丙丁电气", "participatesIn", "创新龙头企业")].source == "clause:counted"
    assert len(rels) == 2


def test_enterprises_and_policy_without_trigger_do_not_link():
    got = triples("青松科技和白石软件，“专精特新”。", [("青松科技", E), ("白石软件", E), ("专精特新", Y)])
    assert not got


def test_policy_in_another_clause_with_its_own_category_does_not_link():
    text = "实施“微成长”梯次培育，鼓励甲乙重工、丙丁电气等12家骨干龙头企业转型发展。"
    got = triples(text, [("微成长", Y), ("甲乙重工", E), ("丙丁电气", E)])
    assert not got


def test_topic_clause_frames_adjacent_clause_with_low_confidence():
    rels = by_triple("推行“园区合伙人”模式，远达公司与东关街道合作建设蔬菜基地。",
                     [("园区合伙人", Y), ("远达公司", E), ("东关街道", R), ("蔬菜基地", P)])
    r = rels[("远达公司", "participatesIn", "园区合伙人")]
    assert r.source == "clause:topic" and r.confidence == 0.5


def test_topic_does_not_cross_semicolon():
    got = triples("推行“园区合伙人”模式；远达公司营收增长。", [("园区合伙人", Y), ("远达公司", E)])
    assert not got


def test_project_list_part_of_programme_and_company_participates():
    text = "实施华瑞重工智能铸造、北辰纺织绿色车间等40个“三大改造”项目，完成投资30亿元。"
    got = triples(text, [("华瑞重工智能铸造", P), ("华瑞重工", E), ("北辰纺织绿色车间", P), ("北辰纺织", E),
                         ("三大改造", Y)])
    assert ("华瑞重工智能铸造", "partOf", "三大改造") in got
    assert ("北辰纺织绿色车间", "partOf", "三大改造") in got
    assert ("北辰纺织", "participatesIn", "三大改造") in got
    assert ("北辰纺织", "undertakes", "北辰纺织绿色车间") in got


def test_inside_a_park():
    got = triples("支持综保区内远达公司、青松科技等企业开展试点。",
                  [("综保区", K), ("远达公司", E), ("青松科技", E)])
    assert ("远达公司", "locatedIn", "综保区") in got and ("青松科技", "locatedIn", "综保区") in got


def test_moves_into_park_takes_nearest_subjects_only():
    got = triples("远达公司布局东城的首个项目星光中心入驻科创智慧岛。",
                  [("远达公司", E), ("东城", R), ("星光中心", P), ("科创智慧岛", K)])
    assert ("星光中心", "locatedIn", "科创智慧岛") in got
    assert ("远达公司", "locatedIn", "科创智慧岛") not in got
    assert ("远达公司", "locatedIn", "东城") not in got


def test_place_in_name_is_located_in_for_innermost_name():
    got = triples("洛川重工轴承生产线开工。", [("洛川重工轴承生产线", P), ("洛川重工", E), ("洛川", R)])
    assert ("洛川重工", "locatedIn", "洛川") in got
    assert ("洛川重工轴承生产线", "locatedIn", "洛川") not in got


@pytest.mark.parametrize("street", ["湖南路", "岳州路南延", "湘江东路改造", "株洲一路"])
def test_street_named_after_a_place_is_not_located_there(street):
    place = street[:2]
    assert not triples(f"提升改造{street}。", [(street, P), (place, R)])


def test_in_region_verb():
    got = triples("高新区、综保区等平台在东城交汇。", [("高新区", K), ("综保区", K), ("东城", R)])
    assert got == {("高新区", "locatedIn", "东城"), ("综保区", "locatedIn", "东城")}


def test_generic_bad_mentions_are_ignored():
    got = triples("科技产业社区加快建设。", [("科技产业社区", P), ("科技", E)])
    assert not got


@pytest.mark.parametrize("text", ["", "。", "没有任何名称的句子。"])
def test_no_mentions_no_relations(text):
    doc, mentions = doc_with(text, [])
    assert extract_relations(doc, mentions) == []
