"""Finding time expressions and resolving them to YYYY, YYYY-MM or YYYY-MM-DD.

Relative expressions ("last year", "over the past year", "on Tuesday", "in the next five years",
"in 1H17") are resolved against the document's publication date; when the document has no date
they are dropped rather than guessed, because a wrong date is worse for a timeline than none.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from .lead import Scan
from .quantities import parse_number

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_DASH = r"\s*(?:-|–|—|to|and|till|until|through)\s*"
_SMALL = (r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
          r"thirty)")

_MONTH_WORD = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
               r"Sept?\.|Oct\.|Nov\.|Dec\.|Jan\.|Feb\.|Aug\.)")
_REL_YEAR = (r"(?:this|last|next|the\s+past|the\s+last|the\s+previous|the\s+current|the\s+coming|past|previous|"
             r"current|coming)")
_NOT_AMOUNT = r"(?!\s*(?:percent|%|billion|million))"
_DIGITS = re.compile(r"\d+")
_RETROSPECTIVE = re.compile(
    r"\b(?:first|highest|lowest|largest|biggest|best|worst|longest|strongest|record)\b[^.;:!?]*$", re.IGNORECASE)
"""Words that make a following "in six years" look back, not ahead: "the first consultations in
six years" are the first for six years, not a date six years after the document."""
_FUTURE_VERB = (r"\b(?:will|shall|(?:is|are) (?:due|scheduled|expected|set|going|to)|plans? to|intends? to|"
                r"to be (?:held|convened|hosted|organi[sz]ed)|to (?:convene|host|organi[sz]e)|"
                r"(?:planned|scheduled|slated) (?:for|in)|"
                r"(?:is|are) (?:now |currently |actively |already )?preparing|upcoming|forthcoming|"
                r"looks? forward to|looking forward to)\b")
_FUTURE = re.compile(_FUTURE_VERB + r"[^.;!?]*$", re.IGNORECASE)
"""A future verb earlier in the sentence: "Duda will address a forum on Wednesday" is the coming
Wednesday, not the one before the document."""
_FUTURE_AFTER_OPENING = re.compile(r",?(?:\s+(?!(?:and|but|while|which|that|as)\b)[^\s.,;!?]+){0,6}?\s+"
                                   + _FUTURE_VERB, re.IGNORECASE)
"""A future verb just after a time that opens the sentence: "In September, Tashkent will host
the forum" is the coming September."""
_SCHEDULED_BEFORE = re.compile(r"\b(?:planned|scheduled|slated|due)\s+$", re.IGNORECASE)
"""Right before a time that takes its own preposition ("scheduled for the autumn"): it lies ahead."""
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*)(?:\W*\w+\W+)?$")
"""Before a time that opens its sentence, with at most one word ("In", "On") in front."""


_AHEAD_KINDS = frozenset({"weekday", "month", "dmy", "mdy", "season"})
"""Expressions a future verb before them moves forward: a bare weekday is the coming one, and a
month later in the year is this year's, not last year's ("will be held in September")."""


def _is_deadline(text: str, start: int) -> bool:
    """Whether "by" leads the time ("by December", "by 20 December"): a deadline lies ahead."""
    return text[start:start + 3].lower() == "by " or text[max(0, start - 3):start].lower() == "by "


def _led(alternatives: list[tuple[str, str]], before: str = r"\w") -> str:
    """`(?<!before)(?:alternatives)` written so that the regex engine can skip ahead to a match.

    Each alternative is (first character, rest). A pattern that opens with \b or another
    look-behind gives the engine no first character to look for, so it tries the whole pattern
    at every position of the document. Here each alternative opens with its first character and
    checks the look-behind just after it ("J(?<!\\wJ)(?:anuary|une|…)"): the same test, since
    that character is known, and the pattern now opens with a set of literal characters.
    Alternatives are grouped by first character keeping their order, and alternatives with
    different first characters never match at one position, so the matches are the same."""
    groups: dict[str, list[str]] = {}
    for first, rest in alternatives:
        groups.setdefault(first, []).append(rest)
    out = []
    for first, rests in groups.items():
        lit = re.escape(first)
        tail = rests[0] if len(rests) == 1 else "(?:" + "|".join(rests) + ")"
        out.append(f"{lit}(?<!{before}{lit}){tail}")
    return "(?:" + "|".join(out) + ")"


_MONTH_LED = _led([(a[0], a[1:]) for a in (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", r"Jan\.?", r"Feb\.?", r"Mar\.?", r"Apr\.?", r"Jun\.?", r"Jul\.?", r"Aug\.?", r"Sept?\.?", r"Oct\.?",
    r"Nov\.?", r"Dec\.?")])
