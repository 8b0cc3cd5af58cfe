"""Text out of a Word file (python-docx): paragraphs and tables in document order, a table row a line."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from kg.errors import KgError
from kg.model import RawDocument

CELL_SEPARATOR = "，"


def read_docx(path: Path, data: bytes) -> RawDocument | None:
    """Paragraphs one a line; a table row is its cells joined by a comma. None when there is no text."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise KgError(f"{path}: not a readable Word (.docx) file ({exc})") from None
    lines = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(_table_rows(block))
        else:
            lines.append(block.text.strip())
    text = "\n".join(line for line in lines if line)
    if not text:
        return None
    return RawDocument(path.stem, str(path), text, "docx")


def _table_rows(table) -> list[str]:
    """One line per row; a merged cell counted once."""
    rows = []
    for row in table.rows:
        cells, previous = [], None
        for cell in row.cells:  # a merged cell comes once per grid column it spans, one after another
            if cell._tc is previous:
                continue
            previous = cell._tc
            text = " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
            if text:
                cells.append(text.rstrip(CELL_SEPARATOR))
        rows.append(CELL_SEPARATOR.join(cells))
    return rows
