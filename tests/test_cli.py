"""The command line: error paths give one line and a non-zero exit; help is instant."""
import os
import subprocess
import sys

import pytest

from documents import needs_cjk_font
from filesystems import run_on_small_disk, run_with_read_only

KG = [sys.executable, "-m", "kg"]
DOCUMENT = "洛阳市人民政府2024年工作报告\n中信重工投资50亿元建设智能制造产业园项目，项目已开工建设。\n"


def run(*args, cwd=None):
    return subprocess.run([*KG, *map(str, args)], capture_output=True, text=True, cwd=cwd)


def test_help_lists_the_commands():
    result = run("--help")
    assert result.returncode == 0
    for command in ("build", "extract", "eval", "query", "export", "stats", "validate", "serve"):
        assert command in result.stdout


def test_help_does_not_import_heavy_libraries():
    code = "import sys, kg.cli; print(sorted(m for m in ('spacy','jieba','rdflib','pyoxigraph','networkx') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("setup, message", [
    (lambda d: d / "missing.txt", "no such file or folder"),
    (lambda d: (d / "empty").mkdir() or d / "empty", "holds no documents"),
    (lambda d: (d / "bin.txt").write_bytes(b"\x00\x01\x02" * 100) and d / "bin.txt", "bin.txt: binary file"),
    (lambda d: (d / "gbk.txt").write_bytes(b"\xff\xfe\x81\x20" * 50) and d / "gbk.txt", "cannot decode"),
    (lambda d: (d / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0") and d / "old.doc", "old.doc: unsupported file type '.doc'"),
])
def test_bad_input_gets_one_line_and_nonzero_exit(tmp_path, setup, message):
    target = setup(tmp_path)
    result = run("extract", target, "--out", tmp_path / "out")
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_only_empty_files_is_an_error_with_a_warning(tmp_path):
    (tmp_path / "e.txt").write_text("\n", encoding="utf-8")
    result = run("extract", tmp_path / "e.txt", "--out", tmp_path / "out")
    assert result.returncode == 2
    assert "e.txt: empty file" in result.stderr or "no non-empty documents" in result.stderr


def test_malformed_lexicon_names_file_and_line(tmp_path):
    doc = tmp_path / "d.txt"
    doc.write_text("甲乙科技股份有限公司建成投产。", encoding="utf-8")
    lex = tmp_path / "lex.tsv"
    lex.write_text("Enterprise\t甲乙\nCompany\t丙丁\n", encoding="utf-8")
    result = run("extract", doc, "--out", tmp_path / "out", "--lexicon", lex)
    assert result.returncode == 2
    assert "lex.tsv:2: unknown type 'Company'" in result.stderr


def test_eval_on_missing_folder(tmp_path):
    result = run("eval", "--gold", tmp_path / "nope", "--pred", tmp_path)
    assert result.returncode == 2 and "no such folder" in result.stderr


def test_summary_snippet_centres_on_the_initiative():
    from kg.report import snippet

    sentence = "甲" * 80 + "某某项目" + "乙" * 80
    text = snippet(sentence, "某某项目", width=20)
    assert "某某项目" in text and text.startswith("…") and text.endswith("…")
    assert snippet("短句。", "无") == "短句。"


