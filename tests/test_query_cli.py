"""`kg query`, `kg stats` and `kg validate` through the command line, on the small graph."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import small_resolution
from kg.graph import build_graph
from kg.rdf import write_rdf


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    write_rdf(build_graph(small_resolution()), out)
    return out


def kg(*args):
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True)


def test_query_prints_sparql_json(build):
    result = kg("query", "mentions", "--build", build, "--param", "name=中信重工", "--format", "json")
    assert result.returncode == 0, result.stderr
    bindings = json.loads(result.stdout)["results"]["bindings"]
    assert [b["sentence"]["value"][:4] for b in bindings] == ["中航光电"]


@pytest.mark.parametrize("args, message", [
    (["SELECT ?x WHERE { ?x"], "malformed SPARQL"),
    (["entity"], "missing parameter name"),
    (["no_such_query"], "unknown query 'no_such_query'"),
])
def test_query_errors_are_one_line(build, args, message):
    result = kg("query", *args, "--build", build)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_stats_and_validate(build):
    stats = kg("stats", build)
    assert stats.returncode == 0 and "kg:Enterprise" in stats.stdout
    validate = kg("validate", build)
    assert validate.returncode == 0 and "0 violations" in validate.stdout


def test_query_without_a_question_is_a_one_line_error(tmp_path):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "kg", "query", "--build", str(tmp_path)],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip().startswith("kg: error: give a query")
