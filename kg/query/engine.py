"""Answer SPARQL on pyoxigraph, from a store persisted under the build's output folder.

The store is built once from graph.trig into `OUT/store/db` and opened read-only afterwards
(several `kg query` may run at once); `OUT/store/source.sha256` records which graph.trig it holds,
and a changed graph.trig rebuilds it.  Queries see the union of all graphs as their default graph;
`GRAPH ?document { ... }` selects one document's evidence.
"""
from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.io import write_text
from kg.query.library import substitute_params
from kg.query.prefixes import unknown_prefix_message, with_prefixes
from kg.rdf.paths import build_trig

STORE_DIR = "store"


@dataclass
class QueryResult:
    """Variables and rows of pyoxigraph terms (None when unbound); `boolean` answers an ASK;
    `graph` is true for the (subject, predicate, object) rows of a CONSTRUCT or DESCRIBE."""

    variables: list[str]
    rows: list[list[Any]]
    boolean: bool | None = None
    graph: bool = False


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def open_store(out_dir: str | Path):
    """The pyoxigraph store of a build, (re)built from `out_dir/graph.trig` when needed."""
    import pyoxigraph

    trig = build_trig(out_dir)
    store_dir = Path(out_dir) / STORE_DIR
    db, stamp = store_dir / "db", store_dir / "source.sha256"
    source = _sha256(trig)
    if not db.is_dir() or not stamp.is_file() or stamp.read_text(encoding="utf-8").strip() != source:
        tmp = store_dir / f"db.tmp-{os.getpid()}"
        shutil.rmtree(tmp, ignore_errors=True)
        store_dir.mkdir(parents=True, exist_ok=True)
        try:
            pyoxigraph.Store(str(tmp)).bulk_load(path=str(trig), format=pyoxigraph.RdfFormat.TRIG)
        except BaseException as exc:
            shutil.rmtree(tmp, ignore_errors=True)
            if isinstance(exc, SyntaxError):
                raise KgError(f"{trig} is not valid TriG: {exc}") from None
            raise
        shutil.rmtree(db, ignore_errors=True)
        os.replace(tmp, db)
        write_text(stamp, source + "\n")
    try:
        return pyoxigraph.Store.read_only(str(db))
    except OSError as exc:
        raise KgError(f"cannot open the query store {db}: {exc}") from None


class ResultTooLarge(KgError):
    """A query answered more rows or triples than the caller allows."""


def run_query(store, sparql: str, params: dict[str, str] | None = None, max_rows: int | None = None) -> QueryResult:
    """Run a SELECT, ASK, CONSTRUCT or DESCRIBE query (after parameter substitution), the project's
    prefixes predeclared; ResultTooLarge past `max_rows` rows (or triples)."""
    import pyoxigraph

    text = substitute_params(sparql, params or {})
    try:
        result = store.query(with_prefixes(text), use_default_graph_as_union=True)
    except SyntaxError as exc:
        prefix_message = unknown_prefix_message(text)
        if prefix_message:
            raise KgError(prefix_message) from None
        message = " ".join(str(exc).split())
        raise KgError(f"malformed SPARQL: {message[:160]}{'…' if len(message) > 160 else ''}") from None
    if isinstance(result, pyoxigraph.QueryBoolean):
        return QueryResult([], [], bool(result))
    if isinstance(result, pyoxigraph.QuerySolutions):
        variables = [v.value for v in result.variables]
        rows = ([solution[name] for name in variables] for solution in result)
        return QueryResult(variables, _bounded(rows, max_rows))
    triples = ([t.subject, t.predicate, t.object] for t in result)
    return QueryResult(["subject", "predicate", "object"], _bounded(triples, max_rows), graph=True)


def _bounded(rows, max_rows: int | None) -> list:
    collected = []
    for row in rows:
        if max_rows is not None and len(collected) >= max_rows:
            raise ResultTooLarge(f"the result has more than {max_rows} rows: narrow the query or add a LIMIT")
        collected.append(row)
    return collected
