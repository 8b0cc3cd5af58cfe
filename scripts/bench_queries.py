"""Time every library query on pyoxigraph once the store is loaded; fail if one is over budget.

    python scripts/bench_queries.py                 # builds data/corpus into a temporary folder
    python scripts/bench_queries.py --build out     # an existing `kg build` output
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from bench_scale import CORPUS, query_latencies
from kg.query import open_store


def bench(build_dir: Path, repeat: int, budget_ms: float) -> bool:
    started = time.perf_counter()
    open_store(build_dir, in_memory=None)
    print(f"store opened as `kg serve` holds it in {(time.perf_counter() - started) * 1000:.1f} ms")
    ok = True
    print(f"{'query':28} {'rows':>6} {'median ms':>10}")
    for query_name, (median, rows) in query_latencies(build_dir, repeat).items():
        flag = "" if median < budget_ms else f"  OVER {budget_ms:g} ms"
        ok = ok and not flag
        print(f"{query_name:28} {rows:6d} {median:10.2f}{flag}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", type=Path, help="a `kg build` output folder (default: build data/corpus)")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--budget-ms", type=float, default=50.0)
    args = parser.parse_args()
    if args.build is not None:
        return 0 if bench(args.build, args.repeat, args.budget_ms) else 1
    from kg import api

    with tempfile.TemporaryDirectory() as tmp:
        api.build([CORPUS], Path(tmp))
        return 0 if bench(Path(tmp), args.repeat, args.budget_ms) else 1


if __name__ == "__main__":
    sys.exit(main())
