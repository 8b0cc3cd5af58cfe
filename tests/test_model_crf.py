"""The numpy CRF decoder (kg/extract/model/crf.py): it reads crfsuite's model files and must tag
exactly as crfsuite does; checked against brute force on a hand-made CRF and against pycrfsuite's
own tagger on the shipped model."""
from __future__ import annotations

import itertools

import numpy as np
import pytest

from kg.errors import KgError
from kg.extract.model.crf import ChainCRF, LayerTaggers, read_crfsuite
from kg.extract.model.layers import LAYERS
from kg.extract.model.store import default_model_path, entity_file

from conftest import text_document


def _brute_force(crf: ChainCRF, features: list[list[str]]):
    """Best sequence and per-position marginals by enumerating every labelling."""
    index = {a: i for i, a in enumerate(crf.attributes)}
    state = np.array([[sum(crf.state[index[f], j] for f in fs if f in index) for j in range(len(crf.labels))]
                      for fs in features])
    scores = {}
    for seq in itertools.product(range(len(crf.labels)), repeat=len(features)):
        scores[seq] = sum(state[t, y] for t, y in enumerate(seq)) + sum(
            crf.transition[a, b] for a, b in zip(seq, seq[1:]))
    best = max(scores, key=lambda s: (scores[s], [-y for y in s]))  # ties: lowest labels first
    z = sum(np.exp(v) for v in scores.values())
    marginal = [sum(np.exp(v) for s, v in scores.items() if s[t] == best[t]) / z for t in range(len(features))]
    return list(best), marginal


def _toy() -> dict[str, ChainCRF]:
    rng = np.random.default_rng(7)
    attributes = ("a", "b", "c")
    return {
        "two": ChainCRF(("X", "Y"), attributes, rng.normal(size=(3, 2)), rng.normal(size=(2, 2))),
        "three": ChainCRF(("P", "Q", "R"), attributes, rng.normal(size=(3, 3)), rng.normal(size=(3, 3))),
    }


def _encode(taggers: LayerTaggers, features: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
    """(character, attribute id) of every feature string some layer knows, one list per character."""
    pairs = [(row, taggers.index[f]) for row, fs in enumerate(features) for f in fs if f in taggers.index]
    return np.array([r for r, _ in pairs], np.intp), np.array([i for _, i in pairs], np.intp)


def _tag(taggers: LayerTaggers, features: list[list[str]], spans):
    return taggers.tag(len(features), *_encode(taggers, features), spans)


def test_viterbi_and_marginals_equal_brute_force_over_sequences_of_every_length():
    crfs = _toy()
    taggers = LayerTaggers(crfs)
    features = [["a"], ["b", "c"], ["c", "zzz"], [], ["a", "a"], ["b"], ["c"], ["a", "b"], ["b"]]
    spans = [(0, 4), (4, 5), (5, 9)]  # lengths 4, 1, 4: sequences end at different steps
    result = _tag(taggers, features, spans)
    for layer, crf in crfs.items():
        for s, e in spans:
            best, marginal = _brute_force(crf, features[s:e])
            assert result[layer].best[s:e].tolist() == best
            assert np.allclose(result[layer].marginal[s:e], marginal, atol=1e-12)


def test_ties_go_to_the_lowest_label_as_in_crfsuite():
    crf = ChainCRF(("A", "B"), ("x",), np.zeros((1, 2)), np.zeros((2, 2)))
    result = _tag(LayerTaggers({"flat": crf}), [["x"]] * 3, [(0, 3)])
    assert result["flat"].best.tolist() == [0, 0, 0]
    assert np.allclose(result["flat"].marginal, 0.5)


def test_characters_outside_every_sequence_get_nothing():
    result = _tag(LayerTaggers(_toy()), [["a"]] * 4, [(1, 3), (3, 3)])
    assert result["two"].marginal[0] == result["two"].marginal[3] == 0.0


def test_unreadable_model_files_are_refused(tmp_path):
    text = tmp_path / "m.crfsuite"
    text.write_text("not a model", encoding="utf-8")
    with pytest.raises(KgError, match="not a model file"):
        read_crfsuite(text)
    real = (default_model_path() / entity_file("org")).read_bytes()
    truncated = tmp_path / "t.crfsuite"
    truncated.write_bytes(real[: len(real) // 2])
    with pytest.raises(KgError, match="not a model file"):
        read_crfsuite(truncated)


def test_the_shipped_model_tags_as_crfsuite_tags(extractor):
    """Same labels, same marginals as pycrfsuite's tagger, sentence by sentence, every layer."""
    import pycrfsuite

    from kg.extract.components.base import candidates, doc_tokens
    from kg.extract.model.features import char_features

    document = text_document(
        "2023年，青溪区新签约项目42个，其中星澜新材料年产5万吨电池隔膜项目、蓝湾智能装备产业园一期开工建设。"
        "蓝湾科技股份有限公司、海岳食品入选省级专精特新中小企业名单。\n"
        "加快推进滨江大道南延、青溪路跨河大桥建设，完成老旧小区改造12个。"
        "支持星澜新材料申报国家级绿色工厂，推动“3+2”现代产业体系建设。")
    doc = extractor.analyse(document)
    tokens = doc_tokens(doc)
    features = char_features(document.text, tokens.starts, tokens.ends, candidates(doc), doc._.kg_mentions)
    strings = features.strings()
    crfs = {layer: read_crfsuite(default_model_path() / entity_file(layer)) for layer in LAYERS}
    taggers = LayerTaggers(crfs)
    rows, ids = features.encode(taggers.index.get)
    assert len(ids) > 10 * len(document.text)
    assert sorted(zip(rows.tolist(), ids.tolist())) == sorted(zip(*(a.tolist() for a in _encode(taggers, strings))))
    result = taggers.tag(len(document.text), rows, ids, [(s.start, s.end) for s in document.sentences])
    compared = 0
    for layer in LAYERS:
        reference = pycrfsuite.Tagger()
        reference.open(str(default_model_path() / entity_file(layer)))
        for s in document.sentences:
            if s.end == s.start:
                continue
            tags = reference.tag(strings[s.start:s.end])
            assert [crfs[layer].labels[i] for i in result[layer].best[s.start:s.end]] == tags
            expected = [reference.marginal(tag, k) for k, tag in enumerate(tags)]
            assert np.allclose(result[layer].marginal[s.start:s.end], expected, atol=1e-9)
            compared += 1
    assert compared >= 3 * 3
