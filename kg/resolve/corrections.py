"""An analyst's corrections, applied while mentions are merged into entities and facts.

Format (UTF-8 text, tab-separated, one correction a line, ``#`` starts a comment; TYPE is an
entity type, RELATION a relation name)::

    reject           NAME      [TYPE]              the entity is false: drop it and its relations
    retype           NAME      NEW_TYPE  [TYPE]    the entity is of another type
    merge            NAME      INTO      [TYPE]    NAME and INTO are one entity, named INTO
    split            ALIAS     NAME      [TYPE]    ALIAS is not NAME but an entity of its own
    reject-relation  HEAD      RELATION  TAIL      the relation is false
    add-relation     HEAD      RELATION  TAIL  DOCUMENT  SENTENCE
                                                   the relation, read in SENTENCE of DOCUMENT

A NAME is the entity's name or any of its aliases. A malformed line is an error
``FILE:LINE: what is wrong``; a correction that finds nothing in a build is a warning.
Corrected entities and facts carry a note saying so (``corrections`` in every output).
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.errors import KgError
from kg.model import ENTITY_TYPES, RELATION_TYPES
from kg.resolve.keys import entity_id, normalize

# action -> (required argument names, optional argument names)
ACTIONS = {
    "reject": (("NAME",), ("TYPE",)),
    "retype": (("NAME", "NEW_TYPE"), ("TYPE",)),
    "merge": (("NAME", "INTO"), ("TYPE",)),
    "split": (("ALIAS", "NAME"), ("TYPE",)),
    "reject-relation": (("HEAD", "RELATION", "TAIL"), ()),
    "add-relation": (("HEAD", "RELATION", "TAIL", "DOCUMENT", "SENTENCE"), ()),
}
CORRECTION_SOURCE = "correction"
# relation -> (types of the head, types of the tail)
SIGNATURES = {
    "undertakes": ({"Enterprise"}, {"Project"}),
    "participatesIn": ({"Enterprise"}, {"Policy"}),
    "locatedIn": ({"Enterprise", "Project", "Park"}, {"Park", "Region"}),
    "partOf": ({"Project"}, {"Policy"}),
}


@dataclass(frozen=True)
class Correction:
    action: str
    args: dict[str, str]
    where: str  # FILE:LINE, for messages
    line: int

    def type(self) -> str | None:
        return self.args.get("TYPE")

    def note(self, what: str) -> str:
        """The provenance note of a change (the same wherever the corrections file is kept)."""
        return f"{what} (correction, line {self.line})"


def parse_corrections(text: str, name: str) -> list[Correction]:
    """The corrections of a file's text; KgError naming `name`:LINE for the first malformed line."""
    corrections = []
    for lineno, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].rstrip()
        if line.strip():
            corrections.append(parse_correction(line, f"{name}:{lineno}", lineno))
    return corrections


def parse_correction(line: str, where: str, lineno: int = 0) -> Correction:
    """One correction line; KgError starting with `where` if it is malformed."""
    action, *values = [cell.strip() for cell in line.split("\t")]
    if action not in ACTIONS:
        raise KgError(f"{where}: unknown action {action!r} (one of {', '.join(ACTIONS)})")
    required, optional = ACTIONS[action]
    while values and not values[-1]:
        values.pop()
    if not len(required) <= len(values) <= len(required) + len(optional):
        usage = " ".join([*required, *(f"[{o}]" for o in optional)])
        raise KgError(f"{where}: {action} takes {usage} (tab-separated), got {len(values)} value(s)")
    args = dict(zip(required + optional, values))
    for key, value in args.items():
        if not value:
            raise KgError(f"{where}: empty {key}")
        if key.endswith("TYPE") and value not in ENTITY_TYPES:
            raise KgError(f"{where}: unknown type {value!r} (one of {', '.join(ENTITY_TYPES)})")
        if key == "RELATION" and value not in RELATION_TYPES:
            raise KgError(f"{where}: unknown relation {value!r} (one of {', '.join(RELATION_TYPES)})")
    return Correction(action, args, where, lineno)


