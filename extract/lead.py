"""Scan twins: regexes with the same matches as a pattern, opening with a set of literal characters.

Python's regex engine skips ahead cheaply only when a pattern opens with a literal or a set of
characters (the "prefix" of its info block): it then tests one character at a time in C and runs
the pattern only where one of them stands. A pattern that opens with a look-behind (every rule
opens with (?<![\\w\\-])), \\b, an optional word or, under IGNORECASE, any letter gives it nothing,
so it runs the whole pattern at every position of the text; and under IGNORECASE an alternation
loses the shortcut that skips alternatives whose first literal does not fit.

`scan_twin` rewrites such a pattern into one with the same matches (start, end, groups and which
match comes first) that opens with one alternative per character a match can start with, each a
plain literal (case variants spelled out: dotted I, long s and Kelvin sign included) followed by
what the pattern needs after that character (its derivative):

    (?<![\\w\\-])(?:visit|talks)   ->   (?:v(?i:(?<![\\w\\-][\\s\\S])isit)|V(?i:...)|t(?i:...)|T(?i:...))

Look-arounds before the first character are checked just after it (a look-behind widened by one
character, anything else inside one); an optional opening (`(?:the )?talks`) becomes the two
ways to start; alternatives that cannot start with the character drop out, the others keep their
order. A pattern opening with a named group (a rule's first slot) is rewritten inside the group,
so the twin keeps the groups; when the part rewritten holds groups, the twin has none and `Scan`
reads them with the original at each match start. Where nearly every letter can start a match
(MAX_DENSITY) the look-behind of the original, which fails at once inside words, is as quick as
any dispatch, and the twin is the pattern alone with the first letter of each alternative spelled
as the set of its cases (`_folded`), which lets the engine skip alternatives that do not fit.

Only constructs whose derivative is plain are handled (literals, sets of literals, alternations,
groups, repeats, look-arounds); anything else (back-references, categories or negated sets as a
first character, possessive repeats at the start) makes `scan_twin` return None and the caller
keeps the original. tests/test_lead.py checks the twins of every rule against the rules.
"""

from __future__ import annotations

import _sre
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found]
from typing import Any

from .regex_code import compile_tree

MAX_FIRST = 96
"""A twin with more possible first characters than this is not worth its size."""
MAX_GROWTH = 8
"""A twin's tree may be this many times larger than the original's (plus a constant, see _size)."""
MAX_DENSITY = 0.85
"""See _density."""
_FREQUENCY = dict(zip("etaoinsrhldcumfpgwybvkxjqz", (
    .100, .072, .065, .061, .057, .056, .051, .049, .041, .033, .033, .024, .022, .020, .018, .016, .016, .015, .014,
    .012, .008, .006, .0012, .001, .0008, .0006), strict=True))
"""Share of each lower-case letter among the characters of English prose (spaces included)."""

_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT)
_IGNORECASE, _ASCII, _VERBOSE, _LOCALE, _UNICODE = (
    int(f) for f in (re.IGNORECASE, re.ASCII, re.VERBOSE, re.LOCALE, re.UNICODE))
"""The flags as plain ints: bit tests on RegexFlag members cost an enum call each."""
_ANY_CHARACTER = (sre.IN, [(sre.CATEGORY, sre.CATEGORY_SPACE), (sre.CATEGORY, sre.CATEGORY_NOT_SPACE)])
"""[\\s\\S]: one character, whatever the flags."""
_LOWER_FROM = {0x69: (0x130,), 0x6B: (0x212A,), 0xDF: (0x1E9E,), 0xE5: (0x212B,), 0x3B8: (0x3F4,), 0x3C9: (0x2126,)}
"""Characters whose one-character lower case is the key although they are neither its upper nor
its title case (dotted capital I, Kelvin sign, capital sharp s, Angstrom sign, theta symbol, Ohm
sign); tests/test_lead.py checks the table against every code point."""


