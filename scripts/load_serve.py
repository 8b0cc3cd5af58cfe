"""Load test of `kg serve` on loopback: N concurrent clients for S seconds, then errors and latency.

    python scripts/load_serve.py [BUILD_DIR] [--clients 50] [--seconds 60] [--workers 4]
                                 [--sparql-only] [--endpoint URL]

Starts `kg serve BUILD_DIR` on a free 127.0.0.1 port; every client loops until the time is up over
a fixed mix of requests: library queries at /sparql (JSON, CSV, XML), entity pages (HTML and
Turtle) and the query page (`--sparql-only`: the library queries alone).  `--endpoint URL` loads
another SPARQL endpoint already running on loopback with the library queries instead (e.g.
`oxigraph serve-read-only --location BUILD_DIR/store/db --union-default-graph`, URL
http://127.0.0.1:7878/query), for comparison.  Each client waits for its answer before the next
request, so the load is bounded by the number of clients.  Not part of `make test`.
"""
from __future__ import annotations

import argparse
import asyncio
import itertools
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from kg.query import open_store, resolve_query, run_query
from kg.serve.process import ServerProcess

LIBRARY = ("companies_initiatives", "top_entities", "class_counts", "relation_counts", "initiatives_per_company")
FORMATS = ("application/sparql-results+json", "text/csv", "application/sparql-results+xml")


def request_mix(build_dir: Path, sparql_path: str = "/sparql", pages: bool = True,
                entities: int = 40) -> list[tuple[str, dict, dict]]:
    """(path, query parameters, headers) of the requests the clients cycle through."""
    mix = [(sparql_path, {"query": resolve_query(name)}, {"Accept": fmt})
           for name, fmt in zip(LIBRARY, itertools.cycle(FORMATS))]
    if not pages:
        return mix
    sparql = f"SELECT ?e WHERE {{ ?e dcterms:identifier ?id ; skos:prefLabel ?l }} ORDER BY ?e LIMIT {entities}"
    rows = run_query(open_store(build_dir), sparql).rows
    paths = ["/" + row[0].value.split("/kg-gov-cn/", 1)[1] for row in rows]
    mix += [(path, {}, {"Accept": "text/html"}) for path in paths[: entities // 2]]
    mix += [(path, {}, {"Accept": "text/turtle"}) for path in paths[entities // 2:]]
    mix.append(("/query", {}, {"Accept": "text/html"}))
    return mix


async def client(base: str, mix: list, offset: int, deadline: float, latencies: list, errors: list) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=60) as http:
        for path, params, headers in itertools.islice(itertools.cycle(mix), offset, None):
            if time.monotonic() >= deadline:
                return
            started = time.monotonic()
            try:
                response = await http.get(path, params=params, headers=headers)
                if response.status_code != 200:
                    errors.append(f"{response.status_code} {path}")
            except httpx.HTTPError as exc:
                errors.append(f"{type(exc).__name__} {path}")
            latencies.append(time.monotonic() - started)


async def load(base: str, mix: list, clients: int, seconds: float) -> tuple[list, list, float]:
    latencies: list[float] = []
    errors: list[str] = []
    started = time.monotonic()
    deadline = started + seconds
    await asyncio.gather(*(client(base, mix, i, deadline, latencies, errors) for i in range(clients)))
    return latencies, errors, time.monotonic() - started


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build_dir", nargs="?", default="out", type=Path)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--sparql-only", action="store_true", help="only the library queries")
    parser.add_argument("--endpoint", help="load this running SPARQL endpoint instead of starting kg serve")
    args = parser.parse_args()
    if args.endpoint:
        url = urlsplit(args.endpoint)
        mix = request_mix(args.build_dir, sparql_path=url.path, pages=False)
        latencies, errors, elapsed = asyncio.run(load(f"{url.scheme}://{url.netloc}", mix, args.clients, args.seconds))
        server = args.endpoint
    else:
        mix = request_mix(args.build_dir, pages=not args.sparql_only)
        with ServerProcess(args.build_dir, "--workers", str(args.workers)) as base:
            latencies, errors, elapsed = asyncio.run(load(base, mix, args.clients, args.seconds))
        server = f"kg serve, {args.workers} workers{', library queries only' if args.sparql_only else ''}"
    ms = [1000 * value for value in latencies]
    print(f"{server}: {args.clients} clients, {elapsed:.0f} s: {len(ms)} requests "
          f"({len(ms) / elapsed:.0f}/s), {len(errors)} errors")
    print(f"latency ms: p50 {percentile(ms, 50):.0f}  p90 {percentile(ms, 90):.0f}  p99 {percentile(ms, 99):.0f}  "
          f"max {max(ms):.0f}  mean {statistics.fmean(ms):.0f}")
    for error in sorted(set(errors))[:10]:
        print("  error:", error)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
