import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.lexicon import Lexicon, LexiconEntry
from kg.model import Document, DocumentMeta, Extraction, Mention, ProjectAttributes, RelationMention, Sentence
from kg.resolve import entity_key, normalize, resolve
from kg.resolve.keys import programme_names, quoted_names


def test_normalize_follows_the_scoring_rules():
    assert normalize("“万人助万企”") == "万人助万企"
    assert normalize("《既有住宅加装电梯实施办法》") == "既有住宅加装电梯实施办法"
    assert normalize("麦斯克 8英寸硅外延片项目") == "麦斯克8英寸硅外延片"
    assert normalize("（集团）") == "(集团)"


def test_enterprise_keys_merge_legal_and_short_forms():
    same = ["中国一拖集团有限公司", "一拖集团", "一拖", "中国一拖"]
    assert {entity_key(n, "Enterprise") for n in same} == {"一拖"}
    assert entity_key("中航光电科技股份有限公司", "Enterprise") == entity_key("中航光电", "Enterprise")
    assert entity_key("氢沄（河南）新能源", "Enterprise") == entity_key("氢沄新能源", "Enterprise")
    assert entity_key("洛阳某某重工（集团）有限公司", "Enterprise") == entity_key("某某重工", "Enterprise")


def test_distinct_enterprises_sharing_characters_stay_apart():
    assert entity_key("中航光电", "Enterprise") != entity_key("中航锂电", "Enterprise")
    assert entity_key("洛铜", "Enterprise") != entity_key("洛钼", "Enterprise")


def test_a_years_batch_of_a_programme_is_the_programme():
    assert entity_key("2023年度国家重点研发计划", "Policy") == entity_key("国家重点研发计划", "Policy")
    assert entity_key("省级专精特新中小企业", "Policy") != entity_key("国家级专精特新中小企业", "Policy")


def test_a_policy_qualified_by_level_or_year_also_goes_by_the_programme_name():
    doc = _extraction("a", "一拖柴油机等5家企业产品荣获省级首台（套）重大技术装备认定，2023年省级创新型中小企业59家。", [
        ("一拖柴油机", "Enterprise"), ("省级首台（套）重大技术装备", "Policy"), ("2023年省级创新型中小企业", "Policy")])
    policies = {e.name: e.names_by_doc["a"] for e in resolve([doc]).entities.values() if e.type == "Policy"}
    assert policies == {"省级首台（套）重大技术装备": {"省级首台（套）重大技术装备", "首台（套）重大技术装备"},
                        "2023年省级创新型中小企业": {"2023年省级创新型中小企业", "省级创新型中小企业", "创新型中小企业"}}
    enterprise = next(e for e in resolve([doc]).entities.values() if e.type == "Enterprise")
    assert enterprise.aliases == {"一拖柴油机"}


@pytest.mark.parametrize("name, shorter", [
    ("2023年度江西省绿色工厂", ("江西省绿色工厂", "绿色工厂")),  # the year's batch, then the place
    ("2023年度第二批市级专精特新中小企业", ("第二批市级专精特新中小企业", "市级专精特新中小企业", "专精特新中小企业")),
    ("潍坊市瞪羚企业", ("瞪羚企业",)),
    ("全省城市更新典型案例", ("城市更新典型案例",)),
    ("国家高新技术企业", ("高新技术企业",)),
    ("常州市龙城英才计划", ("龙城英才计划",)),  # one place name at most: 龙城 is part of the programme's name
    ("德清县四换三名示范企业名单", ("四换三名示范企业名单", "德清县四换三名示范企业", "四换三名示范企业")),  # the list of it
    ("万人助万企", ()),
    ("省级专项", ()),  # nothing shorter than four characters
])
def test_the_shorter_names_of_a_qualified_programme(name, shorter):
    assert programme_names(name) == shorter


@pytest.mark.parametrize("written, name, quoted", [
    ("级“专精特新”中小企业，", "省级专精特新中小企业", ["专精特新"]),
    ("“瞪羚”企业，", "瞪羚企业", ["瞪羚"]),  # the opening quote just before the mention
    ("“个转企”“小升规”企", "个转企小升规", ["个转企", "小升规"]),
    ("省“揭榜挂帅”项", "揭榜挂帅", []),  # the quote is the whole name
    ("施“双倍增”计划", "计划", []),  # the quote is context, not part of the mention
    ("级“2023年度绿色工厂”名单", "2023年度绿色工厂名单", ["2023年度绿色工厂", "绿色工厂"]),
])
def test_a_policy_with_a_quote_in_it_also_goes_by_the_quote(written, name, quoted):
    assert quoted_names(written, name) == quoted


