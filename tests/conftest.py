"""Shared fixtures: a small hand-made graph built through the real graph stage."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.graph import build_graph
from kg.model import (Document, DocumentMeta, Entity, Evidence, Fact, Mention, ProjectAttributes, Resolution,
                      Sentence)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _evidence(doc: str, sentence: str, start: int, end: int, source: str = "test") -> Evidence:
    return Evidence(doc, 0, sentence, start, end, start + 3, end + 3, source, 0.9)


def small_resolution() -> Resolution:
    s1 = "中航光电高端互连科技产业社区建成投产，一拖集团、中信重工等3家企业入选专精特新名单。"
    s2 = "自贸区内蓝斯利公司总投资145.8亿元的氢能项目开工建设。"
    docs = [
        Document("doc-a", "doc-a.txt", s1, s1, list(range(len(s1))), [Sentence(0, 0, len(s1), s1)],
                 DocumentMeta("政府工作报告", "2024-01-24", "涧西区人民政府", "涧西区", 2024)),
        Document("doc-b", "doc-b.txt", s2, s2, list(range(len(s2))), [Sentence(0, 0, len(s2), s2)],
                 DocumentMeta("doc-b")),
    ]
    ev = {
        "avic": _evidence("doc-a", s1, 0, 4),
        "community": _evidence("doc-a", s1, 0, 14),
        "yituo": _evidence("doc-a", s1, 19, 23),
        "citic": _evidence("doc-a", s1, 24, 28),
        "srdi": _evidence("doc-a", s1, 36, 40),
        "ftz": _evidence("doc-b", s2, 0, 3),
        "lansili": _evidence("doc-b", s2, 4, 9),
        "h2": _evidence("doc-b", s2, 20, 24),
    }
    entities = {
        "enterprise-zhonghangguangdian": Entity("enterprise-zhonghangguangdian", "Enterprise", "中航光电",
                                                {"中航光电", "中航光电科技股份有限公司"}, set(), {"doc-a"}, [ev["avic"]]),
        "enterprise-yituo": Entity("enterprise-yituo", "Enterprise", "一拖集团", {"一拖集团", "一拖", "中国一拖"},
                                   set(), {"doc-a"}, [ev["yituo"]]),
        "enterprise-citic": Entity("enterprise-citic", "Enterprise", "中信重工", {"中信重工"}, set(), {"doc-a"},
                                   [ev["citic"]]),
        "enterprise-lansili": Entity("enterprise-lansili", "Enterprise", "蓝斯利公司", {"蓝斯利公司", "蓝斯利"}, set(),
                                     {"doc-b"}, [ev["lansili"]]),
        "project-community": Entity("project-community", "Project", "中航光电高端互连科技产业社区",
                                    {"中航光电高端互连科技产业社区"}, {"Park"}, {"doc-a"}, [ev["community"]],
                                    ProjectAttributes(status="投产", year=2024)),
        "project-h2": Entity("project-h2", "Project", "氢能项目", {"氢能项目"}, set(), {"doc-b"}, [ev["h2"]],
                             ProjectAttributes(14_580_000_000, "145.8亿元", "开工", None)),
        "policy-srdi": Entity("policy-srdi", "Policy", "专精特新", {"专精特新"}, set(), {"doc-a"}, [ev["srdi"]]),
        "park-ftz": Entity("park-ftz", "Park", "自贸区", {"自贸区"}, set(), {"doc-b"}, [ev["ftz"]]),
    }
    facts = [
        Fact("enterprise-zhonghangguangdian", "undertakes", "project-community", [ev["community"]]),
        Fact("enterprise-yituo", "participatesIn", "policy-srdi", [_evidence("doc-a", s1, 19, 40)]),
        Fact("enterprise-citic", "participatesIn", "policy-srdi", [_evidence("doc-a", s1, 24, 40)]),
        Fact("enterprise-lansili", "locatedIn", "park-ftz", [_evidence("doc-b", s2, 0, 9)]),
        Fact("enterprise-lansili", "undertakes", "project-h2", [_evidence("doc-b", s2, 4, 24)]),
    ]
    return Resolution(docs, entities, facts)


@pytest.fixture
def small_graph():
    """A MultiDiGraph with the attributes documented in kg.graph.build."""
    return build_graph(small_resolution())


def text_document(text: str, doc_id: str = "t") -> Document:
    """A Document for a test sentence: the text is its own cleaned text, offsets map one to one."""
    from kg.text.sentences import split_sentences

    return Document(doc_id, f"{doc_id}.txt", text, text, list(range(len(text))), split_sentences(text),
                    DocumentMeta(doc_id))


def given_mentions(document: Document, names: dict[str, str]) -> list[Mention]:
    """One Mention per occurrence of each name (name -> type) in `document`, with its sentence: what
    the relation rules read, without the extractor."""
    found = []
    for name, type_ in names.items():
        start = document.text.find(name)
        while start >= 0:
            sentence = next(s.index for s in document.sentences if s.start <= start < s.end)
            found.append(Mention(name, type_, start, start + len(name), sentence, "test"))
            start = document.text.find(name, start + 1)
    return found


def mentions_in(extractor, text: str) -> set[tuple[str, str]]:
    """(name, type) of every mention the pipeline finds in `text`."""
    return {(m.name, m.type) for m in extractor.extract(text_document(text)).mentions}


@pytest.fixture(scope="session")
def extractor():
    """The rule components alone (the learned model's features), built once for the test session."""
    from kg.extract import Extractor

    return Extractor(rules_only=True)


@pytest.fixture(scope="session")
def model_extractor():
    """The full pipeline with the shipped model, built once for the test session."""
    from kg.extract import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def chromium():
    """Headless Chromium (Debian's `chromium`): a function running it with arguments on a URL."""
    import shutil
    import subprocess

    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    if binary is None:
        pytest.skip("chromium is not installed (apt-get install chromium; .ci/run installs it)")

    def run(url: str, *args: str) -> str:
        command = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                   "--no-first-run", "--virtual-time-budget=20000", *args, url]
        return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True).stdout

    return run
