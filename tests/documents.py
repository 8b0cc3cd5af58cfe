"""Input files the tests write themselves (PDF with reportlab and a CJK font, HTML, DOCX), and the
outputs of a build read back as text."""
from __future__ import annotations

from pathlib import Path

import pytest

# a TrueType CJK font from Debian's fonts-wqy-microhei (installed by .ci/run); PDF tests need it
CJK_FONT_FILE = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
PAGE_HEADER = "某某市人民政府公报"
LINE_CHARS = 36
LINES_PER_PAGE = 40


def _cjk_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("WenQuanYi", str(CJK_FONT_FILE), subfontIndex=0))
    return "WenQuanYi"


needs_cjk_font = pytest.mark.skipif(not CJK_FONT_FILE.exists(),
                                    reason="needs Debian's fonts-wqy-microhei (installed by .ci/run)")


def wrap(paragraphs: list[str], width: int = LINE_CHARS) -> list[str]:
    """Paragraphs cut into lines of `width` characters, a blank line between paragraphs."""
    lines: list[str] = []
    for paragraph in paragraphs:
        lines.extend(paragraph[i:i + width] for i in range(0, len(paragraph), width))
        lines.append("")
    return lines


def write_pdf(path: Path, pages: list[list[str] | None]) -> Path:
    """A PDF with a running header and a page-number footer; a page given as None has no text
    layer (only a drawn rectangle, as a scan would have)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _cjk_font()
    width, height = A4
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for number, lines in enumerate(pages, 1):
        if lines is None:
            pdf.rect(72, 72, width - 144, height - 144, fill=1)
        else:
            pdf.setFont(font, 9)
            pdf.drawCentredString(width / 2, height - 40, PAGE_HEADER)
            pdf.drawCentredString(width / 2, 30, f"— {number} —")
            pdf.setFont(font, 11)
            for i, line in enumerate(lines):
                pdf.drawString(72, height - 90 - i * 17, line)
        pdf.showPage()
    pdf.save()
    return path


def paginate(lines: list[str], per_page: int = LINES_PER_PAGE) -> list[list[str]]:
    return [lines[i:i + per_page] for i in range(0, len(lines), per_page)]


def write_html(path: Path, title: str, date: str, paragraphs: list[str]) -> Path:
    """A government news page: navigation, the article, a footer with the ICP line, a script."""
    body = "".join(f"<p>{p.replace('&', '&amp;')}</p>" for p in paragraphs)
    path.write_text(
        f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}_某某市人民政府</title>
<meta name="PubDate" content="{date} 09:30"></head><body>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/xw">新闻中心</a></li></ul></div>
<div class="article"><h1>{title}</h1><div class="info">发布时间：{date} 来源：区政府办公室</div>{body}</div>
<div class="footer">版权所有：某某市人民政府 豫ICP备00000000号 网站标识码4100000000</div>
<script>var tracker = "中信重工";</script></body></html>""",
        encoding="utf-8",
    )
    return path


def write_docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None) -> Path:
    """A Word file: the paragraphs, then the table (first row the header) if given."""
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table):
            for cell, value in zip(row.cells, values):
                cell.text = value
    document.save(str(path))
    return path


def build_output_texts(out: Path) -> dict[str, str]:
    """File name -> text of a build's graph outputs (RDF, GEXF, GraphML, CSV, JSON, extractions)."""
    return {p.name: p.read_text(encoding="utf-8") for p in [
        out / "graph.nq", out / "graph.trig", out / "graph.gexf", out / "graph.graphml", out / "entities.csv",
        out / "relations.csv", out / "graph.json", *sorted((out / "extractions").glob("*.json"))]}


# The names the correction and review tests act on, as a user lexicon: the extractor keeps a user's
# lexicon names whatever its model decides, so these tests do not depend on the model.
NAMES_LEXICON = """Enterprise\t中信重工
Enterprise\t洛阳轴承集团股份有限公司
Park\t中航光电高端互连科技产业社区
Policy\t专精特新
Region\t洛阳
"""


def names_lexicon(folder):
    """NAMES_LEXICON written as `folder/names.tsv`."""
    path = folder / "names.tsv"
    path.write_text(NAMES_LEXICON, encoding="utf-8")
    return path
