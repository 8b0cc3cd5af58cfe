"""Queries run in worker processes, so a runaway one can be stopped.

pyoxigraph cannot interrupt a running query, and a Python thread cannot be killed; a process can.
Each worker opens the build's store read-only (a small build: loads it into memory) and answers
one query at a time; the server waits for the answer at most `timeout` seconds, then kills the
worker, starts a fresh one and answers the client with a 503.  Workers also bound the answer's size and serialize it, so the server's
own process stays free to take requests.
"""
from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from kg.serve.formats import Body, IriRewriter, answer_body


@dataclass
class Limits:
    """What one query may take: seconds of work and rows (or triples) of answer."""

    timeout: float = 10.0
    max_rows: int = 100_000


@dataclass
class Job:
    """One query to answer: SPARQL text (already with parameters), how the client wants the answer."""

    sparql: str
    accept: str = ""
    requested_format: str | None = None


def _error(status: int, message: str) -> Body:
    return Body(status, "text/plain; charset=utf-8", f"kg: error: {message}\n".encode("utf-8"))


def _worker_main(conn, build_dir: str, max_rows: int, public_base: str | None) -> None:
    """A worker process: answer jobs from `conn` until it closes."""
    from kg.errors import KgError
    from kg.query.engine import ResultTooLarge, open_store, run_query

    store = open_store(build_dir, in_memory=None)  # a small build in memory: faster answers
    rewriter = IriRewriter(public_base)
    while True:
        try:
            job: Job = conn.recv()
        except (EOFError, KeyboardInterrupt):
            return
        try:
            # no time limit of its own: the pool kills a worker that runs past the request's limit
            result = run_query(store, rewriter.incoming(job.sparql), max_rows=max_rows, timeout=None)
            body = answer_body(rewriter.outgoing(result), job.accept, job.requested_format)
        except ResultTooLarge as exc:
            body = _error(422, str(exc))
        except KgError as exc:
            body = _error(400, str(exc))
        except Exception as exc:  # an engine failure answers this client; the worker goes on
            body = _error(500, f"the query failed: {exc}")
        conn.send(body)


class _Worker:
    def __init__(self, context, args: tuple):
        self._context, self._args = context, args
        self._start()

    def _start(self) -> None:
        self.conn, child = self._context.Pipe()
        self.process = self._context.Process(target=_worker_main, args=(child, *self._args), daemon=True)
        self.process.start()
        child.close()

    def restart(self) -> None:
        self.stop()
        self._start()

    def stop(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()

    def ask(self, job: Job, timeout: float) -> Body | None:
        """The worker's answer, or None when it took longer than `timeout` (the worker is restarted)."""
        try:
            self.conn.send(job)
            if self.conn.poll(timeout):
                return self.conn.recv()
        except (EOFError, OSError):  # the worker died (out of memory, killed): a fresh one takes over
            self.restart()
            return _error(500, "the query worker stopped; try again")
        self.restart()
        return None


class QueryPool:
    """`size` worker processes over the store of `build_dir`, used from an asyncio server."""

    def __init__(self, build_dir: str | Path, size: int, limits: Limits, public_base: str | None = None):
        self.limits = limits
        self._size = size
        self._args = (str(build_dir), limits.max_rows, public_base)
        self._threads = ThreadPoolExecutor(max_workers=size, thread_name_prefix="kg-query")
        self._workers: list[_Worker] = []
        self._idle: asyncio.Queue | None = None

    def start(self) -> None:
        """Start the workers; call from the server's event loop."""
        context = multiprocessing.get_context("spawn")
        self._workers = [_Worker(context, self._args) for _ in range(self._size)]
        self._idle = asyncio.Queue()
        for worker in self._workers:
            self._idle.put_nowait(worker)

    def close(self) -> None:
        for worker in self._workers:
            worker.stop()
        self._threads.shutdown(wait=False, cancel_futures=True)

    async def answer(self, job: Job) -> Body:
        """The answer to `job`, or a 503 when it ran past the time limit."""
        worker = await self._idle.get()
        loop = asyncio.get_running_loop()
        future = self._threads.submit(worker.ask, job, self.limits.timeout)
        # back to the idle queue only when the worker is done, even if this client went away
        future.add_done_callback(lambda _: loop.call_soon_threadsafe(self._idle.put_nowait, worker))
        body = await asyncio.wrap_future(future)
        if body is None:
            return _error(503, f"the query was stopped after {self.limits.timeout:g} s (the server's time "
                               "limit, --timeout): narrow it or add a LIMIT")
        return body
