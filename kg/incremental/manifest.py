"""``OUT/build.json``: which documents a build folder holds (name, path, cache key) and with which
lexicons and confidence threshold it was built, so `kg add` and `kg remove` can rebuild the same
set with one change. The build's corrections are kept beside it in ``OUT/corrections.tsv``."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kg.errors import KgError
from kg.io import write_text

MANIFEST = "build.json"
CORRECTIONS = "corrections.tsv"
FORMAT = 1


@dataclass(frozen=True)
class DocumentEntry:
    id: str  # the name of extractions/NAME.json
    path: str  # as given on the command line
    key: str  # the extraction cache key


@dataclass
class Manifest:
    documents: list[DocumentEntry] = field(default_factory=list)
    lexicons: list[str] = field(default_factory=list)
    min_confidence: float = 0.0
    model: str | None = None  # the model folder given to `kg build --model` (None: the shipped one)

    def ids(self) -> list[str]:
        return [d.id for d in self.documents]

    def write(self, out: str | Path) -> Path:
        path = Path(out) / MANIFEST
        data = {"format": FORMAT, "lexicons": self.lexicons, "min_confidence": self.min_confidence,
                "model": self.model,
                "documents": [asdict(d) for d in sorted(self.documents, key=lambda d: (d.id, d.path))]}
        write_text(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return path


def read_manifest(out: str | Path) -> Manifest | None:
    """The manifest of a build folder; None if the folder holds none; KgError if it is damaged."""
    path = Path(out) / MANIFEST
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Manifest([DocumentEntry(**d) for d in data["documents"]], list(data["lexicons"]),
                        float(data.get("min_confidence", 0.0)), data.get("model"))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise KgError(f"{path}: not a readable build manifest ({exc}); rebuild with `kg build`") from None
