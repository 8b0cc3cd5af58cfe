#!/usr/bin/env python3
"""How `kg build` and `kg query` scale: 1x, 10x, 100x the bundled corpus, made in a temporary folder.

For each size: characters per second, wall and CPU time and peak memory of `kg build` with
--jobs 1 and --jobs 2 (each a fresh process into a fresh folder; at 1x the fastest of three, so
file and import caches are warm), the speed-up, CPU against the size times the bundled corpus's
extraction-and-write CPU (its build's less a one-sentence build's), the time to bulk-load
graph.nq into a new store, the load average, and each library query's median latency on the
build's store as `kg serve` holds it (queries that page: their first page).  Then extraction time as a ratio to jieba's segmentation
(scripts/bench_extract.py).  Prints a Markdown table (and writes it to --output).

usage: python scripts/bench_scale.py [--sizes 1,10,100] [--output FILE] [--keep DIR]
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.query import list_queries, open_store, resolve_query, run_query  # noqa: E402
from kg.query.library import query_parameters  # noqa: E402

CORPUS = ROOT / "data" / "corpus"
NAME_QUERY = """SELECT ?name WHERE { ?e <https://w3id.org/kg-gov-cn/ontology#undertakes>|
  <https://w3id.org/kg-gov-cn/ontology#participatesIn> ?x ; <http://www.w3.org/2004/02/skos/core#prefLabel> ?name }
  ORDER BY STR(?name) LIMIT 1"""
FALLBACK_NAME_QUERY = "SELECT ?name WHERE { ?e <http://www.w3.org/2004/02/skos/core#prefLabel> ?name } ORDER BY STR(?name) LIMIT 1"


@dataclass
class Run:
    wall: float  # seconds
    cpu: float  # user + system, of the build and its workers
    peak_mib: float  # the largest resident set of one process of the build
    load: float  # the machine's load average (1 minute) when the build ended


def make_corpus(folder: Path, copies: int) -> int:
    """`copies` copies of every bundled document (NAME-cNNN.txt); returns the number of characters."""
    folder.mkdir(parents=True)
    chars = 0
    for source in sorted(CORPUS.glob("*.txt")):
        text = source.read_text(encoding="utf-8")
        for copy in range(copies):
            (folder / f"{source.stem}-c{copy:03d}.txt").write_text(text, encoding="utf-8")
        chars += len(text) * copies
    return chars


def build(corpus: Path, out: Path, jobs: int) -> Run:
    """`kg build` in a fresh process (wait4 gives its CPU time and peak memory, workers included)."""
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-c", "from kg.cli import main; main()", "build", str(corpus), "--out", str(out),
               "--jobs", str(jobs)]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"kg build failed: {process.stderr.read().decode()}")
    # wait4's usage covers the build and the workers it waited for; ru_maxrss: the largest of them
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, os.getloadavg()[0])


def store_load_seconds(out: Path) -> float:
    import pyoxigraph as ox

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        ox.Store(tmp).bulk_load(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS)
        return time.perf_counter() - started


def example_name(store) -> str:
    """A name for `$name`: an entity with relations if there is one, else any entity."""
    for sparql in (NAME_QUERY, FALLBACK_NAME_QUERY):
        rows = run_query(store, sparql, {}).rows
        if rows:
            return rows[0][0].value
    return ""


def query_latencies(out: Path, repeat: int) -> dict[str, tuple[float, int]]:
    """Library query name -> (median milliseconds, rows) on the store of build `out` as `kg serve`
    and the Python API hold it (in memory up to kg.query.engine.IN_MEMORY_BYTES of graph.nq, else
    the on-disk store)."""
    store = open_store(out, in_memory=None)
    name = example_name(store)
    latencies = {}
    for query_name, _ in list_queries():
        sparql = resolve_query(query_name)
        params = {param: name for param in query_parameters(sparql)}
        rows = len(run_query(store, sparql, params).rows)  # warm-up
        timings = []
        for _ in range(repeat):
            started = time.perf_counter()
            run_query(store, sparql, params)
            timings.append((time.perf_counter() - started) * 1000)
        latencies[query_name] = (statistics.median(timings), rows)
    return latencies


def extraction_ratio() -> str:
    output = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench_extract.py"), "--repeat", "3"],
                            capture_output=True, text=True, check=True).stdout
    return re.search(r"ratio\s+(\S+)", output).group(1)


def quads(out: Path) -> int:
    with open(out / "graph.nq", "rb") as fh:
        return sum(1 for _ in fh)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,100", help="comma-separated copies of the corpus")
    parser.add_argument("--output", type=Path, help="also write the table here")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary one)")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    work = args.keep or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    rows, query_rows = [], {}
    try:
        tiny = work / "startup"
        tiny.mkdir(parents=True, exist_ok=True)
        (tiny / "one.txt").write_text("中信重工承建洛阳智能制造产业园项目。\n", encoding="utf-8")
        startup = min((build(tiny, work / "out-startup", 1) for _ in range(2)), key=lambda run: run.cpu)
        print(f"start-up (one-sentence build): {startup}", file=sys.stderr)
        for size in sizes:
            corpus = work / f"corpus-{size}x"
            shutil.rmtree(corpus, ignore_errors=True)
            chars = make_corpus(corpus, size)
            runs = {}
            for jobs in (1, 2):
                out = work / f"out-{size}x-j{jobs}"
                if size == 1:  # warm runs (caches warm, not the build's extraction cache): the fastest of three
                    runs[jobs] = min((build(corpus, out, jobs) for _ in range(3)), key=lambda run: run.wall)
                else:
                    runs[jobs] = build(corpus, out, jobs)
                print(f"{size}x --jobs {jobs}: {runs[jobs]}", file=sys.stderr)
            out = work / f"out-{size}x-j1"
            size_mib = sum(p.stat().st_size for p in out.iterdir() if p.is_file()) / 2**20
            rows.append((size, chars, runs, store_load_seconds(out), quads(out), size_mib))
            for name, (ms, count) in query_latencies(out, repeat=5 if size <= 10 else 3).items():
                query_rows.setdefault(name, {})[size] = (ms, count)
        ratio = extraction_ratio()
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    table = render(sizes, rows, query_rows, ratio, startup)
    print(table)
    if args.output:
        args.output.write_text(table, encoding="utf-8")


def render(sizes, rows, query_rows, ratio, startup: Run) -> str:
    lines = [
        "| corpus | characters | quads | files (MiB) | wall, --jobs 1 | CPU | peak memory | chars/s | "
        "wall, --jobs 2 | CPU | peak memory (largest process) | wall 2 / wall 1 | CPU / (size × 1× CPU) | "
        "store load | load average |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    # the bundled corpus's extraction-and-write CPU: its build's less the start-up's (a one-sentence build)
    base = rows[0][2][1].cpu - startup.cpu if rows and rows[0][0] == 1 else None
    for size, chars, runs, load, quad_count, size_mib in rows:
        one, two = runs[1], runs[2]
        cpu_ratio = f"{one.cpu / (size * base):.2f}" if base else "–"
        lines.append(
            f"| {size}× | {chars:,} | {quad_count:,} | {size_mib:.1f} | {one.wall:.1f} s | {one.cpu:.1f} s | "
            f"{one.peak_mib:.0f} MiB | {chars / one.wall:,.0f} | {two.wall:.1f} s | {two.cpu:.1f} s | "
            f"{two.peak_mib:.0f} MiB | {two.wall / one.wall:.2f} | {cpu_ratio} | {load:.2f} s | "
            f"{one.load:.1f} / {two.load:.1f} |")
    lines += ["", "| library query | " + " | ".join(f"{size}× (rows)" for size in sizes) + " |",
              "| --- | " + " | ".join("---:" for _ in sizes) + " |"]
    for name, by_size in sorted(query_rows.items()):
        cells = [f"{by_size[size][0]:.1f} ms ({by_size[size][1]:,})" for size in sizes]
        lines.append(f"| `{name}` | " + " | ".join(cells) + " |")
    if base:
        lines += ["", f"Start-up (a one-sentence build, --jobs 1): {startup.wall:.1f} s wall, {startup.cpu:.1f} s CPU; "
                      f"the bundled corpus's extraction and write: {base:.1f} s CPU (its build's less the start-up)."]
    lines += ["", f"Entity extraction takes {ratio} the time of jieba's segmentation alone on the same text "
              "(scripts/bench_extract.py)."]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
