"""Splitting a document into sentences with exact character offsets.

Evidence points into the original text, so sentences are spans, never rewritten strings. The
splitter is rule-based because the texts are edited prose: a full stop ends a sentence unless it
closes an abbreviation ("Sept.", "Mr."), an initial ("D. Tsogtbaatar"), a dotted acronym ("U.S.")
or a list number ("1."). Every line break ends a sentence too (titles, datelines, interview turns),
and the dash that opens an interview turn ("– Thanks to ...") is not part of the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .model import Sentence

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st gen col lt maj capt sgt gov sen rep jr sr rev hon messrs mme mlle
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    no nos vol art fig pp p ch sec para approx appr est ca cf vs viz al inc ltd co corp bros dept
    univ assn govt admin ave blvd rd mt ft km sq min max resp tel ext incl excl e.g i.e etc
    h.e h.m h.r.h""".split()
)
"""Words that end with a full stop without ending the sentence (matched case-insensitively).
"etc" is here because in diplomatic prose it mostly ends a list inside a sentence."""

SENTENCE_STARTERS = frozenset(
    "the this that these those it he she we they i in on at a an as but however meanwhile".split()
)
"""After a dotted acronym ("U.S."), a sentence break is taken only before one of these words."""

MAX_SENTENCE_CHARS = 2000
"""Longer runs without a break (tables, scraped boilerplate) are cut at whitespace so that rule
matching stays linear in the size of the document."""

_CANDIDATE = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019\u00bb)\]]*(?=\s)")
_LEAD = re.compile(r"(?:[\u2013\u2014\-\u2012\u2015\u2022*\u00b7]+\s*|\(?\d{1,3}[.)]\s+|[a-z][.)]\s+)+")
_OPENERS = "\"'\u201c\u2018\u00ab([\u2013\u2014-"
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_PREVIOUS_WORD = re.compile(r"(\S+)$")
_MONTHS = frozenset("""january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split())


def _is_boundary(text: str, dot: int, end: int) -> bool:
    """Decide whether the punctuation run text[dot:end] ends a sentence."""
    after = end
    n = len(text)
    while after < n and text[after].isspace():
        after += 1
    if after >= n:
        return True
    nxt = after
    while nxt < n and text[nxt] in _OPENERS:
        nxt += 1
    if nxt >= n:
        return False
    ch = text[nxt]
    if not (ch.isupper() or ch.isdigit() or text[after] in _OPENERS):
        return False
    if text[dot] != ".":
        return True
    m = _WORD_BEFORE.search(text, max(0, dot - 40), dot)
    if not m:
        return True
    word = m.group(1)
    lower = word.lower().rstrip(".")
    if lower in ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isupper():
        return False  # an initial: "D. Tsogtbaatar"
    if re.fullmatch(r"(?:[A-Za-z]{1,2}\.)+[A-Za-z]{1,2}", word):  # U.S. / U.K. / Kh.Battulga's initial
        nxt_word = re.match(r"\w+", text[nxt:])
        return nxt_word is not None and nxt_word.group(0).lower() in SENTENCE_STARTERS
    # a paragraph number ("1. At the invitation ...", "... Mongolia. 2. The talks") ends nothing;
    # a day after its month ("met on May 5. They", "on Jan. 5. They") ends the sentence
    if not (word.isdigit() and len(word) <= 3):
        return True
    start = dot - len(word)
    if start == 0 or text[start - 1] == "\n":
        return False
    if not text[start - 1].isspace():
        return True
    before = _PREVIOUS_WORD.search(text, max(0, start - 40), start - 1)
    if before is None:
        return False
    previous = before.group(1)
    if previous.lower().rstrip(".") in _MONTHS:
        return True
    return not previous.endswith((".", "!", "?", ":", ";")) and not previous.endswith(")")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past surrounding whitespace and a leading dash or list marker."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    m = _LEAD.match(text, start, end)
    if m and m.end() < end:
        start = m.end()
    return start, end


def _chunks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut an over-long span into pieces of at most MAX_SENTENCE_CHARS, at whitespace."""
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start, start + MAX_SENTENCE_CHARS)
        if cut <= start:
            cut = start + MAX_SENTENCE_CHARS
        yield start, cut
        start = cut
    yield start, end


def split_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence in text, in order."""
    pos = 0
    n = len(text)
    while pos < n:
        line_end = text.find("\n", pos)
        if line_end < 0:
            line_end = n
        sent_start = pos
        for m in _CANDIDATE.finditer(text, pos, line_end):
            if _is_boundary(text, m.start(), m.end()):
                yield from _chunks(text, sent_start, m.end())
                sent_start = m.end()
        if sent_start < line_end:
            yield from _chunks(text, sent_start, line_end)
        pos = line_end + 1


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of a document, trimmed, with exact offsets; empty pieces are dropped."""
    out: list[Sentence] = []
    for raw_start, raw_end in split_spans(text):
        start, end = _trim(text, raw_start, raw_end)
        if end > start and any(c.isalnum() for c in text[start:end]):
            out.append(Sentence(len(out), start, end, text[start:end]))
    return out
