"""Load a build's RDF into a pyoxigraph store, or send it to a SPARQL store through the SPARQL 1.1
Graph Store HTTP Protocol (`kg load`).

Each graph of graph.nq (the default graph, one named graph per document) is sent as N-Triples:
the first time a graph is seen with PUT (it replaces what the store held under that name, so
loading a build again does not duplicate it), further parts of it with POST.
"""
from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from kg.errors import KgError
from kg.rdf.paths import NQUADS, build_trig

TIMEOUT = 300  # seconds for one request
NTRIPLES = "application/n-triples"
# N-Quads text a bulk load takes at once (about 50,000 lines): the loader's memory (about 100 MiB)
# does not grow with the build
CHUNK_BYTES = 12 << 20


def load_build(store, build_dir: str | Path) -> None:
    """Bulk-load a build's RDF into a pyoxigraph store, in bounded memory: graph.nq in chunks of
    about CHUNK_BYTES (load_nquads), graph.trig in one piece when the build has no graph.nq."""
    import pyoxigraph as ox

    nquads = Path(build_dir) / NQUADS
    if not nquads.is_file():
        trig = build_trig(build_dir)
        try:
            store.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
        except SyntaxError as exc:
            raise KgError(f"{trig} is not valid TriG: {exc}") from None
        return
    with open(nquads, "rb") as fh:
        load_nquads(store, iter(lambda: b"".join(fh.readlines(CHUNK_BYTES)), b""), str(nquads))


def load_nquads(store, chunks: Iterable[bytes], source: str, lenient: bool = False) -> None:
    """Bulk-load N-Quads text given in pieces of whole lines, then compact the store once (queries
    then run as fast as after a single bulk load). `lenient`: for text kg wrote itself, skip
    pyoxigraph's checks of IRIs and language tags (about a tenth of the loading time)."""
    import pyoxigraph as ox

    for chunk in chunks:
        try:
            store.bulk_load(chunk, format=ox.RdfFormat.N_QUADS, lenient=lenient)
        except SyntaxError as exc:
            raise KgError(f"{source} is not valid N-Quads: {exc}") from None
    store.optimize()


@dataclass
class Loaded:
    graphs: int
    triples: int


def graph_url(endpoint: str, graph: str | None) -> str:
    """The Graph Store URL of `graph` (None: the default graph) under `endpoint`."""
    query = "default" if graph is None else urllib.parse.urlencode({"graph": graph})
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"


def _graphs(nquads: Path) -> Iterator[tuple[str | None, list]]:
    """(graph IRI or None, triples) for each run of consecutive quads in the same graph."""
    import pyoxigraph as ox

    current, triples = None, []
    try:
        for quad in ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS):
            name = None if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value
            if triples and name != current:
                yield current, triples
                triples = []
            current = name
            triples.append(ox.Triple(quad.subject, quad.predicate, quad.object))
    except SyntaxError as exc:
        raise KgError(f"{nquads} is not valid N-Quads: {exc}") from None
    if triples:
        yield current, triples


def load_endpoint(build_dir: str | Path, endpoint: str) -> Loaded:
    """Send `build_dir/graph.nq` to the Graph Store endpoint `endpoint` (http:// or https://)."""
    import pyoxigraph as ox

    if urllib.parse.urlsplit(endpoint).scheme not in ("http", "https"):
        raise KgError(f"--endpoint {endpoint!r}: give an http:// or https:// Graph Store URL")
    nquads = Path(build_dir) / NQUADS
    if not nquads.is_file():
        raise KgError(f"no {NQUADS} in {build_dir}: run `kg build` first")
    sent: set[str | None] = set()
    triples = 0
    for graph, part in _graphs(nquads):
        body = ox.serialize(part, format=ox.RdfFormat.N_TRIPLES)
        _send(graph_url(endpoint, graph), "POST" if graph in sent else "PUT", body)
        sent.add(graph)
        triples += len(part)
    return Loaded(len(sent), triples)


def _send(url: str, method: str, body: bytes) -> None:
    request = urllib.request.Request(url, data=body, method=method, headers={"Content-Type": NTRIPLES})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            response.read()
    except urllib.error.HTTPError as exc:
        detail = " ".join(exc.read(300).decode("utf-8", "replace").split())
        raise KgError(f"{method} {url}: the store answered {exc.code} {exc.reason}: {detail}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise KgError(f"cannot reach the store at {url}: {reason}") from None
