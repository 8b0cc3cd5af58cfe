"""The summary `kg build` prints: documents, entities and relations per type, company-initiative rows."""
from __future__ import annotations

from pathlib import Path

from kg.graph.summary import Summary

EVIDENCE_WIDTH = 50


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
        evidence = row.evidence if len(row.evidence) <= EVIDENCE_WIDTH else row.evidence[: EVIDENCE_WIDTH - 1] + "…"
        table.add_row(row.company, row.initiative, row.initiative_type, row.relation, row.document, evidence)
    console.print(table)
