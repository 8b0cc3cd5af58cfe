"""Write the RDF files of a build, atomically and byte-identically across runs, without rdflib.

`kg build` streams `graph_nquads` into graph.nq, then has pyoxigraph rewrite graph.nq as
graph.trig; neither step holds the dataset in memory.  Turtle (all triples) and JSON-LD
(expanded, every graph) are written on demand by `kg export`, also by pyoxigraph.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Iterator

import networkx as nx

from kg.io import atomic_open
from kg.rdf.convert import graph_nquads, quads_to_graph
from kg.rdf.iris import PREFIXES
from kg.rdf.paths import NQUADS, TRIG, build_trig

FORMATS = ("nq", "trig", "ttl", "jsonld")


def write_nquads(lines: Iterable[str], path: str | Path, sink: Callable[[bytes], None] | None = None) -> Path:
    """Write N-Quads text (pieces of whole lines) to `path`; `sink`, if given, gets the same bytes
    in pieces of whole lines of about kg.rdf.load.CHUNK_BYTES as they are written."""
    with atomic_open(path, "wb") as fh:
        for chunk in _chunks(lines):
            fh.write(chunk)
            if sink is not None:
                sink(chunk)
    return Path(path)


def _chunks(pieces: Iterable[str]) -> Iterator[bytes]:
    """The pieces joined into UTF-8 text of about CHUNK_BYTES each (counted in characters)."""
    from kg.rdf import load

    batch: list[str] = []
    size = 0
    for piece in pieces:
        batch.append(piece)
        size += len(piece)
        if size >= load.CHUNK_BYTES:
            yield "".join(batch).encode()
            batch, size = [], 0
    if batch:
        yield "".join(batch).encode()


def convert_nquads(nquads: str | Path, fmt: str, path: str | Path) -> Path:
    """Rewrite an N-Quads file kg wrote as `fmt` (trig, ttl: every graph's triples, jsonld),
    streaming; pyoxigraph's checks of IRIs and language tags are skipped (half the parsing time)."""
    import pyoxigraph as ox

    quads = ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS, lenient=True)
    if fmt == "ttl":
        quads = (ox.Triple(q.subject, q.predicate, q.object) for q in quads)
    target = {"trig": ox.RdfFormat.TRIG, "ttl": ox.RdfFormat.TURTLE, "jsonld": ox.RdfFormat.JSON_LD}[fmt]
    prefixes = None if fmt == "jsonld" else PREFIXES
    with atomic_open(path, "wb") as fh:
        ox.serialize(quads, fh, format=target, prefixes=prefixes)
    return Path(path)


def write_rdf(graph: nx.MultiDiGraph, out_dir: str | Path) -> list[Path]:
    """Write a build's RDF into `out_dir`: graph.nq, then graph.trig made from it."""
    nquads = write_nquads(graph_nquads(graph), Path(out_dir) / NQUADS)
    return [convert_nquads(nquads, "trig", Path(out_dir) / TRIG), nquads]


def write_rdf_file(graph: nx.MultiDiGraph, fmt: str, path: str | Path) -> Path:
    """Write `graph` as one RDF file: nq or trig (one named graph per document), ttl (all triples)
    or jsonld (expanded JSON-LD, one named graph per document)."""
    if fmt == "nq":
        return write_nquads(graph_nquads(graph), path)
    path = Path(path)
    nquads = path.with_name(f".{path.name}.nq")
    try:
        return convert_nquads(write_nquads(graph_nquads(graph), nquads), fmt, path)
    finally:
        nquads.unlink(missing_ok=True)


def read_build_graph(out_dir: str | Path) -> nx.MultiDiGraph:
    """The NetworkX graph stored in a build's graph.trig."""
    import pyoxigraph as ox

    return quads_to_graph(ox.parse(path=str(build_trig(out_dir)), format=ox.RdfFormat.TRIG))
