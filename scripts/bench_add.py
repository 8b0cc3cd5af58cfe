#!/usr/bin/env python3
"""Adding one document to a build against a full build, on the bundled corpus (or the files given).

Builds every document but the last into a fresh folder, then times `kg add LAST` into it (one
document read, the others from the build's cache, everything resolved and written again) and a
full `kg build` of all documents into another fresh folder, and checks both give the same bytes.
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
        incremental, full = Path(tmp) / "incremental", Path(tmp) / "full"
        api.build(first, incremental)
        add = _timed(api.add, [last], incremental)
        build = _timed(api.build, paths, full)
        same = _files(incremental) == _files(full)
    print(f"documents: {len(paths)} (added: {last.name})")
    print(f"full build:        {build:7.2f} s")
    print(f"add one document:  {add:7.2f} s  ({add / build:.0%} of a full build)")
    print(f"same bytes as the full build: {'yes' if same else 'NO'}")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