@dataclass(frozen=True, slots=True)
class Scan:
    """A pattern compiled for scanning: `regex` is it (its text, flags, groups and matches),
    `twin` what to scan a text with for its matches: a twin without groups, or `regex`."""

    regex: re.Pattern[str]
    twin: re.Pattern[str]
    grouped: bool
    """Whether the twin's matches carry the regex's groups (else `finditer` reads them again)."""

    @classmethod
    def of(cls, regex: re.Pattern[str]) -> Scan:
        """compiled(regex.pattern, regex.flags), for a pattern compiled elsewhere."""
        return compiled(regex.pattern, regex.flags)

    def finditer(self, text: str) -> Iterable[re.Match[str]]:
        """regex.finditer(text), found with the twin."""
        return self.twin.finditer(text) if self.grouped else self._regrouped(text)

    def search(self, text: str) -> re.Match[str] | None:
        """regex.search(text), found with the twin."""
        m = self.twin.search(text)
        if m is None or self.grouped:
            return m
        own = self.regex.match(text, m.start())
        return own if own is not None and own.end() == m.end() else self.regex.search(text)

    def _regrouped(self, text: str) -> list[re.Match[str]]:
        """The twin finds each match and the regex, run where it starts, reads its groups (the
        same match: same start and end; were it ever not, the regex's own scan would decide)."""
        found = []
        for scanned in self.twin.finditer(text):
            m = self.regex.match(text, scanned.start())
            if m is None or m.end() != scanned.end():
                return list(self.regex.finditer(text))
            found.append(m)
        return found


def compiled(source: str, flags: int = 0) -> Scan:
    """re.compile(source, flags) with its scan twin (see the module docstring).

    Where the twin keeps the pattern's groups it is the pattern: `regex` and `twin` are then one
    object, compiled from the twin's tree but with the pattern's own text and flags (so it
    prints, compares and pickles as the pattern; the regex engine runs its code, not its
    flags). Otherwise `regex` is compiled from the pattern with the first letter of each
    alternative spelled as the set of its cases (`_folded`), and `twin`, if the pattern has
    one, leads with its first characters and has no groups. Raises re.error for a bad pattern."""
    parsed = parse_tree(source, flags)
    if not isinstance(source, str) or parsed.state.flags & _LOCALE:
        regex = re.compile(source, flags)
        return Scan(regex, regex, True)
    pattern_flags = int(parsed.state.flags)
    twin_flags = pattern_flags & ~(_IGNORECASE | _VERBOSE)
    tree = _twin_tree(list(parsed.data), parsed, pattern_flags, twin_flags)
    if tree is not None and tree is not _DENSE:
        kept = _pattern(source, pattern_flags, tree, _state(parsed.state, twin_flags))
        if kept is not None:
            return Scan(kept, kept, True)
    try:
        own = _folded(list(parsed.data), pattern_flags)
    except RecursionError:
        own = list(parsed.data)
    folded = _pattern(source, pattern_flags, own, _state(parsed.state, pattern_flags & ~_VERBOSE))
    if folded is None:
        fallback = re.compile(source, flags)  # raises re.error for a bad pattern, as it would anyway
        return Scan(fallback, fallback, True)
    regex = folded
    flat = _twin_tree(None, parsed, pattern_flags, twin_flags) if tree is not _DENSE else None
    twin = _pattern(source, pattern_flags, flat, _state(None, twin_flags)) if flat is not None and flat is not _DENSE \
        else None
    return Scan(regex, regex, True) if twin is None else Scan(regex, twin, False)


def parse_tree(pattern: str, flags: int = 0) -> Any:
    """sre_parse.parse(pattern, flags), parsed once for every reader of a rule pattern (the
    prefilter and the rewrite read the same trees; neither changes them). A str pattern is
    parsed as Unicode with or without the flag, so one parse serves both."""
    return _parse(pattern, int(flags) & ~_UNICODE if isinstance(pattern, str) else int(flags))


@functools.lru_cache(maxsize=4096)
def _parse(pattern: str, flags: int) -> Any:
    return sre_parse.parse(pattern, flags)


class Unsupported(Exception):
    """A construct the rewrite does not handle: the caller keeps the original pattern."""


class TooDense(Unsupported):
    """Too many characters can start a match for a twin to pay, with or without groups."""


def _twin_tree(items: list[Any] | None, parsed: Any, flags: int, twin_flags: int) -> list[Any] | None:
    """The tree of the twin led by its first characters: of `items` (the pattern's own, with
    its groups), or with items None of the pattern without its groups; None where the rewrite
    does not apply or does not pay (MAX_GROWTH), _DENSE where it never pays (MAX_DENSITY)."""
    try:
        tree = _lead(items if items is not None else _flat(parsed.data, 0), flags, twin_flags)
        if _size(tree) > MAX_GROWTH * _size(list(parsed.data)) + 500:
            return None
        return _folded(tree, twin_flags)
    except TooDense:
        return _DENSE
    except (Unsupported, RecursionError):
        return None


