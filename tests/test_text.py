from hypothesis import given, settings
from hypothesis import strategies as st

from kg.model import RawDocument
from kg.text import clean_text, prepare, split_sentences
from kg.text.metadata import read_metadata

BROKEN = (
    "地— 1 —地\n\n"
    "政 府 工 作 报 告\n\n"
    "——2024年 1月 24日在洛阳市涧西区第十六届人民代表大会\n\n"
    "第四次会议上\n\n"
    "涧西区人民政府区长 王耀光\n\n"
    "大力实施166个重大项目，完成投资145.8亿元。中航光电全球运营\n\n"
    "中心、麦斯克 8英寸硅外延片等25个项目加速建设；万邦国际农产品\n"
    "地— 2 —地\n"
    "交易中心竣工投用。\n"
    "（一）经济运行稳中有进\n"
    "支持 Intel 5G 项目。\n"
)


def test_cleaning_joins_broken_lines_and_drops_page_markers():
    text, offsets = clean_text(BROKEN)
    assert "地—" not in text
    assert "中航光电全球运营中心、麦斯克8英寸硅外延片" in text
    assert "万邦国际农产品交易中心竣工投用。" in text
    assert "\n（一）经济运行稳中有进\n" in text  # a heading stays its own paragraph
    assert "政府工作报告\n" in text
    assert "Intel 5G" in text  # a space between two ASCII words is kept


def test_offsets_point_back_to_the_original():
    text, offsets = clean_text(BROKEN)
    assert len(offsets) == len(text)
    for i, ch in enumerate(text):
        if not ch.isspace():
            assert BROKEN[offsets[i]] == ch
    start = text.index("麦斯克8英寸")
    doc = prepare(RawDocument("d", "d.txt", BROKEN, "utf-8"))
    o_start, o_end = doc.original_span(start, start + len("麦斯克8英寸"))
    assert BROKEN[o_start:o_end] == "麦斯克 8英寸"


FOLDED = [
    ("实施“136”工作举措,十大产业集群营收超过2,700亿元。", "实施“136”工作举措，十大产业集群营收超过2,700亿元。"),
    ("中信重工(洛阳)有限公司;ABC Co.,Ltd", "中信重工（洛阳）有限公司；ABC Co.,Ltd"),
    ("(1)加快建设:(2)推进", "（1）加快建设：（2）推进"),
    ("信息平台(一期", "信息平台（一期"),
    ("“交地即交证”,“有诉即办”", "“交地即交证”，“有诉即办”"),
    ("Intel(英特尔)", "Intel（英特尔）"),
    ("10:30开会", "10:30开会"),
    ("f(x)=1", "f(x)=1"),
    ("see http://a.cn/b?c=1", "see http://a.cn/b?c=1"),
]


def test_half_width_marks_of_chinese_text_become_full_width():
    for raw, cleaned in FOLDED:
        text, offsets = clean_text(raw)
        assert text == cleaned
        assert offsets == list(range(len(raw)))


def test_sentences_split_on_terminal_punctuation_and_paragraphs():
    sentences = split_sentences("一拖建成投产。二期开工！“三大改造”项目？\n标题\n尾句")
    assert [s.text for s in sentences] == ["一拖建成投产。", "二期开工！", "“三大改造”项目？", "标题", "尾句"]
    text = "甲。乙\n丙"
    for s in split_sentences(text):
        assert text[s.start:s.end] == s.text


def test_metadata_from_the_report_header():
    text, _ = clean_text(BROKEN)
    meta = read_metadata(text, "jianxi-2024-report")
    assert meta.title == "政府工作报告"
    assert meta.date == "2024-01-24"
    assert meta.issuer == "涧西区人民政府"
    assert meta.region == "洛阳市涧西区"
    assert meta.year == 2024


def test_metadata_falls_back_to_the_file_name():
    meta = read_metadata("没有标题的一段文字。", "news-2019-item")
    assert meta.title == "news-2019-item"
    assert meta.date is None and meta.year == 2019


HALF_FULL = {h + f for h, f in zip(",;:!?()", "，；：！？（）")}
# any text, with the characters the cleaner treats specially over-represented
_RAW = st.text(alphabet=st.one_of(st.characters(), st.sampled_from("\n \t\u3000。：—-地12ab项目\u2028\x85,;()")),
               max_size=300)


@settings(max_examples=150, deadline=None)
@given(_RAW)
def test_cleaning_offsets_are_monotone_and_point_back_to_the_original(raw):
    text, offsets = clean_text(raw)
    assert len(offsets) == len(text)
    assert all(a < b for a, b in zip(offsets, offsets[1:]))
    for char, offset in zip(text, offsets):
        assert 0 <= offset < len(raw)
        assert raw[offset] == char or (char == " " and raw[offset].isspace()) or raw[offset] + char in HALF_FULL