@needs_cjk_font
def test_a_folder_of_mixed_formats_builds_in_one_command(tmp_path):
    from documents import wrap, write_docx, write_html, write_pdf

    folder = tmp_path / "in"
    folder.mkdir()
    write_pdf(folder / "notice.pdf", [wrap(["支持中信重工等企业参与专精特新培育计划。"]), None])
    write_html(folder / "news.html", "某区召开推进会", "2024-03-05", ["中航光电高端互连科技产业社区建成投产。"])
    write_docx(folder / "plan.docx", ["洛阳轴承集团股份有限公司风电轴承项目开工建设。"])
    (folder / "report.txt").write_text("一拖集团入选专精特新名单。", encoding="utf-8")
    (folder / "notes.md").write_text("不读", encoding="utf-8")
    result = run("build", folder, "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == f"kg: warning: {folder / 'notice.pdf'}: page 2: no text layer: scanned? run OCR first; the other pages are read"
    names = sorted(p.stem for p in (tmp_path / "out" / "extractions").glob("*.json"))
    assert names == ["news", "notice", "plan", "report"]
    # the process ends without the interpreter's teardown: everything printed must still arrive
    assert result.stdout.startswith("kg build: 4 document(s) read")
    assert "Which companies appear in which initiatives" in result.stdout and result.stdout.rstrip().endswith("┘")


def test_add_and_remove_documents(tmp_path):
    for name, text in (("a", "一拖集团入选专精特新名单。"), ("b", "中航光电高端互连科技产业社区建成投产。")):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert run("build", tmp_path / "a.txt", "--out", out).returncode == 0
    added = run("add", tmp_path / "b.txt", "--to", out)
    assert added.returncode == 0, added.stderr
    assert "1 document(s) read, 1 taken from the cache" in added.stdout
    assert sorted(p.stem for p in (out / "extractions").iterdir()) == ["a", "b"]
    removed = run("remove", "a", "--from", out)
    assert removed.returncode == 0, removed.stderr
    assert sorted(p.stem for p in (out / "extractions").iterdir()) == ["b"]
    missing = run("remove", "a", "--from", out)
    assert missing.returncode == 2 and missing.stderr.startswith("kg: error: ") and "no document named a" in missing.stderr


def test_min_confidence_on_export_and_query(tmp_path):
    (tmp_path / "a.txt").write_text("支持中信重工等企业参与专精特新培育计划。中航光电高端互连科技产业社区建成投产。",
                                    encoding="utf-8")
    out = tmp_path / "out"
    assert run("build", tmp_path / "a.txt", "--out", out).returncode == 0
    rows = {}
    for threshold in ("0", "1"):  # every link's confidence is below 1 (the classifier's is a probability)
        query = run("query", "companies_initiatives", "--build", out, "--format", "csv", "--min-confidence", threshold)
        assert query.returncode == 0, query.stderr
        rows[threshold] = query.stdout.strip().splitlines()[1:]
        exported = run("export", "--build", out, "--format", "csv", "--out", tmp_path / f"e{threshold}.csv",
                       "--min-confidence", threshold)
        assert exported.returncode == 0, exported.stderr
    assert rows["0"] and rows["1"] == []
    edges = {t: (tmp_path / f"e{t}.edges.csv").read_text(encoding="utf-8").splitlines()[1:] for t in ("0", "1")}
    assert edges["0"] and edges["1"] == []
    assert run("export", "--build", out, "--format", "csv", "--out", tmp_path / "x.csv",
               "--min-confidence", "2").returncode == 2


def test_malformed_corrections_stop_the_build_before_it_starts(tmp_path):
    (tmp_path / "a.txt").write_text("一拖集团入选专精特新名单。", encoding="utf-8")
    (tmp_path / "fix.tsv").write_text("reject\t一拖集团\n\nretype\t一拖集团\tCompany\n", encoding="utf-8")
    result = run("build", tmp_path / "a.txt", "--out", tmp_path / "out", "--corrections", tmp_path / "fix.tsv")
    assert result.returncode == 2
    assert result.stderr == f"kg: error: {tmp_path / 'fix.tsv'}:3: unknown type 'Company' " \
                            "(one of Enterprise, Project, Park, Policy, Institution, Region)\n"


def assert_one_line_error(result, message: str, exit_code: int) -> None:
    assert result.returncode == exit_code, result.stderr
    assert result.stderr.startswith("kg: error: ") and message in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


@pytest.fixture
def document(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(DOCUMENT, encoding="utf-8")
    return path


def test_output_folder_taken_by_a_file(tmp_path, document):
    (tmp_path / "taken").write_text("mine", encoding="utf-8")
    assert_one_line_error(run("build", document, "--out", tmp_path / "taken"), "taken: is a file, not a folder", 2)
    assert (tmp_path / "taken").read_text(encoding="utf-8") == "mine"
    assert_one_line_error(run("extract", document, "--out", tmp_path / "taken" / "sub"),
                          "a file is in the way where a folder is needed", 1)


def test_build_on_a_read_only_folder(tmp_path, document):
    out = tmp_path / "ro"
    out.mkdir()
    result = run_with_read_only(out, [*KG, "build", document, "--out", out / "build"])
    assert_one_line_error(result, "read-only file system", 1)
    assert list(out.iterdir()) == []


def test_build_on_a_full_disk_leaves_no_half_written_file(tmp_path, document):
    disk = tmp_path / "disk"
    result = run_on_small_disk(disk, 24, [*KG, "build", document, "--out", disk / "build"])
    assert_one_line_error(result, "no space left on device", 1)
    assert list(disk.iterdir()) == []  # the tmpfs is gone with its namespace; nothing leaked outside it


def test_output_to_a_full_stream(tmp_path, document):
    run("extract", document, "--out", tmp_path / "ex")
    with open("/dev/full", "w") as full:
        result = subprocess.run([*KG, "eval", "--gold", tmp_path / "ex", "--pred", tmp_path / "ex"],
                                stdout=full, stderr=subprocess.PIPE, text=True)
    assert_one_line_error(result, "no space left on device", 1)


def test_undecodable_file_name(tmp_path, document):
    folder = tmp_path / "docs"
    folder.mkdir()
    os.rename(document, os.path.join(os.fsencode(folder), b"bad\xff.txt"))
    for target in (folder, os.fsdecode(os.path.join(os.fsencode(folder), b"bad\xff.txt"))):
        result = run("extract", target, "--out", tmp_path / "out")
        assert_one_line_error(result, "bad\\xff.txt: file name is not valid UTF-8", 2)
    assert not (tmp_path / "out").exists()


def test_line_and_record_separators_in_a_sentence_build(tmp_path):
    """U+2028, U+0085 and U+001C once split N-Quads lines and crashed kg build."""
    (tmp_path / "sep.txt").write_text("洛阳市2024年工作报告\n中信重工\u2028投资50亿元建设智能制造\x85产业园项目，项目\x1c已开工建设。\n",
                                      encoding="utf-8")
    result = run("build", tmp_path / "sep.txt", "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    query = run("query", "SELECT ?t WHERE { ?s kg:text ?t FILTER(CONTAINS(?t, \"\u2028\")) }", "--build", tmp_path / "out",
                "--format", "csv")
    assert query.returncode == 0 and "\u2028" in query.stdout and "\x85" in query.stdout, query.stderr
