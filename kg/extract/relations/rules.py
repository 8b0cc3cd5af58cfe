"""The relation rules. Each reads one sentence (a SentenceView) and yields RelationMentions.

Rule names (the `source` of every RelationMention) and confidences:

name:nested        0.9/0.8  an enterprise inside a project name -> undertakes (0.9 at the start)
name:nested        0.8      a region/park inside a name -> locatedIn of the innermost name
name:nested        0.6      a policy inside a project name -> partOf
name:prefix        0.8      a project name starting with an enterprise named elsewhere in the document
name:place        0.8/0.7  an enterprise/park whose name begins with a place the document names
                            (常州某某 with 常州市 in it, 海盐经济开发区 with 海盐县) -> locatedIn
name:ellipsis      0.55     "E甲中心、乙中心" (two items, no 等): E undertakes 乙中心 too
clause:verb        0.75     E … 建设/实施/牵头… P in one clause (also "P由E投资建设")
clause:adjacent    0.75     "E有限公司年产…项目": the company written right before the project
clause:trigger     0.75     E … 入选/获批/支持… Policy in one clause (0.6 when the policy comes first)
clause:counted     0.8      "A、B等N家<Policy>" / "A等5家企业<Policy>"
clause:topic       0.5      a policy clause framing the adjacent clause ("推行“X”模式，E…"), or every
                            later clause up to a ； when it opens the sentence
list:projects      0.85     "P1、P2等N个“Policy”项目" -> partOf; 0.6 participatesIn for enterprises named in them
clause:trigger     0.7      P … 入选/创建… Policy in one clause -> partOf
list:introduced   0.7      "…入选X，分别是：A、B和C" (X in the sentence, or in the one before when that
                            one selects): every listed enterprise takes part in X
clause:inside      0.85     "Y内E" -> locatedIn
clause:locate      0.8      X … 入驻/落户/位于 Y; 0.75 for "X在Y落地/交汇"
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from kg.extract.relations import triggers as T
from kg.extract.relations.clauses import (
    Clause,
    SentenceView,
    container,
    enumerations,
    group_of,
    strictly_inside,
)
from kg.extract.vocab import alternation
from kg.model import Mention, RelationMention

PLACES = ("Park", "Region")
# what follows a place in the name of a street called after it: 路, 东路, 一路, 大街, 路南延, 路改造
NAMED_ROAD = re.compile(r"[东南西北中]?[一二三四五六七八九十]?(?:" + alternation("road_end") + r")(?:[东南西北]延|改造|打通|[一二三四五]期)?")
LOCATABLE = ("Enterprise", "Project", "Park")
REGION_LEVEL = re.compile("(?:" + alternation("region_level") + ")$")
# the annotated documents locate a company in the place its name begins with almost always (94 %),
# a park mostly (76 %), a project every other time (53 %: too few to say so)
NAMED_AFTER = {"Enterprise": 0.8, "Park": 0.7}


def _rel(view: SentenceView, head: Mention, relation: str, tail: Mention, source: str, conf: float) -> RelationMention:
    return RelationMention(head, relation, tail, view.index, source, conf)


def _of(ms: list[Mention], *types: str) -> list[Mention]:
    return [m for m in ms if m.type in types]


# ----------------------------------------------------------------------------- names


def nested(view: SentenceView) -> Iterator[RelationMention]:
    ms = view.mentions
    for inner in ms:
        if inner.type == "Enterprise":
            outer = container(inner, ms, ("Project", "Park"))
            if outer is None or T.SITE_AFTER.match(view.text(inner.end, outer.end)):
                continue
            if outer.type == "Project":
                yield _rel(view, inner, "undertakes", outer, "name:nested", 0.9 if inner.start == outer.start else 0.8)
            elif inner.start == outer.start:  # a company's own park is its project (annotation guide)
                yield _rel(view, inner, "undertakes", outer, "name:nested", 0.7)
        elif inner.type in PLACES:
            outer = container(inner, ms, LOCATABLE)
            if outer is not None and outer.type == "Project" and inner.start == outer.start \
                    and NAMED_ROAD.fullmatch(view.text(inner.end, outer.end)):
                continue  # a street named after a place (甲省路, 乙州路南延) is not in that place
            if outer is not None:
                yield _rel(view, outer, "locatedIn", inner, "name:nested", 0.8)
        elif inner.type == "Policy":
            outer = container(inner, ms, ("Project",))
            if outer is not None:
                yield _rel(view, outer, "partOf", inner, "name:nested", 0.6)


def _longest_prefix(name: str, forms: dict[str, str], rest: int = 2) -> str | None:
    """The longest of `forms` that `name` begins with, leaving at least `rest` characters of it."""
    return next((name[:k] for k in range(len(name) - rest, 0, -1) if name[:k] in forms), None)


def prefixed(view: SentenceView, known: dict[str, str]) -> Iterator[RelationMention]:
    """A project whose name starts with a company named elsewhere (洛铜… with 洛铜集团 known).

    `known` maps a surface form or resolution key of an enterprise to the name it was
    mentioned under; the head mention is given that name (so it resolves to the same entity)
    and the span of the form inside the project name.
    """
    for p in _of(view.mentions, "Project", "Park"):
        if any(m.type == "Enterprise" and strictly_inside(m, p) for m in view.mentions):
            continue
        form = _longest_prefix(p.name, known)
        if form is not None:
            head = Mention(known[form], "Enterprise", p.start, p.start + len(form), view.index,
                           "relations:name-prefix", 0.8)
            yield _rel(view, head, "undertakes", p, "name:prefix", 0.8)


def place_forms(mentions: list[Mention]) -> dict[str, str]:
    """The document's regions by the forms a name may begin with: the name, and the name without
    its level (常州市 -> 常州) where two characters remain -> the region's name."""
    forms: dict[str, str] = {}
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        if m.type == "Region":
            forms.setdefault(m.name, m.name)
            bare = REGION_LEVEL.sub("", m.name)
            if len(bare) >= 2:
                forms.setdefault(bare, m.name)
    return forms


