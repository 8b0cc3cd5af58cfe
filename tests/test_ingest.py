import pytest

from kg.errors import KgError
from kg.ingest import collect_inputs, read_document


def test_reads_utf8_bom_and_gb18030(tmp_path):
    text = "中航光电科技股份有限公司建成投产。"
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(text.encode("gb18030"))
    a = read_document(tmp_path / "a.txt")
    b = read_document(tmp_path / "b.txt")
    assert a.text == text and a.encoding == "utf-8"
    assert b.text == text and b.encoding == "gb18030"
    assert a.doc_id == "a"


def test_empty_file_is_skipped(tmp_path):
    (tmp_path / "e.txt").write_text("  \n\n", encoding="utf-8")
    assert read_document(tmp_path / "e.txt") is None


def test_binary_file_is_refused_by_name(tmp_path):
    path = tmp_path / "img.txt"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(KgError, match="img.txt: binary"):
        read_document(path)


def test_undecodable_file_is_refused(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes("正常".encode() + b"\xff\xfe\xfd\x81" * 3)
    with pytest.raises(KgError, match="bad.txt: cannot decode"):
        read_document(path)


def test_huge_file_is_refused(tmp_path, monkeypatch):
    import kg.ingest.read as read

    monkeypatch.setattr(read, "MAX_BYTES", 10)
    path = tmp_path / "big.txt"
    path.write_text("中" * 20, encoding="utf-8")
    with pytest.raises(KgError, match="larger than"):
        read.read_document(path)


def test_collect_inputs_expands_folders_and_reports_missing(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "x.txt").write_text("甲", encoding="utf-8")
    (tmp_path / "d" / "notes.md").write_text("乙", encoding="utf-8")
    assert [p.name for p in collect_inputs([tmp_path / "d"])] == ["x.txt"]
    with pytest.raises(KgError, match="no such file"):
        collect_inputs([tmp_path / "missing"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(KgError, match="holds no documents"):
        collect_inputs([tmp_path / "empty"])
