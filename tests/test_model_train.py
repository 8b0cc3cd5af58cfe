"""Training, loading and cross-validating the learned entity tagger on three invented gold documents
(tests/data/mini), and the CLI around it (`kg train`, `kg eval --cv`, `--model`)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import KgError
from kg.extract.model import LAYERS, load_model
from kg.extract.model.store import META, RELATIONS, entity_file

MINI = Path(__file__).parent / "data" / "mini"


def _kg(*args, cwd=None):
    return subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd)


@pytest.fixture(scope="module")
def mini_examples():
    from kg.extract.model.train import prepare_examples, read_gold

    return prepare_examples(read_gold([MINI]))


@pytest.fixture(scope="module")
def mini_model(mini_examples, tmp_path_factory):
    from kg.extract.model.train import fit

    return fit(mini_examples, tmp_path_factory.mktemp("model") / "mini")


def test_read_gold_finds_texts_and_names_the_group():
    from kg.extract.model.train import read_gold

    golds = read_gold([MINI])
    assert [g.document.doc_id for g in golds] == ["mini-a", "mini-b", "mini-c"]
    assert {g.group for g in golds} == {"mini"}
    assert read_gold([MINI / "gold"])[0].group == "mini"


def test_examples_carry_labels_for_every_layer(mini_examples):
    a = mini_examples[0]
    text = a.source.document.text
    start = text.index("星澜新材料有限公司")
    assert a.labels["org"][start] == "B-Enterprise"
    assert a.labels["initiative"][text.index("星澜新材料年产")] == "B-Project"
    assert len(a.features.strings()) == a.features.size == len(text)
    assert a.labels["place"][text.index("青溪经济开发区")] == "B-Park"


def test_fit_writes_a_model_that_loads_and_describes_itself(mini_model):
    for layer in LAYERS:
        assert (mini_model / entity_file(layer)).stat().st_size > 0
    meta = json.loads((mini_model / META).read_text(encoding="utf-8"))
    assert meta["documents"] == ["mini-a", "mini-b", "mini-c"]
    model = load_model(mini_model)
    assert set(model.taggers.crfs) == set(LAYERS)
    assert model.relations is not None and meta["relation_params"]


def test_a_model_without_a_relation_classifier_leaves_relations_to_the_rules(mini_model, tmp_path):
    import shutil

    from kg.extract import Extractor
    from kg.ingest import read_document
    from kg.text import prepare

    folder = tmp_path / "entities-only"
    shutil.copytree(mini_model, folder)
    (folder / RELATIONS).unlink()
    assert load_model(folder).relations is None
    document = prepare(read_document(MINI / "texts" / "mini-a.txt"))
    sources = {r.source for r in Extractor(model_path=folder).extract(document).relations}
    assert sources and not any(s.startswith("model:") for s in sources)
    with_classifier = {r.source for r in Extractor(model_path=mini_model).extract(document).relations}
    assert "model:relation" in with_classifier


def test_training_is_deterministic(mini_examples, mini_model, tmp_path):
    from kg.extract.model.train import fit

    again = fit(mini_examples, tmp_path / "again")
    for name in [entity_file(layer) for layer in LAYERS] + [RELATIONS]:
        assert (again / name).read_bytes() == (mini_model / name).read_bytes()


def test_a_model_trained_on_a_document_finds_its_entities(mini_model):
    from kg.extract import Extractor
    from kg.ingest import read_document
    from kg.text import prepare

    extraction = Extractor(model_path=mini_model).extract(prepare(read_document(MINI / "texts" / "mini-b.txt")))
    found = {(m.name, m.type) for m in extraction.mentions}
    assert ("蓝湾科技有限公司", "Enterprise") in found
    assert all(m.source.startswith("model:") for m in extraction.mentions)
    assert all(0.0 < m.confidence <= 1.0 for m in extraction.mentions)


@pytest.mark.parametrize("broken", ["missing", "no-meta", "bad-meta", "truncated", "bad-relations"])
def test_a_broken_model_folder_is_a_one_line_error(mini_model, tmp_path, broken):
    import shutil

    folder = tmp_path / "m"
    if broken != "missing":
        shutil.copytree(mini_model, folder)
    if broken == "no-meta":
        (folder / META).unlink()
    elif broken == "bad-meta":
        (folder / META).write_text("{", encoding="utf-8")
    elif broken == "truncated":
        (folder / entity_file("org")).write_bytes(b"not a model")
    elif broken == "bad-relations":
        (folder / RELATIONS).write_bytes(b"not a model")
    with pytest.raises(KgError):
        load_model(folder)


def test_folds_deal_each_group_round_and_depend_on_the_seed(mini_examples):
    from kg.eval.cv import assign_folds

    folds = assign_folds(mini_examples, 3, 0)
    assert sorted(folds) == [0, 1, 2]
    with pytest.raises(KgError):
        assign_folds(mini_examples, 4, 0)
    with pytest.raises(KgError):
        assign_folds(mini_examples, 1, 0)


def test_cross_validation_predicts_what_kg_extract_finds(mini_examples, mini_model):
    from kg.eval.cv import predict
    from kg.extract import Extractor

    model, extractor = load_model(mini_model), Extractor(model_path=mini_model)
    for example in mini_examples:
        predicted = predict(model, example)
        extracted = extractor.extract(example.source.document)
        assert predicted.mentions == extracted.mentions
        assert predicted.relations == extracted.relations


def test_cross_validation_scores_every_document_with_a_model_that_never_saw_it(mini_examples):
    from kg.eval.cv import cross_validate

    predictions = cross_validate(mini_examples, 3, 0)
    assert set(predictions) == {"mini-a", "mini-b", "mini-c"}
    assert all(p["entities"] is not None for p in predictions.values())


def test_cli_train_then_extract_with_the_model(tmp_path):
    out = tmp_path / "model"
    done = _kg("train", "--gold", MINI, "--out", out)
    assert done.returncode == 0, done.stderr
    assert (out / META).is_file()
    pred = tmp_path / "pred"
    done = _kg("extract", MINI / "texts", "--out", pred, "--model", out)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in pred.glob("*.json")) == ["mini-a.json", "mini-b.json", "mini-c.json"]


def test_cli_cross_validation_reports_pooled_figures():
    done = _kg("eval", "--gold", MINI, "--cv", "3")
    assert done.returncode == 0, done.stderr
    assert "== all (3 documents, 3-fold cross-validation)" in done.stdout
    assert "core macro F1" in done.stdout


@pytest.mark.parametrize("args, message", [
    (["eval", "--gold", MINI, "--cv", "9"], "only 3 gold documents"),
    (["eval", "--gold", MINI], "give one --gold folder and --pred"),
    (["extract", MINI / "texts", "--out", "x", "--model", "no-such-model"], "no model here"),
    (["train", "--gold", MINI / "texts", "--out", "x"], "no gold"),
])
def test_cli_errors_are_one_line(args, message, tmp_path):
    done = _kg(*args, cwd=tmp_path)
    assert done.returncode != 0
    assert done.stderr.startswith("kg: error:") and message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
