"""Turn a marked review sheet (.xlsx, or one of its .csv files) into correction lines."""
from __future__ import annotations

import csv
import zipfile
from pathlib import Path

from kg.errors import KgError
from kg.resolve.corrections import parse_correction
from kg.review.sheets import ENTITY_DECISIONS, KEEP, LINK_DECISIONS, SHEETS


def read_sheets(path: Path) -> dict[str, list[tuple[int, dict]]]:
    """Sheet name -> (row number, {column: text}) of every row below the header."""
    if path.suffix.lower() == ".xlsx":
        return _read_xlsx(path)
    if path.suffix.lower() == ".csv":
        return _read_csv(path)
    raise KgError(f"{path}: a review sheet is .xlsx or .csv")


def _read_xlsx(path: Path) -> dict:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise KgError(f"{path}: not a readable .xlsx workbook ({exc})") from None
    sheets = {}
    for name in SHEETS:
        if name in book.sheetnames:
            values = [["" if v is None else str(v) for v in row] for row in book[name].iter_rows(values_only=True)]
            sheets[name] = _rows(path, name, values)
    book.close()
    if not sheets:
        raise KgError(f"{path}: no sheet named {' or '.join(SHEETS)}")
    return sheets


def _read_csv(path: Path) -> dict:
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            values = list(csv.reader(fh))
    except UnicodeDecodeError:
        raise KgError(f"{path}: not UTF-8 text (save the sheet as CSV UTF-8)") from None
    except OSError as exc:
        raise KgError(f"{path}: cannot read ({exc.strerror or exc})") from None
    header = set(values[0]) if values else set()
    name = next((n for n, columns in SHEETS.items() if set(columns) <= header), None)
    if name is None:
        raise KgError(f"{path}: the header is not that of a review sheet (entities or links)")
    return {name: _rows(path, name, values)}


def _rows(path: Path, sheet: str, values: list[list[str]]) -> list[tuple[int, dict]]:
    if not values:
        raise KgError(f"{path}: sheet {sheet} is empty")
    header = [h.strip() for h in values[0]]
    missing = [c for c in SHEETS[sheet] if c not in header]
    if missing:
        raise KgError(f"{path}: sheet {sheet} has no column {', '.join(missing)}")
    return [(number, {c: (row[i].strip() if i < len(row) else "") for i, c in enumerate(header)})
            for number, row in enumerate(values[1:], 2) if any(cell.strip() for cell in row)]


def _entity_line(row: dict) -> str | None:
    decision, value, name, type_ = row["decision"].lower(), row["value"], row["name"], row["type"]
    return {
        "reject": f"reject\t{name}\t{type_}",
        "retype": f"retype\t{name}\t{value}\t{type_}",
        "merge": f"merge\t{name}\t{value}\t{type_}",
        "split": f"split\t{value}\t{name}\t{type_}",
    }.get(decision)


def _link_line(row: dict) -> str | None:
    decision, company, relation, initiative = row["decision"].lower(), row["company"], row["relation"], row["initiative"]
    return {
        "reject": f"reject-relation\t{company}\t{relation}\t{initiative}",
        "add": f"add-relation\t{company}\t{relation}\t{initiative}\t{row['document']}\t{row['evidence']}",
    }.get(decision)


def apply_review(path: str | Path) -> list[str]:
    """The correction lines of every row whose decision is not keep; KgError naming FILE:SHEET:ROW
    for a row that cannot be one."""
    path = Path(path)
    lines = []
    for sheet, rows in read_sheets(path).items():
        decisions, to_line = (ENTITY_DECISIONS, _entity_line) if sheet == "entities" else (LINK_DECISIONS, _link_line)
        for number, row in rows:
            where = f"{path}:{sheet}:{number}"
            decision = row["decision"].lower()
            if decision in ("", KEEP):
                continue
            if decision not in decisions:
                raise KgError(f"{where}: unknown decision {row['decision']!r} (one of {', '.join(decisions)})")
            line = to_line(row)
            parse_correction(line, where)  # a missing value or an unknown type is named by its row
            lines.append(line)
    return lines
