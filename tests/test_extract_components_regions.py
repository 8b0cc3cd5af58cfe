"""kg_regions: administrative areas by their suffix, and lists of places (invented sentences,
places outside Henan)."""
from __future__ import annotations

from components import table_tests

FOUND = [
    ("支持湖南省各市县发展。", "湖南省"),
    ("推进城关街道改造。", "城关街道"),
    ("临江区人民政府区长张某某", "临江区"),
    ("推动长沙、株洲、湘潭、衡阳协同发展。", "株洲"),
    ("推动长沙、株洲、湘潭、衡阳协同发展。", "衡阳"),
]

NOT_FOUND = [
    # zones, generic areas and a verb glued to a level are no regions
    ("充分发挥自贸区作用，对标国际一流高新区，荣获省级表彰。", None),
    ("加快老城区、功能区和商务区建设。", None),
    # a list of words that are mostly not places
    ("推动教育、医疗、养老协同发展。", None),
    # 上海市 is not read inside 上海市场
    ("上海市场改造提速。", "上海市"),
]


test_proposes, test_does_not_propose = table_tests("regions", FOUND, NOT_FOUND, "Region")
