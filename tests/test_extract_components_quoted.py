"""kg_quoted: names in 《…》 and “…” (invented sentences)."""
from __future__ import annotations

from components import table_tests

FOUND = [
    # a title in 《》 names a document
    ("出台《老旧小区加装电梯补贴办法》，落实“专精特新”中小企业培育政策。", "老旧小区加装电梯补贴办法", "Policy"),
    ("电影《山那边的村庄》即将上映，印发《乡村建设行动实施方案》。", "乡村建设行动实施方案", "Policy"),
    # a quoted programme: the verb before it, the word after it, its own shape
    ("出台《老旧小区加装电梯补贴办法》，落实“专精特新”中小企业培育政策。", "专精特新", "Policy"),
    ("全面落实减税降费、“秒批即办”等惠企政策。", "秒批即办", "Policy"),
    ("全面实施“三清两建”行动。", "三清两建", "Policy"),
    ("深入推行“一窗通办”改革。", "一窗通办", "Policy"),
    ("积极争创“国家级智慧商圈”,提升步行街品质。", "国家级智慧商圈", "Policy"),
    # a head that belongs to the name is kept with it
    ("推动12家企业入选“瞪羚”企业。", "瞪羚企业", "Policy"),
    ("编制实施“十五五”规划。", "十五五规划", "Policy"),
    # a quoted name followed by 项目 is a project
    ("“云上梯田”项目顺利推进。", "云上梯田", "Project"),
]

NOT_FOUND = [
    # works of art and media are no documents
    ("电影《山那边的村庄》即将上映，印发《乡村建设行动实施方案》。", "山那边的村庄", "Policy"),
    # events named after the quote, images and brands
    ("举办“杏花满园”农产品推介会，利用“河畔商语”企业家沙龙交流。", None, "Policy"),
    ("着力打造“山水画廊”品牌。", None, "Policy"),
    # a plain dictionary word in quotes is an image
    ("抢抓数字经济“风口”。", None, "Policy"),
    # a list of chores under 政策 is not a list of programmes
    ("全面落实减税降费、“秒批即办”等惠企政策。", "减税降费", "Policy"),
]


test_proposes, test_does_not_propose = table_tests("quoted", FOUND, NOT_FOUND)