def test_resolution_gives_a_designation_the_name_of_its_quoted_programme():
    text = "某某科技入选省级“专精特新”中小企业。"
    doc = Document("q", "q.txt", text, text, list(range(len(text))), [Sentence(0, 0, len(text), text)],
                   DocumentMeta("q", year=2024))
    start = text.index("省级")
    mention = Mention("省级专精特新中小企业", "Policy", start, text.index("。"), 0, "test", 0.9)
    policy = next(iter(resolve([Extraction(doc, [mention], [], {})]).entities.values()))
    assert "专精特新" in policy.aliases


def _extraction(doc_id: str, text: str, mentions: list[tuple[str, str]], relations=()) -> Extraction:
    doc = Document(doc_id, f"{doc_id}.txt", text, text, list(range(len(text))),
                   [Sentence(0, 0, len(text), text)], DocumentMeta(doc_id, year=2024))
    ms = []
    for name, type_ in mentions:
        start = text.index(name)
        ms.append(Mention(name, type_, start, start + len(name), 0, "test", 0.9))
    rels = [RelationMention(ms[h], rel, ms[t], 0, "test", 0.8) for h, rel, t in relations]
    attrs = {(m.start, m.end): ProjectAttributes(year=2024, status="开工") for m in ms if m.type == "Project"}
    return Extraction(doc, ms, rels, attrs)


def test_resolution_across_documents_with_stable_ids():
    a = _extraction("a", "中国一拖集团有限公司实施一拖低排放柴油机项目。", [
        ("中国一拖集团有限公司", "Enterprise"), ("一拖低排放柴油机项目", "Project"), ("一拖", "Enterprise")],
        [(0, "undertakes", 1)])
    b = _extraction("b", "一拖集团和中航锂电入选名单。", [("一拖集团", "Enterprise"), ("中航锂电", "Enterprise")])
    res = resolve([a, b])
    enterprises = [e for e in res.entities.values() if e.type == "Enterprise"]
    assert len(enterprises) == 2
    yituo = next(e for e in enterprises if "一拖集团" in e.aliases)
    assert {"中国一拖集团有限公司", "一拖", "一拖集团"} <= yituo.aliases
    assert yituo.documents == {"a", "b"}
    assert yituo.names_by_doc["b"] == {"一拖集团"}
    again = resolve([b, a])
    assert sorted(again.entities) == sorted(res.entities)
    fact = res.facts[0]
    assert (res.entities[fact.head].name, fact.relation) == (yituo.name, "undertakes")
    ev = fact.evidence[0]
    assert ev.doc_id == "a" and ev.sentence.startswith("中国一拖") and ev.start == 0
    project = res.entities[fact.tail]
    assert project.attributes.status == "开工" and project.attributes.year == 2024


def test_lexicon_gives_canonical_name_and_joins_aliases():
    lexicon = Lexicon([LexiconEntry("Enterprise", "甲乙科技股份有限公司", ("甲乙", "甲乙股份"))])
    ex = _extraction("a", "甲乙股份与甲乙科技合作。", [("甲乙股份", "Enterprise"), ("甲乙科技", "Enterprise")])
    res = resolve([ex], lexicon)
    (ent,) = res.entities.values()
    assert ent.name == "甲乙科技股份有限公司"


def test_relations_with_wrong_types_are_dropped():
    ex = _extraction("a", "某某大学承担某某计划。", [("某某大学", "Institution"), ("某某计划", "Policy")],
                     [(0, "participatesIn", 1)])
    assert resolve([ex]).facts == []


def test_type_is_voted_within_a_document():
    ex = _extraction("a", "智慧岛建设，智慧岛运营，智慧岛扩容。", [("智慧岛", "Park")])
    ex.mentions.append(Mention("智慧岛", "Project", 6, 9, 0, "test", 0.5))
    res = resolve([ex])
    (ent,) = res.entities.values()
    assert ent.type == "Park" and ent.also == {"Project"}


