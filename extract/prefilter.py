"""Which rules can possibly match a sentence, decided with one scan instead of one per rule.

Running every rule's regular expression over every sentence costs a hundred scans a sentence. But
almost every pattern contains words without which it cannot match ("visit", "signed", a metric
word…). `required_literals` reads a compiled pattern's parse tree and returns a set of strings at
least one of which occurs in any match; a sentence that contains none of them is skipped for that
rule. All rules' strings are folded into one trie regex, so a sentence is scanned once to learn
which rules are worth running.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from re import _constants as sre_constants  # type: ignore[attr-defined]
from typing import Any

from .lead import parse_tree
from .trie import FOLD_EXCEPTIONS, LOWERED_SCANS, trie_regex

LITERAL = sre_constants.LITERAL
IN = sre_constants.IN
SUBPATTERN = sre_constants.SUBPATTERN
BRANCH = sre_constants.BRANCH
MAX_REPEAT = sre_constants.MAX_REPEAT
MIN_REPEAT = sre_constants.MIN_REPEAT
ASSERT_NOT = sre_constants.ASSERT_NOT
POSSESSIVE_REPEAT = getattr(sre_constants, "POSSESSIVE_REPEAT", None)
ATOMIC_GROUP = getattr(sre_constants, "ATOMIC_GROUP", None)
ZERO_WIDTH = {sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT}

MIN_USEFUL = 2
"""A required set whose shortest string is shorter than this filters too little to be worth it."""


COMMON = frozenset(
    "of to the in and a an on for with by at is was are be as 's ’s it its that from or this has have will not but"
    .split()
)
"""Strings so frequent in news that requiring one filters almost nothing."""


CONDITION_COMMON = COMMON - {"from", "has", "have", "will", "not", "but"}
"""Strings too frequent for a further condition (`required_conditions`). A further condition is
tested only once a rule's first set has passed, so it may be less selective than that set: a
modal ("will") or "from", frequent in news but absent from most sentences, drops the sentences
where a pattern that needs one cannot match."""


def _score(strings: frozenset[str] | None) -> tuple[int, int, int]:
    """Higher is more selective: no common words, then longer shortest string, then fewer strings."""
    if not strings:
        return (-1, 0, 0)
    common = sum(1 for s in strings if s.strip() in COMMON)
    return (-common, min(len(s) for s in strings), -len(strings))


def _best(candidates: Iterable[frozenset[str] | None]) -> frozenset[str] | None:
    best: frozenset[str] | None = None
    for c in candidates:
        if c and _score(c) > _score(best):
            best = c
    return best


def _is_whitespace_run(op: Any, av: Any) -> bool:
    """Whether an element is `\\s+` (what a space in a rule pattern becomes)."""
    return (op == MAX_REPEAT and av[0] >= 1 and len(av[2]) == 1 and av[2][0][0] == IN
            and list(av[2][0][1]) == [(sre_constants.CATEGORY, sre_constants.CATEGORY_SPACE)])


def _walk(items: list[tuple[Any, Any]], spaces: bool = False) -> Iterator[tuple[frozenset[str] | None, Any, Any]]:
    """The required sets a sequence offers, in order: its possible starts, each literal run, and
    each other element's own set, given with that element (op, av) so a caller can look inside.

    A run is a set of strings so that a small character class ("[SKA]" after a placeholder mark)
    multiplies it instead of ending it. With `spaces`, a run goes on across `\\s+`, written as
    one space ("are to" where the pattern says "are\\s+to"): the plain scan reads a space in a
    string as any run of whitespace. Strings with a placeholder mark are checked as substrings of
    the masked sentence, where a space would be literal: such a run never takes a space."""
    starts, _complete = _prefixes(items)
    if starts and starts != {""}:
        yield frozenset(p.lower() for p in starts), None, None
    runs: set[str] = {""}
    spaced = False  # whether the runs hold a space (and may then take no placeholder mark)
    for op, av in items:
        if op == LITERAL or (op == IN and all(member_op == LITERAL for member_op, _ in av)
                             and len(av) * len(runs) <= 32):
            chars = [chr(av)] if op == LITERAL else [chr(code) for _, code in av]
            if spaced and any(c in _PLACEHOLDER_CHARS for c in chars):
                yield frozenset(r.rstrip(" ").lower() for r in runs), None, None
                runs, spaced = {""}, False
            runs = {r + c for r in runs for c in chars}
            continue
        if op in ZERO_WIDTH:
            continue  # look-arounds and anchors consume nothing: the run goes on
        if (spaces and runs != {""} and _is_whitespace_run(op, av)
                and not any(c in r for r in runs for c in _PLACEHOLDER_CHARS)):
            runs = {r if r.endswith(" ") else r + " " for r in runs}
            spaced = True
            continue
        if runs != {""}:
            yield frozenset(r.rstrip(" ").lower() for r in runs), None, None
            runs, spaced = {""}, False
        yield _element(op, av, spaces), op, av
    if runs != {""}:
        yield frozenset(r.rstrip(" ").lower() for r in runs), None, None


def _sequence(items: list[tuple[Any, Any]], spaces: bool = False) -> frozenset[str] | None:
    """Required strings of a sequence: its most selective literal run, or best required element."""
    return _best(strings for strings, _, _ in _walk(items, spaces))


def _all_required(items: list[tuple[Any, Any]], depth: int = 0, spaces: bool = False) -> list[frozenset[str]]:
    """Every required set `_sequence` weighs for a sequence, and those of the groups it must
    pass through: each alone is a condition without which the sequence cannot match, so a
    sentence must meet all of them (where `_sequence` keeps only the most selective)."""
    found: list[frozenset[str] | None] = []
    for strings, op, av in _walk(items, spaces):
        found.append(strings)
        if op is None or depth >= 8:
            continue
        inner: list[tuple[Any, Any]] | None = None
        if op == SUBPATTERN:
            inner = list(av[-1])
        elif ATOMIC_GROUP is not None and op == ATOMIC_GROUP:
            inner = list(av)
        elif (op in (MAX_REPEAT, MIN_REPEAT) or (POSSESSIVE_REPEAT is not None and op == POSSESSIVE_REPEAT)) \
                and av[0] >= 1:
            inner = list(av[2])
        if inner is not None:
            found.extend(_all_required(inner, depth + 1, spaces))
    return [f for f in found if f]


def required_conditions(pattern: str, flags: int = 0, spaces: bool = False) -> list[frozenset[str]]:
    """All the required sets of a pattern worth checking: distinct, none with a string shorter
    than MIN_USEFUL or one of CONDITION_COMMON, none so large that checking it costs more than it saves
    (`spaces`: see _walk)."""
    try:
        parsed = parse_tree(pattern, flags)
    except re.error:
        return []
    out: list[frozenset[str]] = []
    for strings in _all_required(list(parsed), spaces=spaces):
        if (strings not in out and min(len(s) for s in strings) >= MIN_USEFUL and len(strings) <= 1000
                and not any(s.strip() in CONDITION_COMMON for s in strings)):
            out.append(strings)
    return out


MAX_PREFIXES = 256


def _prefixes(items: list[tuple[Any, Any]]) -> tuple[set[str] | None, bool]:
    """Strings one of which every match of the sequence starts with, and whether they are the
    whole match. Trie-built alternations ("a(?:mbassador|mir)") become whole words this way."""
    result: set[str] = {""}
    for op, av in items:
        if op in ZERO_WIDTH:
            continue
        if op == LITERAL:
            result = {r + chr(av) for r in result}
            continue
        if op == IN and all(member_op == LITERAL for member_op, _ in av) and len(av) * len(result) <= MAX_PREFIXES:
            result = {r + chr(code) for r in result for _, code in av}
            continue
        if op == SUBPATTERN:
            sub, complete = _prefixes(list(av[-1]))
        elif op == BRANCH:
            sub, complete = set(), True
            for alternative in av[1]:
                alt, alt_complete = _prefixes(list(alternative))
                if alt is None or alt == {""}:
                    return result, False
                sub |= alt
                complete = complete and alt_complete
        else:
            return result, False
        if sub is None or sub == {""} or len(sub) * len(result) > MAX_PREFIXES:
            return result, False
        result = {r + p for r in result for p in sub}
        if not complete:
            return result, False
    return result, True


def _element(op: Any, av: Any, spaces: bool = False) -> frozenset[str] | None:
    if op == SUBPATTERN:
        return _sequence(list(av[-1]), spaces)
    if op == ATOMIC_GROUP:
        return _sequence(list(av), spaces)
    if op in (MAX_REPEAT, MIN_REPEAT) or (POSSESSIVE_REPEAT is not None and op == POSSESSIVE_REPEAT):
        low, _high, sub = av
        return _sequence(list(sub), spaces) if low >= 1 else None
    if op == BRANCH:
        union: set[str] = set()
        for alternative in av[1]:
            strings = _sequence(list(alternative), spaces)
            if not strings:
                return None
            union |= strings
        return frozenset(union)
    return None


def required_literals(pattern: str, flags: int = 0, spaces: bool = False) -> frozenset[str] | None:
    """Strings (lower case) one of which every match contains; None when no such set is found.
    With `spaces`, a space in a string stands for any run of whitespace (see _walk)."""
    try:
        parsed = parse_tree(pattern, flags)
    except re.error:
        return None
    strings = _sequence(list(parsed), spaces)
    if not strings or min(len(s) for s in strings) < MIN_USEFUL:
        return None
    return strings


def _normal(text: str) -> str:
    """The form under which strings are indexed: how trie_regex reads them back."""
    return _WS.sub(" ", text.strip()).lower().replace("\u2019", "'").replace("\u2013", "-")


_SEPARATORS = re.compile(r"[\s\-\u2010\u2011\u2013]+")


def _canonical(text: str) -> str:
    """A string or a match of the trie with every run of whitespace and dashes as one space and
    either apostrophe as "'": the trie reads a space in a string as [\\s\\-\\u2010\\u2011]+ and a
    dash as [-\\u2010\\u2011\\u2013], so strings and matches that agree in this form may stand
    for one another (which is all the prefilter needs: it may offer too many rules, never too few)."""
    return _SEPARATORS.sub(" ", text.strip()).lower().replace("\u2019", "'")


def _with_prefixes(index: dict[str, set[int]]) -> dict[str, frozenset[int]]:
    """Each key's ids with those of every key it starts with."""
    return {key: frozenset().union(*(index[key[:i]] for i in range(1, len(key) + 1) if key[:i] in index))
            for key in index}


