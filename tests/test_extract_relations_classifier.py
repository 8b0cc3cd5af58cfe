"""The relation classifier (kg/extract/relations/classifier.py): which pairs it reads, what it
reads of them, its training labels, and its probabilities against crfsuite's own."""
from __future__ import annotations

import pytest

from conftest import given_mentions, text_document
from kg.extract.relations import rule_relations
from kg.extract.relations.classifier import (LINKED, SOURCE, UNLINKED, Candidate, RelationClassifier, candidates,
                                             gold_pairs, pair_features, sentence_pairs)
from kg.model import RelationMention

TEXT = "星澜新材料有限公司投资建设年产5万吨碳纤维项目，该公司入选专精特新企业名单。青溪区推进智慧园区建设。"
NAMES = {"星澜新材料有限公司": "Enterprise", "年产5万吨碳纤维项目": "Project", "专精特新企业": "Policy",
         "青溪区": "Region", "智慧园区": "Project"}


def _pairs(document, mentions):
    return {(c.head.name, c.relation, c.tail.name) for c, _ in sentence_pairs(document, mentions, [])}


def test_candidates_are_the_pairs_of_one_sentence_a_relation_may_link():
    document = text_document(TEXT)
    assert _pairs(document, given_mentions(document, NAMES)) == {
        ("星澜新材料有限公司", "undertakes", "年产5万吨碳纤维项目"),
        ("星澜新材料有限公司", "participatesIn", "专精特新企业"),
        ("年产5万吨碳纤维项目", "partOf", "专精特新企业"),
        ("智慧园区", "locatedIn", "青溪区"),
    }


def test_pairs_too_far_apart_are_not_read():
    document = text_document("星澜科技" + "，推进工作" * 40 + "，建设智慧工厂项目。")
    mentions = given_mentions(document, {"星澜科技": "Enterprise", "智慧工厂项目": "Project"})
    assert list(candidates(mentions)) == []


def test_features_say_order_rules_and_words_between_for_the_relation():
    document = text_document(TEXT)
    mentions = given_mentions(document, NAMES)
    head, tail = (next(m for m in mentions if m.name == n) for n in ("星澜新材料有限公司", "年产5万吨碳纤维项目"))
    rules = {(head.start, head.end, "undertakes", tail.start, tail.end): ["clause:verb"]}
    features = pair_features(document.text, Candidate(head, tail, "undertakes"), mentions, rules)
    assert all(f.startswith("undertakes|") for f in features)
    assert {"undertakes|order=head-first", "undertakes|rule=clause:verb", "undertakes|b=投资",
            "undertakes|sig=Enterprise>Project"} <= set(features)
    nested = given_mentions(text_document("星澜高端轴承产业基地"), {"星澜": "Enterprise", "星澜高端轴承产业基地": "Project"})
    features = pair_features("星澜高端轴承产业基地", Candidate(nested[0], nested[1], "undertakes"), nested, {})
    assert "undertakes|order=head-inside-front" in features and "undertakes|rules=none" in features


def test_gold_pairs_are_linked_where_the_relations_evidence_says_so():
    text = TEXT + "会上，星澜新材料有限公司介绍了同行的年产5万吨碳纤维项目。"
    document = text_document(text)
    entities = [{"name": n, "type": t, "aliases": []} for n, t in NAMES.items()]
    relations = [{"head": "星澜新材料有限公司", "relation": "undertakes", "tail": "年产5万吨碳纤维项目",
                  "evidence": "星澜新材料有限公司投资建设年产5万吨碳纤维项目"}]
    labels = [(f[0].split("|")[0], label) for f, label in gold_pairs(document, entities, relations)]
    assert labels.count(("undertakes", LINKED)) == 1  # the first sentence, not the second
    assert labels.count(("undertakes", UNLINKED)) == 1
    assert {label for relation, label in labels if relation != "undertakes"} == {UNLINKED}


@pytest.fixture(scope="module")
def classifier(tmp_path_factory):
    """A classifier trained on two invented pairs (crfsuite, as `kg train` trains it)."""
    import pycrfsuite

    from kg.extract.model.crf import read_crfsuite

    path = str(tmp_path_factory.mktemp("relations") / "relations.crfsuite")
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.append([["undertakes|b=投资", "undertakes|bias"]], [LINKED])
    trainer.append([["undertakes|b=座谈", "undertakes|bias"]], [UNLINKED])
    trainer.set_params({"c2": 0.01, "max_iterations": 50})
    trainer.train(path)
    return path, RelationClassifier(read_crfsuite(path))


@pytest.mark.parametrize("features", [["undertakes|b=投资", "undertakes|bias"], ["undertakes|b=座谈", "undertakes|bias"],
                                      ["undertakes|bias", "never|seen"]])
def test_probabilities_are_crfsuites(classifier, features):
    import pycrfsuite

    path, model = classifier
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    tagger.set([features])
    assert model.probability(features) == pytest.approx(tagger.marginal(LINKED, 0), abs=1e-9)


def test_the_classifier_decides_its_pairs_and_keeps_the_rules_relations_across_sentences(classifier):
    _, model = classifier
    document = text_document("星澜科技投资青溪智慧工厂项目。星澜科技座谈了青溪智慧工厂项目。")
    mentions = given_mentions(document, {"星澜科技": "Enterprise", "青溪智慧工厂项目": "Project"})
    found = model.relations(document, mentions, rule_relations(document, mentions))
    assert [(r.relation, r.sentence, r.source) for r in found] == [("undertakes", 0, SOURCE)]
    assert 0.5 <= found[0].confidence <= 1.0
    across = RelationMention(mentions[0], "undertakes", mentions[-1], 1, "list:introduced", 0.7)
    assert across in model.relations(document, mentions, [across])
