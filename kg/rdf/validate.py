"""SHACL validation of a build (schemas/shapes.ttl) with pyshacl, on rdflib (off the build's path)."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
from rdflib import Dataset, Graph, Namespace
from rdflib.namespace import RDF

from kg.rdf.convert import graph_nquads
from kg.rdf.iris import PREFIXES, shorten
from kg.rdf.paths import build_trig
from kg.resources import SCHEMAS

SH = Namespace("http://www.w3.org/ns/shacl#")
SHAPES_FILE = SCHEMAS / "shapes.ttl"  # SHACL Core
SPARQL_SHAPES_FILE = SCHEMAS / "shapes-sparql.ttl"  # the one SHACL-SPARQL constraint


def graph_to_dataset(graph: nx.MultiDiGraph) -> Dataset:
    """The RDF dataset of a graph built by kg.graph.build_graph, as an rdflib Dataset."""
    return _dataset("".join(graph_nquads(graph)), "nquads")


def load_dataset(out_dir: str | Path) -> Dataset:
    """The dataset stored in a build's graph.trig."""
    return _dataset(build_trig(out_dir).read_text(encoding="utf-8"), "trig")


def _dataset(data: str, fmt: str) -> Dataset:
    ds = Dataset()
    for prefix, namespace in PREFIXES.items():
        ds.bind(prefix, namespace)
    ds.parse(data=data, format=fmt)
    return ds


def union_graph(ds: Dataset) -> Graph:
    """All triples of the dataset (default and named graphs) in one graph."""
    union = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def validate_dataset(ds: Dataset, core_only: bool = False) -> tuple[bool, str]:
    """(conforms, report) for all graphs of `ds` together (no ontology passed: the build holds
    it); `core_only` leaves out shapes-sparql.ttl, as a SHACL Core engine would."""
    import pyshacl

    data = union_graph(ds)
    shapes = Graph().parse(SHAPES_FILE, format="turtle")
    if not core_only:
        shapes.parse(SPARQL_SHAPES_FILE, format="turtle")
    # inplace: `data` is our own copy, so pyshacl need not clone it
    conforms, results, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=not core_only,
                                            inplace=True)
    return conforms, _report(results)


def validate_build(out_dir: str | Path) -> tuple[bool, str]:
    """(conforms, human-readable report) for `out_dir/graph.trig`."""
    return validate_dataset(load_dataset(out_dir))


def _report(results: Graph) -> str:
    lines = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        parts = [shorten(str(results.value(result, SH.focusNode)))]
        path = results.value(result, SH.resultPath)
        if path is not None:
            parts.append(shorten(str(path)))
        value = results.value(result, SH.value)
        if value is not None:
            parts.append(f"value {value.n3()}")
        severity = shorten(str(results.value(result, SH.resultSeverity))).rsplit("#", 1)[-1]
        lines.append(f"{severity}: {' '.join(parts)}: {results.value(result, SH.resultMessage)}")
    if not lines:
        return "conforms to schemas/shapes.ttl and shapes-sparql.ttl: 0 violations"
    return f"{len(lines)} violation(s) of schemas/shapes.ttl and shapes-sparql.ttl:\n" + "\n".join(sorted(lines))