def named_after(mentions: list[Mention], places: dict[str, str]) -> Iterator[RelationMention]:
    """An enterprise or park whose name begins with one of the document's `places` (place_forms)
    is located there; the tail is that place's name at the start of the name."""
    for m in mentions:
        form = _longest_prefix(m.name, places) if m.type in NAMED_AFTER else None
        if form is None:
            continue
        confidence = NAMED_AFTER[m.type]
        tail = Mention(places[form], "Region", m.start, m.start + len(form), m.sentence, "relations:name-place",
                       confidence)
        yield RelationMention(m, "locatedIn", tail, m.sentence, "name:place", confidence)


def ellipsis(view: SentenceView) -> Iterator[RelationMention]:
    """"E甲中心、乙中心正式入驻…": a two-item project list without 等 shares the company."""
    for clause in view.clauses:
        for group in enumerations(view, _of(clause.top, "Project")):
            if len(group) != 2:
                continue
            first, second = group
            if view.text(second.end, min(second.end + 1, view.end)) == "等":
                continue
            heads = [m for m in view.mentions if m.type == "Enterprise" and m.start == first.start
                     and strictly_inside(m, first)]
            has_own = any(m.type == "Enterprise" and strictly_inside(m, second) for m in view.mentions)
            if heads and not has_own:
                yield _rel(view, heads[0], "undertakes", second, "name:ellipsis", 0.55)


# ----------------------------------------------------------------------------- clauses


def _triggers(view: SentenceView, clause: Clause, pattern) -> list[int]:
    """Cleaned-text positions of trigger words in the clause (names masked)."""
    return [clause.start + t.start() for t in pattern.finditer(view.masked_span(clause.start, clause.end))]


def _standalone_enterprises(clause: Clause) -> list[Mention]:
    return _of(clause.top, "Enterprise")


