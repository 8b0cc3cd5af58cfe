"""Gold labels per character and spans read back from tags (kg/extract/model/layers.py)."""
from __future__ import annotations

import numpy as np
import pytest

from kg.extract.model.layers import LAYERS, bio_labels, gold_spans, occurrences, spans_from_tags


def test_every_type_is_in_exactly_one_layer():
    from kg.model import ENTITY_TYPES

    layered = [t for types in LAYERS.values() for t in types]
    assert sorted(layered) == sorted(ENTITY_TYPES)


def test_occurrences_drop_spaces_and_outer_quotes():
    text = "推行“白石贷”，白石贷惠及企业。"
    assert occurrences(text, "“白石贷”") == [(3, 6), (8, 11)]
    assert occurrences(text, "白 石贷") == [(3, 6), (8, 11)]
    assert occurrences(text, "") == []


@pytest.mark.parametrize("text, name, spans", [
    ("深化“136”工作举措。", "136工作举措", [(3, 11)]),          # quotes inside the written name
    ("推进蓝湾港项目和蓝湾港。", "蓝湾港项目", [(2, 7), (8, 11)]),   # the scorer drops a trailing 项目
    ("推进蓝湾港项目。", "蓝湾港", [(2, 7)]),                      # …and the text's 项目 is taken in
    ("华曜（湖州）公司", "华曜(湖州)公司", [(0, 8)]),              # NFKC: half- and full-width brackets
    ("Mini LED模组", "MiniLED模组", [(0, 10)]),
])
def test_occurrences_compare_names_as_the_scorer_does(text, name, spans):
    assert occurrences(text, name) == spans


def test_longest_name_wins_within_a_layer_and_nested_layers_both_stay():
    text = "蓝湾科技有限公司建设蓝湾科技产业园。"
    entities = [{"name": "蓝湾科技有限公司", "type": "Enterprise", "aliases": ["蓝湾科技"]},
                {"name": "蓝湾科技产业园", "type": "Project"}]
    assert gold_spans(text, entities, LAYERS["org"]) == [(0, 8, "Enterprise"), (10, 14, "Enterprise")]
    assert gold_spans(text, entities, LAYERS["initiative"]) == [(10, 17, "Project")]


def test_bio_labels_and_back():
    spans = [(0, 2, "Region"), (4, 7, "Park")]
    tags = bio_labels(8, spans)
    assert tags == ["B-Region", "I-Region", "O", "O", "B-Park", "I-Park", "I-Park", "O"]
    assert _spans(tags) == spans


def _spans(tags: list[str], bounds=None):
    """spans_from_tags over a list of tags (one sentence unless `bounds` say otherwise)."""
    labels = sorted(set(tags))
    best = np.array([labels.index(tag) for tag in tags], np.intp)
    return spans_from_tags(labels, best, bounds or [(0, len(tags))])


@pytest.mark.parametrize("tags, spans", [
    (["I-Park", "I-Park", "O"], [(0, 2, "Park")]),            # an I- without its B- still opens a span
    (["B-Park", "B-Park"], [(0, 1, "Park"), (1, 2, "Park")]),  # two adjacent names
    (["B-Park", "I-Region"], [(0, 1, "Park"), (1, 2, "Region")]),
    (["O", "O"], []),
])
def test_spans_from_malformed_or_adjacent_tags(tags, spans):
    assert _spans(tags) == spans


def test_spans_stop_at_sentence_bounds_and_skip_what_lies_between():
    tags = ["B-Park", "I-Park", "I-Park", "I-Park", "I-Park", "B-Region"]
    assert _spans(tags, [(0, 2), (2, 4)]) == [(0, 2, "Park"), (2, 4, "Park")]
