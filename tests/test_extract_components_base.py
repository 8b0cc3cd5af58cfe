"""Helpers shared by the components (kg/extract/components/base.py): where a name ending in a head
begins, read from the segmentation (invented sentences)."""
from __future__ import annotations

import pytest

from kg.extract.components.base import has_name_token, name_start

from conftest import text_document

# (sentence, the head, the name that ends in it)
NAMES = [
    # governing verbs, function words and glued prepositions end the name
    ("重点加强对原高新区偏远学校的帮扶力度。", "高新区", "高新区"),
    ("充分发挥自贸区作用。", "自贸区", "自贸区"),
    ("由区科技局牵头建立工作台账。", "科技局", "区科技局"),
    ("加快建设龙泉科技城。", "科技城", "龙泉科技城"),
    # a compass word split from the rest of a name opens it
    ("确保西部云谷二期完成投资。", "二期", "西部云谷二期"),
    # a verb after its object noun is part of the name
    ("开展重大项目建设攻坚行动。", "行动", "重大项目建设攻坚行动"),
    # a unit word after a name piece is a noun inside the name
    ("推动中岳光谷微米光电零部件投产。", "零部件", "中岳光谷微米光电零部件"),
]


@pytest.mark.parametrize("text, head, name", NAMES)
def test_name_start(extractor, text, head, name):
    doc = extractor.analyse(text_document(text))
    head_start = text.index(head)
    end = head_start + len(head)
    assert text[name_start(doc, head_start) : end] == name


@pytest.mark.parametrize("words, named", [
    (["巍澜", "科技"], True),        # a word out of the dictionary
    (["KX7"], True),                # Latin letters and digits
    (["现代", "农业"], False),      # ordinary words
    (["重点", "项目"], False),
])
def test_has_name_token(words, named):
    assert has_name_token(words) is named
