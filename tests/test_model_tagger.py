"""Completing 、-lists the model read only in part, and brands cut back to the document's own names
(kg.extract.model.tagger)."""
from __future__ import annotations

import pytest

from kg.extract.model.tagger import complete_lists, trim_to_document_names
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