class CorrectionRules:
    """Corrections bound to the entities of a first resolution: which entity ids are rejected,
    redirected (retype, merge) or split, with the names and notes the corrected entities get."""

    def __init__(self, corrections: list[Correction], entities: dict, keys):
        self.corrections = corrections
        self.redirects: dict[str, tuple[str, str]] = {}  # id -> (id, type)
        self.splits: dict[tuple[str, str], tuple[str, str]] = {}  # (id, normalised alias) -> (id, type)
        self.rejected: set[str] = set()
        self.names: dict[str, str] = {}  # id -> canonical name chosen by a correction
        self.notes: dict[str, list[str]] = {}
        self.warnings: list[str] = []
        self.index = _NameIndex(entities)
        for c in corrections:
            found = self.index.find(c.args.get("NAME", ""), c.type())
            if c.action in ("reject-relation", "add-relation"):
                continue
            if not found:
                self.warnings.append(f"{c.where}: no {c.type() or 'entity'} named {c.args['NAME']} in this build")
            elif c.action == "reject":
                self.rejected.update(e.id for e in found)
            elif c.action == "retype":
                for e in found:
                    new_type = c.args["NEW_TYPE"]
                    new_id = entity_id(new_type, keys(e.name, new_type)[0])
                    self.redirects[e.id] = (new_id, new_type)
                    self._note(new_id, c.note(f"retyped from {e.type}"))
            elif c.action == "merge":
                self._merge(c, found)
            elif c.action == "split":
                alias = normalize(c.args["ALIAS"])
                for e in found:
                    if alias not in {normalize(a) for a in e.aliases}:
                        self.warnings.append(f"{c.where}: {c.args['ALIAS']} is no alias of {e.name}")
                        continue
                    new_id = entity_id(e.type, "split\t" + alias)
                    self.splits[(e.id, alias)] = (new_id, e.type)
                    self.names[new_id] = c.args["ALIAS"]
                    self._note(new_id, c.note(f"split off {e.name}"))

    def _merge(self, c: Correction, found: list) -> None:
        targets = self.index.find(c.args["INTO"], c.type())
        if len(targets) != 1:
            what = "no entity" if not targets else f"{len(targets)} entities (give TYPE)"
            self.warnings.append(f"{c.where}: {what} named {c.args['INTO']} in this build")
            return
        target = targets[0]
        for e in found:
            if e.id != target.id:
                self.redirects[e.id] = (target.id, target.type)
        self.names[target.id] = target.name
        self._note(target.id, c.note(f"merged with {c.args['NAME']}"))

    def _note(self, ent_id: str, note: str) -> None:
        self.notes.setdefault(ent_id, []).append(note)

    def entity(self, ent_id: str, type_: str, surface: str) -> tuple[str, str] | None:
        """The corrected (id, type) of a mention resolved to `ent_id`; None if it is rejected."""
        ent_id, type_ = self.splits.get((ent_id, normalize(surface)), (ent_id, type_))
        seen = set()
        while ent_id not in seen:
            if ent_id in self.rejected:
                return None
            seen.add(ent_id)
            ent_id, type_ = self.redirects.get(ent_id, (ent_id, type_))
        return ent_id, type_


class _NameIndex:
    """Entities by normalised name and alias."""

    def __init__(self, entities: dict):
        self.by_name: dict[str, list] = {}
        for ent in sorted(entities.values(), key=lambda e: e.id):
            for name in sorted({normalize(a) for a in ent.aliases | {ent.name}}):
                self.by_name.setdefault(name, []).append(ent)

    def find(self, name: str, type_: str | None = None, types: set[str] | None = None) -> list:
        allowed = {type_} if type_ else types
        return [e for e in self.by_name.get(normalize(name), []) if allowed is None or e.type in allowed]


def correct_relations(resolution, corrections: list[Correction]) -> list[str]:
    """Apply reject-relation and add-relation to the facts of `resolution`; the warnings of the
    corrections that found nothing."""
    from kg.model import Evidence, Fact

    index = _NameIndex(resolution.entities)
    facts = {(f.head, f.relation, f.tail): f for f in resolution.facts}
    warnings = []
    for c in corrections:
        if c.action not in ("reject-relation", "add-relation"):
            continue
        relation = c.args["RELATION"]
        heads_allowed, tails_allowed = SIGNATURES[relation]
        heads = index.find(c.args["HEAD"], types=heads_allowed)
        tails = index.find(c.args["TAIL"], types=tails_allowed)
        pairs = [(h.id, t.id) for h in heads for t in tails if h.id != t.id]
        if c.action == "reject-relation":
            dropped = [facts.pop(key) for key in ((h, relation, t) for h, t in pairs) if key in facts]
            if not dropped:
                warnings.append(f"{c.where}: no relation {c.args['HEAD']} {relation} {c.args['TAIL']} in this build")
            continue
        if len(pairs) != 1:
            missing = c.args["HEAD"] if not heads else c.args["TAIL"] if not tails else None
            warnings.append(f"{c.where}: " + (f"no entity named {missing} fits {relation}" if missing else
                                              f"{c.args['HEAD']} {relation} {c.args['TAIL']} is ambiguous"))
            continue
        evidence = _sentence_evidence(resolution.documents, c.args["DOCUMENT"], c.args["SENTENCE"])
        if isinstance(evidence, str):
            warnings.append(f"{c.where}: {evidence}")
            continue
        head, tail = pairs[0]
        for ent_id in (head, tail):  # the analyst says the sentence names both
            ent = resolution.entities[ent_id]
            ent.documents.add(c.args["DOCUMENT"])
            ent.names_by_doc.setdefault(c.args["DOCUMENT"], set()).add(ent.name)
        fact = facts.setdefault((head, relation, tail), Fact(head, relation, tail))
        fact.evidence.append(Evidence(**evidence))
        fact.corrections.append(c.note("added"))
    resolution.facts = list(facts.values())
    return warnings


def _sentence_evidence(documents, doc_id: str, sentence: str) -> dict | str:
    """The evidence fields of `sentence` in document `doc_id`, or what is wrong."""
    document = next((d for d in documents if d.doc_id == doc_id), None)
    if document is None:
        return f"no document named {doc_id} in this build"
    wanted = normalize(sentence)
    for s in document.sentences:
        at = s.text.find(sentence)
        if at >= 0 or normalize(s.text) == wanted:
            start = s.start + max(at, 0)
            end = start + len(sentence) if at >= 0 else s.end
            orig_start, orig_end = document.original_span(start, end)
            return dict(doc_id=doc_id, sentence_index=s.index, sentence=s.text, start=start, end=end,
                        orig_start=orig_start, orig_end=orig_end, source=CORRECTION_SOURCE, confidence=1.0,
                        page=document.page_at(start))
    return f"sentence not found in document {doc_id}: {sentence}"
