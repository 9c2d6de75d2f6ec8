"""A rule match with its slots resolved to mentions: what the rule engine hands to assembly."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .masking import Masked
from .mentions import Mention
from .model import Sentence
from .rules import Rule


@dataclass(slots=True)
class Hit:
    rule: Rule
    sentence: Sentence
    masked: Masked
    start: int
    """Document offset where the match starts."""
    end: int
    slots: dict[str, Mention | str] = field(default_factory=dict)
    """Slot name -> the mention behind a placeholder, or the matched words for text slots."""
    extra: dict[str, Any] = field(default_factory=dict)
    masked_span: tuple[int, int] | None = None
    """Where the match lies in the masked sentence (None for hits made without a regex match)."""

    @property
    def text(self) -> str:
        """The matched words as written in the document."""
        base = self.sentence.start
        return self.sentence.text[self.start - base:self.end - base]

    def mention(self, slot: str) -> Mention | None:
        value = self.slots.get(slot)
        return value if isinstance(value, Mention) else None

    def words(self, slot: str) -> str | None:
        value = self.slots.get(slot)
        if isinstance(value, Mention):
            return value.surface
        return value
