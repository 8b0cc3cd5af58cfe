"""Scoring by the annotation guide's rules (the same figures as the reference scorer).

Entities: a prediction matches a gold entity when a name or alias is shared after
normalisation and the type is the gold type or one it accepts (``also``); greedy, one-to-one.
Relations: both ends match (aliases expanded within each file) and the relation is the same.
The headline relation figure counts enterprise-centred relations only.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kg.model import CORE_TYPES, ENTITY_TYPES, RELATION_TYPES
from kg.resolve.keys import normalize

ENTERPRISE_RELATIONS = {"undertakes", "participatesIn", "locatedIn"}


@dataclass
class Tally:
    tp: int = 0
    pred: int = 0
    gold: int = 0
    false_positives: list = field(default_factory=list)
    misses: list = field(default_factory=list)

    def add(self, tp: int, pred: int, gold: int, fps: list, fns: list) -> None:
        self.tp += tp
        self.pred += pred
        self.gold += gold
        self.false_positives.extend(fps)
        self.misses.extend(fns)

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    docs: list[str]
    missing: list[str]
    types: dict[str, Tally]
    enterprise_relations: Tally
    relations_by_type: dict[str, Tally]

    @property
    def core_macro_f1(self) -> float:
        return sum(round(self.types[t].f1, 3) for t in CORE_TYPES) / len(CORE_TYPES)

    @property
    def core_micro(self) -> Tally:
        total = Tally()
        for t in CORE_TYPES:
            total.add(self.types[t].tp, self.types[t].pred, self.types[t].gold, [], [])
        return total


def names(entity: dict) -> set[str]:
    out = {normalize(entity.get("name", ""))} | {normalize(a) for a in entity.get("aliases") or []}
    out.discard("")
    return out


def match_entities(gold: list[dict], pred: list[dict], type_: str, satisfied: frozenset = frozenset()):
    """Greedy one-to-one matching of the gold entities that accept ``type_`` against its predictions.

    ``satisfied``: ids of gold entities already found under one of their ``also`` types; such an
    entity is one thing found once, so it is no miss of its primary type.
    """
    candidates = [e for e in gold if e.get("type") == type_ or type_ in (e.get("also") or [])]
    predicted = [e for e in pred if e.get("type") == type_]
    used: set[int] = set()
    matched = []
    for g in candidates:
        g_names = names(g)
        for i, p in enumerate(predicted):
            if i not in used and g_names & names(p):
                used.add(i)
                matched.append(g)
                break
    fps = [p for i, p in enumerate(predicted) if i not in used]
    fns = [g for g in gold if g.get("type") == type_ and g not in matched and id(g) not in satisfied]
    return len(matched), len(predicted), len(matched) + len(fns), fps, fns, matched


def found_under_also_types(gold: list[dict], pred: list[dict]) -> frozenset:
    """Ids of the gold entities a prediction matched under a type other than their primary one."""
    return frozenset(id(e) for t in ENTITY_TYPES for e in match_entities(gold, pred, t)[5] if e.get("type") != t)


def _expand(name_set: set[str], entities: list[dict]) -> set[str]:
    full = set(name_set)
    for e in entities:
        e_names = names(e)
        if e_names & name_set:
            full |= e_names
    return full


def _relation_rows(doc: dict) -> list[tuple[set, str, set, dict, set]]:
    """(head names, relation, tail names, the relation, the head's own names) per relation."""
    ents = doc.get("entities", [])
    rows = []
    for r in doc.get("relations", []):
        head = names({"name": r.get("head", "")})
        rows.append((_expand(head, ents), r.get("relation"), _expand(names({"name": r.get("tail", "")}), ents), r, head))
    return rows


def _types_by_name(doc: dict) -> dict[str, str]:
    out = {}
    for e in doc.get("entities", []):
        for n in names(e):
            out[n] = e.get("type")
    return out


def _match_rows(gold_rows: list, pred_rows: list):
    used: set[int] = set()
    tp = 0
    fns = []
    for gh, grel, gt, gr, _ in gold_rows:
        for i, (ph, prel, pt, _, _) in enumerate(pred_rows):
            if i not in used and prel == grel and gh & ph and gt & pt:
                used.add(i)
                tp += 1
                break
        else:
            fns.append(gr)
    fps = [row[3] for i, row in enumerate(pred_rows) if i not in used]
    return tp, len(pred_rows), len(gold_rows), fps, fns


def match_enterprise_relations(gold_doc: dict, pred_doc: dict):
    gold_types = _types_by_name(gold_doc)
    pred_types = _types_by_name(pred_doc)

    def enterprise_centred(heads: set, rel: str, types: dict) -> bool:
        if rel not in ENTERPRISE_RELATIONS:
            return False
        return rel != "locatedIn" or any(types.get(n) == "Enterprise" for n in heads)

    # the gold head is typed by its own names, a predicted head by all its aliases
    gold_rows = [r for r in _relation_rows(gold_doc) if enterprise_centred(r[4], r[1], gold_types)]
    pred_rows = [r for r in _relation_rows(pred_doc) if enterprise_centred(r[0], r[1], pred_types)]
    return _match_rows(gold_rows, pred_rows)


def match_relations_of_type(gold_doc: dict, pred_doc: dict, relation: str):
    gold_rows = [r for r in _relation_rows(gold_doc) if r[1] == relation]
    pred_rows = [r for r in _relation_rows(pred_doc) if r[1] == relation]
    return _match_rows(gold_rows, pred_rows)


def score(gold: dict[str, dict], pred: dict[str, dict]) -> Score:
    types = {t: Tally() for t in ENTITY_TYPES}
    enterprise = Tally()
    by_relation = {r: Tally() for r in RELATION_TYPES}
    missing = []
    for doc_id, g in gold.items():
        p = pred.get(doc_id)
        if p is None:
            missing.append(doc_id)
            p = {"entities": [], "relations": []}
        gold_entities, pred_entities = g.get("entities", []), p.get("entities", [])
        satisfied = found_under_also_types(gold_entities, pred_entities)
        for t in ENTITY_TYPES:
            tp, n_pred, n_gold, fps, fns, _ = match_entities(gold_entities, pred_entities, t, satisfied)
            types[t].add(tp, n_pred, n_gold, [(doc_id, e.get("name")) for e in fps], [(doc_id, e.get("name")) for e in fns])
        tp, n_pred, n_gold, fps, fns = match_enterprise_relations(g, p)
        enterprise.add(tp, n_pred, n_gold, [_rel_row(doc_id, r) for r in fps], [_rel_row(doc_id, r) for r in fns])
        for rel in RELATION_TYPES:
            tp, n_pred, n_gold, fps, fns = match_relations_of_type(g, p, rel)
            by_relation[rel].add(tp, n_pred, n_gold, [_rel_row(doc_id, r) for r in fps], [_rel_row(doc_id, r) for r in fns])
    return Score(sorted(gold), missing, types, enterprise, by_relation)


def _rel_row(doc_id: str, r: dict) -> tuple:
    return (doc_id, r.get("head"), r.get("relation"), r.get("tail"))


def format_score(result: Score, errors: int = 0) -> str:
    lines = []
    if result.missing:
        lines.append("missing predictions for: " + ", ".join(result.missing))
    lines.append(f"{'type':16} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'pred':>5} {'gold':>5}")

    def row(label: str, t: Tally) -> str:
        return f"{label:16} {t.precision:6.3f} {t.recall:6.3f} {t.f1:6.3f} {t.tp:5} {t.pred:5} {t.gold:5}"

    lines += [row(t, result.types[t]) for t in ENTITY_TYPES]
    lines.append(row("ent-rel", result.enterprise_relations))
    lines += [row(f"  {r}", result.relations_by_type[r]) for r in RELATION_TYPES]
    if errors:
        for t in CORE_TYPES:
            lines.append(f"\n{t} false positives: {result.types[t].false_positives[:errors]}")
            lines.append(f"{t} misses: {result.types[t].misses[:errors]}")
        lines.append(f"\nrelation false positives: {result.enterprise_relations.false_positives[:errors]}")
        lines.append(f"relation misses: {result.enterprise_relations.misses[:errors]}")
    lines.append(
        f"core macro F1 {result.core_macro_f1:.3f}  core micro F1 {result.core_micro.f1:.3f}  "
        f"enterprise-relation F1 {result.enterprise_relations.f1:.3f}"
    )
    return "\n".join(lines)


def score_to_json(result: Score) -> dict:
    def tally(t: Tally) -> dict:
        return {"p": round(t.precision, 3), "r": round(t.recall, 3), "f1": round(t.f1, 3),
                "tp": t.tp, "pred": t.pred, "gold": t.gold}

    micro = result.core_micro
    return {
        "docs": len(result.docs),
        "missing_predictions": result.missing,
        "types": {t: tally(result.types[t]) for t in ENTITY_TYPES},
        "core_micro": {"p": round(micro.precision, 3), "r": round(micro.recall, 3), "f1": round(micro.f1, 3)},
        "core_macro_f1": round(result.core_macro_f1, 3),
        "enterprise_relations": tally(result.enterprise_relations),
        "relations_by_type": {r: tally(result.relations_by_type[r]) for r in RELATION_TYPES},
    }