r"""\b{_MONTH}, led by its first letters."""
_DAY_LED = _led([("1", r"\d"), ("2", r"\d"), ("3", "[01]"), ("0", "[1-9]"),
                 *((str(d), "") for d in range(1, 10))]) + "(?:st|nd|rd|th)?"
r"""\b{_DAY}, led by its first digits ([12]\d|3[01]|0?[1-9] spelled out in the same order)."""
_YEAR_ALTERNATIVES = [("1", r"[89]\d\d"), ("2", r"0\d\d")]
_YEAR_LED = _led(_YEAR_ALTERNATIVES)
r"""\b{_YEAR}, led by its first digits."""
_YEAR_ALONE = _led(_YEAR_ALTERNATIVES, r"[\w$€£.,-]")
r"""(?<![\w$€£.,-]){_YEAR}, led by its first digits."""
_ISO_CENTURY = _led([("1", "9"), ("2", "0")])
r"""\b(?:19|20), led by its first digits."""
_WS = re.compile(r"\s+")
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
"""The first month of each season (northern hemisphere, as the news of most of amity's states)."""

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("dmy", re.compile(rf"(?P<d>{_DAY_LED})(?:{_DASH}(?P<d2>{_DAY}))?\s+(?:of\s+)?(?P<m>{_MONTH})"
                       rf"(?:,?\s+(?P<y>{_YEAR}))?\b")),
    ("mdy", re.compile(rf"(?P<m>{_MONTH_LED})\s+(?P<d>{_DAY})(?:{_DASH}(?P<d2>{_DAY})(?!\s*{_MONTH}))?"
                       rf"(?:,?\s+(?P<y>{_YEAR}))?\b{_NOT_AMOUNT}")),
    ("month_range", re.compile(rf"(?P<m>{_MONTH_LED})\s*(?:-|–|—|to)\s*(?P<m2>{_MONTH})"
                               rf"(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?\b")),
    ("my", re.compile(rf"(?P<m>{_MONTH_LED})\s+(?:of\s+)?(?P<y>{_YEAR})\b")),
    ("month_rel_year", re.compile(rf"(?P<m>{_MONTH_LED})\s+(?:of\s+)?(?P<which>(?i:last|next|this|the\s+previous|"
                                  rf"the\s+following|the\s+coming))\s+(?i:year)\b")),
    ("month", re.compile(r"\b(?:(?i:in|since|until|till|from|by|during|early|late|mid|last|this|next|of|on)\s+"
                         r"|(?i:mid)-)"
                         rf"(?P<m>{_MONTH_WORD})(?![\w-])")),
    ("rel_month", re.compile(r"\b(?P<which>last|this|next|the previous|the past|past)\s+month\b", re.I)),
    ("iso", re.compile(rf"(?P<y>{_ISO_CENTURY}\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b")),
    ("dotted", re.compile(r"(?<![\d.])(?P<d>0?[1-9]|[12]\d|3[01])\.(?P<m>0?[1-9]|1[0-2])\."
                          r"(?P<y>(?:19|20)\d\d)(?![\d.]\d)")),
    ("half", re.compile(r"\b(?P<h>[12])H(?P<y>\d{2}|\d{4})\b|\bH(?P<h2>[12])\s+(?P<y2>" + _YEAR + r")\b")),
    ("quarter", re.compile(rf"\b(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+of\s+"
                           rf"(?:(?P<y>{_YEAR})|(?P<rel>this|last|next|the\s+current|the\s+previous|the\s+coming)"
                           rf"\s+year)\b", re.I)),
    ("half_year", re.compile(rf"\b(?:the\s+)?(?:first|second|1st|2nd)\s+half\s+of\s+"
                             rf"(?:(?P<y>{_YEAR})|(?P<rel>this|last|next|the\s+current|the\s+previous|the\s+coming|the)"
                             rf"\s+year)\b", re.I)),
    ("first_months", re.compile(rf"\b(?:the\s+)?first\s+(?P<n>{_SMALL})\s+months(?:\s+of\s+"
                                rf"(?:(?P<y>{_YEAR})|(?P<rel>this|last|the\s+current)\s+year)\b"
                                rf"|(?!\s+(?:of|after|since|following)\b))", re.I)),
    ("year_to_date", re.compile(r"\bsince\s+the\s+(?:beginning|start)\s+of\s+(?:the|this)\s+year\b"
                                r"|\byear[\s-]to[\s-]date\b", re.I)),
    ("year_range", re.compile(rf"(?P<y>{_YEAR_LED})\s*(?:-|–|—|/)\s*(?P<y2>{_YEAR}|\d\d)\b(?!\s*(?:percent|%))")),
    ("next_years", re.compile(rf"\b(?P<prep>in|within|over|during)\s+(?:the\s+)?(?P<ahead>next|coming|following)?\s*"
                              rf"(?P<n>{_SMALL})\s+years\b", re.I)),
    ("rel_year", re.compile(rf"\b(?:(?P<over>over|in|during|for)\s+)?(?P<which>{_REL_YEAR})\s+year\b", re.I)),
    ("season", re.compile(rf"\b(?:(?P<which>next|this|last|coming|the\s+coming|in\s+the|"
                          rf"(?:(?<=for\s)|(?<=during\s))the)\s+"
                          rf"(?P<s>spring|summer|autumn|fall|winter)\b(?!\s+(?:of\s+)?{_YEAR})"
                          rf"|(?P<s2>spring|summer|autumn|winter)\s+(?:of\s+)?(?P<y>{_YEAR})\b)", re.I)),
    ("end_year", re.compile(r"\b(?:by|before)\s+the\s+end\s+of\s+(?:the|this)\s+(?P<span>year|decade)\b", re.I)),
    ("rel_day", re.compile(r"\b(?P<w>today|yesterday|tomorrow|tonight|this (?:morning|afternoon|evening))\b", re.I)),
    ("weekday", re.compile(r"\b(?:on\s+|last\s+|this\s+|next\s+)?"
                           r"(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
    ("late_year", re.compile(r"\b(?:late|early|mid|mid-|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of)"
                             rf"\s*-?\s*(?P<y>{_YEAR})\b", re.I)),
    ("year", re.compile(rf"(?P<y>{_YEAR_ALONE})"
                        r"(?![\w%]|\s*(?:percent|per\s+cent|billion|million|thousand|tons|tonnes|km)|[.,]\d)")),
]


@dataclass(frozen=True, slots=True)
class Timex:
    """A time expression: `value` is its resolved date; `relative` when it needed the doc date."""

    start: int
    end: int
    value: str
    granularity: str  # year | month | day
    relative: bool = False


def _ymd(value: str | None) -> tuple[int | None, int | None, int | None]:
    if not value:
        return None, None, None
    parts = [int(p) for p in value.split("-")]
    return (parts + [None, None])[0], (parts + [None, None])[1], (parts + [None, None, None])[2]


def _fmt(y: int, m: int | None = None, d: int | None = None) -> str:
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _day(text: str) -> int:
    return int(_DIGITS.match(text).group(0))  # type: ignore[union-attr]


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True


_YEAR_BEFORE_WORDS = frozenset({"last", "the past", "the last", "the previous", "past", "previous"})
_YEAR_AFTER_WORDS = frozenset({"next", "the coming", "coming", "the following"})


def _relative_year(year: int, which: str) -> int:
    """The year a relative word points to from the document's: "last" and "the previous" the one
    before, "next" and "the coming" the one after, "this" and "the current" itself."""
    which = _WS.sub(" ", which.lower())
    return year - 1 if which in _YEAR_BEFORE_WORDS else year + 1 if which in _YEAR_AFTER_WORDS else year


def _resolve(kind: str, g: dict[str, Any], whole: str, published: str | None,
             ahead: bool = False) -> tuple[str, str, bool] | None:
    """(value, granularity, relative) for one match, or None when it cannot be resolved; `ahead`
    says the sentence speaks of the future, so a bare weekday is the next one and a month later
    in the year is not last year's."""
    py, pm, pd = _ymd(published)
    if kind in ("dmy", "mdy"):
        month, day = _month(g["m"]), _day(g["d"])
        if g.get("y"):
            year, relative = int(g["y"]), False
        elif py is not None:
            # an unyeared date in news is the publication year, or last year if it lies well after
            # it, unless the sentence speaks of the future ("will be held on 20 September")
            year, relative = py, True
            if pm is not None and month > pm + 1 and not ahead:
                year -= 1
            elif pm is not None and month < pm - 1 and ahead:  # "will meet on 20 March" in an August text
                year += 1
        else:
            return None
        if not _valid(year, month, day):
            return None
        return _fmt(year, month, day), "day", relative
    if kind in ("iso", "dotted"):  # 2023-05-17, and 17.05.2023 as agencies of the CIS write the day
        y, mo, d = int(g["y"]), int(g["m"]), int(g["d"])
        return (_fmt(y, mo, d), "day", False) if _valid(y, mo, d) else None
    if kind == "month":
        # "in April" in a text of May 2024 is April 2024; "in November" in May 2024 is November 2023
        if py is None or pm is None:
            return None
        month = _month(g["m"])
        if whole.lower().startswith("last"):  # "last September": the latest one before the document's month
            return _fmt(py if month < pm else py - 1, month), "month", True
        if whole.lower().startswith("next"):
            return _fmt(py if month > pm else py + 1, month), "month", True
        if ahead:  # "will be held in March" in an August text is next March
            return _fmt(py + 1 if month < pm - 1 else py, month), "month", True
        return _fmt(py if month <= pm + 1 else py - 1, month), "month", True
    if kind == "month_rel_year":  # "in August last year"
        if py is None:
            return None
        return _fmt(_relative_year(py, g["which"]), _month(g["m"])), "month", True
    if kind == "rel_month":
        if py is None or pm is None:
            return None
        which = g["which"].lower()
        delta = -1 if which in ("last", "the previous", "the past", "past") else (1 if which == "next" else 0)
        y, m = divmod((py * 12 + pm - 1) + delta, 12)
        return _fmt(y, m + 1), "month", True
    if kind == "my":
        return _fmt(int(g["y"]), _month(g["m"])), "month", False
    if kind == "month_range":  # "January–September 2023"; without a year, the latest such period
        if g.get("y"):
            return _fmt(int(g["y"])), "year", False
        if py is None or pm is None:
            return None
        return _fmt(py if _month(g["m2"]) <= pm else py - 1), "year", True
    if kind == "half":
        half_year = g["y"] or g["y2"]
        year = int(half_year) if len(half_year) == 4 else 2000 + int(half_year)
        return _fmt(year), "year", False
    if kind in ("quarter", "first_months", "half_year"):
        if g.get("y"):
            return _fmt(int(g["y"])), "year", False
        if py is None:
            return None
        if kind == "first_months" and not g.get("rel"):  # "in the first nine months": of the latest such period
            n = parse_number(g["n"])
            return _fmt(py if pm is None or n is None or n <= pm else py - 1), "year", True
        return _fmt(_relative_year(py, g.get("rel") or "")), "year", True
    if kind == "year_to_date":  # "since the beginning of the year": this year, so far
        return (_fmt(py), "year", True) if py is not None else None
    if kind == "year_range":
        y2 = g["y2"]
        end = int(y2) if len(y2) == 4 else int(g["y"][:2] + y2)
        if not 0 <= end - int(g["y"]) <= 10:
            return None
        return _fmt(end), "year", False
    if kind == "next_years":
        n = parse_number(g["n"])
        if py is None or n is None:
            return None
        return _fmt(py + int(n)), "year", True
    if kind == "rel_year":
        if py is None:
            return None
        return _fmt(_relative_year(py, g["which"])), "year", True
    if kind == "season":  # "next spring", "in the summer of 2024": the year it falls in
        if g.get("y"):
            return _fmt(int(g["y"])), "year", False
        if py is None or pm is None:
            return None
        first = _SEASON_START[g["s"].lower()]
        which = _WS.sub(" ", g["which"].lower())
        if which in ("in the", "the"):  # "the" after "for" or "during", which stay outside the time
            if not ahead:  # "met in the spring": this year's once it has begun
                return _fmt(py if first <= pm else py - 1), "year", True
            which = "next"  # "will meet in the autumn": the coming one
        if which == "last":
            return _fmt(py if first + 2 < pm else py - 1), "year", True
        if which in ("next", "coming", "the coming"):
            return _fmt(py if first > pm else py + 1), "year", True
        return _fmt(py), "year", True
    if kind == "end_year":  # "by the end of the decade" in 2024 is by 2030, as "by 2030" is said
        if py is None:
            return None
        return _fmt(py // 10 * 10 + 10 if g["span"].lower() == "decade" else py), "year", True
    if kind == "rel_day":
        if py is None or pm is None or pd is None:
            return None
        offset = {"yesterday": -1, "tomorrow": 1}.get(g["w"].lower(), 0)  # today, tonight, this morning
        when = dt.date(py, pm, pd) + dt.timedelta(days=offset)
        return when.isoformat(), "day", True
    if kind == "weekday":
        if py is None or pm is None or pd is None:
            return None
        base = dt.date(py, pm, pd)
        target = WEEKDAYS[g["w"].lower()]
        back = (base.weekday() - target) % 7
        prefix = whole.lower()
        if prefix.startswith("next"):
            when = base + dt.timedelta(days=(target - base.weekday()) % 7 or 7)
        elif ahead and not prefix.startswith("last"):  # "On Tuesday ... will" in Tuesday's paper: that day
            when = base + dt.timedelta(days=(target - base.weekday()) % 7)
        else:
            when = base - dt.timedelta(days=back)
        return when.isoformat(), "day", True
    if kind == "late_year":
        return _fmt(int(g["y"])), "year", False
    if kind == "year":
        return _fmt(int(g["y"])), "year", False
    return None


def _needed() -> dict[str, frozenset[str]]:
    """Words without which a pattern cannot match ("quarter", a month name): a document lacking
    them skips the pattern's scan. A word holding another of its set is left out ("jan" is in
    any text that has "january"), so the test asks fewer substrings for the same answer."""
    from .prefilter import required_literals

    out = {}
    for kind, pattern in _PATTERNS:
        strings = required_literals(pattern.pattern, pattern.flags | re.IGNORECASE)
        if strings:
            lowered = {s.lower() for s in strings}
            out[kind] = frozenset(s for s in lowered if not any(other != s and other in s for other in lowered))
    return out


_NEEDED = _needed()

_LOWERED: dict[str, re.Pattern[str]] = {
    kind: re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)
    for kind, pattern in _PATTERNS if pattern.flags & re.IGNORECASE and pattern.pattern.isascii()
}
"""The case-insensitive patterns, to run case-sensitively over the lower-cased text: the engine
then checks each alternative's first letter cheaply, where IGNORECASE costs it that shortcut.
For a pattern of ASCII characters this finds the same matches at the same offsets in any text
without the three characters that IGNORECASE folds to an ASCII letter but str.lower() does
not (dotted capital I, dotless i, long s; checked over all of Unicode)."""
_ASCII_FOLD_EXCEPTIONS = re.compile("[\u0130\u0131\u017f]")
_SCANS = {kind: Scan.of(pattern) for kind, pattern in _PATTERNS}
_LOWERED_SCANS = {kind: Scan.of(pattern) for kind, pattern in _LOWERED.items()}
"""What each pattern is scanned with: its twin (extract.lead), which opens with the characters
a match can start with, where the patterns open with \b, a look-behind or an optional word."""


def _groups(m: re.Match[str], text: str) -> dict[str, str | None]:
    """m.groupdict() read from `text` (the original, where m matched its lower-cased copy)."""
    out: dict[str, str | None] = {}
    for name in m.re.groupindex:
        start, end = m.span(name)
        out[name] = text[start:end] if start >= 0 else None
    return out


def _looks_back(m: re.Match[str], text: str, start: int) -> bool:
    """Whether a bare "in N years" (no "next", not "within") measures back from a superlative."""
    if m.group("ahead") or m.group("prep").lower() != "in":
        return False
    return _RETROSPECTIVE.search(text, max(0, start - 80), start) is not None


def find_timexes(text: str, published: str | None) -> list[Timex]:
    """All resolvable time expressions in text; earlier patterns win where they overlap.

    One scan per pattern: Python's engine skips quickly to a pattern's first possible character,
    which a single alternation of all patterns would defeat."""
    found: list[Timex] = []
    taken: list[tuple[int, int]] = []
    lower = text.lower()
    lowered_ok = _ASCII_FOLD_EXCEPTIONS.search(text) is None
    present: dict[frozenset[str], bool] = {}  # four date patterns need the same month names
    for kind, _pattern in _PATTERNS:
        needed = _NEEDED.get(kind)
        if needed:
            found_needed = present.get(needed)
            if found_needed is None:
                found_needed = present[needed] = any(s in lower for s in needed)
            if not found_needed:
                continue
        lowered = _LOWERED_SCANS.get(kind) if lowered_ok else None
        for m in (lowered.finditer(lower) if lowered is not None else _SCANS[kind].finditer(text)):
            s, e = m.span()
            if taken and any(s < te and e > ts for ts, te in taken):
                continue
            if kind == "next_years" and _looks_back(m, text, s):
                continue
            ahead = kind in _AHEAD_KINDS and (
                _is_deadline(text, s) or _FUTURE.search(text, max(0, s - 80), s) is not None
                or _SCHEDULED_BEFORE.search(text, max(0, s - 12), s) is not None or (
                _SENTENCE_START.search(text, max(0, s - 12), s) is not None
                and _FUTURE_AFTER_OPENING.match(text, e) is not None))
            if lowered is not None:
                resolved = _resolve(kind, _groups(m, text), text[s:e], published, ahead)
            else:
                resolved = _resolve(kind, m.groupdict(), m.group(0), published, ahead)
            if resolved is None:
                continue
            value, granularity, relative = resolved
            found.append(Timex(s, e, value, granularity, relative))
            taken.append((s, e))
    return sorted(found, key=lambda t: t.start)
