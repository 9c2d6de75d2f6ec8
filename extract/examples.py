"""Running the examples written into rule files: the rules' own test suite.

Each rule carries sentences it must match (with the fact expected from them) and sentences it must
not match. Examples run through the whole extractor, not the bare regex, so they also check the
slots, the assembly and the gazetteer the rule relies on. `amity rules test` and the test suite
both call `check_examples`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .documents import document_from_text
from .engine import Extractor
from .model import DocumentFacts
from .rules import Rule

EXAMPLE_DATE = "2024-06-15"
"""The publication date examples are read with ("last year" is 2023, "on Monday" is 2024-06-10)."""


@dataclass(frozen=True, slots=True)
class ExampleResult:
    rule: Rule
    text: str
    ok: bool
    problem: str = ""

    def line(self) -> str:
        status = "ok  " if self.ok else "FAIL"
        detail = f" — {self.problem}" if self.problem else ""
        return f"{status} {self.rule.id} ({self.rule.where}): {self.text!r}{detail}"


def _facts_of_rule(facts: DocumentFacts, rule: Rule) -> list[tuple[str, Any]]:
    pools: list[tuple[str, list[Any]]] = [
        ("office", facts.offices), ("event", facts.events), ("goal", facts.goals), ("figure", facts.figures),
        ("topic", facts.topics), ("threat", facts.threats), ("relation", facts.relations),
    ]
    return [(kind, f) for kind, items in pools for f in items if any(e.rule == rule.id for e in f.evidence)]


def _same(expected: Any, actual: Any) -> bool:
    if isinstance(expected, list):
        actual_list = [str(a).lower() for a in (actual or ())]
        return all(str(e).lower() in actual_list for e in expected)
    if isinstance(expected, bool) or isinstance(actual, bool):
        return bool(expected) == bool(actual)
    if isinstance(expected, int | float) and isinstance(actual, int | float):
        return abs(float(expected) - float(actual)) <= 1e-9 * max(1.0, abs(float(expected)))
    return str(expected).strip().lower() == str(actual if actual is not None else "").strip().lower()


_FIELD_ALIASES = {"threat": ("name", "surface"), "relation": ("kind",), "person": ("person",)}


def _value(fact: Any, key: str) -> list[Any]:
    """The fact's value(s) for an expected key; some keys may be met by more than one field."""
    if key in _FIELD_ALIASES:
        values = []
        for attr in _FIELD_ALIASES[key]:
            v = getattr(fact, attr, None)
            values.extend(v if isinstance(v, tuple) and key != "person" else [v])
        return values
    return [getattr(fact, key, None)]


def _matches(fact: Any, expect: dict[str, Any]) -> str | None:
    for key, wanted in expect.items():
        if not hasattr(fact, key) and key not in _FIELD_ALIASES:
            return f"expected field {key!r}, which a {type(fact).__name__} does not have"
        if not any(_same(wanted, v) for v in _value(fact, key)):
            shown = _value(fact, key)
            return f"{key}: expected {wanted!r}, got {shown[0] if len(shown) == 1 else shown!r}"
    return None


def check_examples(extractor: Extractor, rules: list[Rule] | None = None) -> list[ExampleResult]:
    """Run every example of every rule; one result per example."""
    results: list[ExampleResult] = []
    for rule in rules if rules is not None else extractor.ruleset.rules:
        for example in rule.examples:
            doc = document_from_text(f"example-{rule.id}", example.text, EXAMPLE_DATE)
            extracted = extractor.extract(doc)
            facts = _facts_of_rule(extracted, rule)
            if example.expect is None:
                ok = not facts
                results.append(ExampleResult(rule, example.text, ok, "" if ok else "matched, but must not"))
                continue
            if not facts and rule.kind == "person" and "person" in example.expect:
                # a person named without a role makes an actor, not an office
                names = {a.name.lower() for a in extracted.actors if a.type == "Person"}
                ok = str(example.expect["person"]).lower() in names
                results.append(ExampleResult(rule, example.text, ok, "" if ok else "person not found"))
                continue
            if not facts:
                results.append(ExampleResult(rule, example.text, False, "no fact from this rule"))
                continue
            problems = [_matches(f, example.expect) for _, f in facts]
            if any(p is None for p in problems):
                results.append(ExampleResult(rule, example.text, True))
            else:
                results.append(ExampleResult(rule, example.text, False, problems[0] or ""))
    return results
