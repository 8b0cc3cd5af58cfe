"""kg.query.guard: updates and SERVICE are refused wherever they hide; their words elsewhere are not."""
from __future__ import annotations

import pytest

from kg.errors import KgError
from kg.query.guard import check_read_only


@pytest.mark.parametrize("sparql", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { service silent <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "PREFIX e: <http://127.0.0.1:9/> SELECT * WHERE { SERVICE e: { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o . SERVICE ?endpoint { ?s ?p ?o } }",
    "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "# a comment\nSELECT * WHERE {\n  SERVICE\n<http://127.0.0.1:9/> {} }",
])
def test_service_is_refused(sparql):
    with pytest.raises(KgError, match="SERVICE is not allowed: kg query makes no network request"):
        check_read_only(sparql)


@pytest.mark.parametrize("sparql, keyword", [
    ("LOAD <http://127.0.0.1:9/data.ttl>", "LOAD"),
    ("load silent <http://127.0.0.1:9/data.ttl> INTO GRAPH <urn:g>", "LOAD"),
    ("PREFIX a: <urn:a#>\nBASE <urn:b>\nINSERT DATA { a:x a:y a:z }", "INSERT"),
    ("DELETE WHERE { ?s ?p ?o }", "DELETE"),
    ("# wipe\nCLEAR ALL", "CLEAR"),
    ("DROP GRAPH <urn:g>", "DROP"),
    ("WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "WITH"),
])
def test_updates_are_refused(sparql, keyword):
    with pytest.raises(KgError, match=f"updates are not allowed: kg query only reads the build \\({keyword} refused\\)"):
        check_read_only(sparql)


@pytest.mark.parametrize("sparql", [
    'SELECT ?service WHERE { BIND("SERVICE <http://x/>" AS ?service) }',
    "PREFIX service: <urn:s#> SELECT * WHERE { ?s service:load ?o } # SERVICE",
    "SELECT * WHERE { ?s <http://example.org/SERVICE> ?o }",
    "SELECT ?load ?insert WHERE { ?load ?insert ?o }",
    "ASK { ?s ?p 'LOAD <http://x/>' }",
])
def test_the_words_elsewhere_are_no_reason_to_refuse(sparql):
    check_read_only(sparql)
