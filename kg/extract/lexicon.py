"""Curated lexicons: well-known entities with their aliases.

Format (UTF-8, tab-separated, one entity a line, ``#`` starts a comment)::

    TYPE<TAB>NAME<TAB>ALIAS|ALIAS|...

TYPE is one of the entity types (Enterprise, Project, Park, Policy, Institution, Region).
The bundled lexicons live in ``schemas/lexicons/*.tsv``; users add theirs with ``--lexicon``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KgError
from kg.model import ENTITY_TYPES
from kg.resources import SCHEMAS

BUNDLED = SCHEMAS / "lexicons"


USER = "user"  # origin of entries from `--lexicon` files: the model never overrides them


@dataclass(frozen=True)
class LexiconEntry:
    type: str
    name: str
    aliases: tuple[str, ...]
    origin: str = "bundled"


@dataclass
class Lexicon:
    entries: list[LexiconEntry] = field(default_factory=list)

    def surface_forms(self) -> dict[str, LexiconEntry]:
        """Every name and alias -> its entry (the first entry wins on a clash, a user's entry over a
        bundled one)."""
        forms: dict[str, LexiconEntry] = {}
        for entry in self.entries:
            for form in (entry.name, *entry.aliases):
                if form not in forms or (entry.origin == USER and forms[form].origin != USER):
                    forms[form] = entry
        return forms


def parse_lexicon(path: Path, origin: str = "bundled") -> list[LexiconEntry]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise KgError(f"{path}: lexicon is not UTF-8 text") from None
    except OSError as exc:
        raise KgError(f"{path}: cannot read lexicon ({exc.strerror or exc})") from None
    entries = []
    for lineno, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) not in (2, 3):
            raise KgError(f"{path}:{lineno}: expected TYPE<TAB>NAME[<TAB>ALIASES], got {len(cols)} column(s)")
        typ, name = cols[0].strip(), cols[1].strip()
        if typ not in ENTITY_TYPES:
            raise KgError(f"{path}:{lineno}: unknown type {typ!r} (one of {', '.join(ENTITY_TYPES)})")
        if not name:
            raise KgError(f"{path}:{lineno}: empty name")
        aliases = tuple(a.strip() for a in cols[2].split("|") if a.strip()) if len(cols) == 3 else ()
        entries.append(LexiconEntry(typ, name, aliases, origin))
    return entries


def load_lexicons(extra: list[str | Path]) -> Lexicon:
    """The bundled lexicons, then the user's (which may add entities and aliases)."""
    lexicon = Lexicon()
    for path in sorted(BUNDLED.glob("*.tsv")):
        lexicon.entries.extend(parse_lexicon(path))
    for path in map(Path, extra):
        if not path.is_file():
            raise KgError(f"{path}: no such lexicon file")
        lexicon.entries.extend(parse_lexicon(path, USER))
    return lexicon
