"""Data files inside the installed package, the same way for wheel and editable installs."""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

SCHEMAS = Path(files("kg._schemas"))  # the top-level schemas/, installed as kg/_schemas
QUERIES = Path(files("kg")) / "query" / "queries"
