"""Running compiled rules over masked sentences and resolving their slots."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .hits import Hit
from .masking import Masked
from .model import Sentence
from .prefilter import ASSERT_NOT, LITERAL, SUBPATTERN, sre_parse
from .rules import OPEN, Rule

_LEAD = "(?<![\\w\\-])(?:"
"""How compile_pattern opens every rule regex: no word character or hyphen before the match."""
_SLOT_LEAD = re.compile("\\(\\?P<\\w+>" + OPEN)
_SCANS: dict[int, tuple[re.Pattern[str], re.Pattern[str]]] = {}


def scan_regex(regex: re.Pattern[str]) -> re.Pattern[str]:
    """The regex to scan with: the same one, or for a rule opening with a placeholder slot
    ("{state}'s {title}") a rewrite that the engine can skip through.

    The leading look-behind of a rule regex leaves the engine no first character to look for,
    so it runs the pattern at every position of the sentence. When the pattern opens with a
    placeholder's private-use mark, the look-behind can follow that mark instead (it tests the
    character before the mark, as before): the pattern then opens with a literal the engine
    searches for directly. Same groups, same matches."""
    entry = _SCANS.get(id(regex))
    if entry is not None and entry[0] is regex:
        return entry[1]
    scan = regex
    if regex.pattern.startswith(_LEAD) and _opens_with_slot(regex):
        body = regex.pattern[len(_LEAD):]
        lead = _SLOT_LEAD.match(body)
        if lead is not None:
            scan = re.compile(f"(?:{body[:lead.end()]}(?<![\\w\\-]{OPEN}){body[lead.end():]}", regex.flags)
    _SCANS[id(regex)] = (regex, scan)
    return scan


def _opens_with_slot(regex: re.Pattern[str]) -> bool:
    """Whether every match of the rule regex starts with a placeholder slot's mark: after the
    look-behind comes a named group opening with the mark. (The parser splices the body's
    non-capturing group into the sequence; a body with alternatives would show a BRANCH here,
    and the look-behind guards every alternative, so such a body is left alone.)"""
    items = list(sre_parse.parse(regex.pattern, regex.flags))
    if len(items) < 2 or items[0][0] != ASSERT_NOT or items[1][0] != SUBPATTERN or items[1][1][0] is None:
        return False
    slot = list(items[1][1][-1])
    return bool(slot) and slot[0] == (LITERAL, ord(OPEN))


def _placeholder_mention(masked: Masked, group_text: str):
    if group_text.startswith(OPEN) and group_text.endswith("\ue001") and group_text.count(OPEN) == 1:
        return masked.mention_at(group_text)
    return None


def match_rules(rules: Iterable[Rule], sentence: Sentence, masked: Masked, doc_text: str) -> Iterator[Hit]:
    """Every match of every rule in one sentence, in rule order then position."""
    for rule in rules:
        if rule.unless is not None and scan_regex(rule.unless).search(masked.text):
            continue
        if rule.when is not None and not scan_regex(rule.when).search(masked.text):
            continue
        if rule.kind == "topic":  # a topic is named once per sentence at most: the first match is enough
            m = scan_regex(rule.regex).search(masked.text)
            if m is not None:
                yield make_hit(rule, sentence, masked, m, doc_text)
            continue
        for m in scan_regex(rule.regex).finditer(masked.text):
            yield make_hit(rule, sentence, masked, m, doc_text)


def topics_in_counts(rules: Iterable[Rule], sentence: Sentence, masked: Masked) -> Iterator[Hit]:
    """Topics named inside a count: "1,200 Tajik students" is one placeholder in the masked
    sentence, which hides the noun that names education from the topic rules. Each count's own
    words are searched by the topic rules selected for the sentence (their context conditions
    still read the masked sentence)."""
    counts = [m for m in masked.mentions if m.code == "C"]
    if not counts:
        return
    for rule in rules:
        if rule.kind != "topic":
            continue
        if rule.unless is not None and scan_regex(rule.unless).search(masked.text):
            continue
        if rule.when is not None and not scan_regex(rule.when).search(masked.text):
            continue
        regex = scan_regex(rule.regex)
        found = next((m for m in counts if regex.search(m.surface)), None)
        if found is not None:
            yield Hit(rule, sentence, masked, found.start, found.end)


def make_hit(rule: Rule, sentence: Sentence, masked: Masked, m: re.Match[str], doc_text: str) -> Hit:
    start = masked.to_original(m.start())
    end = masked.to_original(m.end(), end=True)
    hit = Hit(rule, sentence, masked, start, end, masked_span=m.span())
    for name in rule.slots:
        group = m.group(name)
        if group is None:
            continue
        mention = _placeholder_mention(masked, group)
        if mention is not None:
            hit.slots[name] = mention
        else:
            s = masked.to_original(m.start(name))
            e = masked.to_original(m.end(name), end=True)
            hit.slots[name] = doc_text[s:e]
            hit.extra[f"{name}.span"] = (s, e)
    return hit