_DENSE: list[Any] = []
"""_twin_tree's answer for a pattern that nearly every letter can start."""


def _size(items: list[Any]) -> int:
    """The number of elements and set members in a tree: what compiling it costs."""
    total = 0
    for op, av in items:
        total += 1
        if op is sre.IN:
            total += len(av)
        elif op is sre.BRANCH:
            total += sum(_size(a.data) for a in av[1])
        elif op is sre.SUBPATTERN:
            total += _size(av[3].data)
        elif op in _REPEATS or op is sre.POSSESSIVE_REPEAT:
            total += _size(av[2].data)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            total += _size(av[1].data)
        elif op is sre.ATOMIC_GROUP:
            total += _size(av.data)
    return total


def _state(original: Any, flags: int) -> Any:
    """Parser state for a tree: the original's groups (or none) and the tree's flags."""
    state = sre_parse.State()
    state.flags = flags
    if original is not None:
        state.groupdict = dict(original.groupdict)
        state.groupwidths = list(original.groupwidths)
    return state


def _pattern(source: str, flags: int, tree: list[Any], state: Any) -> re.Pattern[str] | None:
    """A compiled pattern with the text `source` and the flags `flags` (those re.compile gives
    it) whose code is compiled from `tree`, an equivalent of what parsing `source` gives:
    re._compiler.compile for a parsed tree, with the text kept. None where the tree does not
    compile or this Python's internals differ."""
    try:
        return compile_tree(source, flags, sre_parse.SubPattern(state, tree))
    except (re.error, TypeError, AttributeError, RecursionError, OverflowError):
        return None


# --- the rewrite ------------------------------------------------------------------------------

def _lead(items: list[Any], flags: int, twin_flags: int) -> list[Any]:
    """The twin's tree (Unsupported also where too many characters can start a match).

    A sequence opening with a capturing group (a rule's first slot) is rewritten inside the
    group, which then still starts where the match starts. Otherwise the head, the part of the
    sequence up to its first element that must consume a character, is written out once per
    first character (its derivative, which must hold no group), and the rest follows once."""
    wrap = flags & ~twin_flags & _IGNORECASE
    start = 0
    while start < len(items) and _zero_width(items[start]):
        start += 1
    if start < len(items) and items[start][0] is sre.SUBPATTERN and not _nullable(items[start]):
        group, add, delete, sub = items[start][1]
        if group is not None and not add and not delete:
            inner = _lead([*items[:start], *sub.data], flags, twin_flags)
            return [(sre.SUBPATTERN, (group, 0, 0, _subpattern(inner))), *_wrapped(items[start + 1:], wrap)]
    end = _first_required(items)
    if end == len(items):
        raise Unsupported("the pattern can match the empty string")
    head, tail = items[:end + 1], items[end + 1:]
    if _has_groups(head):
        raise Unsupported("a group in the part to rewrite")
    firsts = _firsts(head, flags)
    if not firsts or len(firsts) > MAX_FIRST or _density(firsts) > MAX_DENSITY:
        raise TooDense("too many first characters")
    alternatives = []
    for char in sorted(firsts, key=lambda c: (-_FREQUENCY.get(chr(c), 0.0), c)):
        rest = _derive(head, char, flags)
        if rest is not None:
            alternatives.append([(sre.LITERAL, char), *_wrapped(rest, wrap)])
    if not alternatives:
        raise Unsupported("no first character")
    return [*_branch(alternatives), *_wrapped(tail, wrap)]


def _density(firsts: set[int]) -> float:
    """About how many of the characters of English prose are one of `firsts`: where the twin
    tries one of its alternatives. Past MAX_DENSITY the original's look-behind, which fails at
    once inside words, is as quick."""
    return sum(_FREQUENCY.get(chr(c), 0.003) for c in firsts)


def _has_groups(items: list[Any]) -> bool:
    for op, av in items:
        if op is sre.SUBPATTERN and (av[0] is not None or _has_groups(list(av[3].data))):
            return True
        if op is sre.BRANCH and any(_has_groups(list(a.data)) for a in av[1]):
            return True
        if (op in _REPEATS or op is sre.POSSESSIVE_REPEAT) and _has_groups(list(av[2].data)):
            return True
        if op in (sre.ASSERT, sre.ASSERT_NOT) and _has_groups(list(av[1].data)):
            return True
        if op is sre.ATOMIC_GROUP and _has_groups(list(av.data)):
            return True
    return False


