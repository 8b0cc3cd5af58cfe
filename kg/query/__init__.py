"""SPARQL over a build: the query library, a persisted pyoxigraph store, result rendering, stats.

Importing kg.query is cheap; pyoxigraph and rich load when a store is opened or a table rendered.
"""
from kg.query.engine import QueryResult, open_store, run_query
from kg.query.library import list_queries, resolve_query
from kg.query.render import render
from kg.query.stats import stats_text

__all__ = ["QueryResult", "list_queries", "open_store", "render", "resolve_query", "run_query", "stats_text"]
