#!/usr/bin/env python3
"""Adding one document to a build against a full build, on the bundled corpus (or the files given).

Builds every document but the last into a fresh folder, then times `kg add LAST` into it (one
document read, the others from the build's cache, everything resolved and written again) and a
full `kg build` of all documents into another fresh folder, and checks both give the same bytes.
Also times the reading and extraction stage alone (what the cache saves) for both: the rest of
each run is resolving and writing the outputs of the whole graph, which both do alike.
usage: python scripts/bench_add.py [FILE_OR_DIR ...]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg import api  # noqa: E402
from kg.incremental import ExtractionCache, read_manifest  # noqa: E402
from kg.incremental.documents import extract_documents  # noqa: E402
from kg.ingest import collect_inputs  # noqa: E402


def _files(out: Path) -> dict:
    return {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and "store" not in p.relative_to(out).parts}


def _timed(func, *args) -> float:
    start = time.perf_counter()
    func(*args)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("inputs", nargs="*", default=[str(ROOT / "data" / "corpus")])
    paths = collect_inputs(ap.parse_args().inputs)
    if len(paths) < 2:
        sys.exit("bench_add: give at least two documents")
    *first, last = paths
    with tempfile.TemporaryDirectory() as tmp:
        incremental, full, stage = Path(tmp) / "incremental", Path(tmp) / "full", Path(tmp) / "stage"
        api.build(first, incremental)
        api.build(first, stage)
        kept = read_manifest(stage).documents
        add_stage = _timed(extract_documents, [last], [], ExtractionCache(stage), kept)
        full_stage = _timed(extract_documents, paths, [])
        add = _timed(api.add, [last], incremental)
        build = _timed(api.build, paths, full)
        same = _files(incremental) == _files(full)
    print(f"documents: {len(paths)} (added: {last.name})")
    print(f"full build:        {build:7.2f} s   reading and extraction: {full_stage:6.2f} s")
    print(f"add one document:  {add:7.2f} s   reading and extraction: {add_stage:6.2f} s")
    print(f"add / full build:  {add / build:7.0%}     reading and extraction: {add_stage / full_stage:6.0%}")
    print(f"same bytes as the full build: {'yes' if same else 'NO'}")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
