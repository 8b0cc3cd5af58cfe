"""kg_enumerations: every item of a counted or closed list takes the type its head noun gives.

``A、B、C等N家企业`` (each item an Enterprise), ``X、Y等N个项目`` (each a Project), ``A、B 5家企业``,
``X等企业的23个项目`` (X an Enterprise), ``“A”“B”等农文旅项目``. Items are split on 、 (and on 和/与
before the last one); the first item's left edge comes from the segmentation. The heads are the
list_head_* classes of `schemas/vocab/word_classes.tsv`.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.components.firms import firm_prefix
from kg.extract.components.base import (GOVERNING, add_candidate, doc_tokens, has_name_token, name_start, strip_name,
                                        word_tags, words_in)
from kg.extract.vocab import alternation, word_set, words

COUNT = r"(?:[0-9]+|[一二三四五六七八九十两百千]+)(?:余|多)?(?:家|个|项|条|处|所|座|批|位|支)"
# head noun -> type
HEAD_TYPE = {w: type_ for word_class, type_ in (("list_head_park", "Park"), ("list_head_enterprise", "Enterprise"),
                                                ("list_head_project", "Project"), ("list_head_built", "Project"),
                                                ("list_head_institution", "Institution"))
             for w in words(word_class)}
HEAD_RE = "|".join(re.escape(h) for h in sorted(HEAD_TYPE, key=lambda h: (-len(h), h)))
# heads of built things: an item needs a name of its own (not 农贸市场、超市等N个市场), and the head must
# not continue into a longer word (市场主体, 市场化, 道路运输)
BUILT = word_set("list_head_built")
BUILT_CONTINUES = re.compile(alternation("built_continues"))
# "实施A、B、C等，着力打造一批…项目": the list's head noun stands in the next clause
LATER_HEAD = re.compile(f"等[，,](?:{alternation('list_adverb')})?(?:{alternation('list_verb')})(?:一批|[0-9]+个)"
                        r"[^，。；：、,;:]{0,14}项目")
# "等[N家]<modifier><head>" or "<N家><head>" right after an item
TAIL = re.compile(rf"(?:(?P<deng>等)(?P<count>{COUNT})?|(?P<bare>{COUNT}))(?P<mod>[^，。；：、,.;:()（）\n等]{{0,10}}?)(?P<head>{HEAD_RE})")
# items that name a kind, not one thing
KIND_ITEM = re.compile(f"(?:{alternation('kind_item_end')})$")
ITEM_OK = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9·（）()\-+.]{2,30}$")
MOD_BAD = re.compile(r"[的是在将与和及]|方面")
# without a count, a modifier naming a sector or kind makes the items sectors, not things
# (机械、农机等装备制造企业, 先进制造、新材料等领域技术创新项目; but 等12个产业项目 counts things)
KIND_MOD = re.compile(alternation("sector_kind"))
LEAD_PREP = "以对把向在将从由"
# heads that always name a zone hosting many enterprises, whatever list it stands in
ZONE_HEAD = re.compile(f"(?:{alternation('hub_head', 'zone_head')}|开发区)$")


class Enumerations:
    def __call__(self, doc: Doc) -> Doc:
        text = doc_tokens(doc).text
        for m in TAIL.finditer(text):
            if not m.group("deng"):
                # a bare count must follow a list: "A、B、C5家企业"
                before = text[max(0, m.start() - 40) : m.start()]
                if "、" not in re.split(r"[，。；,;]", before)[-1]:
                    continue
            if MOD_BAD.search(m.group("mod")):
                continue
            head = m.group("head")
            type_ = HEAD_TYPE[head]
            if type_ in ("Enterprise", "Project") and not m.group("count") and KIND_MOD.search(m.group("mod")):
                continue
            # a head inside a longer word: 企业家, 项目部
            nxt = text[m.end() : m.end() + 1]
            if nxt and nxt in "家部长":
                continue
            if head in BUILT and (BUILT_CONTINUES.match(text, m.end())
                                  or not re.fullmatch(r"[\u4e00-\u9fff]*", m.group("mod"))):
                continue
            # "等企业的N个项目": the items are the enterprises
            products = type_ == "Enterprise" and re.match(r"的?产品", text[m.end() : m.end() + 3]) is not None
            self._items(doc, m.start(), type_, products, built=head if head in BUILT else "")
        for m in LATER_HEAD.finditer(text):
            self._items(doc, m.start(), "Project", built="项目")
        return doc

    def _items(self, doc: Doc, list_end: int, type_: str, products: bool = False,
               built: str = "") -> None:
        text = doc_tokens(doc).text
        # the list lies between the last clause break and the tail
        lo = list_end
        depth = 0  # parentheses closed inside the list belong to an item: 氢沄（河南）新能源
        while lo > 0:
            ch = text[lo - 1]
            if ch in "）)":
                depth += 1
            elif ch in "（(":
                if depth == 0:
                    break
                depth -= 1
            elif ch in "，。；：！？\n,;:":
                break
            lo -= 1
            if list_end - lo > 200:
                break
        # a list never runs across an earlier "等…" tail
        prev = text.rfind("等", lo, list_end)
        if prev >= 0:
            nxt = text.find("、", prev, list_end)
            if nxt < 0:
                return
            lo = nxt + 1
        span = text[lo:list_end]
        if not span:
            return
        parts = []
        last = 0
        for sep in re.finditer(r"、|”“", span):
            parts.append((lo + last, lo + sep.start()))
            last = sep.end()
        parts.append((lo + last, list_end))
        # "A和B" inside the last part(s)
        split: list[tuple[int, int]] = []
        for a, b in parts:
            seg = text[a:b]
            k = seg.find("和") if len(parts) > 1 else -1
            if k > 1 and b - (a + k + 1) >= 2:
                split.append((a, a + k))
                split.append((a + k + 1, b))
            else:
                split.append((a, b))
        parts = split
        for n, (a, b) in enumerate(parts):
            if n == 0:
                # only the first item shares its clause with the words that govern the list
                a = max(a, name_start(doc, b, max_chars=30, min_start=a))
            elif text[a:b].startswith(("以及", "及")):
                a += 2 if text[a:b].startswith("以及") else 1
            # quotes around an item: “山水隐庐”
            a2, b2 = a, b
            while a2 < b2 and text[a2] in "“\"《":
                a2 += 1
            while b2 > a2 and text[b2 - 1] in "”\"》":
                b2 -= 1
            name = strip_name(text[a2:b2])
            if not ITEM_OK.match(name) or name in GOVERNING:
                continue
            if KIND_ITEM.search(name) and type_ == "Enterprise":
                continue
            tag = word_tags().get(name)
            if tag in {"n", "vn", "v", "a", "an", "d", "nz"} or (tag is not None and type_ == "Project"):
                continue  # a dictionary word is a kind (德育, 管理), not a project's name
            if re.fullmatch(r"[0-9.]+[A-Za-z%]*", name):
                continue
            if n == 0 and len(name) >= 3 and name[0] in LEAD_PREP and text[a2] == name[0]:
                # a preposition jieba glued to the first item: 以普莱柯、…等企业
                name, a2 = name[1:], a2 + 1
            if products:
                # "A产品、B产品等N家企业产品": each item is a company followed by its product
                cut = firm_prefix(doc, a2, b2)
                if cut is not None:
                    add_candidate(doc, text[a2:cut], "Enterprise", a2, cut, "enumeration:Enterprise", 0.9)
                continue
            if built and not has_name_token(words_in(doc, a2, a2 + len(name))):
                continue
            if built and built != "道路" and re.search(r"(?:路|大道)$", name):
                continue  # 某某路等4处体育公园: the road only locates the park, it is not the project
            conf = 0.97 if type_ == "Enterprise" else 0.93
            item_type, also = type_, ()
            if type_ == "Project" and ZONE_HEAD.search(name) and firm_prefix(doc, a2, b2) is None:
                # a zone's own head outweighs the list's (…科技城等N个项目): a zone hosts many
                # projects, unless a company's name makes it that company's project
                item_type, also = "Park", ("Project",)
            elif type_ == "Project" and name.endswith("产业园"):
                also = ("Park",)
            add_candidate(doc, name, item_type, a2, b2, f"enumeration:{item_type}", conf, also)


@Language.factory("kg_enumerations")
def make_enumerations(nlp: Language, name: str) -> Enumerations:
    return Enumerations()
