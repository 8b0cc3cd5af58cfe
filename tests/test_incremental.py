"""Keeping a build: add and remove give the bytes of a full build; only new or changed documents are read."""
import pytest

from documents import needs_cjk_font, wrap, write_pdf
from kg import api
from kg.errors import KgError

DOCUMENTS = {
    "a": "支持中信重工等企业参与专精特新培育计划。",
    "b": "中航光电高端互连科技产业社区建成投产。",
    "c": "洛阳轴承集团股份有限公司风电轴承项目开工建设。一拖集团入选专精特新名单。",
}


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in DOCUMENTS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def files_of(out):
    return {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and "store" not in p.relative_to(out).parts}


def test_add_and_remove_equal_a_full_build(corpus, tmp_path):
    full, partial, smaller = tmp_path / "full", tmp_path / "partial", tmp_path / "smaller"
    api.build([corpus], full)
    api.build([corpus / "a.txt", corpus / "b.txt"], partial)
    result, _, _ = api.add([corpus / "c.txt"], partial)
    assert result.read == 1
    assert files_of(partial) == files_of(full)

    api.build([corpus / "a.txt", corpus / "b.txt"], smaller)
    result, _, _ = api.remove(["c"], full)
    assert result.read == 0
    assert files_of(full) == files_of(smaller)
    assert not (full / "extractions" / "c.json").exists()


def test_a_changed_document_is_read_again(corpus, tmp_path):
    out = tmp_path / "out"
    api.build([corpus], out)
    (corpus / "b.txt").write_text("中信重工承担智能制造示范项目。", encoding="utf-8")
    result, graph, _ = api.add([corpus / "b.txt"], out)
    assert result.read == 1
    labels = {graph.nodes[n]["label"] for n in graph}
    assert "中航光电" not in labels
    rebuilt = tmp_path / "rebuilt"
    assert api.build([corpus], rebuilt)[0].read == 3
    assert files_of(out) == files_of(rebuilt)
    assert api.build([corpus], rebuilt)[0].read == 0  # everything from the cache


def test_build_of_another_set_says_what_it_replaces(corpus, tmp_path):
    out = tmp_path / "out"
    api.build([corpus], out)
    result, _, _ = api.build([corpus / "a.txt"], out)
    assert any("replacing a build of 3 document(s); dropped: b, c" in w for w in result.warnings)
    assert sorted(p.name for p in (out / "extractions").iterdir()) == ["a.json"]
    assert len(list((out / "cache").iterdir())) == 1


def test_add_and_remove_refuse_what_they_cannot_do(corpus, tmp_path):
    with pytest.raises(KgError, match="not a kg build folder"):
        api.add([corpus / "a.txt"], tmp_path / "nothing")
    out = tmp_path / "out"
    api.build([corpus / "a.txt", corpus / "b.txt"], out)
    with pytest.raises(KgError, match="no document named zz in this build"):
        api.remove(["zz"], out)
    with pytest.raises(KgError, match="would leave no document"):
        api.remove(["a", "b"], out)


@needs_cjk_font
def test_pages_survive_the_cache(tmp_path):
    pdf = write_pdf(tmp_path / "notice.pdf", [wrap([DOCUMENTS["a"]]), wrap([DOCUMENTS["b"]])])
    first, second = tmp_path / "first", tmp_path / "second"
    api.build([pdf], first)
    api.build([pdf], second)
    (second / "graph.json").unlink()
    assert api.build([pdf], second)[0].read == 0
    assert files_of(first) == files_of(second)
    assert b'"page": 2' in (second / "graph.json").read_bytes()
