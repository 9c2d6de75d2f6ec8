"""A regular expression that matches any of many phrases, built as a trie.

Python's `re` tries alternatives one after another, so a flat alternation of thousands of names
costs time proportional to their number at every position. Folding the phrases into a trie makes
the work at a position proportional to the length of the longest name that could start there,
and the optional tails are greedy, so the longest phrase wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

try:
    from _sre import unicode_tolower as _sre_lower
    from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - other Pythons: no lower-cased scans, same results
    _sre_lower = None
    _EXTRA_CASES = {}

_END = ""

LOWERED_SCANS = _sre_lower is not None and bool(_EXTRA_CASES)
"""Whether `trie_regex(..., lowered=True)` can be built on this Python."""
FOLD_EXCEPTIONS = re.compile("[\u0130\u03a3]")
"""A text holding one of these cannot be lower-cased in place of matching case-insensitively:
str.lower() turns the dotted capital I into two characters and a final capital sigma into a
final sigma, where the regex engine lowers each character alone (checked over all of Unicode:
for every other character, the engine's lowering and str.lower() agree, and \\w is kept)."""


def _insert(trie: dict, phrase: str) -> None:
    node = trie
    for ch in phrase:
        node = node.setdefault(ch, {})
    node[_END] = True


def _escape(ch: str) -> str:
    if ch == " ":
        return r"[\s\-\u2010\u2011]+"  # "Al Thani" and "Al-Thani" are one name
    if ch in ("\u2019", "'"):
        return "['\u2019]"
    if ch in ("-", "\u2010", "\u2011", "\u2013"):
        return "[-\u2010\u2011\u2013]"
    return re.escape(ch)


def _escape_lowered(ch: str) -> str:
    """A character as IGNORECASE reads it, for a case-sensitive regex over lower-cased text:
    the engine lowers the pattern character and adds the characters it folds together
    ("s" with the long s, "ı" with "i"), then compares them with each text character lowered."""
    special = _escape(ch)
    if special != re.escape(ch) or _sre_lower is None:
        return special  # spaces, quotes and dashes have no case
    lower = _sre_lower(ord(ch))
    chars = [chr(lower), *(chr(c) for c in _EXTRA_CASES.get(lower, ()))]
    return re.escape(chars[0]) if len(chars) == 1 else "[" + "".join(re.escape(c) for c in chars) + "]"


def _to_regex(node: dict, escape: Callable[[str], str] = _escape) -> str:
    ends_here = _END in node
    branches = [(ch, child) for ch, child in node.items() if ch != _END]
    if not branches:
        return ""
    alts = []
    singles = []
    for ch, child in sorted(branches):
        tail = _to_regex(child, escape)
        if tail:
            alts.append(escape(ch) + tail)
        else:
            singles.append(ch)
    if singles:
        if len(singles) == 1:
            alts.append(escape(singles[0]))
        else:
            specials = [c for c in singles if escape(c) != re.escape(c) or c in "^]\\-"]
            plain = [c for c in singles if c not in specials]
            if plain:
                alts.append("[" + "".join(re.escape(c) for c in plain) + "]")
            alts.extend(escape(c) for c in specials)
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if ends_here:
        return f"(?:{body})?"
    return body


def exact_trie_regex(phrases: Iterable[str], space: str = r"\s+") -> str:
    """The alternation of `phrases` (longest wins), each character as itself but a space, which
    becomes `space`: where "|".join(phrases sorted longest first) would be tried phrase by phrase
    at every position, the trie is tried one character at a time."""
    trie: dict = {}
    for phrase in phrases:
        if phrase:
            _insert(trie, phrase)
    if not trie:
        return r"(?!x)x"
    return _to_regex(trie, lambda ch: space if ch == " " else re.escape(ch))


def trie_regex(phrases: Iterable[str], *, lowered: bool = False) -> str:
    """One regex source matching any phrase (longest wins); whitespace inside phrases is flexible.

    `lowered`: the source to compile without IGNORECASE and run over text.lower() (a text
    without FOLD_EXCEPTIONS), matching exactly where the plain source compiled with IGNORECASE
    matches in the text. Case-insensitive literals cost the engine its shortcuts (it cannot
    skip to a possible first character), so this is the fast way to scan a text for phrases.
    Same trie, same order of alternatives: only each character's escape differs."""
    trie: dict = {}
    for phrase in phrases:
        phrase = re.sub(r"\s+", " ", phrase.strip())
        if phrase:
            _insert(trie, phrase)
    if not trie:
        return r"(?!x)x"
    if lowered:
        if not LOWERED_SCANS:
            raise ValueError("lower-cased scans need re._casefix (Python 3.11+)")
        return _to_regex(trie, _escape_lowered)
    return _to_regex(trie)
