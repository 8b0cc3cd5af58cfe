"""Round-5 relation rules (locatedIn from a place opening a name), on invented sentences."""
from __future__ import annotations

from conftest import text_document


def _relations(extractor, text: str) -> set[tuple[str, str, str]]:
    return {(r.head.name, r.relation, r.tail.name) for r in extractor.extract(text_document(text)).relations}


def test_known_place_opening_a_known_company(extractor):
    # 洛阳钼业 is a lexicon company whose name opens with a lexicon place; the longest match used to hide it
    rels = _relations(extractor, "洛阳钼业全球财务中心正式入驻某某智慧岛。")
    assert ("洛阳钼业", "locatedIn", "洛阳") in rels


def test_company_without_a_place_prefix_gets_no_region(extractor):
    rels = _relations(extractor, "中信重工新建智能工厂项目。")
    assert not any(r == "locatedIn" for _, r, _ in rels)


def test_street_named_after_a_place_is_not_located_there(extractor):
    rels = _relations(extractor, "提升改造安徽路、陇北一路，完成广州路南延。")
    assert not any(r == "locatedIn" for _, r, _ in rels)
    # a project that is more than a street name keeps its place
    rels = _relations(extractor, "加快建设杭州湾智慧物流产业园项目，推进深圳光明科技产业基地建设。")
    assert any(r == "locatedIn" and t == "深圳" for _, r, t in rels)
