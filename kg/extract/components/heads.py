"""kg_heads: names recognised by their head (suffix), with the left edge from the segmentation.

Parks (…高新区, …自贸区, …综保区, …产业园, …智慧岛, …科技城 …), projects (…项目, …工程,
…一期/二期, …基地, …生产线, …研发中心 …), programmes (…行动计划, …战略, …试点, …示范区, …专项资金 …) and
institutions (…大学, …研究院, …实验室, …医院, …人民政府 …). A head alone is a name only for the zones
that are always written that way (高新区, 自贸区, 综保区 …).
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.components.firms import firm_prefix
from kg.extract.components.base import (PHASE, add_candidate, candidates, doc_tokens, has_name_token, name_start, word_tags,
                                        words_in)
from kg.extract.vocab import alternation

# zones that host many enterprises, and built things, by their heads (classes of schemas/vocab/word_classes.tsv)
ZONE_HEADS = alternation("zone_head")
ZONE_AREA_HEADS = alternation("zone_area_head")
PARK_HEADS = alternation("park_name_head")
BASE_HEADS = alternation("base_head")
BUILT_HEADS = alternation("built_head")

WORKS = f"工程(?!{alternation('works_continues')})"
# what a works of construction is about (供排水一体化工程, 某厂家属院提升改造工程), unlike a programme
# (人才知识更新工程)
INFRASTRUCTURE = re.compile(alternation("infrastructure_word") + r"|[0-9A-Za-z]|(?<!乡)村")

# (head regex, type, confidence, also, may stand alone, max name length)
RULES: list[tuple[str, str, float, tuple[str, ...], bool, int]] = [
    # parks
    (ZONE_HEADS, "Park", 0.88, (), True, 16),
    (ZONE_AREA_HEADS, "Park", 0.8, (), False, 14),
    (PARK_HEADS, "Park", 0.82, ("Project",), False, 16),
    # projects
    (r"项目", "Project", 0.7, (), False, 22),
    (PHASE, "Project", 0.85, (), False, 20),
    (BASE_HEADS, "Project", 0.72, (), False, 22),
    (BUILT_HEADS, "Project", 0.7, (), False, 20),
    # rail and road lines with their section (甲乙高铁丙丁段), urban renewal of a named place (某村城中村改造)
    (f"(?:{alternation('line_word')})[\u4e00-\u9fff]{{2}}段|" + alternation("renewal_head"), "Project", 0.7, (), False, 16),
    # programmes
    (WORKS, "Policy", 0.72, ("Project",), False, 14),
    (alternation("plan_head"), "Policy", 0.78, (), False, 16),
    (alternation("action_head"), "Policy", 0.72, (), False, 18),
    (r"战略(?!合作)|" + alternation("policy_name_head"), "Policy", 0.72, (), False, 24),
    # institutions
    (alternation("institution_name_head") + r"|[一二三四五六七八九十]+[中小]", "Institution", 0.7, (), False, 22),
]
COMPILED = [(re.compile(rx), t, c, a, alone, mx) for rx, t, c, a, alone, mx in RULES]
# the heads of zones and of built things, at the end of what precedes a phase (…产业园|一期)
PARK_HEAD = re.compile(rf"(?:{ZONE_HEADS}|{ZONE_AREA_HEADS}|{PARK_HEADS})$")
KIND_HEAD = re.compile(rf"(?:{ZONE_HEADS}|{ZONE_AREA_HEADS}|{PARK_HEADS}|{BASE_HEADS}|{BUILT_HEADS})$")
# a verb that builds, anywhere in the clause
BUILD_IN_CLAUSE = re.compile(alternation("build_verb"))
# a head directly followed by one of these continues a longer word (项目部, 计划生育, 规划局 …)
CONTINUES = re.compile(f"^(?:{alternation('head_continues')})")
# an office title after a government body does not continue it (…人民政府区长)
OFFICE_AFTER = re.compile(r"(?<=政府)(?:省|市|区|县|乡|镇)长")
# verbs that introduce a programme by name (开展X行动, 实施X工程, 争创X示范区)
PROGRAMME_VERB = re.compile(f"(?:{alternation('programme_verb')})$")
# prefixes that are only a kind or an amount
WEAK_PREFIX = re.compile(r"^(?:[0-9一二三四五六七八九十百千万两]+[个家项条处所座批年亿万元亩]*|\d+亿元以上|"
                         + alternation("weak_prefix") + ")$")


# time words whose 前/后 the segmentation may glue to the next name (年底前|梁卢高速)
TIME_BEFORE = re.compile(f"(?:{alternation('time_end')}|[0-9]月)$")
# a count of a kind is not a name: 4条高速公路, 15条断头路, 3个产业园
COUNTED_KIND = re.compile(r"^[0-9一二三四五六七八九十百千两]+(?:余|多)?(?:条|个|座|处|项|所|批)")


# a capacity opens a project name: 年产5万吨…项目, 年产10GWh…生产线
CAPACITY = re.compile(f"年产(?:能)?[0-9.]+(?:万|千|百|亿)?(?:{alternation('capacity_unit')})")
# a programme named by its level (国家…实验区, 全省…示范区); the level alone is no name
LEVEL = re.compile(f"(?:{alternation('programme_level')})[\u4e00-\u9fff]{{3}}")
# a verb that builds what follows as its object (开工建设某某博物馆), or 推进某某停车场建设
OBJECT_VERB = re.compile(f"(?:{alternation('build_object_verb')})$")
OBJECT_BUILT_AFTER = re.compile(f"(?:{alternation('build_object_before')})$")
# a build verb right before an object, with a company as the subject of the clause (X公司投资建设的…基地)
BUILD_VERB = re.compile(f"(?:{alternation('firm_build_verb')})的?$")
CLAUSE_BREAKS = "，。；：！？,;:!?\n"
CLAUSE_MARK = re.compile(f"[{CLAUSE_BREAKS}]")
# centres and labs a company or a build verb names as a facility being built (Project, not Institution)
FACILITY = re.compile(f"(?:{alternation('facility_head')})$")
FACILITY_VERB = re.compile(f"(?:{alternation('facility_verb')})$")
# institutions a facility name never starts from (a university's lab is the university's)
SCHOLARLY = re.compile(alternation("scholarly_head"))


def _prefix_ok(prefix: str) -> bool:
    if len(prefix) < 2:
        return False
    if WEAK_PREFIX.match(prefix):
        return False
    # a prefix that is one common dictionary word names a kind ("专项行动", "产业项目")
    if word_tags().get(prefix) in {"n", "vn", "v", "a", "d", "m", "an"} and len(prefix) <= 2:
        return False
    return True


class Heads:
    def __call__(self, doc: Doc) -> Doc:
        text = doc_tokens(doc).text
        # enterprises already recognised (lexicon, legal names, lists) make a prefix a name
        firms = tuple({c.name for c in candidates(doc) if c.type == "Enterprise" and c.confidence >= 0.8})
        # legal names (…有限公司, …公司) end the name of a project written right after them
        legal = sorted((c.start, c.end) for c in candidates(doc)
                       if c.type == "Enterprise" and c.confidence >= 0.85 and c.name.endswith("公司"))
        for rx, rule_type, rule_conf, rule_also, alone, max_chars in COMPILED:
            type_, conf, also = rule_type, rule_conf, rule_also
            for m in rx.finditer(text):
                hs, he = m.start(), m.end()
                if CONTINUES.match(text[he : he + 6]) and not OFFICE_AFTER.match(text, he):
                    continue
                start = name_start(doc, hs, max_chars=max_chars)
                prefix = text[start:hs]
                if prefix and not _prefix_ok(prefix):
                    # "重点项目" etc: maybe a shorter prefix after the weak word? keep it simple
                    if alone:
                        start = hs
                        prefix = ""
                    else:
                        continue
                if not prefix and not alone:
                    continue
                if TIME_BEFORE.search(text, max(0, start - 2), start) and text[start : start + 1] in "前后" \
                        and start + 1 < hs:
                    start += 1  # 年底前|梁卢高速: jieba glued the time word's 前 to the name
                    prefix = text[start:hs]
                name = text[start:he]
                if name.startswith(("、", "等")) or COUNTED_KIND.match(name):
                    continue
                if type_ == "Project":
                    start = self._project_start(text, legal, start, hs)
                    start = _after_township(doc, text, start, hs)
                    prefix, name = text[start:hs], text[start:he]
                    if not _prefix_ok(prefix):
                        continue
                if rx.pattern == PHASE and KIND_HEAD.search(prefix):
                    # a phase of a zone or a built thing is named by its phase (产业基地二期), and a zone's
                    # phase stays a zone unless its clause builds it (…产业园一期入驻率 / …一期主体封顶)
                    if PARK_HEAD.search(prefix):
                        built = BUILD_IN_CLAUSE.search(_clause(text, start, he)) is not None
                        type_, also = ("Project", ("Park",)) if built else ("Park", ("Project",))
                elif type_ in ("Project", "Policy", "Institution") and prefix:
                    before = text[max(0, start - 6) : start].rstrip("“‘\"")
                    named = prefix.startswith(firms) or has_name_token(words_in(doc, start, hs)) \
                        or (type_ == "Project" and (CAPACITY.match(prefix) is not None
                                                    or _coordinated(text, start, hs, he)
                                                    or self._built_by_firm(text, legal, start)
                                                    or _built_object(text, before, he))) \
                        or (type_ == "Policy" and (PROGRAMME_VERB.search(before) is not None
                                                   or LEVEL.match(prefix) is not None))
                    if not named:
                        continue
                if rx.pattern == WORKS:
                    # 实施某某提升工程 is a programme; a works on water, roads or grids is built
                    type_, also = ("Project", ("Policy",)) if INFRASTRUCTURE.search(prefix) else ("Policy", ("Project",))
                if type_ == "Institution" and prefix and self._facility(doc, text, name, start, firms):
                    type_, conf, also = "Project", 0.75, ("Institution",)
                add_candidate(doc, name, type_, start, he, f"heads:{type_}", conf if prefix or alone else conf - 0.1, also)
                type_, conf, also = rule_type, rule_conf, rule_also
        return doc

    @staticmethod
    def _project_start(text: str, legal: list[tuple[int, int]], start: int, hs: int) -> int:
        """A project name begins after a company's legal name written in front of it (…有限公司年产…项目)
        and, within its clause, at a capacity (年产5万吨…) the segmentation left outside."""
        for a, b in legal:
            if start < b <= hs - 2:
                start = b
        cap = text.rfind("年产", max(0, hs - 24), start + 2)
        if 0 <= cap < start and CAPACITY.match(text, cap) and not CLAUSE_MARK.search(text, cap, hs) \
                and not any(cap < b <= hs for a, b in legal):
            start = min(start, cap)
        return start

    @staticmethod
    def _built_by_firm(text: str, legal: list[tuple[int, int]], start: int) -> bool:
        """"X公司投资建设的…基地": a build verb before the name and a company earlier in its clause."""
        if not BUILD_VERB.search(text, max(0, start - 6), start):
            return False
        verb = BUILD_VERB.search(text, max(0, start - 6), start).start()
        return any(b <= verb and not CLAUSE_MARK.search(text, b, start) for a, b in legal)

    @staticmethod
    def _facility(doc: Doc, text: str, name: str, start: int, firms: tuple[str, ...]) -> bool:
        """A lab or centre a company names (普莱柯P3实验室) or that a build verb governs (启动建设X创新中心)."""
        if not FACILITY.search(name) or SCHOLARLY.search(name):
            return False
        if name.startswith(firms):
            return True
        cut = firm_prefix(doc, start, start + len(name))
        if cut is not None and not text[cut - 1] in "院所":  # 中科院…实验室 is the academy's
            return True
        return "中心" in name[-6:] and FACILITY_VERB.search(text, max(0, start - 4), start) is not None


# a street or township written in front of a project name only places it (甲乙街道丙丁种植基地)
TOWNSHIP = re.compile(f"[\u4e00-\u9fff]{{2,4}}?(?:{alternation('township_end')})")


def _after_township(doc: Doc, text: str, start: int, hs: int) -> int:
    """Start the project after a leading street/township when what follows is a name of its own;
    a generic facility keeps its township (甲乙街道卫生服务中心 is that street's centre)."""
    m = TOWNSHIP.match(text, start)
    if m is None or hs - m.end() < 2 or text[m.end()] in "办":
        return start
    if has_name_token(words_in(doc, m.end(), hs)):
        return m.end()
    return start


def _built_object(text: str, before: str, end: int) -> bool:
    """The name is the object of a build verb and ends its clause: 开工建设X。/ 推进X建设，"""
    after = text[end : end + 3]
    if OBJECT_VERB.search(before):
        return after[:1] in CLAUSE_BREAKS + "、"
    return OBJECT_BUILT_AFTER.search(before) is not None and after[:2] == "建设" and after[2:3] in CLAUSE_BREAKS


def _clause_start(text: str, start: int, window: int = 80) -> int:
    """Where the clause holding `start` begins: after the last break within `window` characters
    (a bounded look-back: rfind per break character would scan to the document's start)."""
    lo = max(0, start - window)
    last = None
    for last in CLAUSE_MARK.finditer(text, lo, start):
        pass
    return last.end() if last else lo


def _clause(text: str, start: int, end: int) -> str:
    """The clause around [start, end): from the previous break to the next one."""
    nxt = CLAUSE_MARK.search(text, end)
    return text[_clause_start(text, start) : nxt.start() if nxt else len(text)]


def _coordinated(text: str, start: int, hs: int, he: int) -> bool:
    """"西苑公园、牡丹公园": a name coordinated with another name on the same head."""
    head = text[hs:he]
    if len(head) < 2:
        return False
    after = re.match(r"[、和与及]([\u4e00-\u9fff]{2,8}?)" + re.escape(head), text[he : he + 12])
    before = text[max(0, start - len(head) - 1) : start]
    return after is not None or before == head + "、"


@Language.factory("kg_heads")
def make_heads(nlp: Language, name: str) -> Heads:
    return Heads()
