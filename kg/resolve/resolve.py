"""Merge mentions into entities and relation mentions into facts, across documents."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import fields
from typing import Iterable

from kg.extract.lexicon import Lexicon
from kg.extract.vocab import alternation, words
from kg.model import Entity, Evidence, Extraction, Fact, Mention, ProjectAttributes, Resolution
from kg.resolve.corrections import SIGNATURES, Correction, CorrectionRules, correct_relations
from kg.resolve.keys import LEVEL, entity_id, entity_key, normalize, programme_names, quoted_names


PARK_WORDS = frozenset(words("park_head"))
REGION_LEVELS = words("region_level")
# a programme's level written in front of the mention (省级“…”)
LEVEL_BEFORE = re.compile(rf"(?:{LEVEL})[“《]?$")
OPENING_MARKS = "“《"
# a zone a park's name begins with (彰武经济开发区 in 彰武经济开发区新能源装备产业园)
ZONE_IN_NAME = re.compile(".*?(?:" + alternation("zone_head", "zone_area_head") + ")")


def _evidence(extraction: Extraction, start: int, end: int, sentence: int, source: str, confidence: float) -> Evidence:
    doc = extraction.document
    orig_start, orig_end = doc.original_span(start, end)
    return Evidence(doc.doc_id, sentence, doc.sentences[sentence].text, start, end, orig_start, orig_end,
                    source, confidence, doc.page_at(start))


def _document_types(mentions: list[Mention]) -> dict[str, tuple[str, set[str]]]:
    """Per normalised name in one document: the type most evidence supports, and the others seen."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        votes[normalize(m.name)][m.type] += m.confidence
    return {
        name: (max(sorted(v), key=lambda t: v[t]), set(v))
        for name, v in votes.items()
    }


def _named_parks(types: dict[str, tuple[str, set[str]]]) -> dict[str, str]:
    """A park word standing alone in one document (开发区, 高新区, 园区) -> the one park name of that
    document it ends (漕河泾开发区), where the document has exactly one: the text's short reference
    to the park it named, not a park of its own. `types`: the document's (see _document_types)."""
    parks = {name for name, (type_, _) in types.items() if type_ == "Park"}
    named = {}
    for word in parks & PARK_WORDS:
        longer = {name for name in parks if name.endswith(word) and name != word}
        if len(longer) == 1:
            named[word] = longer.pop()
    return named


def _named_regions(types: dict[str, tuple[str, set[str]]]) -> dict[str, str]:
    """A place written without its level in one document (常州, often inside a company's name) ->
    the one region of that document named with it (常州市)."""
    regions = {name for name, (type_, _) in types.items() if type_ == "Region"}
    named = {}
    for name in regions:  # (三岔口村 is not 三岔口村村 without its level)
        longer = {name + level for level in REGION_LEVELS if not name.endswith(level)} & regions
        if len(longer) == 1:
            named[name] = longer.pop()
    # a name that a shorter one stands for is a full name itself (绵竹 → 绵竹市, so 绵竹市 is no short
    # form of 绵竹市区, the city's urban area)
    return {name: full for name, full in named.items() if name not in named.values()}


def _names_with_company(text: str, mentions: list[Mention]) -> dict[tuple[int, int], list[str]]:
    """(start, end) of a project mention -> its other names as written: without the company its
    name begins with, or with the company written just before it (安徽某某矿业有限公司年产500万吨铁精粉选矿
    项目 is also 年产500万吨铁精粉选矿项目, and the other way round)."""
    ends_from: dict[int, list[int]] = defaultdict(list)
    starts_to: dict[int, list[int]] = defaultdict(list)
    for m in mentions:
        if m.type == "Enterprise":
            ends_from[m.start].append(m.end)
            starts_to[m.end].append(m.start)
    names: dict[tuple[int, int], list[str]] = {}
    for m in mentions:
        if m.type == "Project":
            forms = [text[end:m.end] for end in ends_from[m.start] if m.end - end >= 4]
            forms += [text[start:m.end] for start in starts_to[m.start]]
            if forms:
                names[m.start, m.end] = forms
    return names


def _names_with_place(text: str, mentions: list[Mention]) -> dict[tuple[int, int], list[str]]:
    """(start, end) of a policy, project or park mention -> its names with the places (and for a
    policy the level) the text writes right before it, and without the places, or for a park the
    zone, that its name begins with."""
    region_from = {m.end: m.start for m in mentions if m.type == "Region"}
    region_at: dict[int, list[int]] = defaultdict(list)
    for m in mentions:
        if m.type == "Region":
            region_at[m.start].append(m.end)
    names: dict[tuple[int, int], list[str]] = {}
    for m in mentions:
        if m.type in ("Policy", "Project", "Park"):
            forms = _with_places_before(text, m, region_from)
            if m.type != "Policy":
                forms += _without_places(text, m, region_at)
            if forms:
                names[m.start, m.end] = forms
    return names


