"""What one rule component proposes in an invented sentence, for the tables of
tests/test_extract_components_*.py (each case a sentence, a name and a type)."""
from __future__ import annotations

import pytest

from conftest import text_document


def proposed(extractor, text: str, component: str) -> set[tuple[str, str]]:
    """(name, type) of the candidates `component` proposes in `text` when the rules-only pipeline
    reads it (a candidate's source is its component's name, then an optional ``:detail``)."""
    from kg.extract.components.base import candidates

    doc = extractor.analyse(text_document(text))
    return {(c.name, c.type) for c in candidates(doc) if c.source.split(":")[0] == component}


def check_found(extractor, component: str, text: str, name: str, type_: str) -> None:
    found = proposed(extractor, text, component)
    assert (name, type_) in found, f"{component} did not propose {name} [{type_}] in {text}: {sorted(found)}"


def check_not_found(extractor, component: str, text: str, name: str | None, type_: str) -> None:
    """`name` None: the component proposes nothing of `type_` in `text`."""
    found = proposed(extractor, text, component)
    wrong = [n for n, t in found if t == type_ and name in (None, n)]
    assert not wrong, f"{component} proposed {wrong} [{type_}] in {text}"


def table_tests(component: str, found: list[tuple], not_found: list[tuple], type_: str | None = None):
    """The two tests of a component's table: every case of `found` (text, name, type) is proposed,
    no case of `not_found` is. With `type_`, the cases are (text, name), all of that type."""
    if type_ is not None:
        found, not_found = [(*case, type_) for case in found], [(*case, type_) for case in not_found]

    @pytest.mark.parametrize("text, name, type_", found)
    def test_proposes(extractor, text, name, type_):
        check_found(extractor, component, text, name, type_)

    @pytest.mark.parametrize("text, name, type_", not_found)
    def test_does_not_propose(extractor, text, name, type_):
        check_not_found(extractor, component, text, name, type_)

    return test_proposes, test_does_not_propose
