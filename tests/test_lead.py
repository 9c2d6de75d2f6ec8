"""Scan twins (extract.lead) find exactly the matches of the patterns they stand for."""

import _sre
import pickle
import random
import re
from pathlib import Path
from re._casefix import _EXTRA_CASES

import pytest
from extract_fixtures import extractor

from amity.extract import lead
from amity.extract.engine import _by_sentence
from amity.extract.masking import mask
from amity.extract.sentences import split_sentences

SAMPLE = Path(__file__).resolve().parent.parent / "amity" / "sample"
ALL_CHARACTERS = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)


def test_lowered_to_knows_every_character_that_lowers_to_another():
    for code in range(0x110000):
        lower = _sre.unicode_tolower(code)
        assert lower == code or code in lead.lowered_to(lower), hex(code)
        assert all(_sre.unicode_tolower(other) == lower for other in lead.lowered_to(lower)), hex(code)


@pytest.mark.parametrize("char", [*"aAiIkKsSzZ", "ß", "ω", "в", "ı", "ſ", "\u212a", "\u0130", "µ", "5", "\ue000"])
def test_case_closure_is_what_ignorecase_matches(char):
    for flags in (re.IGNORECASE, re.IGNORECASE | re.ASCII, 0):
        matched = {ord(c) for c in re.findall(re.escape(char), ALL_CHARACTERS, flags)}
        assert lead._case_closure(ord(char), flags) == matched, (char, flags)


def test_extra_cases_are_symmetric():  # _case_closure relies on it
    for code, others in _EXTRA_CASES.items():
        for other in others:
            assert code in _EXTRA_CASES[other]


