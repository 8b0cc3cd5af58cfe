"""The query library (kg/query/queries/*.rq) and safe parameter substitution.

A parameter is a `$name` variable in a query's WHERE clause; `substitute_params` replaces it by a
SPARQL string literal with every special character escaped, so a value can never end the
literal and inject SPARQL.  `?name` variables are never parameters.

A query that lists every piece of evidence pages: it ends with `LIMIT $limit OFFSET $offset`,
two optional integer parameters (`PAGE_SIZE` rows from the first unless told otherwise; a limit
of 0 gives every row), so its first rows come in a time that does not grow with the build.
"""
from __future__ import annotations

import re
from pathlib import Path

from kg.errors import KgError
from kg.resources import QUERIES

# SPARQL strings, IRIs and comments: text in which `$name` or `prefix:` mean nothing
OPAQUE = (r'"""(?:[^"\\]|\\.|"(?!""))*"""'
          r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
          r'|"(?:[^"\\\n]|\\.)*"'
          r"|'(?:[^'\\\n]|\\.)*'"
          r'|<[^<>"{}|^`\\\s]*>'
          r"|#[^\n]*")
# Strings, IRIs and comments are copied as they are; only a `$name` outside them is a parameter
# (with the LIMIT or OFFSET keyword before it, for the page parameters).
TOKENS = re.compile(rf"(?P<skip>{OPAQUE})|(?P<keyword>\b(?i:LIMIT|OFFSET)\s+)?\$(?P<param>[A-Za-z_][A-Za-z0-9_]*)")
PAGE_SIZE = 100  # rows a query that pages answers unless told otherwise
PAGE_PARAMETERS = {"limit": PAGE_SIZE, "offset": 0}  # name -> default
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_SPARQL_START = re.compile(r"^\s*(PREFIX|BASE|SELECT|ASK|CONSTRUCT|DESCRIBE|INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE | re.MULTILINE)


def list_queries() -> list[tuple[str, str]]:
    """(name, description) of every library query, by name."""
    return [(path.stem, describe(path.read_text(encoding="utf-8"))) for path in sorted(QUERIES.glob("*.rq"))]


def describe(sparql: str) -> str:
    """The first paragraph of a query's comment header, as one line."""
    lines = []
    for line in sparql.splitlines():
        text = line.strip()
        if not text.startswith("#") or not text.lstrip("#").strip():
            break
        lines.append(text.lstrip("#").strip())
    return " ".join(lines)


def resolve_query(spec: str) -> str:
    """SPARQL text for a library query name, a .rq file path, or literal SPARQL."""
    library_file = QUERIES / f"{spec}.rq"
    if re.fullmatch(r"[A-Za-z0-9_]+", spec) and library_file.is_file():
        return library_file.read_text(encoding="utf-8")
    if _is_file(spec):
        try:
            return Path(spec).read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise KgError(f"{spec}: not UTF-8 text (undecodable byte at position {exc.start})") from None
    if _SPARQL_START.search(spec):
        return utf8_text(spec, "the query text")
    if spec.endswith(".rq"):
        raise KgError(f"query file not found: {spec}")
    names = ", ".join(name for name, _ in list_queries())
    raise KgError(f"unknown query {spec!r}: give a library query ({names}), a .rq file or SPARQL text")


def utf8_text(value: str, what: str) -> str:
    """`value` unchanged; KgError if it holds undecodable bytes (a command-line argument that was
    not UTF-8 arrives with surrogate escapes)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise KgError(f"{what} holds bytes that are not UTF-8 (position {exc.start})") from None
    return value


def _is_file(spec: str) -> bool:
    try:
        return Path(spec).is_file()
    except (OSError, ValueError):  # SPARQL text too long for a file name, or with a NUL
        return False


def query_parameters(sparql: str) -> list[str]:
    """The `$name` parameters a query needs (string values), sorted; the page parameters are optional
    and not among them."""
    return sorted({m["param"] for m in TOKENS.finditer(sparql) if m["param"]} - set(PAGE_PARAMETERS))


def pages(sparql: str) -> bool:
    """Whether a query pages (ends with `LIMIT $limit OFFSET $offset`)."""
    return {m["param"] for m in TOKENS.finditer(sparql) if m["param"]} >= set(PAGE_PARAMETERS)


def page_values(params: dict[str, str]) -> dict[str, int]:
    """`limit` and `offset` from `params` (defaults where absent) as integers; KgError if not 0 or more."""
    values = {}
    for name, default in PAGE_PARAMETERS.items():
        text = str(params.get(name, default)).strip()
        if not text.isascii() or not text.isdigit():
            raise KgError(f"--{name} {params[name]!r}: give a whole number, 0 or more")
        values[name] = int(text)
    return values


def sparql_string(value: str) -> str:
    """`value` as a SPARQL string literal."""
    return '"' + "".join(_ESCAPES.get(char, char) for char in value) + '"'


def substitute_params(sparql: str, params: dict[str, str]) -> str:
    """Replace every `$name` by the string literal of `params[name]`, and the page parameters by
    integers (a limit of 0 drops the LIMIT); KgError if a parameter is missing or not used by the query."""
    wanted = query_parameters(sparql)
    paged = pages(sparql)
    unknown = sorted(set(params) - set(wanted) - (set(PAGE_PARAMETERS) if paged else set()))
    if unknown:
        if set(unknown) <= set(PAGE_PARAMETERS):
            raise KgError(f"--{unknown[0]} applies to the library queries that page (they end with "
                          f"LIMIT $limit OFFSET $offset); write LIMIT and OFFSET into this query instead")
        takes = ", ".join(wanted) if wanted else "no parameters"
        raise KgError(f"unknown parameter {', '.join(unknown)}: this query takes {takes}")
    missing = [name for name in wanted if name not in params]
    if missing:
        raise KgError(f"missing parameter {', '.join(missing)}: pass --param {missing[0]}=VALUE")
    page = page_values(params) if paged else {}

    def replace(match: re.Match) -> str:
        name = match["param"]
        if not name:
            return match[0]
        if name in page:
            return "" if name == "limit" and page[name] == 0 else f"{match['keyword'] or ''}{page[name]}"
        return (match["keyword"] or "") + sparql_string(utf8_text(params[name], f"--param {name}"))

    return TOKENS.sub(replace, sparql)
