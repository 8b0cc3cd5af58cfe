"""`kg stats`: counts per class and relation and the best-connected entities, from the library queries."""
from __future__ import annotations

from pathlib import Path

from kg.query.engine import open_store, run_query
from kg.query.library import resolve_query
from kg.query.render import render

SECTIONS = (
    ("class_counts", "Instances per class"),
    ("relation_counts", "Relations and their evidence"),
    ("top_entities", "Top entities by degree"),
)


def stats_text(out_dir: str | Path) -> str:
    store = open_store(out_dir)
    return "\n".join(f"{title}\n{render(run_query(store, resolve_query(name), {}), 'table')}"
                     for name, title in SECTIONS)
