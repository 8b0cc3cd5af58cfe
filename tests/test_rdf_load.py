"""kg load: a build's graphs reach a real Oxigraph server (loopback) through the Graph Store protocol."""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph
import pytest

from conftest import small_resolution
from kg.errors import KgError
from kg.graph import build_graph
from kg.rdf import write_rdf
from kg.rdf.iris import document_iri
from kg.rdf.load import graph_url, load_endpoint

OXIGRAPH = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    if OXIGRAPH is None:
        pytest.skip("the oxigraph server (PyPI `oxigraph`) is not installed")
    port = _free_port()
    process = subprocess.Popen([OXIGRAPH, "serve", "--location", str(tmp_path / "server"),
                                "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):  # up to 10 s for the server to listen
            try:
                urllib.request.urlopen(f"{base}/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("oxigraph serve did not start")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def _count(base: str, where: str) -> int:
    query = urllib.parse.urlencode({"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}"})
    request = urllib.request.Request(f"{base}/query?{query}", headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return int(json.load(response)["results"]["bindings"][0]["n"]["value"])


@pytest.fixture
def build(tmp_path):
    out = tmp_path / "out"
    write_rdf(build_graph(small_resolution()), out)
    return out


def test_every_graph_arrives_once_even_when_loaded_twice(server, build):
    lines = (build / "graph.nq").read_text(encoding="utf-8").splitlines()
    quads = list(pyoxigraph.parse(path=str(build / "graph.nq"), format=pyoxigraph.RdfFormat.N_QUADS))
    in_doc_a = sum(1 for quad in quads if getattr(quad.graph_name, "value", None) == document_iri("doc-a"))
    graphs = {quad.graph_name for quad in quads}
    assert len(graphs) >= 3  # the default graph and the two documents' (and the ontology's)
    for _ in range(2):
        loaded = load_endpoint(build, f"{server}/store")
        assert (loaded.graphs, loaded.triples) == (len(graphs), len(lines))
    assert _count(server, "GRAPH ?g { ?s ?p ?o }") + _count(server, "?s ?p ?o") == len(lines)
    assert _count(server, f"GRAPH <{document_iri('doc-a')}> {{ ?s ?p ?o }}") == in_doc_a


def test_graph_urls():
    assert graph_url("http://h/store", None) == "http://h/store?default"
    assert graph_url("http://h/store?x=1", "https://w3id.org/kg-gov-cn/doc/a b") == \
        "http://h/store?x=1&graph=https%3A%2F%2Fw3id.org%2Fkg-gov-cn%2Fdoc%2Fa+b"


@pytest.mark.parametrize("endpoint, message", [
    ("ftp://127.0.0.1/store", "give an http:// or https://"),
    ("http://127.0.0.1:{port}/store", "cannot reach the store"),
])
def test_bad_endpoints_are_one_line_errors(build, endpoint, message):
    with pytest.raises(KgError, match=message):
        load_endpoint(build, endpoint.format(port=_free_port()))


def test_a_store_refusal_is_one_line_error(server, build):
    with pytest.raises(KgError, match="the store answered 4"):
        load_endpoint(build, f"{server}/no-such-service")


def test_a_build_loads_into_a_store_in_chunks_of_the_same_quads(build, monkeypatch):
    import kg.rdf.load

    monkeypatch.setattr(kg.rdf.load, "CHUNK_BYTES", 2000)  # chunks of about ten lines
    store = pyoxigraph.Store()
    kg.rdf.load.load_build(store, build)
    assert set(store) == set(pyoxigraph.parse(path=str(build / "graph.nq"), format=pyoxigraph.RdfFormat.N_QUADS))


def test_a_build_without_nquads_loads_its_trig(build):
    from kg.rdf.load import load_build

    expected = set(pyoxigraph.parse(path=str(build / "graph.nq"), format=pyoxigraph.RdfFormat.N_QUADS))
    (build / "graph.nq").unlink()
    store = pyoxigraph.Store()
    load_build(store, build)
    assert set(store) == expected


def test_broken_nquads_are_one_line_error(build):
    from kg.rdf.load import load_build

    with open(build / "graph.nq", "a", encoding="utf-8") as fh:
        fh.write("<not an iri\n")
    with pytest.raises(KgError, match="graph.nq is not valid N-Quads"):
        load_build(pyoxigraph.Store(), build)
