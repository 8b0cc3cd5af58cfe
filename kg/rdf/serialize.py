"""Write the RDF files of a build, atomically and byte-identically across runs."""
from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
from rdflib import Dataset, Graph
from rdflib.plugins.serializers.trig import TrigSerializer

from kg.io import write_text
from kg.rdf.convert import graph_to_dataset
from kg.rdf.paths import SCHEMAS, TRIG, build_trig

CONTEXT_FILE = SCHEMAS / "context.jsonld"


def union_graph(ds: Dataset) -> Graph:
    """All triples of the dataset (default and named graphs) in one graph, prefixes kept."""
    union = Graph()
    for prefix, namespace in ds.namespaces():
        union.bind(prefix, namespace)
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


class _SortedTrigSerializer(TrigSerializer):
    """rdflib's TriG serializer with the named graphs in IRI order (rdflib uses set order)."""

    def preprocess(self) -> None:
        self.contexts.sort(key=lambda context: (context.identifier == self.default_context, context.identifier))
        super().preprocess()


def _trig(ds: Dataset) -> str:
    buffer = io.BytesIO()
    _SortedTrigSerializer(ds).serialize(buffer, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")


def _nquads(ds: Dataset) -> str:
    lines = ds.serialize(format="nquads").splitlines()
    return "\n".join(sorted(line for line in lines if line.strip())) + "\n"


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


RENDERERS = {
    "ttl": lambda ds: union_graph(ds).serialize(format="turtle"),
    "trig": _trig,
    "nq": _nquads,
    "jsonld": _jsonld,
}
BUILD_NAMES = {"ttl": "graph.ttl", "trig": TRIG, "nq": "graph.nq", "jsonld": "graph.jsonld"}


def write_rdf_file(graph: nx.MultiDiGraph, fmt: str, path: str | Path) -> Path:
    """Write `graph` as one RDF file: ttl (all triples), trig or nq (one named graph per document),
    or jsonld (compacted with schemas/context.jsonld)."""
    write_text(path, RENDERERS[fmt](graph_to_dataset(graph)))
    return Path(path)


def write_rdf(graph: nx.MultiDiGraph, out_dir: str | Path) -> list[Path]:
    """Write every RDF file of a build (graph.ttl, graph.trig, graph.nq, graph.jsonld) into `out_dir`."""
    ds = graph_to_dataset(graph)
    paths = []
    for fmt, render in RENDERERS.items():
        path = Path(out_dir) / BUILD_NAMES[fmt]
        write_text(path, render(ds))
        paths.append(path)
    return paths


def load_dataset(out_dir: str | Path) -> Dataset:
    """The dataset stored in a build's graph.trig."""
    ds = Dataset()
    ds.parse(build_trig(out_dir), format="trig")
    return ds
