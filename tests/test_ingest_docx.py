"""Word input: paragraphs and tables in document order."""
from documents import write_docx
from kg.ingest import read_document

PARAGRAPHS = ["关于推进重点项目建设的通知", "中信重工承建的矿山装备智能制造项目建成投产。"]
TABLE = [["项目名称", "建设单位"], ["风电轴承项目", "洛阳轴承集团股份有限公司"]]


def test_paragraphs_then_table_rows(tmp_path):
    raw = read_document(write_docx(tmp_path / "plan.docx", PARAGRAPHS, TABLE))
    assert raw.encoding == "docx" and raw.doc_id == "plan"
    assert raw.text.split("\n") == [*PARAGRAPHS, "项目名称，建设单位", "风电轴承项目，洛阳轴承集团股份有限公司"]


def test_not_a_word_file_is_one_clear_error(tmp_path):
    import pytest

    from kg.errors import KgError

    path = tmp_path / "fake.docx"
    path.write_bytes(b"PK\x03\x04 not a zip")
    with pytest.raises(KgError, match="fake.docx: not a readable Word"):
        read_document(path)
