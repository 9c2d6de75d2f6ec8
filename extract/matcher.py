"""Running compiled rules over masked sentences and resolving their slots."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .hits import Hit
from .masking import Masked
from .model import Sentence
from .rules import OPEN, Rule


def _placeholder_mention(masked: Masked, group_text: str):
    if group_text.startswith(OPEN) and group_text.endswith("\ue001") and group_text.count(OPEN) == 1:
        return masked.mention_at(group_text)
    return None


def match_rules(rules: Iterable[Rule], sentence: Sentence, masked: Masked, doc_text: str) -> Iterator[Hit]:
    """Every match of every rule in one sentence, in rule order then position."""
    text = masked.text
    for rule in rules:
        if not _context_allows(rule, text):
            continue
        scan = rule.scan
        if rule.kind == "topic":  # a topic is named once per sentence at most: the first match is enough
            m = scan.search(text)
            if m is not None:
                yield make_hit(rule, sentence, masked, m, doc_text)
            continue
        for m in scan.twin.finditer(text) if scan.grouped else scan.finditer(text):
            yield make_hit(rule, sentence, masked, m, doc_text)


def _context_allows(rule: Rule, text: str) -> bool:
    """Whether the masked sentence meets the rule's `when` and escapes its `unless`."""
    if rule.unless_scan is not None and rule.unless_scan.twin.search(text):
        return False
    return rule.when_scan is None or rule.when_scan.twin.search(text) is not None


def topics_in_counts(rules: Iterable[Rule], sentence: Sentence, masked: Masked) -> Iterator[Hit]:
    """Topics named inside a count: "1,200 Tajik students" is one placeholder in the masked
    sentence, which hides the noun that names education from the topic rules. Each count's own
    words are searched by the topic rules selected for the sentence (their context conditions
    still read the masked sentence)."""
    counts = [m for m in masked.mentions if m.code == "C"]
    if not counts:
        return
    text = masked.text
    for rule in rules:
        if rule.kind != "topic" or not _context_allows(rule, text):
            continue
        found = next((m for m in counts if rule.scan.twin.search(m.surface)), None)
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
        s = masked.to_original(m.start(name))
        e = masked.to_original(m.end(name), end=True)
        hit.extra[f"{name}.span"] = (s, e)  # a goal's text may be a name alone ("the Middle Corridor is a priority")
        hit.slots[name] = mention if mention is not None else doc_text[s:e]
    return hit