def clause_verb(view: SentenceView) -> Iterator[RelationMention]:
    for clause in view.clauses:
        firms = _standalone_enterprises(clause)
        projects = _of(clause.top, "Project")
        if not firms or not projects:
            continue
        verbs = _triggers(view, clause, T.UNDERTAKE)
        for p in projects:
            for e in firms:
                if any(e.end <= v < p.start for v in verbs):
                    yield _rel(view, e, "undertakes", p, "clause:verb", 0.75)
                elif p.end <= e.start and any(v >= e.end for v in verbs):
                    by = _triggers(view, clause, T.PASSIVE_BY)
                    if any(p.end <= b < e.start for b in by):
                        yield _rel(view, e, "undertakes", p, "clause:verb", 0.75)


def adjacent(view: SentenceView) -> Iterator[RelationMention]:
    """"河南某某科技有限公司年产10GWh储能电池项目": a company written right before a project names its owner."""
    for clause in view.clauses:
        tops = sorted(clause.top, key=lambda m: m.start)
        for e, p in zip(tops, tops[1:]):
            if e.type == "Enterprise" and p.type == "Project" and T.OWNER_GAP.match(view.text(e.end, p.start)):
                yield _rel(view, e, "undertakes", p, "clause:adjacent", 0.75)


def clause_trigger(view: SentenceView) -> Iterator[RelationMention]:
    for clause in view.clauses:
        firms = _standalone_enterprises(clause)
        policies = _of(clause.top, "Policy")
        if not policies:
            continue
        verbs = _triggers(view, clause, T.PARTICIPATE)
        counted = _counted_pairs(view, clause)
        for e, pol in counted:
            yield _rel(view, e, "participatesIn", pol, "clause:counted", 0.8)
        if verbs:
            for e in firms:
                for pol in policies:
                    if (e, pol) not in counted:
                        yield _rel(view, e, "participatesIn", pol, "clause:trigger", 0.75 if e.end <= pol.start else 0.6)
            for p in _of(clause.top, "Project"):
                for pol in policies:
                    if any(p.end <= v < pol.start for v in verbs):
                        yield _rel(view, p, "partOf", pol, "clause:trigger", 0.7)


def _counted_pairs(view: SentenceView, clause: Clause) -> list[tuple[Mention, Mention]]:
    """"A、B等14家<Policy>": the policy names what the listed companies are counted as."""
    pairs = []
    firms = _standalone_enterprises(clause)
    for group in enumerations(view, firms):
        last = group[-1]
        following = [m for m in clause.top if m.start >= last.end]
        if not following:
            continue
        nxt = min(following, key=lambda m: m.start)
        if nxt.type == "Policy" and T.COUNTED.match(view.text(last.end, nxt.start)):
            pairs.extend((e, nxt) for e in group)
    return pairs


def topic(view: SentenceView) -> Iterator[RelationMention]:
    """A clause that only names a policy with a framing verb, next to a clause naming companies."""
    cl = view.clauses
    for i, clause in enumerate(cl):
        policies = _of(clause.top, "Policy")
        if len(policies) != 1 or _of(clause.top, "Enterprise", "Project") or not _triggers(view, clause, T.TOPIC):
            continue
        pol = policies[0]
        neighbours = []
        # a framing clause that opens the sentence frames every clause up to the next ；
        # ("加强X培育，推动A、B…，力争C、D…，完成E…"); elsewhere only the clause after it
        for other in cl[i + 1 :]:
            if other.after_hard_break or (i > 0 and neighbours):
                break
            neighbours.append(other)
        if i > 0 and not clause.after_hard_break:
            neighbours.append(cl[i - 1])
        for other in neighbours:
            if _of(other.top, "Policy") or T.OWN_CATEGORY.search(view.masked_span(other.start, other.end)):
                continue
            for e in _standalone_enterprises(other):
                yield _rel(view, e, "participatesIn", pol, "clause:topic", 0.5)
            if other.index == clause.index + 1:
                for p in _of(other.top, "Project"):
                    yield _rel(view, p, "partOf", pol, "clause:topic", 0.5)


