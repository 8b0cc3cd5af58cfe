"""The extraction pipeline's boundary: long documents in parts, no quadratic time on long runs of text."""
from __future__ import annotations

from conftest import text_document

SENTENCES = ("中信重工投资50亿元建设智能制造产业园项目，项目已开工建设。",
             "洛阳轴承集团股份有限公司风电轴承项目建成投产。",
             "一拖集团、中航光电等3家企业入选专精特新名单。")


def _spans(extraction) -> set[tuple[int, int, str, int]]:
    return {(m.start, m.end, m.type, m.sentence) for m in extraction.mentions}


def test_a_document_over_spacys_length_limit_is_read_in_parts_with_offsets_kept(extractor):
    document = text_document("".join(SENTENCES[i % 3] for i in range(120)))
    whole = extractor.extract(document)
    limit = extractor.nlp.max_length
    extractor.nlp.max_length = 1500  # spaCy refuses longer texts (E088): the document is 3,800 characters
    try:
        parted = extractor.extract(document)
    finally:
        extractor.nlp.max_length = limit
    assert _spans(parted) == _spans(whole)
    assert max(m.start for m in parted.mentions) > 3 * 1500 // 2
    for m in parted.mentions:
        sentence = document.sentences[m.sentence]
        assert document.text[m.start:m.end] == m.name and sentence.start <= m.start < m.end <= sentence.end


def test_a_long_run_without_punctuation_takes_linear_time(extractor):
    """60,000 characters without sentence punctuation, thick with projects and stage verbs: quadratic
    stages (project status took 600 s and more here) would hang the suite; linear ones take seconds."""
    unit = "中信重工智能制造产业园项目开工建设洛阳轴承集团风电轴承项目建成投产推动"
    document = text_document((unit * (60_000 // len(unit) + 1))[:60_000])
    extraction = extractor.extract(document)
    assert len(extraction.mentions) > 1000
    assert "投产" in {a.status for a in extraction.attributes.values()}
