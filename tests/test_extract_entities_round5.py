"""Round-5 extraction rules (Project recall), on invented sentences, with negatives."""
from __future__ import annotations

from conftest import mentions_in


def _projects(extractor, text: str) -> set[str]:
    return {n for n, t in mentions_in(extractor, text) if t == "Project"}


# --- counted nouns of built things (市场, 街区, 综合体, 道路 …): each named item is a project

def test_counted_markets_are_projects(extractor):
    ps = _projects(extractor, "完成康乐路农贸市集、长兴路便民生活广场等13个市场的智慧化提升。")
    assert {"康乐路农贸市集", "长兴路便民生活广场"} <= ps


def test_uncounted_built_head_items_are_projects(extractor):
    assert "长河街" in _projects(extractor, "推动长河街等文旅商综合体投入运营。")
    ps = _projects(extractor, "实施嵩云路、景明路等5条道路市政微改造。")
    assert {"嵩云路", "景明路"} <= ps


def test_built_heads_negatives(extractor):
    # generic items, a head that continues a longer word, a quoted mode, a road that only locates a park
    assert not _projects(extractor, "完成农贸市场、超市等12个市场的改造。")
    assert not _projects(extractor, "培育壮大科技型企业等市场主体3万家。")
    assert not _projects(extractor, "探索公建民营、场地换服务、收益共享等“公益+市场化运营”模式。")
    assert "青松路" not in _projects(extractor, "加快青松路等4处体育公园建设。")


def test_list_whose_head_stands_in_the_next_clause(extractor):
    text = "加快实施某航肺功能成像设备、某柴兆瓦级氨氢发动机等，着力打造一批科技成果转化示范项目。"
    assert {"某航肺功能成像设备", "某柴兆瓦级氨氢发动机"} <= _projects(extractor, text)
    # a list that ends a clause without such a head stays unnamed
    assert not _projects(extractor, "加快实施某航肺功能成像设备、某柴兆瓦级氨氢发动机等，进一步优化营商环境。")


# --- segmentation repairs: unit words inside names, compass words that open a name

def test_unit_word_inside_a_name(extractor):
    ps = _projects(extractor, "大力推动中电光谷微米光电零部件、洛宇智能通讯终端核心零部件等9个项目全面投产达效。")
    assert "中电光谷微米光电零部件" in ps


def test_compass_word_opens_a_name(extractor):
    assert "西部云谷二期" in _projects(extractor, "确保西部云谷二期等30个重点项目完成投资。")
    assert not _projects(extractor, "推动中部地区加快发展。")


# --- a street or township in front of a project name only places it

def test_township_prefix_is_split_from_a_named_project(extractor):
    ps = _projects(extractor, "支持青禾街道丰源食用菌种植基地的投产。")
    assert "丰源食用菌种植基地" in ps and "青禾街道丰源食用菌种植基地" not in ps
    assert "云栖山居二期" in _projects(extractor, "加快推进青禾街道云栖山居二期项目建设。")


def test_township_prefix_kept_for_a_generic_facility(extractor):
    ms = mentions_in(extractor, "新建青禾街道卫生服务中心。")
    assert any(n == "青禾街道卫生服务中心" for n, _ in ms)
    assert "丰源" not in {n for n, _ in ms}