def project_list(view: SentenceView) -> Iterator[RelationMention]:
    """"P1、P2等N个“三大改造”项目": each listed project is part of the programme."""
    for clause in view.clauses:
        for group in enumerations(view, _of(clause.top, "Project")):
            last = group[-1]
            following = [m for m in clause.top if m.start >= last.end]
            if not following:
                continue
            pol = min(following, key=lambda m: m.start)
            if pol.type != "Policy" or not T.PROJECT_COUNT.match(view.text(last.end, pol.start)):
                continue
            if not T.PROJECT_AFTER.match(view.text(pol.end, clause.end)):
                continue
            for p in group:
                yield _rel(view, p, "partOf", pol, "list:projects", 0.85)
                for e in view.mentions:
                    if e.type == "Enterprise" and strictly_inside(e, p):
                        yield _rel(view, e, "participatesIn", pol, "list:projects", 0.6)


def selected_policies(view: SentenceView) -> list[Mention]:
    """The sentence's policies when it speaks of selection (入选, 获评, 公布 …): what the items of a
    list opened in the next sentence ("此次入选的7家企业分别是：…") take part in."""
    return _of(view.mentions, "Policy") if T.SELECTED.search(view.masked) else []


def introduced(view: SentenceView, earlier: list[Mention]) -> Iterator[RelationMention]:
    """"获评X的有6家，分别是A、B、C": the items of an enumeration opened by 分别是/具体包括/如下 take
    part in the nearest policy named before them in a sentence that speaks of selection."""
    for clause in view.clauses:
        for group in enumerations(view, _of(clause.top, "Enterprise")):
            first = group[0]
            lead = view.masked_span(view.start, first.start)
            if len(group) < 2 or not T.LIST_INTRO.search(lead):
                continue
            before = [m for m in _of(view.mentions, "Policy") if m.end <= first.start]
            if before and T.SELECTED.search(lead):
                policy = max(before, key=lambda m: m.end)
            elif not before and earlier:
                policy = earlier[-1]
            else:
                continue
            for e in group:
                yield _rel(view, e, "participatesIn", policy, "list:introduced", 0.7)


def inside(view: SentenceView) -> Iterator[RelationMention]:
    """"自贸区内蓝斯利公司等企业": the place, 内, then what is in it (and its enumeration)."""
    for clause in view.clauses:
        tops = sorted(clause.top, key=lambda m: m.start)
        groups = enumerations(view, _of(tops, *LOCATABLE))
        for place, nxt in zip(tops, tops[1:]):
            if place.type in PLACES and nxt.type in LOCATABLE and T.INSIDE.match(view.text(place.end, nxt.start)):
                for m in group_of(nxt, groups):
                    yield _rel(view, m, "locatedIn", place, "clause:inside", 0.85)


def _subjects(view: SentenceView, tops: list[Mention], before: int, place: Mention) -> list[Mention]:
    """The nearest locatable mention ending before `before`, with its enumeration."""
    cands = [m for m in tops if m.type in LOCATABLE and m.end <= before and m is not place]
    if not cands:
        return []
    return group_of(max(cands, key=lambda m: m.end), enumerations(view, cands))


def locate(view: SentenceView) -> Iterator[RelationMention]:
    for clause in view.clauses:
        tops = sorted(clause.top, key=lambda m: m.start)
        masked = view.masked_span(clause.start, clause.end)
        for verb in T.LOCATE.finditer(masked):
            places = [m for m in tops if m.type in PLACES and m.start >= clause.start + verb.end()]
            if not places:
                continue
            place = places[0]
            if view.masked_span(clause.start + verb.end(), place.start).strip("在于至到"):
                continue  # the place must follow the verb directly
            for m in _subjects(view, tops, clause.start + verb.start(), place):
                yield _rel(view, m, "locatedIn", place, "clause:locate", 0.8)
        for at in T.LOCATE_AT.finditer(masked):
            a = clause.start + at.start(1)
            place = next((m for m in tops if m.start == a and m.type in PLACES), None)
            if place is not None:
                for m in _subjects(view, tops, a - 1, place):
                    yield _rel(view, m, "locatedIn", place, "clause:locate", 0.75)


SENTENCE_RULES = (nested, ellipsis, clause_verb, adjacent, clause_trigger, topic, project_list, inside, locate)
