"""Every example written into every packaged rule file holds (the rules' own test suite)."""

from extract_fixtures import extractor

from amity.extract.examples import check_examples


def test_every_rule_example_holds():
    results = check_examples(extractor())
    assert len(results) > 100
    failures = [r.line() for r in results if not r.ok]
    assert not failures, "\n".join(failures)


def test_every_fact_rule_has_at_least_one_matching_example():
    missing = [r.id for r in extractor().ruleset.rules if not any(e.expect is not None for e in r.examples)]
    assert not missing, f"rules without a matching example: {missing}"


def test_a_failing_example_is_reported(tmp_path):
    from amity.extract.engine import Extractor
    from amity.extract.rules import load_rules

    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "r.yaml").write_text(
        "rules:\n  - id: my.topic\n    kind: topic\n    topic: tourism\n    pattern: pilgrims\n"
        "    examples:\n      match: ['Tourists came.']\n      no_match: ['Pilgrims came.']\n", encoding="utf-8")
    base = extractor()
    mine = Extractor(gazetteer=base.gazetteer, ruleset=load_rules([folder], titles=base.gazetteer.titles))
    results = [r for r in check_examples(mine) if r.rule.id == "my.topic"]
    assert [r.ok for r in results] == [False, False]
    assert "no fact from this rule" in results[0].problem
    assert "must not" in results[1].problem
