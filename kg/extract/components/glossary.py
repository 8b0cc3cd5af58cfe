"""kg_glossary: the glossary at the end of a report (名词解释) defines programmes.

After a heading containing 名词解释, each paragraph ``X：definition`` names X. X is a Policy unless
the definition says it is a concept (``X：是…`` / ``X：X是…``) or X carries a zone or project head.
Quotes inside X are dropped, and a trailing 措施 is not part of the name (“六控”措施 -> 六控).
The definitions' spans are kept (``doc._.kg_definitions``): a programme named only inside a
definition (十大战略：创新驱动、科教兴省、人才强省战略 …) is explained, not reported on, and kg_select
drops it.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.components.base import add_candidate, doc_tokens

HEADING = re.compile(r"名词解释|名词注释|名词释义|附：?名词")
ENTRY = re.compile(r"^([^：:\n。，]{2,40})[：:](.+)$", re.M)
NOT_POLICY_TAIL = re.compile(r"(智慧岛|高新区|自贸区|综保区|产业园|中心|服务功能|公共服务)$")
DROP_TAIL = ("措施",)


class Glossary:
    def __call__(self, doc: Doc) -> Doc:
        text = doc_tokens(doc).text
        h = HEADING.search(text)
        if h is None:
            return doc
        definitions = doc._.kg_definitions = []
        for m in ENTRY.finditer(text, h.end()):
            term, definition = m.group(1), m.group(2)
            # the definition ends where the next entry starts (PDF lines break inside it)
            nxt = ENTRY.search(text, m.end())
            definitions.append((m.start(2), nxt.start() if nxt else len(text)))
            name = re.sub(r"[“”\"]", "", term).strip()
            if definition.startswith(("是", name + "是", "指知识", "即“")) and "工程" not in definition[:8]:
                continue
            if NOT_POLICY_TAIL.search(name) or len(name) < 2:
                continue
            start, end = m.start(1), m.end(1)
            for tail in DROP_TAIL:
                if name.endswith(tail) and len(name) > len(tail) + 1:
                    name = name[: -len(tail)]
                    end = text.rfind(tail, start, end)
            # a place word before the quoted name (河渠“清四乱”): the quoted part is the name
            q = re.match(r"^[\u4e00-\u9fff]{1,4}“([^”]+)”$", term)
            if q and not term.startswith("“"):
                name = q.group(1)
                start = m.start(1) + term.index("“") + 1
                end = start + len(name)
            add_candidate(doc, name, "Policy", start, end, "glossary", 0.96)
        return doc


@Language.factory("kg_glossary")
def make_glossary(nlp: Language, name: str) -> Glossary:
    return Glossary()
