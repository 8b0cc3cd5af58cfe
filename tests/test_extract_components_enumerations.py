"""kg_enumerations: every item of a counted or closed list takes the type of the list's head noun
(invented sentences, places outside Henan)."""
from __future__ import annotations

from components import table_tests

E, P, K, I = "Enterprise", "Project", "Park", "Institution"

FOUND = [
    ("推动星河精工、蓝海微电、华岳新材等12家企业入选省级创新型中小企业。", "星河精工", E),
    ("推动星河精工、蓝海微电、华岳新材等12家企业入选省级创新型中小企业。", "华岳新材", E),
    # a bare count after the list
    ("力争年内实现青松环境、远航股份、恒力特装3家企业上市。", "青松环境", E),
    ("力争年内实现青松环境、远航股份、恒力特装3家企业上市。", "恒力特装", E),
    # an item with a parenthesised region, and the item before it
    ("整合翔鹭、岳麓、云岫（湖南）智造等骨干企业组建创新联合体。", "岳麓", E),
    ("整合翔鹭、岳麓、云岫（湖南）智造等骨干企业组建创新联合体。", "云岫（湖南）智造", E),
    # the last item keeps a final character that is also a verb (达)
    ("成功引进苏州禾岚、宁波韵达等一批知名企业重大项目。", "宁波韵达", E),
    # a preposition glued to the first item is dropped
    ("做强疫苗产业，以鹭岳、巍澜生物等4家企业为龙头。", "鹭岳", E),
    # products of listed companies: each item is the company
    ("鹭岳航空发动机叶片、巍澜智能巡检机器人等6家企业产品入选名单。", "巍澜", E),
    ("加快推进东湖智能装备产业园、北山二期、西河新能源电池生产线等12个项目建设。", "北山二期", P),
    ("加快推进东湖智能装备产业园、北山二期、西河新能源电池生产线等12个项目建设。", "西河新能源电池生产线", P),
    ("加快推进东湖智能装备产业园、北山二期、西河新能源电池生产线等12个项目建设。", "东湖智能装备产业园", P),
    ("做好码头改扩建、城际铁路三期等项目前期工作。", "码头改扩建", P),
    # counted built things: each named item is a project
    ("完成康乐路农贸市集、长兴路便民生活广场等13个市场的智慧化提升。", "康乐路农贸市集", P),
    ("推动长河街等文旅商综合体投入运营。", "长河街", P),
    ("实施嵩云路、景明路等5条道路市政微改造。", "景明路", P),
    # the list's head noun stands in the next clause
    ("加快实施某航肺功能成像设备、某柴兆瓦级氨氢发动机等，着力打造一批科技成果转化示范项目。", "某航肺功能成像设备", P),
    # a unit word inside a name, a compass word opening one
    ("大力推动中岳光谷微米光电零部件、澜宇智能通讯终端核心零部件等9个项目全面投产。", "中岳光谷微米光电零部件", P),
    ("确保西部云谷二期等30个重点项目完成投资。", "西部云谷二期", P),
    # a zone's own head outweighs the list's
    ("抓好云杉智谷科技城等12个产业项目。", "云杉智谷科技城", K),
    ("依托江南材料创新中心、某某大学智能装备实验室等科研力量，攻关关键技术。", "江南材料创新中心", I),
]

NOT_FOUND = [
    ("推动星河精工、蓝海微电、华岳新材等12家企业入选省级创新型中小企业。", "推动星河精工", E),
    ("做强疫苗产业，以鹭岳、巍澜生物等4家企业为龙头。", "以鹭岳", E),
    ("鹭岳航空发动机叶片、巍澜智能巡检机器人等6家企业产品入选名单。", "鹭岳航空发动机叶片", E),
    # a sector or kind modifier without a count: the items are sectors
    ("推动机械、农机等装备制造企业转型。", None, E),
    ("联合省内外企业、高等学校、科研院所开展攻关。", "省内外企业", I),
    # generic items, a head continuing a longer word, a quoted mode, a road that only locates a park
    ("完成农贸市场、超市等12个市场的改造。", None, P),
    ("培育壮大科技型企业等市场主体3万家。", None, P),
    ("探索公建民营、场地换服务、收益共享等“公益+市场化运营”模式。", None, P),
    ("加快青松路等4处体育公园建设。", "青松路", P),
    # a list ending its clause with no head noun stays unnamed
    ("加快实施某航肺功能成像设备、某柴兆瓦级氨氢发动机等，进一步优化营商环境。", None, P),
]


test_proposes, test_does_not_propose = table_tests("enumeration", FOUND, NOT_FOUND)
