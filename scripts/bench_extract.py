#!/usr/bin/env python3
"""Extraction speed against jieba alone, on the bundled corpus (or the files given).

Prints the time jieba.cut needs to segment the cleaned texts, the time the full extraction
needs (spaCy pipeline with the jieba segmenter, every rule component, the learned tagger, the
relation rules and project attributes), their ratio, the one-off start-up time, the time to load
the shipped model, and the peak Python memory (tracemalloc) and max RSS.
usage: python scripts/bench_extract.py [FILE_OR_DIR ...] [--repeat N]
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.ingest.read import collect_inputs, read_document  # noqa: E402
from kg.text import prepare  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("inputs", nargs="*", default=[str(ROOT / "data" / "corpus")])
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    documents = [prepare(raw) for raw in map(read_document, collect_inputs(a.inputs)) if raw is not None]
    chars = sum(len(d.text) for d in documents)

    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    t0 = time.perf_counter()
    from kg.extract import Extractor

    extractor = Extractor()
    # warm up (first use loads jieba's dictionary tables inside the components)
    extractor.nlp.make_doc("预热")
    startup = time.perf_counter() - t0

    def run_jieba() -> float:
        t = time.perf_counter()
        for d in documents:
            for _ in jieba.cut(d.text):
                pass
        return time.perf_counter() - t

    def run_extract() -> float:
        t = time.perf_counter()
        for d in documents:
            extractor.extract(d)
        return time.perf_counter() - t

    from kg.extract.model import load_model

    t = time.perf_counter()
    load_model()
    model_load = time.perf_counter() - t

    run_extract()  # warm-up pass
    # taken in turns, so that a busy spell of the machine slows both alike; the fastest of each
    jieba_times, extract_times = zip(*((run_jieba(), run_extract()) for _ in range(a.repeat)))
    jieba_t, extract_t = min(jieba_times), min(extract_times)
    # memory in a separate pass: tracemalloc slows allocation down and would distort the timings
    tracemalloc.start()
    run_extract()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents         {len(documents)} ({chars} characters)")
    print(f"jieba.cut only    {jieba_t:.3f} s")
    print(f"extraction        {extract_t:.3f} s  (spaCy + jieba + {len(extractor.nlp.pipeline)} components + relations)")
    print(f"ratio             {extract_t / jieba_t:.2f}x")
    print(f"start-up          {startup:.2f} s (pipeline, lexicons, dictionary tables, model; once per process)")
    print(f"model loading     {model_load:.3f} s")
    print(f"peak memory       {peak / 1e6:.1f} MB traced during one extraction pass, {rss:.0f} MB max RSS")


if __name__ == "__main__":
    main()