def _firsts(items: list[Any], flags: int) -> set[int]:
    """The characters a match of `items` can start with."""
    out: set[int] = set()
    for op, av in items:
        if _zero_width((op, av)):
            continue
        if op in (sre.LITERAL, sre.IN):
            return out | _characters(op, av, flags)
        if op is sre.SUBPATTERN:
            inner = _firsts(list(av[3].data), _flags(flags, av[1], av[2]))
        elif op is sre.ATOMIC_GROUP:
            inner = _firsts(list(av.data), flags)
        elif op is sre.BRANCH:
            inner = set()
            for alternative in av[1]:
                inner |= _firsts(list(alternative.data), flags)
        elif op in _REPEATS:
            inner = _firsts(list(av[2].data), flags)
        else:
            raise Unsupported(str(op))
        out |= inner
        if not _nullable((op, av)):
            return out
    raise Unsupported("a nullable sequence")


def _derive(items: list[Any], char: int, flags: int) -> list[Any] | None:
    """What `items` must match after its first character when that character is `char`, or None
    when no match starts with it. Same matches in the same order of preference."""
    if not items:
        return None
    (op, av), rest = items[0], items[1:]
    if _zero_width(items[0]):
        after = _derive(rest, char, flags)
        return None if after is None else [_shifted(op, av), *after]
    if _nullable(items[0]):
        return _derive_optional(op, av, rest, char, flags)
    if op in (sre.LITERAL, sre.IN):
        return rest if char in _characters(op, av, flags) else None
    if op is sre.SUBPATTERN:
        _group, add, delete, sub = av
        inner = _derive(list(sub.data), char, _flags(flags, add, delete))
        return None if inner is None else [(sre.SUBPATTERN, (None, add, delete, _subpattern(inner))), *rest]
    if op is sre.ATOMIC_GROUP:
        inner = _derive(list(av.data), char, flags)
        return None if inner is None else [(sre.ATOMIC_GROUP, _subpattern(inner)), *rest]
    if op is sre.BRANCH:
        derived = [d for alternative in av[1] if (d := _derive(list(alternative.data), char, flags)) is not None]
        if not derived:
            return None
        return [*_branch(derived), *rest]
    if op in _REPEATS:
        low, high, sub = av
        inner = _derive(list(sub.data), char, flags)
        if inner is None:
            return None
        more = [] if high == 1 else [(op, (low - 1, high if high == sre.MAXREPEAT else high - 1, sub))]
        return [*inner, *more, *rest]
    raise Unsupported(str(op))


def _derive_optional(op: Any, av: Any, rest: list[Any], char: int, flags: int) -> list[Any] | None:
    """`A{0,n} B C` (B the first element that must consume) is `(?:A A{0,n-1} B|B) C`, the other
    way round when lazy: derive both ways up to B; C follows once."""
    if op not in _REPEATS or av[0] != 0:
        raise Unsupported("an optional element other than a repeat")
    _low, high, sub = av
    if _nullable_sequence(list(sub.data)):
        raise Unsupported("a repeat of a nullable pattern")
    end = _first_required(rest)
    if end == len(rest):
        raise Unsupported("an optional ending")
    upto, after = rest[:end + 1], rest[end + 1:]
    more = [] if high == 1 else [(op, (0, high if high == sre.MAXREPEAT else high - 1, sub))]
    taken = _derive([*sub.data, *more, *upto], char, flags)
    skipped = _derive(upto, char, flags)
    ways = [w for w in ([taken, skipped] if op is sre.MAX_REPEAT else [skipped, taken]) if w is not None]
    return [*_branch(ways), *after] if ways else None


def _shifted(op: Any, av: Any) -> tuple[Any, Any]:
    """A zero-width test made before the first character, rewritten to be made just after it:
    a look-behind takes that character in ((?<!X) -> (?<!X[\\s\\S])), anything else is checked
    inside a one-character look-behind ((?=X) -> (?<=(?=X)[\\s\\S]))."""
    if op in (sre.ASSERT, sre.ASSERT_NOT) and av[0] == -1:
        return op, (-1, _subpattern([*av[1].data, _ANY_CHARACTER]))
    return sre.ASSERT, (-1, _subpattern([(op, av), _ANY_CHARACTER]))


