"""kg_heads: names by their head, the left edge from the segmentation (invented sentences, places
outside Henan)."""
from __future__ import annotations

from components import table_tests

E, P, K, Y, I = "Enterprise", "Project", "Park", "Policy", "Institution"

FOUND = [
    # zones, alone or named; parks
    ("重塑高新区，加快建设龙泉科技城，把北湖智慧岛打造成创新高地。", "高新区", K),
    ("重塑高新区，加快建设龙泉科技城，把北湖智慧岛打造成创新高地。", "龙泉科技城", K),
    ("重塑高新区，加快建设龙泉科技城，把北湖智慧岛打造成创新高地。", "北湖智慧岛", K),
    ("充分发挥自贸区作用，提升开放水平。", "自贸区", K),
    ("重点加强对原高新区偏远学校的帮扶力度。", "高新区", K),
    ("湖南澜辰智能科技有限公司投资建设的智能传感器生产基地落户长沙高新技术产业开发区。", "长沙高新技术产业开发区", K),
    # a zone's phase stays a zone unless its clause builds it
    ("云杉智谷产业园一期入驻率达到90%。", "云杉智谷产业园一期", K),
    ("云杉智谷产业园二期主体封顶。", "云杉智谷产业园二期", P),
    # projects: a known company, a capacity, a company's legal name or a build verb makes a name
    ("支持星河精工、蓝海微电等企业发展。确保星河精工高端轴承产业基地建成投产。", "星河精工高端轴承产业基地", P),
    ("瀚岳（赣州）新材料有限公司签约年产5万吨高性能碳纤维复合材料项目。", "年产5万吨高性能碳纤维复合材料项目", P),
    ("近日，江西岳川新能源科技股份有限公司年产10GWh储能电池项目开工建设。", "年产10GWh储能电池项目", P),
    ("湖南澜辰智能科技有限公司投资建设的智能传感器生产基地落户长沙高新技术产业开发区。", "智能传感器生产基地", P),
    ("湘江公园、橘洲公园完成提质改造。", "橘洲公园", P),
    ("加快建设农耕文化博物馆，打造研学基地。", "农耕文化博物馆", P),
    ("推进长江路地下停车场建设。", "长江路地下停车场", P),
    ("确保现代农业产业基地二期开工建设。", "现代农业产业基地二期", P),
    # a company's lab, a centre a build verb governs
    ("上半年澜峰P3实验室建成投用，启动建设星岚科技岳麓创新中心。", "澜峰P3实验室", P),
    ("上半年澜峰P3实验室建成投用，启动建设星岚科技岳麓创新中心。", "星岚科技岳麓创新中心", P),
    # lines and their sections, a time word's 前 left out, urban renewal of a named place
    ("协调沪宁高铁苏锡段开工建设。", "沪宁高铁苏锡段", P),
    ("年底前沪蓉高速建成通车。", "沪蓉高速", P),
    ("桃花坞城中村改造顺利推进。", "桃花坞城中村改造", P),
    # works: a programme, unless it builds something
    ("实施乡村人才知识更新工程。", "乡村人才知识更新工程", Y),
    ("实施城乡供排水一体化工程，新建管网30公里。", "城乡供排水一体化工程", P),
    ("实施红星厂家属院提升改造工程。", "红星厂家属院提升改造工程", P),
    # a street or township in front of a project only places it; a generic facility keeps it
    ("支持青禾街道丰源食用菌种植基地的投产。", "丰源食用菌种植基地", P),
    ("加快推进青禾街道云栖山居二期项目建设。", "云栖山居二期", P),
    ("新建青禾街道卫生服务中心。", "青禾街道卫生服务中心", I),
    # programmes named by their level
    ("抓好国家基础教育综合改革实验区建设。", "国家基础教育综合改革实验区", Y),
    # institutions
    ("深化与清华大学、北湖理工大学合作。", "北湖理工大学", I),
    ("临江区人民政府区长张某某", "临江区人民政府", I),
]

NOT_FOUND = [
    ("重塑高新区，加快建设龙泉科技城。", "重塑高新区", K),
    ("重点加强对原高新区偏远学校的帮扶力度。", "对原高新区", K),
    ("充分发挥自贸区作用，对标国际一流高新区。", "充分发挥自贸区", K),
    ("充分发挥自贸区作用，对标国际一流高新区。", "对标国际一流高新区", K),
    ("瀚岳（赣州）新材料有限公司签约年产5万吨高性能碳纤维复合材料项目。", "年产", P),
    ("年底前沪蓉高速建成通车。", "前沪蓉高速", P),
    # a kind, a count of a kind, or a name with nothing that makes it one
    ("鼓励建设的智能传感器生产基地要提高效益。", None, P),
    ("建成社区公园12处。", None, P),
    ("确保现代农业产业基地开工。", None, P),
    ("同步谋划推进城中村改造。", None, P),
    ("实施城镇老旧小区改造。", None, P),
    ("加快推进6条高速公路，打通12条断头路。", None, P),
    ("推进12项市政道路工程。", None, P),
    ("推动中部地区加快发展。", None, P),
    ("完善提升城南高铁站功能。", None, P),
    ("组织学生参观农耕文化博物馆。", "农耕文化博物馆", P),
    ("支持青禾街道丰源食用菌种植基地的投产。", "青禾街道丰源食用菌种植基地", P),
    # a university's or an academy's lab is no project
    ("支持湖南大学建设智能制造重点实验室。中科院智能农机装备工程实验室揭牌。", None, P),
    ("争取更多国家试点。", None, Y),
    ("深化与某某大学材料研究所战略合作。", None, Y),
    ("由区科技局牵头建立工作台账。", "由区科技局", I),
]


test_proposes, test_does_not_propose = table_tests("heads", FOUND, NOT_FOUND)