def _with_places_before(text: str, m: Mention, region_from: dict[int, int]) -> list[str]:
    """The mention's name with the one or two Region mentions (and for a policy, its level) right
    before it: 湖北省绿色工厂 for 绿色工厂, 汉台区宗营镇污水处理站 for 宗营镇污水处理站, 省级创新型企业 for 创新型企业."""
    start, forms = m.start, []
    for _ in range(2):
        quote = 1 if start and text[start - 1] in OPENING_MARKS else 0
        level = LEVEL_BEFORE.search(text, max(0, start - 4), start) if m.type == "Policy" else None
        if start - quote in region_from:
            start = region_from[start - quote]
        elif level:
            start = level.start()
        else:
            break
        forms.append(re.sub(f"[{OPENING_MARKS}]", "", text[start:m.start]) + m.name)
    return forms


def _without_places(text: str, m: Mention, region_at: dict[int, list[int]]) -> list[str]:
    """The name of a project or park without the Region mentions it begins with (荷塘区金山工业园 is
    also 金山工业园), and a park's without the zone it begins with (云山经开区星火工业园: 星火工业园);
    at least four characters left."""
    forms = []
    if m.type == "Park" and (zone := ZONE_IN_NAME.match(m.name)) and len(m.name) - zone.end() >= 4:
        forms.append(m.name[zone.end():])
    end = m.start
    while region_at.get(end) and m.end - (end := max(region_at[end])) >= 4:
        forms.append(text[end:m.end])
    return forms


class _Keys:
    """Resolution keys, with lexicon aliases mapped onto their entry's key."""

    def __init__(self, lexicon: Lexicon | None):
        self.lexicon_keys: dict[tuple[str, str], tuple[str, str]] = {}
        for entry in lexicon.entries if lexicon else []:
            key = entity_key(entry.name, entry.type)
            for form in (entry.name, *entry.aliases):
                self.lexicon_keys.setdefault((entry.type, entity_key(form, entry.type)), (key, entry.name))

    def __call__(self, name: str, type_: str) -> tuple[str, str | None]:
        key = entity_key(name, type_)
        found = self.lexicon_keys.get((type_, key))
        return found if found else (key, None)


