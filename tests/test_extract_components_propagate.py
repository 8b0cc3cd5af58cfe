"""kg_propagate: a name found once with good evidence is marked at its other occurrences
(invented sentences and companies)."""
from __future__ import annotations

from components import table_tests

FOUND = [
    ("支持蓝海微电、华岳新材等企业上市。蓝海微电全年营收增长。", "蓝海微电", "Enterprise"),
    # inside a project's name (kg_select keeps the nested mention of another type)
    ("支持星河精工、蓝海微电等企业发展。确保星河精工高端轴承产业基地建成投产。", "星河精工", "Enterprise"),
    ("印发《乡村建设行动实施方案》。乡村建设行动实施方案明确了目标。", "乡村建设行动实施方案", "Policy"),
]

NOT_FOUND = [
    # not inside a longer word: the occurrence must start a word
    ("支持华岳、翔鹭等企业上市。推进新华岳路改造。", "华岳", "Enterprise"),
    # projects and regions are never propagated
    ("确保西部云谷二期等30个重点项目完成投资。西部云谷二期年内投产。", None, "Project"),
]


test_proposes, test_does_not_propose = table_tests("propagate", FOUND, NOT_FOUND)


def test_every_occurrence_becomes_a_mention(extractor):
    from conftest import text_document

    text = "支持蓝海微电、华岳新材等企业上市。蓝海微电全年营收增长。"
    mentions = extractor.extract(text_document(text)).mentions
    second = text.rindex("蓝海微电")
    assert [(m.start, m.end) for m in mentions if m.name == "蓝海微电"] == [(2, 6), (second, second + 4)]
