"""`kg serve`: a build over HTTP: the SPARQL 1.1 Protocol at /sparql, a page for every entity and
document IRI (HTML for browsers, RDF by content negotiation), and a query page.

Starlette answers requests on uvicorn; pyoxigraph answers queries in worker processes
(kg.serve.workers), each query bounded in time and result size, the store opened read-only.
"""
from __future__ import annotations

from pathlib import Path

from kg.serve.workers import Limits


def serve(build_dir: str | Path, host: str = "127.0.0.1", port: int = 8000, workers: int = 4,
          limits: Limits | None = None, public_base: str | None = None) -> None:
    """Serve `build_dir` until interrupted (its query store is made first if needed)."""
    import uvicorn

    from kg.query import open_store
    from kg.serve.app import create_app

    open_store(build_dir)  # made (or checked) once here, then opened read-only by every worker
    app = create_app(build_dir, workers, limits, public_base)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)


__all__ = ["Limits", "serve"]
