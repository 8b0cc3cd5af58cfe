"""The bundled corpus: its RDF conforms to the shapes and converts back to the same graph."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from kg import api
from kg.rdf import graph_nquads, graph_to_dataset, quads_to_graph
from kg.rdf.validate import validate_dataset

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


@pytest.fixture(scope="module")
def corpus():
    graph = api.run_pipeline([CORPUS]).graph()
    return graph, graph_to_dataset(graph)


def test_bundled_corpus_conforms_to_the_shapes(corpus):
    graph, dataset = corpus
    assert graph.number_of_edges() > 0
    conforms, report = validate_dataset(dataset)
    assert conforms, report


def test_bundled_corpus_round_trips(corpus):
    graph, _ = corpus
    nquads = "".join(graph_nquads(graph)).encode("utf-8")
    back = quads_to_graph(pyoxigraph.parse(nquads, format=pyoxigraph.RdfFormat.N_QUADS))
    assert back.graph == graph.graph
    assert dict(back.nodes(data=True)) == dict(graph.nodes(data=True))
    assert sorted(back.edges(keys=True, data=True)) == sorted(graph.edges(keys=True, data=True))
