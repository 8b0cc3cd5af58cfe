"""Time every library query on pyoxigraph once the store is loaded; fail if one is over budget.

    python scripts/bench_queries.py                 # builds data/corpus into a temporary folder
    python scripts/bench_queries.py --build out     # an existing `kg build` output
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from kg.query import list_queries, open_store, resolve_query, run_query
from kg.query.library import query_parameters

ROOT = Path(__file__).resolve().parents[1]
NAME_QUERY = """SELECT ?name WHERE { ?e <https://w3id.org/kg-gov-cn/ontology#undertakes>|
  <https://w3id.org/kg-gov-cn/ontology#participatesIn> ?x ; <http://www.w3.org/2004/02/skos/core#prefLabel> ?name }
  ORDER BY STR(?name) LIMIT 1"""
FALLBACK_NAME_QUERY = "SELECT ?name WHERE { ?e <http://www.w3.org/2004/02/skos/core#prefLabel> ?name } ORDER BY STR(?name) LIMIT 1"


def _example_name(store) -> str:
    """A name for `$name`: an entity with relations if there is one, else any entity."""
    for sparql in (NAME_QUERY, FALLBACK_NAME_QUERY):
        rows = run_query(store, sparql, {}).rows
        if rows:
            return rows[0][0].value
    return ""


def bench(build_dir: Path, repeat: int, budget_ms: float) -> bool:
    started = time.perf_counter()
    store = open_store(build_dir)
    print(f"store opened in {(time.perf_counter() - started) * 1000:.1f} ms ({build_dir / 'store'})")
    name = _example_name(store)
    ok = True
    print(f"{'query':28} {'rows':>6} {'median ms':>10} {'max ms':>8}   ($name = {name})")
    for query_name, _ in list_queries():
        sparql = resolve_query(query_name)
        params = {param: name for param in query_parameters(sparql)}
        rows = len(run_query(store, sparql, params).rows)  # warm-up
        timings = []
        for _ in range(repeat):
            start = time.perf_counter()
            run_query(store, sparql, params)
            timings.append((time.perf_counter() - start) * 1000)
        median = statistics.median(timings)
        flag = "" if median < budget_ms else f"  OVER {budget_ms:g} ms"
        ok = ok and not flag
        print(f"{query_name:28} {rows:6d} {median:10.2f} {max(timings):8.2f}{flag}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", type=Path, help="a `kg build` output folder (default: build data/corpus)")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--budget-ms", type=float, default=100.0)
    args = parser.parse_args()
    if args.build is not None:
        return 0 if bench(args.build, args.repeat, args.budget_ms) else 1
    from kg import api

    with tempfile.TemporaryDirectory() as tmp:
        api.build([ROOT / "data" / "corpus"], Path(tmp))
        return 0 if bench(Path(tmp), args.repeat, args.budget_ms) else 1


if __name__ == "__main__":
    sys.exit(main())