_NAMES = [("中国一拖集团有限公司", "Enterprise"), ("一拖集团", "Enterprise"), ("一拖", "Enterprise"),
          ("中航光电", "Enterprise"), ("中航锂电", "Enterprise"), ("洛阳中航光电科技股份有限公司", "Enterprise"),
          ("一拖低排放柴油机项目", "Project"), ("智能制造产业园", "Park"), ("专精特新", "Policy"), ("涧西区", "Region")]
_DOCUMENTS = st.lists(st.lists(st.sampled_from(_NAMES), min_size=1, max_size=6, unique=True), min_size=1, max_size=4)


def _extractions(documents: list[list[tuple[str, str]]], prefix: str = "d") -> list[Extraction]:
    out = []
    for i, mentions in enumerate(documents):
        text = "，".join(name for name, _ in mentions) + "。"
        relations = [(0, "locatedIn", 1)] if [t for _, t in mentions[:2]] == ["Enterprise", "Park"] else []
        out.append(_extraction(f"{prefix}{i}", text, mentions, relations))
    return out


def _summary(resolution):
    entities = {key: (e.type, e.name, sorted(e.aliases), sorted(e.documents)) for key, e in resolution.entities.items()}
    facts = sorted((f.head, f.relation, f.tail, len(f.evidence)) for f in resolution.facts)
    return entities, facts


@settings(max_examples=40, deadline=None)
@given(_DOCUMENTS, st.randoms(use_true_random=False))
def test_resolution_does_not_depend_on_document_order(documents, random):
    shuffled = _extractions(documents)
    random.shuffle(shuffled)
    assert _summary(resolve(shuffled)) == _summary(resolve(_extractions(documents)))


@settings(max_examples=40, deadline=None)
@given(_DOCUMENTS)
def test_resolution_is_idempotent_on_repeated_documents(documents):
    """Reading the same documents again (under other names) adds evidence, never entities or facts."""
    once = resolve(_extractions(documents))
    twice = resolve(_extractions(documents) + _extractions(documents, prefix="copy"))
    assert sorted(once.entities) == sorted(twice.entities)
    assert {e.name for e in once.entities.values()} == {e.name for e in twice.entities.values()}
    assert sorted((f.head, f.relation, f.tail) for f in once.facts) == sorted((f.head, f.relation, f.tail) for f in twice.facts)


def test_a_park_word_alone_is_the_one_park_of_the_document_it_ends():
    doc = _extraction("a", "漕河泾开发区新增企业12家。开发区全年产值增长9%。", [
        ("漕河泾开发区", "Park"), ("开发区", "Park")])
    two = _extraction("b", "漕河泾开发区与张江开发区合作，开发区之间互认资质。", [
        ("漕河泾开发区", "Park"), ("张江开发区", "Park"), ("开发区", "Park")])
    parks = {e.name: e.names_by_doc for e in resolve([doc, two]).entities.values()}
    assert parks["漕河泾开发区"] == {"a": {"漕河泾开发区", "开发区"}, "b": {"漕河泾开发区"}}
    assert parks["开发区"] == {"b": {"开发区"}}  # two parks it could stand for: left as it is


def test_a_park_word_alone_stands_only_for_a_name_the_document_types_as_park():
    # 青峰开发区 is read once as a park and twice as a project: the document calls it a project, so
    # the park word is no short name of it (and no park entity without a name of its own is made)
    text = "青峰开发区建设加快。青峰开发区二号地块签约，青峰开发区开工。开发区全年产值增长9%。"
    doc = _extraction("a", text, [("青峰开发区", "Park"), ("开发区", "Park")])
    second = text.index("青峰开发区", 1)
    third = text.index("青峰开发区", second + 1)
    doc.mentions += [Mention("青峰开发区", "Project", k, k + 5, 0, "test", 0.9) for k in (second, third)]
    entities = {(e.name, e.type): e.names_by_doc for e in resolve([doc]).entities.values()}
    assert entities[("青峰开发区", "Project")] == {"a": {"青峰开发区"}}
    assert entities[("开发区", "Park")] == {"a": {"开发区"}}


