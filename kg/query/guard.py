"""What `kg query` refuses before running anything: updates and federated queries.

kg makes no network request: a `SERVICE` clause (pyoxigraph would send it over HTTP) is refused,
and so is every SPARQL update (LOAD fetches a URL; the others would change the build). The check
reads the query's keywords outside strings, IRIs and comments, after SPARQL's \\u escapes.
"""
from __future__ import annotations

import re

from kg.errors import KgError
from kg.query.library import TOKENS

_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_PROLOGUE = re.compile(r"\s*(?:BASE\s*<>|PREFIX\s*[^\s:]*:\s*<>)", re.IGNORECASE)
_UPDATE = re.compile(r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE)
# the keyword, not a variable (?service), a prefixed name (ex:service, service:x) or part of a word
_SERVICE = re.compile(r"(?<![\w:?$\-.])SERVICE(?![\w:\-])", re.IGNORECASE)


def _codepoint(match: re.Match) -> str:
    value = int(match[1] or match[2], 16)
    return chr(value) if value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF else match[0]


def _keywords(sparql: str) -> str:
    """The query with strings, IRIs and comments blanked (IRIs become `<>`)."""
    text = _CODEPOINT.sub(_codepoint, sparql)
    return TOKENS.sub(lambda m: ("<>" if m[0].startswith("<") else " ") if m["skip"] else m[0], text)


def check_read_only(sparql: str) -> None:
    """KgError if `sparql` is an update or calls a remote endpoint with SERVICE."""
    code = _keywords(sparql)
    body = code[_prologue_end(code):]
    update = _UPDATE.match(body)
    if update:
        raise KgError(f"updates are not allowed: kg query only reads the build ({update[1].upper()} refused)")
    if _SERVICE.search(code):
        raise KgError("SERVICE is not allowed: kg query makes no network request (federated queries refused)")


def _prologue_end(code: str) -> int:
    end = 0
    while match := _PROLOGUE.match(code, end):
        end = match.end()
    return len(code) - len(code[end:].lstrip())
