"""Facts while a document is being assembled: drafts, and the book of the actors they name.

A rule hit becomes a Draft (its fields, its evidence) before it becomes one of the model's facts,
so that several mentions of one fact can merge first (extract.merging); the ActorBook collects
every actor any fact names, with the surface forms seen, for the document's actor list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .hits import Hit
from .model import Evidence


@dataclass(slots=True)
class Draft:
    """A fact being assembled; `fields` become the dataclass, `evidence` accumulates on merge."""

    kind: str
    fields: dict[str, Any]
    evidence: list[Evidence] = field(default_factory=list)
    inferred_participants: bool = False
    key: str | None = None
    span: tuple[int, int] = (0, 0)
    part_of: tuple[str, ...] = ()
    """Event types this event is usually part of ("the sides discussed …" at a meeting or a visit)."""
    occasion: str | None = None
    """Events of different occasions never merge: the decisions of a meeting are one agreement,
    the documents signed there another."""


def evidence_of(hit: Hit, doc_id: str) -> Evidence:
    s = hit.sentence
    return Evidence(doc_id, s.start, s.end, s.text, hit.rule.id)


def norm_text(text: str) -> str:
    # split() and strip() take the same characters for whitespace as the regex \s
    return " ".join(text.replace("\u2019", "'").split()).lower()


def year_of(date: str | None) -> str | None:
    return date[:4] if date else None


class ActorBook:
    """The actors of one document with the surface forms seen for each."""

    def __init__(self) -> None:
        self.types: dict[str, str] = {}
        self.aliases: dict[str, set[str]] = {}
        self.first: dict[str, int] = {}
        self.extra: dict[str, dict[str, Any]] = {}

    def add(self, name: str, type_: str, surface: str | None, position: int) -> None:
        """Called for every actor reference of every fact, hence the plain str methods
        (split/join is the regex's whitespace collapse without the regex call)."""
        if not name:
            return
        self.types.setdefault(name, type_)
        aliases = self.aliases.get(name)
        if aliases is None:
            aliases = self.aliases[name] = set()
        if surface:
            clean = " ".join(surface.split())
            if clean and clean != name:
                aliases.add(clean)
        first = self.first.get(name)
        if first is None or position < first:
            self.first[name] = position
