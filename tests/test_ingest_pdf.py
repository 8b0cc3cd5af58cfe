"""PDF input: reading order, running headers and page numbers dropped, pages kept, scans reported."""
import json
from pathlib import Path

import pytest

from documents import PAGE_HEADER, needs_cjk_font, paginate, wrap, write_pdf
from kg import api
from kg.ingest import read_document

pytestmark = needs_cjk_font
ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "data" / "corpus" / "luoyang-2023-government-work-report-summary.txt"
PARAGRAPHS = ["关于推进重点项目建设的通知", "支持中信重工等企业参与专精特新培育计划。",
              "洛阳轴承集团股份有限公司风电轴承项目开工建设。"]


def test_pages_headers_and_page_numbers(tmp_path):
    pdf = write_pdf(tmp_path / "notice.pdf", [wrap(PARAGRAPHS[:2]), wrap(PARAGRAPHS[2:])])
    raw = read_document(pdf)
    assert raw.encoding == "pdf" and raw.doc_id == "notice"
    assert PAGE_HEADER not in raw.text and "—" not in raw.text
    assert raw.text.split("\n") == [PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2]]
    assert raw.page_starts == (raw.text.index(PARAGRAPHS[2]),)
    assert raw.warnings == ()


def test_page_without_text_layer_is_named_and_the_rest_read(tmp_path):
    pdf = write_pdf(tmp_path / "scan.pdf", [wrap(PARAGRAPHS[1:2]), None, wrap(PARAGRAPHS[2:])])
    raw = read_document(pdf)
    assert raw.warnings == (f"{pdf}: page 2: no text layer: scanned? run OCR first; the other pages are read",)
    assert PARAGRAPHS[1] in raw.text and PARAGRAPHS[2] in raw.text
    assert len(raw.page_starts) == 2  # page 3 is still page 3


def test_text_without_unicode_map_is_reported_and_skipped(tmp_path):
    pdf = write_pdf(tmp_path / "cid.pdf", [wrap(PARAGRAPHS)])
    pdf.write_bytes(pdf.read_bytes().replace(b"/ToUnicode", b"/ToUnicodX"))  # pdfminer now sees (cid:NNN)
    raw = read_document(pdf)
    assert raw.text == ""
    assert raw.warnings == (f"{pdf}: no text layer: scanned? run OCR first (no page has readable text); skipped",)


def test_broken_pdf_is_one_clear_error(tmp_path):
    from kg.errors import KgError

    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\nnot really a pdf\n")
    with pytest.raises(KgError, match="broken.pdf: not a readable PDF"):
        read_document(path)


def test_pdf_of_a_bundled_document_gives_the_entities_of_its_text(tmp_path, extractor):
    from kg.text import prepare

    paragraphs = [line.strip() for line in DOC.read_text(encoding="utf-8").splitlines() if line.strip()]
    pdf = write_pdf(tmp_path / f"{DOC.stem}.pdf", paginate(wrap(paragraphs)))
    from_pdf = extractor.extract(prepare(read_document(pdf)))
    from_text = extractor.extract(prepare(read_document(DOC)))
    assert {(m.name, m.type) for m in from_pdf.mentions} == {(m.name, m.type) for m in from_text.mentions}
    pages = {from_pdf.document.page_at(m.start) for m in from_pdf.mentions}
    assert pages == set(range(1, len(paginate(wrap(paragraphs))) + 1))


def test_build_keeps_the_page_in_every_output(tmp_path):
    pdf = write_pdf(tmp_path / "notice.pdf", [wrap(PARAGRAPHS[:2]), wrap(PARAGRAPHS[2:])])
    out = tmp_path / "out"
    api.build([pdf], out)
    annotation = json.loads((out / "extractions" / "notice.json").read_text(encoding="utf-8"))
    pages = {e["name"]: e["pages"] for e in annotation["entities"]}
    assert pages["中信重工"] == [1] and pages["洛阳轴承集团股份有限公司"] == [2]
    assert {r["page"] for r in annotation["relations"]} == {1, 2}
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert all(ev["page"] in (1, 2) for node in graph["nodes"] for ev in node["mention_evidence"])
    import pyoxigraph as ox

    store = ox.Store()
    store.load(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS)
    rows = store.query("""PREFIX kg: <https://w3id.org/kg-gov-cn/ontology#>
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX oa: <http://www.w3.org/ns/oa#>
        SELECT ?page WHERE { ?e skos:prefLabel "洛阳轴承集团股份有限公司"@zh .
                             GRAPH ?g { ?ev oa:hasBody ?e ; kg:page ?page } }""")
    assert [int(row["page"].value) for row in rows] == [2]
