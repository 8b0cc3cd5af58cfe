"""kg_quoted: names in “…” and 《…》.

《…》 is a named document (Policy). A “…” name is scored on how these documents introduce
programmes: the verb before it (锚定/落实/实施/开展/推进/深化 … a programme; 拥护/树牢/坚定/践行 …
a slogan), the head noun after it (工作举措, 专项行动, 政策, 改革 … vs 产业, 品牌, 理念, 总目标 …) and
its own shape (a counted name like 三清两建 / 十大战略, a programme head like …计划/…行动).
A head that belongs to the name is kept with it (“136”工作举措 -> 136工作举措, “三变”改革 -> 三变改革,
“瞪羚”企业 -> 瞪羚企业). A quoted name followed by 项目 is a Project.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.components.base import add_candidate, doc_tokens, word_tags

QUOTE = re.compile(r"“([^“”\n]{1,40})”")
TITLE = re.compile(r"《([^《》\n]{2,60})》")

# verbs that put a programme in object position
POS_VERBS = ("锚定", "落实", "实施", "开展", "推进", "深化", "大抓", "抓好", "抓实", "用好", "推行", "推广", "推动",
             "聚焦", "对接", "融入", "争创", "晋级", "创建", "运用", "健全", "扭住", "紧盯", "开展新一轮", "实行",
             "建设", "申报", "入选", "获批", "认定", "参与", "启动", "执行", "贯彻", "设立", "统筹", "常态化",
             "持续", "助力")
# verbs that take slogans, brands and images
NEG_VERBS = ("拥护", "做到", "树牢", "坚定", "增强", "牢记", "践行", "打造", "唱响", "擦亮", "彰显", "扮靓", "讲好",
             "筑牢", "提升", "捍卫", "纠治", "确立了", "明确了", "顺应", "疏解", "变成", "培育壮大", "活化", "恢复",
             "打好", "把", "创造", "注入", "跨过", "对接“知本", "以创新", "遏制", "防止", "突出", "聚焦聚力")
# heads that are part of the programme's name
NAME_HEADS = ("工作举措", "重点工作", "人才政策", "产业发展思路", "专利申报辅导工作机制", "改革", "创建", "企业",
              "工作机制", "工作制度", "工作思路", "工作法", "行动计划", "计划", "战略", "工程", "行动", "规划")
# heads after the quote that mark a programme
POS_HEADS = ("工作举措", "重点工作", "专项行动", "行动", "活动", "政策", "措施", "改革", "创建", "工作",
             "项目", "建设", "等政策", "等重大", "梯次培育", "引才模式", "模式", "制度", "理念", "战略", "国家战略",
             "经验", "人才政策", "专利申报", "企业", "中小企业", "力度", "目标统筹", "新上项目", "建设的意见",
             "规划", "机制", "品牌系列", "双创服务", "服务品牌", "等人才计划", "人才计划")
NEG_HEADS = ("产业", "品牌", "总目标", "总基调", "总要求", "总策略", "使命", "场景", "档次", "设备", "故事",
             "风光", "气象", "资源", "设施", "服务功能", "公共服务", "居住", "就业环境", "消费场景", "特色品牌",
             "等为代表", "变成", "作为", "乐享", "和“", "向“", "创造", "。", "阵列", "前", "组织", "评定",
             "设备", "养老趋势", "的", "两个方向", "布局", "营业", "等新业态", "休闲", "国际影响", "四类", "联动发展",
             "目标", "支部", "乡镇", "业务流程", "网签", "带押", "达到", "分别", "指", "即", "：", "整改",
             "并举", "风口", "变成我们", "率", "应用审批", "作业模式", "管理模式", "合作模式", "的合作",
             "的城市治", "转型", "转移", "的桥梁", "事项", "单位", "环境", "集中", "出海", "融合", "主题教育",
             "为抓手", "创建为", "工作水平", "要求", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "个", "模式")
COUNTED = re.compile(r"^(?:[一二三四五六七八九十两百千万]+|[0-9]+)(?:个|大|项|条|化|件|有|转|清|权|变|零|控|水|链|新|上|线|查|好|育)")
COUNTED_ANY = re.compile(r"[一二三四五六七八九十两百千万][\u4e00-\u9fff]")
PROGRAMME_TAIL = re.compile(r"(计划|行动|战略|政策|举措|工程|试点|示范区|示范园|示范城市|示范县|规划|专项|资金|基金|名单|"
                            r"清单|制|贷|改革|城市|街区|商圈|步行街|模范区|实验区|开发区|走廊|人才|工作)$")
SLOGAN = re.compile(r"(要求|精神|意识|自信|维护|确立|之都|经验|水平|气象|品质|需求|增量|变量|目标|产业|领域|载体|关键|遗址|"
                    r"建设年|大讨论|村|集镇)$")
# an event named after the quote is no programme (“某某”农产品推介会, “某某”文化旅游节)
EVENT_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:推介会|博览会|交易会|展销会|洽谈会|大会|论坛|沙龙|[^\W\d_]{2}节|比赛|大赛|"
                         r"联赛|晚会|展览)")
# works of art and media named in 《》 are no documents (电影《某某》)
ART_BEFORE = re.compile(r"(?:电影|电视剧|戏曲|戏剧|话剧|舞剧|歌曲|歌舞|纪录片|专辑|图书|小说|诗集|栏目|节目|剧目|动画|微电影)$")
MINOR = re.compile(r"^[0-9+]+$|^[A-Za-z]+$")


def _score(text: str, start: int, end: int, name: str) -> tuple[float, str | None]:
    """How much the context says “name” is a programme; and the head that belongs to the name."""
    before = text[max(0, start - 8) : start]
    after = text[end : end + 12].lstrip("\n")
    s = 0.0
    clause_before = re.split(r"[，。；：、,;:\n]", before)[-1]
    if any(clause_before.endswith(v) for v in POS_VERBS) or (clause_before == "" and before.endswith("、")):
        s += 1
    if any(clause_before.endswith(v) for v in NEG_VERBS):
        s -= 2
    head = None
    for h in NAME_HEADS:
        # a head that continues into a longer word is not the programme's (“某某”企业家沙龙)
        if after.startswith(h) and after[len(h) : len(h) + 1] not in ("家", "主", "者"):
            head = h
            break
    if any(after.startswith(h) for h in POS_HEADS):
        s += 1
    if any(after.startswith(h) for h in NEG_HEADS) or EVENT_AFTER.match(after):
        s -= 1.5
    if COUNTED.match(name):
        s += 1
    elif COUNTED_ANY.search(name) and len(name) <= 8:
        s += 0.5
    if PROGRAMME_TAIL.search(name):
        s += 1
    if SLOGAN.search(name):
        s -= 1
    # a plain dictionary word in quotes is an image, not a programme ("风口", "优秀")
    if word_tags().get(name) in {"n", "a", "v", "vn", "an", "ad", "d", "nz"} and not PROGRAMME_TAIL.search(name):
        s -= 1.5
    if len(name) > 12:
        s -= 1
    if "，" in name or "," in name:
        s -= 1.5
    if name.count("、") >= 2 and not COUNTED_ANY.search(name):
        s -= 1
    if re.search(r"[+＋]", name) and head is None:
        s -= 1
    if len(name) == 1:
        s -= 3
    return s, head


class Quoted:
    def __call__(self, doc: Doc) -> Doc:
        text = doc_tokens(doc).text
        for m in TITLE.finditer(text):
            name = m.group(1)
            if name.endswith("政府工作报告") or len(name) < 3 or ART_BEFORE.search(text, max(0, m.start() - 4), m.start()):
                continue
            add_candidate(doc, re.sub(r"[“”\"]", "", name), "Policy", m.start(1), m.end(1), "quoted:title", 0.9)
        for m in QUOTE.finditer(text):
            name = re.sub(r"\s+", "", m.group(1))
            after = text[m.end() : m.end() + 6]
            # a quoted name followed by 项目 (not a counted “三大改造”项目 series) is a project
            if after.startswith(("项目", "农文旅项目")) and not COUNTED.match(name) and len(name) >= 3:
                add_candidate(doc, name, "Project", m.start(1), m.end(1), "quoted:project", 0.85)
                continue
            if after.startswith(("入选", "获批", "开工", "签约", "建成", "落地")) and len(name) >= 5 \
                    and not COUNTED_ANY.match(name):
                add_candidate(doc, name, "Project", m.start(1), m.end(1), "quoted:project", 0.8)
                continue
            score, head = _score(text, m.start(), m.end(), name)
            if score < 1:
                continue
            start, end = m.start(1), m.end(1)
            full = name
            if head is not None:
                full = name + head
                end = m.end() + len(head) + (1 if text[m.end() : m.end() + 1] == "\n" else 0)
                # a bare designation noun after a quality name: “瞪羚”企业, “小巨人”企业
            add_candidate(doc, full, "Policy", start, end, "quoted:policy", 0.75 + min(score, 3) * 0.05)
        return doc


@Language.factory("kg_quoted")
def make_quoted(nlp: Language, name: str) -> Quoted:
    return Quoted()