def _characters(op: Any, av: Any, flags: int) -> set[int]:
    """The characters one literal or set matches under `flags`."""
    if op is sre.LITERAL:
        return set(_case_closure(av, flags))
    out: set[int] = set()
    for member, value in av:
        if member is sre.LITERAL:
            out |= _case_closure(value, flags)
        elif member is sre.RANGE and value[1] - value[0] <= 512:
            for code in range(value[0], value[1] + 1):
                out |= _case_closure(code, flags)
        else:
            raise Unsupported("a category, negation or large range as a first character")
    return out


def _case_closure(code: int, flags: int) -> frozenset[int]:
    """The characters a literal `code` matches: itself, or under IGNORECASE every character whose
    lower case is its lower case or one the engine folds together with it (_EXTRA_CASES)."""
    if not flags & _IGNORECASE:
        return frozenset((code,))
    key = (code, flags & _ASCII)
    found = _CLOSURES.get(key)
    if found is None:
        found = _CLOSURES[key] = frozenset(_closure_of(code, flags))
    return found


_CLOSURES: dict[tuple[int, int], frozenset[int]] = {}


def _closure_of(code: int, flags: int) -> set[int]:
    if flags & _ASCII:
        char = chr(code)
        return {code, ord(char.swapcase())} if char.isascii() and char.isalpha() else {code}
    if not _sre.unicode_iscased(code):
        return {code}
    lower = _sre.unicode_tolower(code)
    out: set[int] = set()
    for target in (lower, *_EXTRA_CASES.get(lower, ())):
        out |= lowered_to(target)
    return out


def lowered_to(target: int) -> set[int]:
    """The characters whose one-character lower case is `target`."""
    out = {target} if _sre.unicode_tolower(target) == target else set()
    for cased in (chr(target).upper(), chr(target).title()):
        if len(cased) == 1 and _sre.unicode_tolower(ord(cased)) == target:
            out.add(ord(cased))
    out.update(_LOWER_FROM.get(target, ()))
    return out


def _folded(items: list[Any], flags: int) -> list[Any]:
    """`items` (under `flags`) with the first letter of each alternative under IGNORECASE
    spelled as the set of its cases, outside IGNORECASE ("(?-i:[vV])"): the engine skips an
    alternative whose first element is a literal or a set that does not fit the character,
    but not one whose first element is a case-insensitive literal."""
    out: list[Any] = []
    for op, av in items:
        if op is sre.BRANCH:
            alternatives = [_folded(list(a.data), flags) for a in av[1]]
            if flags & _IGNORECASE:
                alternatives = [[_cases(a[0], flags), *a[1:]] if a else a for a in alternatives]
            out.extend(_branch(alternatives))
        elif op is sre.SUBPATTERN:
            group, add, delete, sub = av
            out.append((op, (group, add, delete, _subpattern(_folded(list(sub.data), _flags(flags, add, delete))))))
        elif op in _REPEATS or op is sre.POSSESSIVE_REPEAT:
            out.append((op, (av[0], av[1], _subpattern(_folded(list(av[2].data), flags)))))
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            out.append((op, (av[0], _subpattern(_folded(list(av[1].data), flags)))))
        elif op is sre.ATOMIC_GROUP:
            out.append((op, _subpattern(_folded(list(av.data), flags))))
        else:
            out.append((op, av))
    return out


def _cases(item: tuple[Any, Any], flags: int) -> tuple[Any, Any]:
    """A literal or a set of literals and ranges under IGNORECASE as the set of the characters
    it matches, outside IGNORECASE; anything else as it is."""
    op, av = item
    if op is sre.LITERAL:
        chars = _case_closure(av, flags)
    elif op is sre.IN and all(member in (sre.LITERAL, sre.RANGE) for member, _ in av):
        try:
            chars = frozenset(_characters(op, av, flags))
        except Unsupported:
            return item
    else:
        return item
    if len(chars) == 1 and op is sre.LITERAL:
        return item
    members = [(sre.LITERAL, c) for c in sorted(chars)]
    return sre.SUBPATTERN, (None, 0, _IGNORECASE, _subpattern([(sre.IN, members)]))


# --- the tree -----------------------------------------------------------------------------------

