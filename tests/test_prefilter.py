"""The prefilter never skips a rule that would have matched."""

import re

from extract_fixtures import extractor

from amity.extract.engine import _by_sentence
from amity.extract.masking import mask
from amity.extract.prefilter import Prefilter, required_literals
from amity.extract.sentences import split_sentences


def test_required_literals_of_simple_patterns():
    assert required_literals(r"visits?\s+to") in ({"visit"}, {"to"})
    assert required_literals(r"(?:signed|inked)\s+\d+") == {"signed", "inked"}
    assert required_literals(r"(?:a|b)?x") is None


def test_every_match_contains_a_required_literal():
    cases = {
        r"drug[- ](?:trafficking|trade)": ["drug trafficking", "drug-trade"],
        r"(?i)(?:state |official )?visits? (?:of|by) \w+": ["Official visit of X", "visits by Y"],
        r"[SK]\d+ and (?:talks|meetings?)": ["K3 and talks", "S12 and meeting"],
    }
    for pattern, samples in cases.items():
        strings = required_literals(pattern, re.I)
        assert strings
        for sample in samples:
            assert re.search(pattern, sample, re.I)
            assert any(s in sample.lower() for s in strings), (pattern, sample, strings)


def test_candidates_include_every_rule_that_matches_on_the_examples():
    ex = extractor()
    prefilter = Prefilter(ex.ruleset.rules)
    checked = 0
    for rule in ex.ruleset.rules:
        for example in rule.examples:
            text = example.text
            sentences = split_sentences(text)
            mentions = ex._base_mentions(text, "2024-06-15")
            for sentence, ms in zip(sentences, _by_sentence(sentences, mentions), strict=True):
                masked = mask(text, sentence.start, sentence.end, ms)
                matching = {r.id for r in ex.ruleset.rules if r.regex.search(masked.text)}
                offered = {r.id for r in prefilter.candidates(masked.text)}
                assert matching <= offered, (text, matching - offered)
                checked += 1
    assert checked > 100


def test_prefilter_is_case_insensitive_and_sees_prefixes():
    class R:
        def __init__(self, pattern):
            self.regex = re.compile(pattern, re.I)

    rules = [R(r"visit\b"), R(r"visits\b")]
    assert len(Prefilter(rules).candidates("Two VISITS were made")) == 2


def test_required_strings_span_whitespace_in_the_plain_scan():
    """A space in a required string stands for any whitespace; strings with a placeholder mark
    (checked as substrings of the masked sentence) never take one."""
    assert required_literals(r"are\s+going\s+to", spaces=True) == {"are going to"}
    assert required_literals(r"are\s+going\s+to") in ({"are"}, {"going"}, {"to"})
    assert all(" " not in s for s in required_literals("\ue000[SK]\\d+\ue001\\s+visited", spaces=True))

    class R:
        def __init__(self, pattern):
            self.regex = re.compile(pattern, re.I)

    prefilter = Prefilter([R(r"talks\s+were\s+held")])
    assert len(prefilter.candidates("The talks\n were   held")) == 1
    assert not prefilter.candidates("The talks were postponed; nothing was held")


def test_a_match_spelled_with_dashes_counts_for_every_string_it_may_stand_for():
    """The trie reads a space in a string as whitespace or dashes: "state-visit" is a match of
    "state visit", and must carry the rules of "state" too (its longest match hides that one)."""
    class R:
        def __init__(self, pattern):
            self.regex = re.compile(pattern, re.I)

    rules = [R(r"state\w*"), R(r"state\s+visit")]
    assert rules[0] in Prefilter(rules).candidates("A state-visit was made")
    assert len(Prefilter(rules).candidates("A state \n visit was made")) == 2
