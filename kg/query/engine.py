"""Answer SPARQL on pyoxigraph, from a store persisted under the build's output folder.

The store is built once from the build's RDF (kg.rdf.load.load_build; `kg build` does it, while
it writes its other files) into `OUT/store/db` and opened read-only afterwards (several `kg query`
may run at once); `OUT/store/source` records which graph.nq and graph.trig it holds (inode, size
and modification time, so opening the store reads neither), and a changed file rebuilds it.  Creating the store is serialised by a lock on
`OUT/store/lock`: the first process builds `db.tmp-PID` and renames it to `db`, the others wait and
open the result; leftovers of killed runs are removed under the lock.  A build folder where no store
can be written (read-only, full disk) is queried from an in-memory store, and so is a small build
in processes that answer many queries (`kg serve`, kg.KnowledgeGraph: `open_store(in_memory=None)`).

Queries see the union of all graphs as their default graph; `GRAPH ?document { ... }` selects one
document's evidence.  `run_query` refuses updates and SERVICE (kg.query.guard) and runs the query
in a worker thread (pyoxigraph releases the GIL), so a time limit and Ctrl-C stop it at once.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import queue
import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from kg.errors import KgError
from kg.io import write_text
from kg.query.guard import check_read_only
from kg.query.library import substitute_params
from kg.query.prefixes import unknown_prefix_message, with_prefixes
from kg.rdf.load import load_build, load_nquads
from kg.rdf.paths import NQUADS, TRIG, build_trig

STORE_DIR = "store"
STAMP = "source"  # which RDF files the store holds
DEFAULT_TIMEOUT = 60.0  # seconds


@dataclass
class QueryResult:
    """Variables and rows of pyoxigraph terms (None when unbound); `boolean` answers an ASK;
    `graph` is true for the (subject, predicate, object) rows of a CONSTRUCT or DESCRIBE."""

    variables: list[str]
    rows: list[list[Any]]
    boolean: bool | None = None
    graph: bool = False


def _fingerprint(out_dir: Path) -> str:
    """Which RDF files a store holds: inode, size and modification time of graph.nq and graph.trig
    (a build writes each file anew, so a new build changes them all)."""
    parts = []
    for name in (NQUADS, TRIG):
        with contextlib.suppress(FileNotFoundError):
            info = os.stat(out_dir / name)
            parts.append(f"{name} {info.st_ino} {info.st_size} {info.st_mtime_ns}")
    return "\n".join(parts)


@contextlib.contextmanager
def _store_lock(store_dir: Path) -> Iterator[None]:
    """Hold the exclusive lock on `store_dir/lock` (waiting for another process that holds it)."""
    store_dir.mkdir(parents=True, exist_ok=True)
    with open(store_dir / "lock", "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def create_store(out_dir: str | Path, force: bool = False) -> Path:
    """Make `out_dir/store/db` hold the build's RDF (unless it already does and not `force`);
    safe when several processes call it at once. Returns the path of the store."""
    build_trig(out_dir)
    store_dir = Path(out_dir) / STORE_DIR
    db, stamp = store_dir / "db", store_dir / STAMP
    source = _fingerprint(Path(out_dir))

    def current() -> bool:
        return db.is_dir() and stamp.is_file() and stamp.read_text(encoding="utf-8").strip() == source

    if not force and current():
        return db
    with _store_lock(store_dir):
        if force or not current():  # another process may have made it while this one waited
            for leftover in store_dir.glob("db.tmp-*"):
                shutil.rmtree(leftover, ignore_errors=True)
            with contextlib.suppress(FileNotFoundError):
                stamp.unlink()
            _load_new(store_dir, out_dir)
            write_text(stamp, source + "\n")
    return db


def _load_new(store_dir: Path, out_dir: str | Path, chunks: Iterable[bytes] | None = None) -> None:
    """Bulk-load the build's RDF (or the N-Quads text of `chunks`, which kg wrote) into
    `store_dir/db.tmp-PID`, then put it in place of `store_dir/db`."""
    import pyoxigraph

    tmp = store_dir / f"db.tmp-{os.getpid()}"
    try:
        store = pyoxigraph.Store(str(tmp))
        if chunks is None:
            load_build(store, out_dir)
        else:
            load_nquads(store, chunks, str(Path(out_dir) / NQUADS), lenient=True)
        del store
        shutil.rmtree(store_dir / "db", ignore_errors=True)
        os.replace(tmp, store_dir / "db")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


class StoreFeed:
    """graph.nq's text on its way to the thread that loads the store: `write` pieces of whole
    lines, then `close`. At most one piece waits, so memory does not grow with the build."""

    def __init__(self) -> None:
        self._pending: queue.Queue[bytes | None] = queue.Queue(maxsize=1)
        self._closed = self._drained = False

    def write(self, chunk: bytes) -> None:
        self._pending.put(chunk)

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._pending.put(None)

    def chunks(self) -> Iterator[bytes]:
        while (chunk := self._pending.get()) is not None:
            yield chunk
        self._drained = True

    def discard(self) -> None:
        """Take what is still written after the loading failed, so the writer is not held up."""
        if not self._drained:
            for _ in self.chunks():
                pass


@contextlib.contextmanager
def loading_store(out_dir: str | Path) -> Iterator[StoreFeed]:
    """For `kg build`, in a folder no other process uses yet: a thread bulk-loads into the store the
    N-Quads the body writes to the feed it is given (pyoxigraph releases the GIL), while the body
    writes graph.nq and then its other files; the store is then stamped with the RDF files as the
    body left them. An error of either is raised after both end."""
    store_dir = Path(out_dir) / STORE_DIR
    store_dir.mkdir(parents=True, exist_ok=True)
    feed = StoreFeed()
    failure: list[BaseException] = []

    def load() -> None:
        try:
            _load_new(store_dir, out_dir, feed.chunks())
        except BaseException as exc:  # handed to the calling thread
            failure.append(exc)
            feed.discard()

    worker = threading.Thread(target=load, name="kg-store-load")
    worker.start()
    try:
        yield feed
    finally:
        feed.close()
        worker.join()
    if failure:
        raise failure[0]
    write_text(store_dir / STAMP, _fingerprint(Path(out_dir)) + "\n")


class ResultTooLarge(KgError):
    """A query answered more rows or triples than the caller allows."""


# a build whose graph.nq is at most this size is held in memory by long-lived readers (`kg serve`,
# kg.KnowledgeGraph): queries answer about five times faster than from the on-disk store, and
# loading takes about 0.3 s for the bundled corpus (12 MB)
IN_MEMORY_BYTES = 64 << 20


def open_store(out_dir: str | Path, in_memory: bool | None = False):
    """The pyoxigraph store of a build, (re)built from `out_dir/graph.trig` when needed; a store that
    cannot be opened is rebuilt once, and one that cannot be written is held in memory.
    `in_memory`: load the build into memory instead of opening the on-disk store (None: when its
    graph.nq is at most IN_MEMORY_BYTES); for a process that answers many queries."""
    import pyoxigraph

    build_trig(out_dir)  # KgError when the folder holds no build
    if in_memory is None:
        nquads = Path(out_dir) / NQUADS
        in_memory = nquads.is_file() and nquads.stat().st_size <= IN_MEMORY_BYTES
    if not in_memory:
        try:
            db = create_store(out_dir)
            try:
                return pyoxigraph.Store.read_only(str(db))
            except (OSError, RuntimeError):  # a damaged store: make it again
                return pyoxigraph.Store.read_only(str(create_store(out_dir, force=True)))
        except OSError:
            pass
    store = pyoxigraph.Store()
    load_build(store, out_dir)
    return store


def run_query(store, sparql: str, params: dict[str, str] | None = None, max_rows: int | None = None,
              timeout: float | None = DEFAULT_TIMEOUT) -> QueryResult:
    """Run a SELECT, ASK, CONSTRUCT or DESCRIBE query (after parameter substitution), the project's
    prefixes predeclared; ResultTooLarge past `max_rows` rows (or triples), KgError after `timeout`
    seconds (None: no limit). Updates and SERVICE are refused."""
    text = substitute_params(sparql, params or {})
    check_read_only(text)
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["result"] = _evaluate(store, text, max_rows)
        except BaseException as exc:  # handed to the calling thread
            outcome["error"] = exc

    worker = threading.Thread(target=work, name="kg-query", daemon=True)
    worker.start()
    deadline = None if timeout is None else time.monotonic() + timeout
    # short waits: the kernel may hand Ctrl-C to the worker thread, and Python acts on it only
    # when the main thread wakes up
    while worker.is_alive() and (deadline is None or time.monotonic() < deadline):
        worker.join(0.05 if deadline is None else max(0.0, min(0.05, deadline - time.monotonic())))
    if worker.is_alive():  # the daemon thread ends with the process
        raise KgError(f"the query ran longer than {timeout:g} s: stopped (raise the limit with --timeout)")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


def _evaluate(store, text: str, max_rows: int | None) -> QueryResult:
    import pyoxigraph

    try:
        result = store.query(with_prefixes(text), use_default_graph_as_union=True)
        if isinstance(result, pyoxigraph.QueryBoolean):
            return QueryResult([], [], bool(result))
        if isinstance(result, pyoxigraph.QuerySolutions):
            variables = [v.value for v in result.variables]
            rows = ([solution[name] for name in variables] for solution in result)
            return QueryResult(variables, _bounded(rows, max_rows))
        triples = ([t.subject, t.predicate, t.object] for t in result)
        return QueryResult(["subject", "predicate", "object"], _bounded(triples, max_rows), graph=True)
    except SyntaxError as exc:
        raise KgError(unknown_prefix_message(text) or f"malformed SPARQL: {_short(exc)}") from None
    except KgError:
        raise
    except Exception as exc:  # raised while evaluating (pyoxigraph's evaluation errors)
        raise KgError(f"the query failed: {_short(exc)}") from None


def _bounded(rows, max_rows: int | None) -> list:
    collected = []
    for row in rows:
        if max_rows is not None and len(collected) >= max_rows:
            raise ResultTooLarge(f"the result has more than {max_rows} rows: narrow the query or add a LIMIT")
        collected.append(row)
    return collected


def _short(exc: Exception) -> str:
    message = " ".join(str(exc).split())
    return f"{message[:160]}{'…' if len(message) > 160 else ''}"
