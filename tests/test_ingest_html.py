"""HTML input: the article only, entities decoded, title and date from the page."""
from documents import write_html
from kg.ingest import read_document
from kg.text import prepare

ARTICLE = ["3月5日，区政府召开重点项目推进会。中信重工矿山装备智能制造项目进展顺利。",
           "会议要求，各部门强化要素保障&服务，推动洛阳轴承集团股份有限公司风电轴承项目早日投产。"]


def test_article_text_title_and_date(tmp_path):
    page = write_html(tmp_path / "news.html", "某区召开重点项目推进会", "2024-03-05", ARTICLE)
    raw = read_document(page)
    assert raw.encoding == "html"
    assert raw.text.split("\n") == ["某区召开重点项目推进会", *ARTICLE]
    for boilerplate in ("首页", "ICP", "tracker", "&amp;", "人民政府"):
        assert boilerplate not in raw.text
    document = prepare(raw)
    assert document.meta.title == "某区召开重点项目推进会"
    assert document.meta.date == "2024-03-05" and document.meta.year == 2024


def test_page_without_article_is_empty(tmp_path):
    page = tmp_path / "blank.htm"
    page.write_text("<html><head><title>t</title></head><body><script>x()</script></body></html>", encoding="utf-8")
    assert read_document(page) is None
