"""Per-document work (ingest, text, extraction) in this process, in worker processes, or on a Dask
cluster; resolution stays global, over the `DocumentResult`s in input order, so every executor
gives the same output.

A worker builds its `Extractor` once (models, lexicons) and keeps it for every document it gets.
A Dask worker may run on another machine: it receives the decoded document and the lexicon files'
text rather than paths.
"""
from __future__ import annotations

import os
import tempfile
from array import array
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator

from kg.errors import KgError
from kg.model import Extraction, RawDocument

EXECUTORS = ("local", "dask")
# input worth a worker process that starts on its own (spaCy, jieba's dictionary, the model: about
# 1.5 s, a sixth of what extracting a MiB of text takes)
WORKER_BYTES = 1 << 20
# up to this much input, this process loads the Extractor once before forking the workers, which
# share it (no start-up of their own), and one job runs here; above it, the Extractor stays out of
# this process's memory, which then holds only the resolution and the writing of a large build
# (one job then runs in one worker process)
SHARED_START_BYTES = 8 << 20


@dataclass
class DocumentResult:
    """What one input file gave: nothing (an empty file), its decoded text, and its extraction if it has text."""

    path: Path
    raw: RawDocument | None  # None: an empty file, skipped
    extraction: Extraction | None = None


_extractors: dict[tuple, object] = {}  # one Extractor per lexicon set and model, per process


def _extractor(lexicons: tuple[str, ...], model: str | None):
    if (lexicons, model) not in _extractors:
        from kg.extract import Extractor

        _extractors[(lexicons, model)] = Extractor(list(lexicons), model)
    return _extractors[(lexicons, model)]


def extract_raw(raw: RawDocument, lexicons: tuple[str, ...], model: str | None = None) -> DocumentResult:
    """text -> extract for one decoded document, as a compact record (offsets as a machine array)."""
    from kg.text import prepare

    if not raw.text.strip():
        return DocumentResult(Path(raw.path), raw)
    extraction = _extractor(lexicons, model).extract(prepare(raw))
    document = extraction.document
    document.offsets = array("I", document.offsets)  # 4 bytes an offset instead of a list's ~36
    return DocumentResult(Path(raw.path), raw, extraction)


def read_and_extract(path: Path, lexicons: tuple[str, ...], model: str | None = None) -> DocumentResult:
    """ingest -> text -> extract for one file."""
    from kg.ingest import read_document

    raw = read_document(path)
    if raw is None:
        return DocumentResult(Path(path), None)
    return extract_raw(raw, lexicons, model)


def process_documents(paths: list[Path], lexicons: list[str | Path] | None = None, jobs: int | None = 1,
                      executor: str = "local", scheduler: str | None = None,
                      model: str | Path | None = None) -> Iterator[DocumentResult]:
    """One `DocumentResult` per path, in the order of `paths`.

    local: `jobs` worker processes (None: see _default_workers; 1: this process, or for a corpus
    above SHARED_START_BYTES one worker process); dask: the
    cluster whose scheduler listens at `scheduler` (host:port or tcp://host:port).
    `model`: a folder from `kg train` (None: the shipped model; on a cluster the folder must be
    readable by the workers)."""
    lexicon_paths = tuple(str(p) for p in lexicons or [])
    model = str(model) if model is not None else None
    if executor == "dask":
        yield from _dask(paths, lexicon_paths, scheduler, model)
        return
    if executor != "local":
        raise KgError(f"unknown executor {executor!r}: choose one of {', '.join(EXECUTORS)}")
    if scheduler is not None:
        raise KgError("--scheduler needs --executor dask")
    if jobs is not None and jobs < 1:
        raise KgError(f"--jobs {jobs}: give a number of processes, 1 or more")
    workers = min(jobs or _default_workers(paths), len(paths))
    if workers <= 1 and _total_size(paths) <= SHARED_START_BYTES:
        for path in paths:
            yield read_and_extract(path, lexicon_paths, model)
        return
    yield from _processes(paths, lexicon_paths, workers, model)


def _processes(paths: list[Path], lexicons: tuple[str, ...], workers: int, model: str | None) -> Iterator[DocumentResult]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork: the workers start without importing kg again; each loads its Extractor on first use,
    # unless this process loads it first for all of them (a small corpus, see SHARED_START_BYTES)
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    if _shares_start_up(paths):
        _warm_extractor(lexicons, model)
    # largest files first, so no worker starts a long document when the others are nearly done
    order = sorted(range(len(paths)), key=lambda i: -_size(paths[i]))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = {i: pool.submit(read_and_extract, paths[i], lexicons, model) for i in order}
        try:
            for i in range(len(paths)):
                yield futures[i].result()
        finally:
            for future in futures.values():
                future.cancel()


def _warm_extractor(lexicons: tuple[str, ...], model: str | None) -> None:
    """Load the Extractor here, with every table it loads on first use, for workers to inherit."""
    from kg.model import RawDocument

    extract_raw(RawDocument("warm-up", "warm-up.txt", "洛阳市中信重工有限公司实施智能制造项目。\n", "utf-8"), lexicons, model)


def _default_workers(paths: list[Path]) -> int:
    """One worker per CPU (and per document). A small corpus (up to SHARED_START_BYTES): the workers
    share this process's start-up, so each costs a fork; above it, no more than one per
    WORKER_BYTES of input (each starts on its own)."""
    cpus = os.cpu_count() or 1
    if _shares_start_up(paths):
        return max(1, min(cpus, len(paths)))
    return max(1, min(cpus, _total_size(paths) // WORKER_BYTES))


def _shares_start_up(paths: list[Path]) -> bool:
    """Whether forked workers inherit this process's Extractor: a small corpus, where fork exists."""
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods() and _total_size(paths) <= SHARED_START_BYTES


def _total_size(paths: list[Path]) -> int:
    return sum(map(_size, paths))


def _size(path: Path) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0  # read_and_extract reports it


def _dask_extract(raw: RawDocument, lexicons: tuple[str, ...], model: str | None) -> DocumentResult:
    """On a Dask worker: write the lexicon files (by content) into a folder of its own once, then extract."""
    import hashlib

    folder = Path(tempfile.gettempdir()) / f"kg-lexicons-{os.getpid()}"
    paths = []
    for text in lexicons:
        path = folder / f"{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}.tsv"
        if not path.is_file():
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return extract_raw(raw, tuple(paths), model)


def _dask(paths: list[Path], lexicons: tuple[str, ...], scheduler: str | None,
          model: str | None) -> Iterator[DocumentResult]:
    if not scheduler:
        raise KgError("--executor dask needs --scheduler ADDRESS (the Dask scheduler, e.g. tcp://10.0.0.5:8786)")
    try:
        from distributed import Client
    except ImportError:
        raise KgError("--executor dask needs dask.distributed: pip install 'kg[dask]'") from None
    from kg.ingest import read_document

    lexicon_texts = tuple(Path(path).read_text(encoding="utf-8") for path in lexicons)
    try:
        client = Client(scheduler, timeout=30)
    except (OSError, TimeoutError) as exc:
        raise KgError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    with client:
        pending = []  # (path, future or None for an empty file), in input order
        for path in paths:
            raw = read_document(path)
            future = None if raw is None else client.submit(_dask_extract, raw, lexicon_texts, model, pure=False)
            pending.append((path, future))
        for path, future in pending:
            yield DocumentResult(Path(path), None) if future is None else replace(future.result(), path=Path(path))