_PLACEHOLDER_CHARS = ("\ue000", "\ue001")
_WS = re.compile(r"\s+")
_NONE: frozenset[int] = frozenset()


class Prefilter:
    """One scan of a sentence tells which rules have one of their required strings in it.

    Required strings of plain words are looked for in the sentence as written, once, whatever
    stage asks (people, titles, facts); strings that involve a placeholder ("\ue000C" for a
    count) are checked against the masked sentence of the stage that asks.
    """

    def __init__(self, rules: list[Any]) -> None:
        self.rules = rules
        self.always: set[int] = set()
        self.masked: list[tuple[int, frozenset[str]]] = []
        self.by_letter: dict[str, set[int]] = {}
        self.extras: dict[int, tuple[int, ...]] = {}
        """Rule index -> indices (past the rules) of further conditions it needs: the other
        required sets of its pattern. The first set only says a rule may match; these drop most
        of the sentences where it then would not. (Not those of its `when` pattern: a rule is
        offered wherever its own pattern matches, whatever the engine does next.)"""
        by_string: dict[str, set[int]] = {}

        def register(index: int, strings: frozenset[str]) -> None:
            # a condition is met if any one of its strings is there, so each string can be
            # looked for by the cheapest means: a placeholder letter, the plain scan, or a
            # substring test on the masked sentence for strings mixing both
            mixed = []
            for string in strings:
                if len(string) == 2 and string[0] == "\ue000":
                    self.by_letter.setdefault(string[1].upper(), set()).add(index)
                elif any(c in string for c in _PLACEHOLDER_CHARS):
                    mixed.append(string)
                else:
                    by_string.setdefault(_normal(string), set()).add(index)
            if mixed:
                self.masked.append((index, frozenset(mixed)))

        conditions: list[frozenset[str]] = []
        for i, rule in enumerate(rules):
            strings = required_literals(rule.regex.pattern, rule.regex.flags, spaces=True)
            if strings is None:
                self.always.add(i)
                continue
            register(i, strings)
            more = [c for c in required_conditions(rule.regex.pattern, rule.regex.flags, spaces=True) if c != strings]
            extra = []
            for condition in more:
                if condition not in conditions:
                    conditions.append(condition)
                    register(len(rules) + len(conditions) - 1, condition)
                extra.append(len(rules) + conditions.index(condition))
            if extra:
                self.extras[i] = tuple(extra)
        self.needs: dict[int, frozenset[int]] = {i: frozenset(extra) for i, extra in self.extras.items()}
        """`extras` as sets: a rule passes when its set is a subset of the chosen indices (one C-level test)."""
        # a longer string's entry also carries the rules of the strings it starts with, so one
        # (longest) match at a position is enough
        canonical: dict[str, set[int]] = {}
        for key, ids in by_string.items():
            canonical.setdefault(_canonical(key), set()).update(ids)
        self.by_canonical = _with_prefixes(canonical)
        """A match read back in `_canonical` form -> the rules of every string it may stand for: the
        trie reads a space as a run of whitespace or dashes, so "state-visit" is a match of the
        string "state visit" (and of "state", which its entry carries), not itself a string."""
        raw = _with_prefixes(by_string)
        self.expanded: dict[str, frozenset[int]] = {key: raw[key] | self.by_canonical[_canonical(key)]
                                                    for key in by_string}
        self.regex = re.compile(f"(?=({trie_regex(by_string)}))", re.IGNORECASE) if by_string else None
        self.lowered = re.compile(trie_regex(by_string, lowered=True)) if by_string and LOWERED_SCANS else None
        """The same trie without IGNORECASE, run on the lower-cased sentence: the engine then
        skips non-matching first characters cheaply (case-insensitive literals defeat its
        shortcuts), and with no leading look-ahead it finds the next match by itself."""

    def plain(self, text: str) -> frozenset[int]:
        """Indices of the rules whose plain required strings occur in text (one C-level pass).

        The trie is scanned without IGNORECASE over text.lower() (see trie_regex's `lowered`);
        a sentence with one of trie.FOLD_EXCEPTIONS takes the case-insensitive path."""
        if self.lowered is None or FOLD_EXCEPTIONS.search(text) is not None:
            return self._plain_ignorecase(text)
        lower = text.lower()
        expanded = self.expanded
        chosen: set[int] = set()
        search = self.lowered.search
        pos = 0
        while (m := search(lower, pos)) is not None:
            found = m.group()
            ids = expanded.get(found)
            if ids is None:
                ids = self.by_canonical.get(_canonical(found), _NONE)
            chosen.update(ids)
            pos = m.start() + 1  # matches may overlap, as with the look-ahead
        return frozenset(chosen)

    def _plain_ignorecase(self, text: str) -> frozenset[int]:
        """`plain` by one case-insensitive scan with a look-ahead (every match, overlapping)."""
        if self.regex is None:
            return frozenset()
        expanded = self.expanded
        chosen: set[int] = set()
        for m in self.regex.finditer(text):
            found = m.group(1)
            key = found.lower()
            ids = expanded.get(key)
            if ids is None:
                ids = self.by_canonical.get(_canonical(found), _NONE)
            chosen.update(ids)
        return frozenset(chosen)

    def passing(self, plain: frozenset[int], masked_text: str, letters: frozenset[str] | None = None
                ) -> frozenset[int]:
        """Indices of the rules (of every kind) worth running on a masked sentence whose plain scan
        gave `plain`; `letters` are its placeholder letters, when the caller knows them. One call
        serves every stage that runs rules on the same masked sentence."""
        chosen = self.always | plain if self.always else set(plain)
        if letters is None:
            letters = frozenset(masked_text[i + 1] for i in range(len(masked_text) - 1) if masked_text[i] == "\ue000")
        for letter in letters:
            ids = self.by_letter.get(letter)
            if ids:
                chosen |= ids
        if self.masked:
            lower = masked_text.lower()
            chosen.update(i for i, strings in self.masked if any(s in lower for s in strings))
        count, needs = len(self.rules), self.needs
        return frozenset(i for i in chosen if i < count and (i not in needs or needs[i] <= chosen))

    def select(self, plain: frozenset[int], masked_text: str, allowed: frozenset[int] | None = None,
               letters: frozenset[str] | None = None) -> list[Any]:
        """The rules worth running on a masked sentence whose plain scan gave `plain`, in order;
        `letters` are the placeholder letters of the masked sentence, when the caller knows them."""
        ids = self.passing(plain, masked_text, letters)
        return self.ordered(ids & allowed if allowed is not None else ids)

    def ordered(self, ids: Iterable[int]) -> list[Any]:
        """The rules of these indices, in rule order."""
        rules = self.rules
        return [rules[i] for i in sorted(ids)]

    def candidates(self, text: str) -> list[Any]:
        """The rules worth running on one masked sentence (plain scan and check together)."""
        return self.select(self.plain(text), text)
