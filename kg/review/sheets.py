"""The review sheets of a build: ``entities`` and ``links`` (company-initiative relations), each row
with its evidence and a ``decision`` column (``keep`` until the analyst changes it), written as one
.xlsx workbook and as two UTF-8-with-BOM CSV files (Excel on a Chinese Windows opens them as UTF-8)."""
from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx

from kg.graph.summary import INITIATIVE_TYPES
from kg.io import atomic_open

KEEP = "keep"
ENTITY_DECISIONS = (KEEP, "reject", "retype", "merge", "split")
LINK_DECISIONS = (KEEP, "reject", "add")
ENTITY_COLUMNS = ("decision", "value", "name", "type", "aliases", "documents", "mentions", "confidence",
                  "evidence", "document", "page", "corrections", "id")
LINK_COLUMNS = ("decision", "company", "relation", "initiative", "initiative_type", "evidence", "document",
                "page", "confidence", "corrections")
SHEETS = {"entities": ENTITY_COLUMNS, "links": LINK_COLUMNS}
HELP = [
    ("sheet", "decision", "value", "what it does"),
    ("entities", "keep", "", "nothing (the default)"),
    ("entities", "reject", "", "the entity is false: it and its relations leave the graph"),
    ("entities", "retype", "a type", "the entity is of that type (Enterprise Project Park Policy Institution Region)"),
    ("entities", "merge", "a name", "the entity is the one of that name, and takes that name"),
    ("entities", "split", "an alias", "that alias is an entity of its own"),
    ("links", "keep", "", "nothing (the default)"),
    ("links", "reject", "", "the relation is false"),
    ("links", "add", "", "a new row: the relation is true, read in its evidence sentence of its document"),
]


def _first(evidence: list[dict]) -> dict:
    return min(evidence, key=lambda ev: (-ev["confidence"], ev["doc"], ev["start"])) if evidence else {}


def entity_rows(graph: nx.MultiDiGraph) -> list[dict]:
    rows = []
    for node in sorted(graph.nodes, key=lambda n: (graph.nodes[n]["type"], graph.nodes[n]["label"], n)):
        attrs = graph.nodes[node]
        first = _first(attrs.get("mention_evidence", []))
        rows.append({
            "decision": KEEP, "value": "", "name": attrs["label"], "type": attrs["type"],
            "aliases": "|".join(attrs.get("aliases", [])), "documents": "|".join(attrs.get("documents", [])),
            "mentions": attrs.get("mentions", 0), "confidence": first.get("confidence", ""),
            "evidence": first.get("sentence", ""), "document": first.get("doc", ""), "page": first.get("page", ""),
            "corrections": "|".join(attrs.get("corrections", [])), "id": node,
        })
    return rows


def link_rows(graph: nx.MultiDiGraph) -> list[dict]:
    rows = []
    for head, tail, relation, data in graph.edges(keys=True, data=True):
        if graph.nodes[head]["type"] != "Enterprise" or graph.nodes[tail]["type"] not in INITIATIVE_TYPES:
            continue
        first = _first(data.get("evidence", []))
        rows.append({
            "decision": KEEP, "company": graph.nodes[head]["label"], "relation": relation,
            "initiative": graph.nodes[tail]["label"], "initiative_type": graph.nodes[tail]["type"],
            "evidence": first.get("sentence", ""), "document": first.get("doc", ""), "page": first.get("page", ""),
            "confidence": data.get("confidence", ""), "corrections": "|".join(data.get("corrections", [])),
        })
    return sorted(rows, key=lambda r: (r["company"], r["relation"], r["initiative"]))


def write_review(graph: nx.MultiDiGraph, xlsx: str | Path) -> list[Path]:
    """Write `xlsx` and, beside it, STEM-entities.csv and STEM-links.csv; return the paths."""
    xlsx = Path(xlsx)
    sheets = {"entities": entity_rows(graph), "links": link_rows(graph)}
    written = [_write_xlsx(sheets, xlsx)]
    for name, rows in sheets.items():
        path = xlsx.with_name(f"{xlsx.stem}-{name}.csv")
        with atomic_open(path, "w", encoding="utf-8-sig") as fh:
            writer = csv.DictWriter(fh, SHEETS[name], lineterminator="\r\n")
            writer.writeheader()
            writer.writerows(rows)
        written.append(path)
    return written


def _write_xlsx(sheets: dict[str, list[dict]], path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        columns = SHEETS[name]
        sheet.append(list(columns))
        for row in rows:
            sheet.append([row[c] for c in columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "C2" if name == "entities" else "B2"
        decisions = ENTITY_DECISIONS if name == "entities" else LINK_DECISIONS
        choice = DataValidation(type="list", formula1='"' + ",".join(decisions) + '"', allow_blank=True)
        sheet.add_data_validation(choice)
        choice.add(f"A2:A{max(len(rows) + 200, 2)}")
        for letter, column in zip("ABCDEFGHIJKLM", columns):
            sheet.column_dimensions[letter].width = 60 if column in ("evidence", "aliases") else 16
    help_sheet = book.create_sheet("help")
    for line in HELP:
        help_sheet.append(list(line))
    with atomic_open(path, "wb") as fh:
        book.save(fh)
    return path