def test_a_project_also_goes_by_its_name_with_or_without_the_company_written_with_it():
    text = "安徽金石矿业有限公司年产500万吨选矿项目开工，江淮电子有限公司触控模组项目投产。"
    doc = _extraction("a", text, [("安徽金石矿业有限公司", "Enterprise"), ("安徽金石矿业有限公司年产500万吨选矿项目", "Project"),
                                  ("江淮电子有限公司", "Enterprise"), ("触控模组项目", "Project")])
    projects = {e.name: e.aliases for e in resolve([doc]).entities.values() if e.type == "Project"}
    assert projects == {"安徽金石矿业有限公司年产500万吨选矿项目": {"安徽金石矿业有限公司年产500万吨选矿项目", "年产500万吨选矿项目"},
                        "触控模组项目": {"触控模组项目", "江淮电子有限公司触控模组项目"}}


@pytest.mark.parametrize("text, mentions, name, other_names", [
    ("某某科技入选湖北省绿色工厂。", [("湖北省", "Region"), ("绿色工厂", "Policy")], "绿色工厂", {"湖北省绿色工厂"}),
    ("某某科技获评省级创新型企业。", [("创新型企业", "Policy")], "创新型企业", {"省级创新型企业"}),
    ("某某科技入选国家级“小巨人”。", [("小巨人", "Policy")], "小巨人", {"国家级小巨人"}),
    ("汉台区宗营镇污水处理站开工。", [("汉台区", "Region"), ("宗营镇", "Region"), ("污水处理站", "Project")],
     "污水处理站", {"宗营镇污水处理站", "汉台区宗营镇污水处理站"}),
    ("陈仓区阳平工业园新入园企业。", [("陈仓区", "Region"), ("阳平工业园", "Park")], "阳平工业园", {"陈仓区阳平工业园"}),
    ("荷塘区金山工业园新入园企业。", [("荷塘区", "Region"), ("荷塘区金山工业园", "Park")], "荷塘区金山工业园", {"金山工业园"}),
    ("云山经开区星火工业园新入园企业。", [("云山经开区星火工业园", "Park")], "云山经开区星火工业园", {"星火工业园"}),
    ("开发区东区新入园企业。", [("开发区东区", "Park")], "开发区东区", set()),  # too little left of the name
    ("省级污水处理站开工。", [("污水处理站", "Project")], "污水处理站", set()),  # a level names no project
    ("湖北省的绿色工厂。", [("湖北省", "Region"), ("绿色工厂", "Policy")], "绿色工厂", set()),  # not adjacent
])
def test_a_policy_project_or_park_also_goes_by_its_name_with_and_without_places(text, mentions, name, other_names):
    res = resolve([_extraction("p", text, mentions)])
    entity = next(e for e in res.entities.values() if e.name == name)
    assert entity.aliases - {name} == other_names


def test_a_place_written_without_its_level_is_the_documents_region_named_with_it():
    text = "常州恒远科技在常州市投资建设新工厂。"
    res = resolve([_extraction("r", text, [("常州", "Region"), ("常州市", "Region"), ("常州恒远科技", "Enterprise")])])
    regions = [e for e in res.entities.values() if e.type == "Region"]
    assert [(e.name, e.aliases) for e in regions] == [("常州市", {"常州", "常州市"})]


def test_a_place_without_its_level_stays_apart_where_two_regions_could_be_meant():
    text = "吉林恒远科技在吉林省吉林市投资建设新工厂。"
    res = resolve([_extraction("r", text, [("吉林", "Region"), ("吉林省", "Region"), ("吉林市", "Region")])])
    assert sorted(e.name for e in res.entities.values()) == ["吉林", "吉林市", "吉林省"]


def test_a_place_with_its_level_is_no_short_form_of_a_longer_place():
    # 绵竹市 is no short form of 绵竹市区 (the city's urban area), and 绵竹 stands for 绵竹市: each
    # entity keeps a name of its own
    text = "绵竹市加快绵竹至茂县公路、绵竹市区至汉旺快速通道建设。"
    res = resolve([_extraction("r", text, [("绵竹市", "Region"), ("绵竹", "Region"), ("绵竹市区", "Region")])])
    names = {e.name: e.names_by_doc["r"] for e in res.entities.values()}
    assert names == {"绵竹市": {"绵竹市", "绵竹"}, "绵竹市区": {"绵竹市区"}}


def test_a_place_that_ends_with_its_level_is_not_that_level_written_twice():
    text = "三岔口村村委会组织三岔口村村民。"
    res = resolve([_extraction("r", text, [("三岔口村", "Region"), ("三岔口村村", "Region")])])
    assert sorted(e.name for e in res.entities.values()) == ["三岔口村", "三岔口村村"]
