"""kg_companies: enterprise names by their legal heads (invented sentences, places outside Henan)."""
from __future__ import annotations

from components import table_tests

FOUND = [
    ("积极引进远景智造科技有限公司，支持蓝天集团做大做强。", "远景智造科技有限公司"),
    ("积极引进远景智造科技有限公司，支持蓝天集团做大做强。", "蓝天集团"),
    ("力争年内实现青松环境、远航股份、恒力特装3家企业上市。", "远航股份"),
    # a legal name with its registered region in parentheses starts before the region
    ("3月15日，瀚岳（赣州）新材料有限公司与章贡区人民政府签约年产5万吨碳纤维项目。", "瀚岳（赣州）新材料有限公司"),
    ("近日，江西岳川新能源科技股份有限公司年产10GWh储能电池项目开工建设。", "江西岳川新能源科技股份有限公司"),
    # a government's own group is named by its level
    ("省文旅集团投资建设的项目开工。", "省文旅集团"),
]

NOT_FOUND = [
    # a kind, not a name: 教育集团, qualified kinds of company
    ("组建20个教育集团。", None),
    ("培育专业化运营公司，做强做优上市公司，理顺二级公司管理。", None),
    # a region in parentheses does not swallow a company coordinated after it
    ("整合翔鹭（湖南）新能源与岳麓公司等企业。", "翔鹭（湖南）新能源与岳麓公司"),
    # 公司 continuing into a longer word
    ("推进国有企业公司化改制。", None),
]


test_proposes, test_does_not_propose = table_tests("companies", FOUND, NOT_FOUND, "Enterprise")
