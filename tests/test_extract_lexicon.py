"""Lexicon files (kg/extract/lexicon.py): the bundled ones and a user's, with errors by file and line."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import KgError
from kg.extract.lexicon import load_lexicons, parse_lexicon


def test_lexicon_error_has_file_and_line(tmp_path: Path):
    bad = tmp_path / "mine.tsv"
    bad.write_text("Enterprise\t星河精工\n# comment\nCompany\t某某\n", encoding="utf-8")
    with pytest.raises(KgError, match=r"mine\.tsv:3: unknown type"):
        parse_lexicon(bad)
    cols = tmp_path / "cols.tsv"
    cols.write_text("Enterprise 星河精工\n", encoding="utf-8")
    with pytest.raises(KgError, match=r"cols\.tsv:1: expected"):
        load_lexicons([cols])


def test_bundled_lexicons_parse():
    lexicon = load_lexicons([])
    assert len(lexicon.entries) > 200
    assert {"Enterprise", "Policy", "Institution", "Region"} <= {e.type for e in lexicon.entries}
