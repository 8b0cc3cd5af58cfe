"""kg_enumerations: every item of a counted or closed list takes the type its head noun gives.

``A、B、C等N家企业`` (each item an Enterprise), ``X、Y等N个项目`` (each a Project), ``A、B 5家企业``,
``X等企业的23个项目`` (X an Enterprise), ``“A”“B”等农文旅项目``. Items are split on 、 (and on 和/与
before the last one); the first item's left edge comes from the segmentation.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.components.firms import firm_prefix
from kg.extract.components.heads import ZONE_HEADS
from kg.extract.components.quoted import COUNTED, PROGRAMME_TAIL
from kg.extract.components.base import (GOVERNING, add_candidate, doc_tokens, has_name_token, name_start, strip_name,
                                        word_tags, words_in)

COUNT = r"(?:[0-9]+|[一二三四五六七八九十两百千]+)(?:余|多)?(?:家|个|项|条|处|所|座|批|位|支)"
# head noun -> type (longest first); the modifier between the count and the head is short
HEADS = (
    ("科技产业社区", "Park"), ("产业社区", "Park"), ("产业园区", "Park"), ("产业园", "Park"), ("园区", "Park"),
    ("龙头企业", "Enterprise"), ("企业", "Enterprise"), ("公司", "Enterprise"), ("集团", "Enterprise"),
    ("链主", "Enterprise"), ("央企", "Enterprise"),
    ("项目", "Project"), ("工程", "Project"),
    # counted things that are built or renovated: each item is a project (A、B等13个市场, …等5条道路)
    ("综合体", "Project"), ("特色街区", "Project"), ("街区", "Project"), ("步行街", "Project"), ("商业街", "Project"),
    ("农贸市场", "Project"), ("市场", "Project"), ("道路", "Project"), ("停车场", "Project"), ("体育公园", "Project"),
    ("公园", "Project"), ("场馆", "Project"), ("邻里中心", "Project"), ("安置房", "Project"), ("综合枢纽", "Project"),
    ("高校", "Institution"), ("院所", "Institution"), ("科研院所", "Institution"), ("医院", "Institution"),
    ("实验室", "Institution"), ("科研力量", "Institution"), ("科研机构", "Institution"), ("科研单位", "Institution"),
    ("政策", "Policy"), ("举措", "Policy"), ("行动", "Policy"), ("活动", "Policy"),
)
HEAD_RE = "|".join(re.escape(h) for h, _ in sorted(HEADS, key=lambda x: -len(x[0])))
# heads of built things: an item needs a name of its own (not 农贸市场、超市等N个市场), and the head must
# not continue into a longer word (市场主体, 市场化, 道路运输)
BUILT = {"综合体", "特色街区", "街区", "步行街", "商业街", "农贸市场", "市场", "道路", "停车场", "体育公园", "公园", "场馆",
         "邻里中心", "安置房", "综合枢纽"}
BUILT_CONTINUES = re.compile(r"(?:主体|化|监管|准入|需求|开拓|营销|机制|体系|秩序|份额|环境|前景|运输|交通|安全|经济|服务|运营)")
# "实施A、B、C等，着力打造一批…项目": the list's head noun stands in the next clause
LATER_HEAD = re.compile(r"等[，,](?:着力|全力|加快|努力)?(?:打造|建设|形成|培育|推出|实施)(?:一批|[0-9]+个)[^，。；：、,;:]{0,14}项目")
HEAD_TYPE = dict(HEADS)
# a list closed by the name of the group it makes up: A、B和C“三大目标”, 以A工程、B工程“五大工程”为载体
GROUP = re.compile(r"(?<=[^、，。；：,;:\s])“?[一二三四五六七八九十两]大(?:工程|目标|行动|战略|举措|任务|计划|改革|专项)”?")
# "等[N家]<modifier><head>" or "<N家><head>" right after an item
TAIL = re.compile(rf"(?:(?P<deng>等)(?P<count>{COUNT})?|(?P<bare>{COUNT}))(?P<mod>[^，。；：、,.;:()（）\n等]{{0,10}}?)(?P<head>{HEAD_RE})")
# items that name a kind, not one thing
KIND_ITEM = re.compile(r"(企业|单位|机构|产品|手段|方式|领域|行业|以上|经济|服务|项目|工程)$")
SEP = re.compile(r"、|”“|和|与|及")
ITEM_OK = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9·（）()\-+.]{2,30}$")
MOD_BAD = re.compile(r"[的是在将与和及]|方面")
# without a count, a modifier naming a sector or kind makes the items sectors, not things
# (机械、农机等装备制造企业, 先进制造、新材料等领域技术创新项目; but 等12个产业项目 counts things)
KIND_MOD = re.compile(r"行业|产业|制造|领域|服务业|类")
LEAD_PREP = "以对把向在将从由"
# heads that always name a zone hosting many enterprises, whatever list it stands in
ZONE_HEAD = re.compile(rf"(?:科技产业社区|智慧岛|科技城|大学科技园|开发区|{ZONE_HEADS})$")


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
            self._items(doc, m.start(), type_, bool(m.group("count") or m.group("bare")), products,
                        built=head if head in BUILT else "")
        for m in LATER_HEAD.finditer(text):
            self._items(doc, m.start(), "Project", True, built="项目")
        for m in GROUP.finditer(text):
            self._items(doc, m.start(), "Policy", True)
        return doc

    def _items(self, doc: Doc, list_end: int, type_: str, counted: bool, products: bool = False,
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
        if len(parts) == 1 and not counted and type_ != "Enterprise":
            # a single item without a count is too weak ("推动X等项目" is fine, keep it)
            pass
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
            if type_ == "Policy" and not _programme_item(text, a, b, name):
                continue
            if built and not has_name_token(words_in(doc, a2, a2 + len(name))):
                continue
            if built and built != "道路" and re.search(r"(?:路|大道)$", name):
                continue  # 某某路等4处体育公园: the road only locates the park, it is not the project
            conf = 0.97 if type_ == "Enterprise" else 0.93
            item_type, also = type_, ()
            if type_ == "Project" and ZONE_HEAD.search(name) and firm_prefix(doc, a2, b2) is None:
                # a zone's own head outweighs the list's (…科技产业社区等N个项目): a zone hosts many
                # projects, unless a company's name makes it that company's project
                item_type, also = "Park", ("Project",)
            elif type_ == "Project" and name.endswith(("产业园", "产业社区")):
                also = ("Park",)
            add_candidate(doc, name, item_type, a2, b2, f"enumeration:{item_type}", conf, also)


def _programme_item(text: str, a: int, b: int, name: str) -> bool:
    """A list under 政策/举措/活动 also names events and chores (税费减免, 村庄绿化, 羽毛球系列赛):
    an item is a programme only when quoted or shaped like one (计划, 行动, 工程, 三清两建 …)."""
    if text[a:a + 1] in "“\"‘" or text[b - 1:b] in "”\"’":
        return True
    return bool(PROGRAMME_TAIL.search(name) or COUNTED.match(name))


@Language.factory("kg_enumerations")
def make_enumerations(nlp: Language, name: str) -> Enumerations:
    return Enumerations()