def _flat(data: Any, depth: int) -> list[Any]:
    """A copy of a parsed sequence without groups: capturing groups become plain sequences (the
    twin has no groups), and a group with flags becomes one such group per element, so that what
    follows a first character is never inside a group and is written once."""
    if depth > 64:
        raise Unsupported("too deep")
    out: list[Any] = []
    for op, av in data:
        if op is sre.SUBPATTERN:
            _group, add, delete, sub = av
            inner = _flat(sub.data, depth + 1)
            if add or delete:
                inner = [_with_flags(item, add, delete) for item in inner]
            out.extend(inner)
        elif op is sre.BRANCH:
            out.extend(_branch([_flat(a.data, depth + 1) for a in av[1]]))
        elif op in _REPEATS or op is sre.POSSESSIVE_REPEAT:
            out.append((op, (av[0], av[1], _subpattern(_flat(av[2].data, depth + 1)))))
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            out.append((op, (av[0], _subpattern(_flat(av[1].data, depth + 1)))))
        elif op is sre.ATOMIC_GROUP:
            out.append((op, _subpattern(_flat(av.data, depth + 1))))
        elif op in (sre.GROUPREF, sre.GROUPREF_EXISTS, sre.GROUPREF_IGNORE):
            raise Unsupported("a back-reference")
        else:
            out.append((op, av))
    return out


def _with_flags(item: tuple[Any, Any], add: int, delete: int) -> tuple[Any, Any]:
    """One element of a group with flags, the flags kept: inside a repeat or a look-around (so
    that an optional element stays a repeat and a test stays zero-width), else around it."""
    op, av = item
    if op in _REPEATS or op is sre.POSSESSIVE_REPEAT:
        return op, (av[0], av[1], _subpattern([_with_flags(i, add, delete) for i in av[2].data]))
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return op, (av[0], _subpattern([_with_flags(i, add, delete) for i in av[1].data]))
    return sre.SUBPATTERN, (None, add, delete, _subpattern([item]))


def _branch(alternatives: list[list[Any]]) -> list[Any]:
    """Alternatives, tried in order, as sre_parse would hold them: a common first element taken
    out, single characters as one set, a single alternative as itself."""
    if len(alternatives) == 1:
        return list(alternatives[0])
    alternatives = [list(a) for a in alternatives]
    prefix: list[Any] = []
    while all(alternatives) and all(a[0] == alternatives[0][0] for a in alternatives):
        prefix.append(alternatives[0][0])
        for a in alternatives:
            del a[0]
    if all(len(a) == 1 and (a[0][0] is sre.LITERAL or (a[0][0] is sre.IN and a[0][1][0][0] is not sre.NEGATE))
           for a in alternatives):
        members: list[Any] = []
        for a in alternatives:
            members.extend([a[0]] if a[0][0] is sre.LITERAL else a[0][1])
        return [*prefix, (sre.IN, list(dict.fromkeys(members)))]
    return [*prefix, (sre.BRANCH, (None, [_subpattern(a) for a in alternatives]))]


def _subpattern(items: list[Any]) -> Any:
    return sre_parse.SubPattern(_SHARED_STATE, list(items))


_SHARED_STATE = sre_parse.State()
"""The state of the subpatterns the rewrite makes: compiling reads only the top one's."""


def _wrapped(items: list[Any], flags: int) -> list[Any]:
    """`items` inside a group that turns `flags` on (they were on in the original)."""
    if not flags or not items:
        return items
    return [(sre.SUBPATTERN, (None, flags, 0, _subpattern(items)))]


def _flags(flags: int, add: int, delete: int) -> int:
    return (flags | add) & ~delete


def _width(item: tuple[Any, Any]) -> tuple[int, int]:
    op = item[0]
    if op is sre.LITERAL or op is sre.IN or op is sre.NOT_LITERAL or op is sre.ANY:
        return 1, 1
    if op is sre.AT or op is sre.ASSERT or op is sre.ASSERT_NOT:
        return 0, 0
    return sre_parse.SubPattern(_SHARED_STATE, [item]).getwidth()


def _first_required(items: list) -> int:
    """The index of the first element that cannot match the empty string (len(items) if none):
    the elements up to it together decide which characters can start a match."""
    end = 0
    while end < len(items) and _nullable(items[end]):
        end += 1
    return end


def _nullable(item: tuple[Any, Any]) -> bool:
    return _width(item)[0] == 0


def _zero_width(item: tuple[Any, Any]) -> bool:
    return _width(item) == (0, 0)


def _nullable_sequence(items: list[Any]) -> bool:
    return _subpattern(items).getwidth()[0] == 0
