"""The Python API (`import kg`): the README's examples and the module's docstring run as doctests."""
from __future__ import annotations

import doctest
import re
import subprocess
import sys

import pytest

import kg
from conftest import ROOT
from kg.errors import KgError

FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def _run_doctest(text: str, name: str) -> None:
    test = doctest.DocTestParser().get_doctest(text, {}, name, None, 0)
    assert test.examples, f"{name}: no examples found"
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    runner.run(test)
    assert runner.failures == 0, f"{name}: {runner.failures} example(s) failed (see the output above)"


def test_readme_python_api_examples(tmp_path, monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```pycon\n(.*?)```", section, re.S)
    assert blocks
    monkeypatch.chdir(tmp_path)
    _run_doctest("".join(blocks), "README.md Python API")
    assert (tmp_path / "demo" / "graph.json").is_file()


def test_module_docstring_examples():
    from kg import knowledge_graph

    _run_doctest(knowledge_graph.__doc__, "kg.knowledge_graph")


def test_import_kg_is_cheap_and_lists_the_api():
    code = "import sys, kg; print(sorted(m for m in ('spacy','networkx','pyoxigraph') if m in sys.modules), dir(kg))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.startswith("[]") and "'build_texts'" in out and "'load'" in out


def test_build_from_paths_in_a_temporary_folder(tmp_path):
    (tmp_path / "a.txt").write_text("中信重工、一拖集团等企业入选专精特新名单。", encoding="utf-8")
    built = kg.build([tmp_path / "a.txt"])
    assert built.folder.is_dir() and (built.folder / "graph.json").is_file()
    assert built.query("ASK { ?x a kg:Policy; skos:prefLabel ?label FILTER(STRSTARTS(STR(?label), \"专精特新\")) }") is True
    assert {r["company"] for r in built.links()} == {"中信重工", "中国一拖"}
    folder = built.folder
    del built
    assert not folder.exists()


def test_api_errors_are_kg_errors(tmp_path):
    with pytest.raises(KgError, match="document name"):
        kg.build_texts({"../x": "text"})
    with pytest.raises(KgError, match="graph.json: not found"):
        kg.load(tmp_path)
    with pytest.raises(AttributeError):
        kg.nothing_here