class _Resolver:
    """Accumulates entities and facts over the documents of one run; mentions and relations below
    `min_confidence` are left out, and `rules` (bound corrections) move or drop entities."""

    def __init__(self, lexicon: Lexicon | None, min_confidence: float = 0.0, rules: CorrectionRules | None = None):
        self.keys = _Keys(lexicon)
        self.min_confidence = min_confidence
        self.rules = rules
        self.entities: dict[str, Entity] = {}
        self.surface_counts: dict[str, Counter] = defaultdict(Counter)
        self.preferred: dict[str, str] = {}
        self.attributes: dict[str, list[tuple[tuple, ProjectAttributes]]] = defaultdict(list)
        self.facts: dict[tuple[str, str, str], Fact] = {}

    def add_document(self, ex: Extraction) -> None:
        types = _document_types(ex.mentions)
        named_parks = _named_parks(types)
        named_regions = _named_regions(types)
        with_company = _names_with_company(ex.document.text, ex.mentions)
        with_place = _names_with_place(ex.document.text, ex.mentions)
        id_of_name: dict[str, str] = {}
        for m in ex.mentions:
            if norm := normalize(m.name):
                type_, seen = types[norm]
                stands_for = {"Park": named_parks, "Region": named_regions}.get(type_, {}).get(norm)
                other_names = list(with_place.get((m.start, m.end), ()))
                if type_ == "Project":
                    other_names += with_company.get((m.start, m.end), ())
                elif type_ == "Policy":
                    other_names += quoted_names(ex.document.text[max(0, m.start - 1):m.end + 1], m.name)
                id_of_name[norm] = self._add_mention(ex, m, type_, seen, stands_for, other_names)
        for rel in ex.relations:
            if rel.confidence < self.min_confidence:
                continue
            head, tail = (self._end(ex, m, id_of_name) for m in (rel.head, rel.tail))
            if head is None or tail is None or head == tail:
                continue
            heads, tails = SIGNATURES[rel.relation]
            if not (self._types(head) & heads and self._types(tail) & tails):
                continue
            start, end = min(rel.head.start, rel.tail.start), max(rel.head.end, rel.tail.end)
            fact = self.facts.setdefault((head, rel.relation, tail), Fact(head, rel.relation, tail))
            fact.evidence.append(_evidence(ex, start, end, rel.sentence, rel.source, rel.confidence))

    def _types(self, ent_id: str) -> set[str]:
        ent = self.entities[ent_id]
        return {ent.type} | ent.also

    def _end(self, ex: Extraction, m: Mention, id_of_name: dict[str, str]) -> str | None:
        """The entity of a relation end; an end no component selected becomes a mention itself."""
        norm = normalize(m.name)
        if not norm:
            return None
        if norm not in id_of_name:
            id_of_name[norm] = self._add_mention(ex, m, m.type, {m.type})
        return id_of_name[norm]

    def _add_mention(self, ex: Extraction, m: Mention, type_: str, seen: set[str],
                     stands_for: str | None = None, other_names: Iterable[str] = ()) -> str | None:
        """The entity id the mention joins (that of `stands_for`, the name it refers to, if given),
        which also goes by `other_names`; None when it is left out (low confidence, rejected)."""
        if m.confidence < self.min_confidence:
            return None
        doc_id = ex.document.doc_id
        key, lexicon_name = self.keys(stands_for or m.name, type_)
        ent_id = entity_id(type_, key)
        if self.rules:
            corrected = self.rules.entity(ent_id, type_, m.name)
            if corrected is None:
                return None
            if corrected[1] != type_:  # retyped: the entity is not of its old type
                seen = {corrected[1]}
            ent_id, type_ = corrected
        ent = self.entities.get(ent_id)
        if ent is None:
            ent = self.entities[ent_id] = Entity(ent_id, type_, m.name)
        ent.also |= seen - {type_}
        names = {m.name, *other_names}
        if type_ == "Policy":
            names.update(programme_names(m.name))  # the scorer and searches find it by any
        ent.aliases |= names
        ent.documents.add(doc_id)
        ent.names_by_doc.setdefault(doc_id, set()).update(names)
        ent.mentions.append(_evidence(ex, m.start, m.end, m.sentence, m.source, m.confidence))
        if stands_for is None:  # a short reference does not name the entity
            self.surface_counts[ent_id][m.name] += 1
        if lexicon_name:
            self.preferred[ent_id] = lexicon_name
        attrs = ex.attributes.get((m.start, m.end))
        if attrs is not None:
            self.attributes[ent_id].append(((ex.document.meta.year or 0, doc_id, m.start), attrs))
        return ent_id

    def finish(self, documents) -> Resolution:
        names = self.rules.names if self.rules else {}
        for ent_id, ent in self.entities.items():
            counts = self.surface_counts[ent_id]
            ent.name = (names.get(ent_id) or self.preferred.get(ent_id)
                        or max(sorted(counts), key=lambda s: (counts[s], len(s))))
            ent.aliases.add(ent.name)
            if self.attributes[ent_id]:
                ordered = sorted(self.attributes[ent_id], key=lambda x: x[0])
                ent.attributes = _merge_attributes([a for _, a in ordered])
            if self.rules:
                ent.corrections = list(self.rules.notes.get(ent_id, []))
        resolution = Resolution(list(documents), self.entities, list(self.facts.values()))
        if self.rules:
            resolution.warnings = self.rules.warnings + correct_relations(resolution, self.rules.corrections)
        resolution.facts.sort(key=lambda f: (f.head, f.relation, f.tail))
        return resolution


def resolve(extractions: list[Extraction], lexicon: Lexicon | None = None, min_confidence: float = 0.0,
            corrections: list[Correction] = ()) -> Resolution:
    """Entities and facts of the extractions; with corrections, a first resolution finds the entities
    they name and a second applies them."""
    def run(rules: CorrectionRules | None) -> Resolution:
        resolver = _Resolver(lexicon, min_confidence, rules)
        for ex in extractions:
            resolver.add_document(ex)
        return resolver.finish(ex.document for ex in extractions)

    if not corrections:
        return run(None)
    first = run(None)
    return run(CorrectionRules(list(corrections), first.entities, _Keys(lexicon)))


def _merge_attributes(ordered: list[ProjectAttributes]) -> ProjectAttributes:
    """Later documents and later mentions win, field by field, where they say something."""
    merged = ProjectAttributes()
    for attrs in ordered:
        for f in fields(ProjectAttributes):
            value = getattr(attrs, f.name)
            if value is not None:
                setattr(merged, f.name, value)
    return merged
