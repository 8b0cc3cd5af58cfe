"""jieba's dictionary tables (kg/text/gazetteer.py): part-of-speech tags and place names, cached
in the temporary folder the way jieba caches its own dictionary."""
from __future__ import annotations

import tempfile

from kg.text import gazetteer


def _fresh(monkeypatch, tmp_path):
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path))
    gazetteer.word_tags.cache_clear()
    gazetteer.place_names.cache_clear()


def test_tables_come_from_the_dictionary():
    assert gazetteer.word_tags()["洛阳"] == "ns"
    assert {"洛阳市", "洛阳"} <= gazetteer.place_names()
    assert "中国" not in gazetteer.place_names()  # no administrative suffix


def test_the_cache_is_made_once_and_read_back(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path)
    tags = gazetteer.word_tags()
    (cache,) = tmp_path.glob("kg-word-tags-*.marshal")
    monkeypatch.setattr(gazetteer, "_dictionary_entries", lambda: iter(()))  # dict.txt is not read again
    gazetteer.word_tags.cache_clear()
    assert gazetteer.word_tags() == tags and len(tags) > 300_000
    assert not list(tmp_path.glob("*.tmp"))


def test_a_damaged_cache_is_made_again(monkeypatch, tmp_path):
    _fresh(monkeypatch, tmp_path)
    places = gazetteer.place_names()
    (cache,) = tmp_path.glob("kg-place-names-*.marshal")
    cache.write_bytes(b"\x00garbage")
    gazetteer.place_names.cache_clear()
    assert gazetteer.place_names() == places
    assert cache.read_bytes() != b"\x00garbage"


def test_jieba_is_loaded_from_its_own_cache_as_jieba_loads_it(monkeypatch, tmp_path):
    import jieba

    reference = jieba.Tokenizer()
    reference.initialize()  # jieba's own way (makes the cache in the temporary folder if missing)
    fresh = jieba.Tokenizer()
    monkeypatch.setattr(jieba, "dt", fresh)
    gazetteer.load_jieba()
    assert fresh.initialized and fresh.total == reference.total and fresh.FREQ == reference.FREQ
    assert list(jieba.cut("中信重工在洛阳")) == list(reference.cut("中信重工在洛阳"))


def test_without_a_cache_jieba_initialises_itself(monkeypatch, tmp_path):
    import jieba

    fresh = jieba.Tokenizer()
    fresh.tmp_dir = str(tmp_path)  # no cache here yet
    monkeypatch.setattr(jieba, "dt", fresh)
    gazetteer.load_jieba()
    assert fresh.initialized and len(fresh.FREQ) > 300_000
    assert (tmp_path / "jieba.cache").is_file()  # made by jieba, for the next process