def _texts() -> list[str]:
    """Masked sentences of the sample corpus and of every rule example, and variants of them."""
    ex = extractor()
    texts = []
    for path in sorted(SAMPLE.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        sentences = split_sentences(text)
        for s, ms in zip(sentences, _by_sentence(sentences, ex._base_mentions(text, "2024-06-15")), strict=True):
            texts.append(mask(text, s.start, s.end, ms).text)
    for rule in ex.ruleset.rules:
        for example in rule.examples:
            sentences = split_sentences(example.text)
            mentions = ex._base_mentions(example.text, "2024-06-15")
            for s, ms in zip(sentences, _by_sentence(sentences, mentions), strict=True):
                texts.append(mask(example.text, s.start, s.end, ms).text)
    rng = random.Random(7)
    extra = ["\u212a", "\u017f", "\u0130", "\u0131", "-", "x", "\ue000", "\ue001", " ", "\n", "'", "’", "K", "S"]
    variants = []
    for text in texts:
        variants += [text.upper(), text.swapcase(), text.replace("k", "\u212a").replace("s", "\u017f")]
        chars = list(text)
        for _ in range(max(1, len(chars) // 12)):
            chars.insert(rng.randrange(len(chars) + 1), rng.choice(extra))
        variants.append("".join(chars))
    return texts + variants


def _same_matches(regex: re.Pattern[str], twin: re.Pattern[str], texts: list[str]) -> None:
    grouped = twin.groupindex == regex.groupindex
    for text in texts:
        expected = [(m.span(), m.regs if grouped else None) for m in regex.finditer(text)]
        assert [(m.span(), m.regs if grouped else None) for m in twin.finditer(text)] == expected, (regex.pattern, text)
        for (start, end), _ in expected:
            assert regex.match(text, start).end() == end


def _rewritten(scan: lead.Scan) -> bool:
    """Whether `compiled` made anything but re.compile's pattern (patterns compare their code)."""
    return scan.twin is not scan.regex or scan.regex != re.compile(scan.regex.pattern, scan.regex.flags)


def test_every_rule_pattern_compiles_to_the_same_matches():
    texts = _texts()
    rewritten = 0
    for rule in extractor().ruleset.rules:
        for scan in (rule.scan, rule.unless_scan, rule.when_scan):
            if scan is None:
                continue
            genuine = re.compile(scan.regex.pattern, scan.regex.flags)
            _same_matches(genuine, scan.regex, texts)
            if scan.twin is not scan.regex:
                _same_matches(genuine, scan.twin, texts)
                for text in texts[::7]:
                    assert [m.regs for m in scan.finditer(text)] == [m.regs for m in genuine.finditer(text)]
            rewritten += _rewritten(scan)
    assert rewritten > 150


def test_a_compiled_pattern_shows_prints_and_pickles_as_the_pattern():
    source = r"(?<![\w\-])(?:(?P<role>minister|mayor),? (?P<name>[A-Z]\w+))"
    scan = lead.compiled(source, re.I)
    assert _rewritten(scan)
    assert scan.regex.pattern == source and scan.regex.flags == re.compile(source, re.I).flags
    assert repr(scan.regex) == repr(re.compile(source, re.I))
    again = pickle.loads(pickle.dumps(scan.regex))
    assert again.search("said Minister Lavrov").regs == scan.regex.search("said Minister Lavrov").regs


@pytest.mark.parametrize("pattern, flags, texts", [
    (r"(?<![\w\-])(?:the )?talks", re.I, ["The talks", "the  talks", "talks", "xtalks", "-talks", "THE TALKS"]),
    (r"\b(?:a|b)??c", 0, ["c ac bc", "abc", "a c"]),
    (r"(?=ab)a\w", re.I, ["ab ac AB", "xab"]),
    (r"(?<!x)(?P<word>k\w+) (?P<n>\d+)", re.I, ["kilo 5 Kelvin 3 \u212aelvin 7 xkilo 4"]),
    (r"(?<![\w\-])(?:(?P<a>ja|ne)t|no)", re.I, ["jat net no nat JAT"]),
    (r"(?:[a-c]x|d)+y", re.I | re.ASCII, ["axbxy Dy \u212ax", "cxdy"]),
    (r"(?-i:[A-Z])[a-z]+ (?i:said)", re.I, ["Rami SAID", "rami said", "Omar said"]),
    (r"\u0131s|\u0130t", re.I, ["is It \u0131s \u0130t IS"]),
    (r"[^a-c]x|ky|\w+z", re.I, ["Ax bx dX \u212ax zz Kz \u017fz KY \u212ay"]),  # only folded: a negated first set
    (r"(?<!x)[k-m]+\d|\bs\w", re.I, ["K1 \u212a2 xk3 L4 \u017fa Sb"]),
])
def test_twins_of_tricky_openings(pattern, flags, texts):
    regex = re.compile(pattern, flags)
    scan = lead.compiled(pattern, flags)
    assert _rewritten(scan), pattern
    _same_matches(regex, scan.regex, texts)
    _same_matches(regex, scan.twin, texts)


@pytest.mark.parametrize("pattern, flags", [
    (r"(a)\1", 0),              # a back-reference
    (r"\w+ed", 0),              # a category as first character
    (r"(?:x)?", 0),             # can match the empty string
    (r"[^a]bc", 0),             # a negated set first
])
def test_no_twin_for_what_the_rewrite_does_not_handle(pattern, flags):
    assert not _rewritten(lead.compiled(pattern, flags))


def test_a_pattern_opening_with_a_group_keeps_its_groups_in_the_twin():
    scan = lead.compiled(r"(?<![\w\-])(?:(?P<role>minister|mayor),? (?P<name>[A-Z]\w+))", re.I)
    assert scan.grouped and scan.twin is scan.regex
    m = scan.twin.search("said Minister Lavrov")
    assert m.group("role") == "Minister" and m.group("name") == "Lavrov"


def test_a_bad_pattern_is_an_error_as_for_re_compile():
    for bad in ("(unclosed", "(?<=a+)b"):
        with pytest.raises(re.error):
            lead.compiled(bad)
