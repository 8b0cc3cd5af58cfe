"""kg_designations: titles conferred after 获评/入选/认定 …, and classes of companies a programme
selects (invented sentences, invented companies)."""
from __future__ import annotations

from components import table_tests

FOUND = [
    ("创业园获评国家级科技企业孵化器，高新区获批建设省级知识产权强县示范区。", "国家级科技企业孵化器"),
    ("创业园获评国家级科技企业孵化器，高新区获批建设省级知识产权强县示范区。", "省级知识产权强县示范区"),
    ("抓好国家基础教育综合改革实验区建设，获评省家庭教育示范区。", "省家庭教育示范区"),
    # words before the title that are not part of it
    ("云溪镇成功入选第三批全国农业产业强镇名单。", "全国农业产业强镇名单"),
    # a class of companies a programme selects: after a programme verb, a count, or before a programme word
    ("加强挂牌后备企业培育，推动华岳新材、金桥电子等企业加快挂牌进程。", "挂牌后备企业"),
    ("支持华岳新材、金桥电子等9家数字领军企业开拓市场。", "数字领军企业"),
    ("整合华岳新材、金桥电子等骨干企业组建创新联合体。", "创新联合体"),
]

NOT_FOUND = [
    # a class word qualified only by a kind, or with no programme around it
    ("依托华岳新材、金桥电子等重点龙头企业，带动产业链发展。", None),
    ("这些地方龙头企业经营良好。", None),
    ("支持华岳新材等市级以上龙头企业做大做强。", None),
    # a title needs a designation head
    ("创业园获评先进集体。", None),
]


test_proposes, test_does_not_propose = table_tests("designations", FOUND, NOT_FOUND, "Policy")
