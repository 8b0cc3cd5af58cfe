"""An analyst's corrections: parsed with FILE:LINE errors, applied while resolving, visible in every output."""
import json

import pytest

from documents import build_output_texts, names_lexicon
from kg import api
from kg.errors import KgError
from kg.resolve.corrections import parse_corrections

DOCUMENTS = {
    "a": "支持中信重工等企业参与专精特新培育计划。",
    "b": "中航光电高端互连科技产业社区建成投产。洛阳轴承集团股份有限公司风电轴承项目开工建设。",
}
CORRECTIONS = "\n".join([
    "# a false entity, a false relation, a missing relation",
    "reject\t洛阳\tRegion",
    "reject-relation\t中信重工\tparticipatesIn\t专精特新",
    "retype\t中航光电高端互连科技产业社区\tProject",
    "add-relation\t洛阳轴承集团股份有限公司\tundertakes\t中航光电高端互连科技产业社区\tb\t洛阳轴承集团股份有限公司风电轴承项目开工建设。",
]) + "\n"


@pytest.fixture
def corpus(tmp_path):
    for name, text in DOCUMENTS.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    return tmp_path


def build(corpus, out, corrections=None):
    return api.build([corpus / "a.txt", corpus / "b.txt"], out, [names_lexicon(corpus)], corrections=corrections)


def ids(graph, name):
    """The entities named `name` (or with it as an alias)."""
    return [n for n, attrs in graph.nodes(data=True) if name == attrs["label"] or name in attrs["aliases"]]


@pytest.mark.parametrize("line, message", [
    ("rejct\t甲", "F:2: unknown action 'rejct'"),
    ("reject", "F:2: reject takes NAME [TYPE] (tab-separated), got 0 value(s)"),
    ("reject\t甲\tCompany", "F:2: unknown type 'Company'"),
    ("retype\t甲", "F:2: retype takes NAME NEW_TYPE [TYPE]"),
    ("reject-relation\t甲\towns\t乙", "F:2: unknown relation 'owns'"),
    ("merge\t\t乙", "F:2: empty NAME"),
])
def test_a_malformed_line_is_named(line, message):
    with pytest.raises(KgError, match=message.replace("[", r"\[").replace("]", r"\]").replace("(", r"\(").replace(")", r"\)")):
        parse_corrections("# comment\n" + line + "\n", "F")


def test_false_entity_and_relation_leave_every_output(corpus, tmp_path):
    plain, corrected = tmp_path / "plain", tmp_path / "corrected"
    _, before, _ = build(corpus, plain)
    (corpus / "fix.tsv").write_text(CORRECTIONS, encoding="utf-8")
    result, after, _ = build(corpus, corrected, corpus / "fix.tsv")
    assert result.warnings == []
    [region] = ids(before, "洛阳")
    [citic] = ids(before, "中信重工")
    [policy] = ids(before, "专精特新")
    assert before.has_edge(citic, policy, "participatesIn") and region in before
    assert region not in after and not after.has_edge(citic, policy, "participatesIn")
    from kg.rdf.iris import fact_iri

    edge_id, iri = f"{citic}|participatesIn|{policy}", fact_iri(citic, "participatesIn", policy)
    for name, text in build_output_texts(plain).items():
        assert region in text or name == "a.json", name
    assert edge_id in build_output_texts(plain)["relations.csv"] and iri in build_output_texts(plain)["graph.nq"]
    for name, text in build_output_texts(corrected).items():
        assert region not in text and edge_id not in text and iri not in text, name
    relations = json.loads((corrected / "extractions" / "a.json").read_text(encoding="utf-8"))["relations"]
    assert relations == []


def test_corrected_facts_say_so_everywhere(corpus, tmp_path):
    (corpus / "fix.tsv").write_text(CORRECTIONS, encoding="utf-8")
    out = tmp_path / "out"
    _, graph, _ = build(corpus, out, corpus / "fix.tsv")
    [company] = ids(graph, "洛阳轴承集团股份有限公司")
    [community] = ids(graph, "中航光电高端互连科技产业社区")
    assert graph.nodes[community]["type"] == "Project" and graph.nodes[community]["also"] == []
    assert graph.nodes[community]["corrections"] == ["retyped from Park (correction, line 4)"]
    edge = graph.edges[company, community, "undertakes"]
    assert edge["corrections"] == ["added (correction, line 5)"]
    assert edge["evidence"][0]["source"] == "correction" and edge["evidence"][0]["confidence"] == 1.0
    texts = build_output_texts(out)
    for name in ("graph.nq", "graph.gexf", "entities.csv", "relations.csv", "graph.json", "b.json"):
        assert "added (correction, line 5)" in texts[name] or name == "entities.csv", name
        assert "retyped from Park (correction, line 4)" in texts[name] or name == "relations.csv", name
    assert "<https://w3id.org/kg-gov-cn/ontology#correction>" in texts["graph.nq"]


def test_merge_and_split(corpus, tmp_path):
    (corpus / "c.txt").write_text("中信重工机械股份有限公司智能制造项目开工。中信重工入选专精特新名单。", encoding="utf-8")
    (corpus / "fix.tsv").write_text("merge\t中航光电\t中信重工\nsplit\t中信重工机械股份有限公司\t中信重工\n",
                                    encoding="utf-8")
    _, before, _ = api.build([corpus / "a.txt", corpus / "b.txt", corpus / "c.txt"], tmp_path / "before")
    [citic] = ids(before, "中信重工")
    assert "中信重工机械股份有限公司" in before.nodes[citic]["aliases"]
    _, after, _ = api.build([corpus / "a.txt", corpus / "b.txt", corpus / "c.txt"], tmp_path / "after",
                            corrections=corpus / "fix.tsv")
    assert ids(after, "中航光电") == [citic]
    merged = after.nodes[citic]
    assert "中航光电" in merged["aliases"] and merged["corrections"] == ["merged with 中航光电 (correction, line 1)"]
    [split] = ids(after, "中信重工机械股份有限公司")
    assert split != citic and after.nodes[split]["corrections"] == ["split off 中信重工 (correction, line 2)"]
    assert "中信重工机械股份有限公司" not in merged["aliases"]


def test_corrections_are_kept_with_the_build(corpus, tmp_path):
    (corpus / "fix.tsv").write_text(CORRECTIONS, encoding="utf-8")
    full, grown = tmp_path / "full", tmp_path / "grown"
    build(corpus, full, corpus / "fix.tsv")
    api.build([corpus / "a.txt"], grown, [names_lexicon(corpus)], corrections=corpus / "fix.tsv")
    api.add([corpus / "b.txt"], grown)
    assert build_output_texts(grown) == build_output_texts(full)
    assert (grown / "corrections.tsv").read_text(encoding="utf-8") == CORRECTIONS
    _, graph, _ = build(corpus, full)  # no --corrections: the stored ones still apply
    assert ids(graph, "洛阳") == []


def test_corrections_that_find_nothing_are_warnings(corpus, tmp_path):
    (corpus / "fix.tsv").write_text("reject\t不存在\nadd-relation\t中信重工\tundertakes\t中航光电高端互连科技产业社区"
                                    "\tb\t没有这句话。\n", encoding="utf-8")
    result, _, _ = build(corpus, tmp_path / "out", corpus / "fix.tsv")
    assert result.warnings == [
        f"{corpus / 'fix.tsv'}:1: no entity named 不存在 in this build",
        f"{corpus / 'fix.tsv'}:2: no entity named 中航光电高端互连科技产业社区 fits undertakes",
    ]
