"""kg_regions: administrative areas.

A token (jieba segmentation) that the shipped dictionary tags as a place name (ns) and that ends in
an administrative suffix (省/市/区/县/街道/镇/乡), or a place-name token directly followed by such a
suffix token (辛店 + 街道). Bare place names come from the lexicon and from lists of places
(伊川、汝阳、孟津) where most items are dictionary place names.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.components.base import GOVERNING, add_candidate, doc_tokens, word_tags

SUFFIX = ("省", "市", "区", "县", "街道", "镇", "乡")
NOT_REGION = set("全省 全市 全区 全县 本市 该市 城区 园区 景区 社区 市区 城市 都市 地区 开发区 高新区 自贸区 综保区 示范区 "
                 "集聚区 片区 新区 老城区 功能区 核心区 主城区 中心城区 经开区 自创区 综试区 保税区 库区 灌区 山区 "
                 "辖区 小区 街区 商圈 省市 各省 各市 县区 市县 乡镇 城镇 集镇 超市 上市 城乡 县城 我市 我区 我县 "
                 "全镇 全乡 本区 此区 该区 两区 五区 实验区 模范区 度假区 保护区 涵养区 生态区 旅游区 商务区 展区 深水区 中心镇 "
                 "百强县 宫殿区 文明城市 城区 校区 院区 厂区 矿区".split())


class Regions:
    def __call__(self, doc: Doc) -> Doc:
        toks = doc_tokens(doc)
        tags = word_tags()
        texts = toks.texts
        n = len(texts)
        for i, w in enumerate(texts):
            if w in NOT_REGION:
                continue
            tag = tags.get(w)
            if tag == "ns" and w.endswith(SUFFIX) and len(w) >= 3:
                add_candidate(doc, w, "Region", toks.starts[i], toks.ends[i], "regions:ns", 0.75)
                continue
            if i + 1 < n and texts[i + 1] in SUFFIX and 2 <= len(w) <= 3 and re.fullmatch(r"[\u4e00-\u9fff]+", w):
                # a verb glued to a bare level is no place (荣获|省, 申报|市)
                if tag in {"ns", "nz", "nr"} or (tag is None and w not in GOVERNING):
                    name = w + texts[i + 1]
                    if name in NOT_REGION or w in NOT_REGION:
                        continue
                    # the suffix must end the word: 辛店街道办 ok, 上海市场 is not 上海市
                    add_candidate(doc, name, "Region", toks.starts[i], toks.ends[i + 1], "regions:suffix", 0.72)
        # lists of bare place names: 伊川、汝阳、孟津、洛龙
        text = doc_tokens(doc).text
        for m in re.finditer(r"(?:[\u4e00-\u9fff]{2}、){2,}[\u4e00-\u9fff]{2}", text):
            items = m.group(0).split("、")
            places = sum(1 for it in items if tags.get(it) == "ns")
            if places * 2 < len(items) + 1:
                continue
            pos = m.start()
            for it in items:
                add_candidate(doc, it, "Region", pos, pos + len(it), "regions:list", 0.7)
                pos += len(it) + 1
        return doc


@Language.factory("kg_regions")
def make_regions(nlp: Language, name: str) -> Regions:
    return Regions()
