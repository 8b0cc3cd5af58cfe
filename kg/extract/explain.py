"""`kg explain`: per sentence, every candidate mention, the component that proposed it, and what
became of it; then the final mentions (with the rule or model and its confidence) and relations."""
from __future__ import annotations

from kg.model import Document, Mention


def _span(m: Mention) -> tuple[int, int, str]:
    return m.start, m.end, m.type


def _fate(c: Mention, rule_chosen: set, final: set, final_mentions: list[Mention], has_model: bool) -> str:
    if _span(c) in final:
        return "kept"
    over = next((m for m in final_mentions if m.start < c.end and c.start < m.end), None)
    why = f"overlaps {over.name} ({over.type}, {over.source})" if over else "no final mention here"
    if _span(c) in rule_chosen and has_model:
        return "chosen by the rules, not by the model: " + why
    return "dropped: " + why


def explain_document(extractor, document: Document, only: int | None = None) -> str:
    from kg.extract.components.base import candidates
    from kg.extract.relations import extract_relations

    doc = extractor.analyse(document)
    final_mentions = doc._.kg_mentions or []
    rule_mentions = doc._.kg_rule_mentions if extractor.model is not None else final_mentions
    relations = extract_relations(document, final_mentions, extractor.model and extractor.model.relations)
    final = {_span(m) for m in final_mentions}
    rule_chosen = {_span(m) for m in rule_mentions or []}
    lines = [f"{document.doc_id}: {len(document.sentences)} sentences; "
             + ("model " + str(extractor.model.path) if extractor.model is not None else "rules only")]
    by_sentence: dict[int, list[Mention]] = {}
    for c in candidates(doc):
        by_sentence.setdefault(c.sentence, []).append(c)
    for m in final_mentions:
        by_sentence.setdefault(m.sentence, [])
    for index in sorted(by_sentence):
        if only is not None and index != only:
            continue
        s = document.sentences[index]
        lines.append(f"\n[{index}] {s.text}")
        seen = set()
        for c in sorted(by_sentence[index], key=lambda m: (m.start, -m.end)):
            key = (*_span(c), c.source)
            if key in seen:
                continue
            seen.add(key)
            fate = _fate(c, rule_chosen, final, final_mentions, extractor.model is not None)
            lines.append(f"  candidate {c.name} [{c.type}] from {c.source} ({c.confidence:.2f}): {fate}")
        for m in final_mentions:
            if m.sentence == index:
                lines.append(f"  MENTION {m.name} [{m.type}] {m.start}-{m.end} by {m.source} ({m.confidence:.2f})")
        for r in relations:
            if r.sentence == index:
                lines.append(f"  RELATION {r.head.name} --{r.relation}--> {r.tail.name} by {r.source} ({r.confidence:.2f})")
    if only is not None and len(lines) == 1:
        lines.append(f"sentence {only}: no candidates (the document has {len(document.sentences)} sentences)")
    return "\n".join(lines) + "\n"
