"""A wheel (a non-editable install) carries the schemas, lexicons and queries, not only the modules."""
from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory) -> set[str]:
    """The file names in a wheel of the project, built offline from a clean copy (no stale build/)."""
    tmp = tmp_path_factory.mktemp("packaging")
    src, out = tmp / "src", tmp / "wheel"
    for name in ("kg", "schemas"):
        shutil.copytree(ROOT / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
    for path in ROOT.iterdir():
        if path.is_file():
            shutil.copy(path, src)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--no-index", "--wheel-dir", str(out), str(src)], check=True)
    (wheel,) = out.glob("kg-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        return set(zf.namelist())


def test_wheel_has_the_schemas_and_lexicons(wheel_names):
    schemas = {f"kg/_schemas/{p.relative_to(ROOT / 'schemas').as_posix()}"
               for p in (ROOT / "schemas").rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert {"kg/_schemas/kg.ttl", "kg/_schemas/shapes.ttl", "kg/_schemas/context.jsonld",
            "kg/_schemas/lexicons/enterprises.tsv", "kg/_schemas/gexf/1.3/gexf.rng"} <= schemas
    assert sorted(schemas - wheel_names) == []


def test_wheel_has_every_module_and_query(wheel_names):
    files = {p.relative_to(ROOT).as_posix() for pattern in ("*.py", "*.rq", "*.js") for p in (ROOT / "kg").rglob(pattern)}
    assert "kg/query/queries/entity.rq" in files
    assert sorted(files - wheel_names) == []
