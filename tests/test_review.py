"""kg review: a sheet to mark, and the marks applied as corrections to every output."""
import csv

import pytest
from openpyxl import load_workbook

from documents import build_output_texts, names_lexicon
from kg import api
from kg.errors import KgError

DOCUMENTS = {
    "a": "支持中信重工等企业参与专精特新培育计划。",
    "b": "中航光电高端互连科技产业社区建成投产。洛阳轴承集团股份有限公司风电轴承项目开工建设。",
}


@pytest.fixture
def build(tmp_path):
    for name, text in DOCUMENTS.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    api.build([tmp_path / "a.txt", tmp_path / "b.txt"], out, [names_lexicon(tmp_path)])
    return out


def mark(book, sheet, column, value, decision, extra=None):
    """Set the decision (and other cells) of the row whose `column` is `value`."""
    rows = list(book[sheet].iter_rows())
    header = [c.value for c in rows[0]]
    for row in rows[1:]:
        if row[header.index(column)].value == value:
            row[header.index("decision")].value = decision
            for key, cell_value in (extra or {}).items():
                row[header.index(key)].value = cell_value
            return
    raise AssertionError(f"no row with {column} = {value}")


def test_sheets_hold_entities_and_links_with_evidence(build):
    written = api.review(build)
    assert [p.name for p in written] == ["review.xlsx", "review-entities.csv", "review-links.csv"]
    book = load_workbook(build / "review.xlsx")
    assert book.sheetnames == ["entities", "links", "help"]
    links = list(book["links"].iter_rows(values_only=True))
    assert links[0][:4] == ("decision", "company", "relation", "initiative")
    assert ("keep", "中信重工", "participatesIn", "专精特新", "Policy", DOCUMENTS["a"], "a") == links[1][:7]
    raw = (build / "review-links.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "中信重工".encode() in raw
    entities = list(csv.DictReader((build / "review-entities.csv").open(encoding="utf-8-sig")))
    assert {row["decision"] for row in entities} == {"keep"} and all(row["evidence"] for row in entities)


def test_marked_workbook_removes_the_entity_and_relation_everywhere(build, tmp_path):
    api.review(build)
    before = build_output_texts(build)
    book = load_workbook(build / "review.xlsx")
    mark(book, "entities", "name", "洛阳市", "reject")
    mark(book, "links", "company", "中信重工", "reject")
    mark(book, "entities", "name", "中航光电高端互连科技产业社区", "retype", {"value": "Project"})
    edited = tmp_path / "edited.xlsx"
    book.save(edited)
    added, (result, graph, _) = api.apply_review(build, edited)
    assert added == ["retype\t中航光电高端互连科技产业社区\tProject\tPark", "reject\t洛阳市\tRegion",
                     "reject-relation\t中信重工\tparticipatesIn\t专精特新"]
    assert result.warnings == []
    labels = {attrs["label"]: node for node, attrs in graph.nodes(data=True)}
    assert "洛阳市" not in labels and graph.nodes[labels["中航光电高端互连科技产业社区"]]["type"] == "Project"
    assert not graph.has_edge(labels["中信重工"], labels["专精特新"])
    from kg.rdf.iris import fact_iri

    region = next(line.split()[0] for line in before["graph.nq"].splitlines() if "洛阳市" in line)
    citic, policy = labels["中信重工"], labels["专精特新"]
    gone = (region, f"{citic}|participatesIn|{policy}", fact_iri(citic, "participatesIn", policy))
    assert all(any(g in text for text in before.values()) for g in gone)
    for name, text in build_output_texts(build).items():
        assert not any(g in text for g in gone), name
    assert api.apply_review(build, edited)[0] == []  # applied once only
    assert (build / "corrections.tsv").read_text(encoding="utf-8").count("\n") == 3


def test_marked_csv_adds_a_relation(build):
    api.review(build)
    path = build / "review-links.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8-sig")))
    rows.append({**rows[0], "decision": "add", "company": "洛阳轴承集团股份有限公司"})
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, rows[0].keys())
        writer.writeheader()
        writer.writerows(rows)
    added, (result, graph, _) = api.apply_review(build, path)
    assert added == ["add-relation\t洛阳轴承集团股份有限公司\tparticipatesIn\t专精特新\ta\t" + DOCUMENTS["a"]]
    assert result.warnings == []
    labels = {attrs["label"]: node for node, attrs in graph.nodes(data=True)}
    edge = graph.edges[labels["洛阳轴承集团股份有限公司"], labels["专精特新"], "participatesIn"]
    assert edge["corrections"] == ["added (correction, line 1)"] and edge["evidence"][0]["doc"] == "a"


def test_a_bad_mark_is_named_by_its_row(build, tmp_path):
    api.review(build)
    book = load_workbook(build / "review.xlsx")
    mark(book, "entities", "name", "中信重工", "delete")
    book.save(tmp_path / "bad.xlsx")
    with pytest.raises(KgError, match=r"bad.xlsx:entities:\d+: unknown decision 'delete'"):
        api.apply_review(build, tmp_path / "bad.xlsx")
    book = load_workbook(build / "review.xlsx")
    mark(book, "entities", "name", "中信重工", "retype", {"value": "Company"})
    book.save(tmp_path / "bad.xlsx")
    with pytest.raises(KgError, match=r"bad.xlsx:entities:\d+: unknown type 'Company'"):
        api.apply_review(build, tmp_path / "bad.xlsx")
