"""Completing 、-lists the model read only in part, brands cut back to the document's own names,
and well-known names kept whole (kg.extract.model.tagger)."""
from __future__ import annotations

import pytest

from kg.extract.model.tagger import complete_lists, trim_to_document_names, with_known_names
from kg.model import Mention


def _mentions(text: str, spans: list[tuple[str, str]]) -> list[Mention]:
    out = []
    for name, type_ in spans:
        start = text.index(name)
        out.append(Mention(name, type_, start, start + len(name), 0, "model:org", 0.9))
    return out


@pytest.mark.parametrize("text, found, added", [
    # an item between two companies is a company
    ("星澜科技、青禾新材、远帆电子入选省级专精特新中小企业。",
     [("星澜科技", "Enterprise"), ("远帆电子", "Enterprise")], [("青禾新材", "Enterprise")]),
    # each gap of a longer list
    ("甲乙机械、丙丁化工、戊己食品、庚辛纺织、壬癸电子获评瞪羚企业。",
     [("甲乙机械", "Enterprise"), ("戊己食品", "Enterprise"), ("壬癸电子", "Enterprise")],
     [("丙丁化工", "Enterprise"), ("庚辛纺织", "Enterprise")]),
    # neighbours of different types: nothing to infer
    ("星澜科技、青禾新材、远帆产业园。", [("星澜科技", "Enterprise"), ("远帆产业园", "Park")], []),
    # the first or last item has only one neighbour: left alone
    ("青禾新材、星澜科技入选。", [("星澜科技", "Enterprise")], []),
    # an item that is not a name (punctuation, a number-only clause, too long)
    ("星澜科技、“新”、远帆电子。", [("星澜科技", "Enterprise"), ("远帆电子", "Enterprise")], []),
    ("星澜科技、" + "长" * 30 + "、远帆电子。", [("星澜科技", "Enterprise"), ("远帆电子", "Enterprise")], []),
    # already a mention of that type
    ("星澜科技、青禾新材、远帆电子。",
     [("星澜科技", "Enterprise"), ("青禾新材", "Enterprise"), ("远帆电子", "Enterprise")], []),
])
def test_complete_lists(text, found, added):
    mentions = _mentions(text, found)
    result = complete_lists(text, mentions)
    new = [(m.name, m.type) for m in result if m.source == "model:list"]
    assert new == added
    assert all(m.confidence == 0.9 for m in result)
    assert len(result) == len(mentions) + len(added)


def _at(text: str, name: str, type_: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Mention(name, type_, start, start + len(name), 0, "model:org", 0.9)


@pytest.mark.parametrize("text, mentions, names", [
    # the brand stands alone elsewhere: the product after it is not part of the company's name
    ("岚峰重工荣膺单项冠军。岚峰重工大型锻压机项目开工。",
     [("岚峰重工荣膺", "Enterprise", 0), ("岚峰重工大型锻压机", "Enterprise", 0), ("岚峰重工", "Enterprise", 0)],
     ["岚峰重工", "岚峰重工", "岚峰重工"]),
    # a legal name is a name of its own
    ("岚峰重工集团有限公司成立。岚峰重工投产。",
     [("岚峰重工集团有限公司", "Enterprise", 0), ("岚峰重工", "Enterprise", 1)], ["岚峰重工集团有限公司", "岚峰重工"]),
    # nothing shorter in the document, or another type: left alone
    ("岚峰重工大型锻压机项目开工。", [("岚峰重工大型锻压机", "Enterprise", 0)], ["岚峰重工大型锻压机"]),
    ("岚峰产业园建成，岚峰入园。", [("岚峰产业园", "Park", 0), ("岚峰", "Enterprise", 0)], ["岚峰产业园", "岚峰"]),
])
def test_enterprise_names_are_trimmed_to_the_documents_own_brand(text, mentions, names):
    found = [_at(text, name, type_, nth) for name, type_, nth in mentions]
    result = trim_to_document_names(text, found)
    assert [m.name for m in result] == names
    for before, after in zip(found, result):
        assert text[after.start:after.end] == after.name
        assert after.source == ("model:brand" if after.name != before.name else before.source)


def _known(text: str, name: str, type_: str) -> Mention:
    start = text.index(name)
    return Mention(name, type_, start, start + len(name), 0, "lexicon", 0.9)


@pytest.mark.parametrize("text, found, known, names", [
    # the model ran a known company's name into the project named after it
    ("建设天岳重工新材料产业园。", [("天岳重工新", "Enterprise"), ("天岳重工新材料产业园", "Project")],
     [("天岳重工", "Enterprise")], [("天岳重工", "Enterprise"), ("天岳重工新材料产业园", "Project")]),
    # the model began inside a known name
    ("推动新天岳风电轴承项目投产。", [("天岳", "Enterprise"), ("新天岳风电轴承", "Project")],
     [("新天岳", "Enterprise")], [("新天岳", "Enterprise"), ("新天岳风电轴承", "Project")]),
    # a branch, or a group inside a project name, is a name of its own
    ("天岳银行云溪支行发放贷款。", [("天岳银行云溪支行", "Enterprise")], [("天岳银行", "Enterprise")],
     [("天岳银行云溪支行", "Enterprise")]),
    ("天岳集团云溪光伏项目开工。", [("天岳集团", "Enterprise"), ("天岳集团云溪光伏", "Project")],
     [("天岳", "Enterprise")], [("天岳集团", "Enterprise"), ("天岳集团云溪光伏", "Project")]),
    ("天岳云溪铜加工智能工厂项目开工。", [("天岳云溪铜加工", "Enterprise"), ("天岳云溪铜加工智能工厂", "Project")],
     [("天岳", "Enterprise")], [("天岳云溪铜加工", "Enterprise"), ("天岳云溪铜加工智能工厂", "Project")]),
    # a known name the model left out is a mention; a short one is not (another word, often)
    ("深入实施天岳振兴战略。", [], [("天岳振兴战略", "Policy")], [("天岳振兴战略", "Policy")]),
    ("种植有机小米。", [], [("小米", "Enterprise")], []),
    # a known name inside a mention of the model stays out
    ("天岳振兴示范村名单公布。", [("天岳振兴示范村", "Policy")], [("天岳振兴", "Policy")],
     [("天岳振兴示范村", "Policy")]),
])
def test_well_known_names_are_kept_whole(text, found, known, names):
    result = with_known_names(_mentions(text, found), [_known(text, n, t) for n, t in known])
    assert [(m.name, m.type) for m in result] == names
    assert all(text[m.start:m.end] == m.name for m in result)
