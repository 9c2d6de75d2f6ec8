"""Masked sentences: the text rules see, with each recognised thing replaced by a placeholder.

"President of Uzbekistan Shavkat Mirziyoyev visited Bishkek" becomes
"President of \ue000S0\ue001 \ue000P1\ue001 visited \ue000K2\ue001", so that one pattern
"visited {place}" covers every state, capital and city without listing names. Offsets in the
masked text map back to the original so evidence and labels quote the document exactly.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from .mentions import Mention
from .rules import CLOSE, OPEN


@dataclass(slots=True)
class Masked:
    text: str
    mentions: list[Mention]
    """Mentions in placeholder order: placeholder i stands for mentions[i]."""
    letters: frozenset[str]
    _masked_starts: list[int]
    _orig_starts: list[int]
    _is_placeholder: list[bool]
    _orig_ends: list[int]
    origin: int

    def mention_at(self, group_text: str) -> Mention | None:
        """The mention behind a placeholder matched by a slot group."""
        if not group_text.startswith(OPEN):
            return None
        return self.mentions[int(group_text[2:-1])]

    def to_original(self, masked_pos: int, *, end: bool = False) -> int:
        """A position in the masked text -> the document offset."""
        i = bisect.bisect_right(self._masked_starts, masked_pos) - 1
        if i < 0:
            return self.origin
        if self._is_placeholder[i]:
            return self._orig_ends[i] if end and masked_pos > self._masked_starts[i] else self._orig_starts[i]
        return self._orig_starts[i] + (masked_pos - self._masked_starts[i])


def mask(text: str, start: int, end: int, mentions: list[Mention]) -> Masked:
    """Mask the document slice text[start:end]; mentions must be sorted and non-overlapping."""
    parts: list[str] = []
    masked_starts: list[int] = []
    orig_starts: list[int] = []
    orig_ends: list[int] = []
    is_ph: list[bool] = []
    used: list[Mention] = []
    pos = start
    length = 0
    for mention in mentions:
        if mention.start < pos or mention.end > end:
            continue
        if mention.start > pos:
            piece = text[pos:mention.start]
            masked_starts.append(length)
            orig_starts.append(pos)
            orig_ends.append(mention.start)
            is_ph.append(False)
            parts.append(piece)
            length += len(piece)
        placeholder = f"{OPEN}{mention.code}{len(used)}{CLOSE}"
        masked_starts.append(length)
        orig_starts.append(mention.start)
        orig_ends.append(mention.end)
        is_ph.append(True)
        parts.append(placeholder)
        length += len(placeholder)
        used.append(mention)
        pos = mention.end
    if pos < end:
        masked_starts.append(length)
        orig_starts.append(pos)
        orig_ends.append(end)
        is_ph.append(False)
        parts.append(text[pos:end])
    return Masked("".join(parts), used, frozenset(m.code for m in used), masked_starts, orig_starts, is_ph,
                  orig_ends, start)
