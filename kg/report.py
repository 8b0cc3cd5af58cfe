"""The summary `kg build` prints: documents, entities and relations per type, company-initiative rows."""
from __future__ import annotations

from pathlib import Path

from kg.graph.summary import Summary

EVIDENCE_WIDTH = 50


def snippet(sentence: str, *names: str, width: int = EVIDENCE_WIDTH) -> str:
    """At most `width` characters of `sentence`, around the first of `names` found in it."""
    if len(sentence) <= width:
        return sentence
    found = [i for i in (sentence.find(n) for n in names) if i >= 0]
    start = max(0, min(found[0] - 8, len(sentence) - width)) if found else 0
    text = sentence[start : start + width]
    return ("…" if start else "") + text + ("…" if start + width < len(sentence) else "")


def print_summary(console, summary: Summary, rows: int, out: Path, files: int) -> None:
    from rich.table import Table

    console.print(f"[bold]kg build[/bold]: {summary.documents} document(s) read, {files} file(s) written to {out}/")
    counts = Table(title="Entities and relations", show_header=True)
    counts.add_column("kind")
    counts.add_column("type")
    counts.add_column("count", justify="right")
    for type_, n in summary.entities.items():
        counts.add_row("entity", type_, str(n))
    for rel, n in summary.relations.items():
        counts.add_row("relation", rel, str(n))
    console.print(counts)
    table = Table(title=f"Which companies appear in which initiatives (first {min(rows, len(summary.rows))} "
                        f"of {len(summary.rows)})")
    for column in ("company", "initiative", "type", "relation", "document", "evidence"):
        table.add_column(column, overflow="fold")
    for row in summary.rows[:rows]:
        table.add_row(row.company, row.initiative, row.initiative_type, row.relation, row.document,
                      snippet(row.evidence, row.initiative, row.company))
    console.print(table)
