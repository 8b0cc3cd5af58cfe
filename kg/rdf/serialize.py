"""Write the RDF files of a build, atomically and byte-identically across runs."""
from __future__ import annotations

import functools
import json
from pathlib import Path

import networkx as nx
from rdflib import Dataset, Graph

from kg.io import write_text
from kg.rdf.convert import graph_to_dataset
from kg.rdf.iris import PREFIXES
from kg.rdf.paths import TRIG, build_trig
from kg.resources import SCHEMAS

CONTEXT_FILE = SCHEMAS / "context.jsonld"


def union_graph(ds: Dataset) -> Graph:
    """All triples of the dataset (default and named graphs) in one graph, prefixes kept."""
    union = Graph()
    for prefix, namespace in ds.namespaces():
        union.bind(prefix, namespace)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


class _Renderings:
    """The serialisations of one dataset; N-Quads and the sorted quads are computed once and shared."""

    def __init__(self, ds: Dataset):
        self.ds = ds

    @functools.cached_property
    def nq(self) -> str:
        lines = self.ds.serialize(format="nquads").splitlines()
        return "\n".join(sorted(line for line in lines if line.strip())) + "\n"

    @functools.cached_property
    def sorted_quads(self) -> list:
        """The quads as pyoxigraph terms, in one fixed order (graph, subject, predicate, object)."""
        import pyoxigraph as ox

        quads = list(ox.parse(self.nq.encode("utf-8"), format=ox.RdfFormat.N_QUADS))
        quads.sort(key=lambda q: ("" if isinstance(q.graph_name, ox.DefaultGraph) else str(q.graph_name),
                                  str(q.subject), str(q.predicate), str(q.object)))
        return quads

    def trig(self) -> str:
        """TriG written by pyoxigraph (rdflib's serialisers take seconds where it takes a fraction)."""
        import pyoxigraph as ox

        return ox.serialize(self.sorted_quads, format=ox.RdfFormat.TRIG, prefixes=PREFIXES).decode("utf-8")

    def ttl(self) -> str:
        """All triples of the dataset, default and named graphs alike, as Turtle."""
        import pyoxigraph as ox

        triples = {ox.Triple(q.subject, q.predicate, q.object) for q in self.sorted_quads}
        ordered = sorted(triples, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
        return ox.serialize(ordered, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES).decode("utf-8")

    def jsonld(self) -> str:
        return _jsonld(self.ds)

    def render(self, fmt: str) -> str:
        return self.nq if fmt == "nq" else getattr(self, fmt)()


def _jsonld(ds: Dataset) -> str:
    context = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]
    data = json.loads(ds.serialize(format="json-ld", context=context))
    # rdflib wraps the default graph in a graph object without @id, which JSON-LD reads as a
    # blank-node named graph: put its nodes at the top level, beside the documents' graphs
    top = []
    for item in data["@graph"]:
        top.extend(item["@graph"] if set(item) == {"@graph"} else [item])
    data["@graph"] = top
    return json.dumps(_sorted_jsonld(data), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _sorted_jsonld(value):
    """JSON-LD with its node lists sorted (rdflib emits them in set order)."""
    if isinstance(value, dict):
        return {key: _sorted_jsonld(item) for key, item in value.items()}
    if isinstance(value, list):
        items = [_sorted_jsonld(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, ensure_ascii=False, sort_keys=True))
    return value


BUILD_NAMES = {"ttl": "graph.ttl", "trig": TRIG, "nq": "graph.nq", "jsonld": "graph.jsonld"}


def write_rdf_file(graph: nx.MultiDiGraph, fmt: str, path: str | Path) -> Path:
    """Write `graph` as one RDF file: ttl (all triples), trig or nq (one named graph per document),
    or jsonld (compacted with schemas/context.jsonld)."""
    write_text(path, _Renderings(graph_to_dataset(graph)).render(fmt))
    return Path(path)


def write_rdf(graph: nx.MultiDiGraph, out_dir: str | Path) -> list[Path]:
    """Write every RDF file of a build (graph.ttl, graph.trig, graph.nq, graph.jsonld) into `out_dir`."""
    renderings = _Renderings(graph_to_dataset(graph))
    paths = []
    for fmt, name in BUILD_NAMES.items():
        path = Path(out_dir) / name
        write_text(path, renderings.render(fmt))
        paths.append(path)
    return paths


def load_dataset(out_dir: str | Path) -> Dataset:
    """The dataset stored in a build's graph.trig."""
    ds = Dataset()
    ds.parse(build_trig(out_dir), format="trig")
    return ds
