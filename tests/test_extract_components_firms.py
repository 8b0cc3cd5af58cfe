"""kg_firms: the company at the front of a project or product name (invented sentences and
companies, places outside Henan)."""
from __future__ import annotations

from components import table_tests

FOUND = [
    ("推动鹭岳智能网联终端、巍澜风电叶片等9个项目全面投产。", "鹭岳"),
    ("推动鹭岳智能网联终端、巍澜风电叶片等9个项目全面投产。", "巍澜"),
    ("大力推动中岳光谷微米光电零部件、澜宇智能通讯终端核心零部件等9个项目全面投产。", "澜宇"),
    # a company named with its city
    ("加快推进苏州瑞格医学检验实验室、东方智能装备产业园等项目实施。", "苏州瑞格"),
    ("上半年澜峰P3实验室建成投用。", "澜峰"),
]

NOT_FOUND = [
    # a place's own facility or park names no company
    ("建好岚峪智慧岛。加快推进岚峪新材料产业园、长江路智能停车场等项目建设。", "岚峪"),
    ("建好岚峪智慧岛。加快推进岚峪新材料产业园、长江路智能停车场等项目建设。", "长江路"),
    ("加快推进苏州医学检验实验室等项目实施。", None),
    # a qualifier is no company: 现代, 重点
    ("确保现代农业产业基地二期开工建设。", None),
    # the sector word must start a word of the segmentation
    ("确保中科光电基础器件产业园一期建成投产。", "中科"),
]


test_proposes, test_does_not_propose = table_tests("firms", FOUND, NOT_FOUND, "Enterprise")
