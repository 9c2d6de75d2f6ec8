"""A regular expression that matches any of many phrases, built as a trie.

Python's `re` tries alternatives one after another, so a flat alternation of thousands of names
costs time proportional to their number at every position. Folding the phrases into a trie makes
the work at a position proportional to the length of the longest name that could start there,
and the optional tails are greedy, so the longest phrase wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = ""


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


def _to_regex(node: dict) -> str:
    ends_here = _END in node
    branches = [(ch, child) for ch, child in node.items() if ch != _END]
    if not branches:
        return ""
    alts = []
    singles = []
    for ch, child in sorted(branches):
        tail = _to_regex(child)
        if tail:
            alts.append(_escape(ch) + tail)
        else:
            singles.append(ch)
    if singles:
        if len(singles) == 1:
            alts.append(_escape(singles[0]))
        else:
            specials = [c for c in singles if _escape(c) != re.escape(c) or c in "^]\\-"]
            plain = [c for c in singles if c not in specials]
            if plain:
                alts.append("[" + "".join(re.escape(c) for c in plain) + "]")
            alts.extend(_escape(c) for c in specials)
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if ends_here:
        return f"(?:{body})?"
    return body


def trie_regex(phrases: Iterable[str]) -> str:
    """One regex source matching any phrase (longest wins); whitespace inside phrases is flexible."""
    trie: dict = {}
    for phrase in phrases:
        phrase = re.sub(r"\s+", " ", phrase.strip())
        if phrase:
            _insert(trie, phrase)
    if not trie:
        return r"(?!x)x"
    return _to_regex(trie)
