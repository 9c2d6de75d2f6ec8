"""Rule files load, and a malformed rule names its file, line, rule id and problem."""

import pytest

from amity.extract.rules import load_rules
from amity.extract.yaml_lines import DataError


def write(tmp_path, text: str):
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "mine.yaml").write_text(text, encoding="utf-8")
    return folder


def test_packaged_rules_load_with_unique_ids():
    rules = load_rules().rules
    assert len(rules) > 50
    assert len({r.id for r in rules}) == len(rules)
    assert {r.kind for r in rules} == {"person", "event", "goal", "figure", "relation", "topic", "threat"}


@pytest.mark.parametrize(("body", "message"), [
    ("rules:\n  - id: my.rule\n    kind: event\n    type: Visit\n    pattern: visit\n    tpye: Visit\n",
     "mine.yaml:2: rule my.rule: unknown key(s) tpye"),
    ("rules:\n  - id: my.rule\n    kind: event\n    type: Visit\n    pattern: visit to {plaice}\n",
     "mine.yaml:2: rule my.rule: unknown slot {plaice}"),
    ("rules:\n  - id: my.rule\n    kind: event\n    type: Visit\n    pattern: visit (to\n",
     "mine.yaml:2: rule my.rule: bad pattern"),
    ("rules:\n  - id: my.rule\n    kind: event\n    type: Trip\n    pattern: visit\n",
     "mine.yaml:2: rule my.rule: type must be one of"),
    ("rules:\n  - id: my.rule\n    kind: figure\n    pattern: '{money:amount}'\n    value: sum\n",
     "rule my.rule: value names slot 'sum'"),
    ("rules:\n  - id: My Rule\n    kind: topic\n    topic: trade\n    pattern: trade\n",
     "mine.yaml:2: rule id 'My Rule'"),
    ("rules:\n  - id: my.rule\n    kind: topic\n    topic: trade\n    pattern: trade\n  - id: my.rule\n"
     "    kind: topic\n    topic: trade\n    pattern: commerce\n", "mine.yaml:6: rule my.rule: duplicate id"),
    ("rules:\n  - id: my.rule\n    kind: event\n    type: Agreement\n"
     "    pattern: 'treaty of {year:a}|{year:b} treaty'\n    date: [a, b]\n",
     "mine.yaml:2: rule my.rule: date names one slot"),
    ("rules: [\n", "mine.yaml:2: invalid YAML"),
    ("rulez: []\n", "mine.yaml:1: unknown top-level key(s): rulez"),
])
def test_errors_name_file_line_rule_and_problem(tmp_path, body, message):
    folder = write(tmp_path, body)
    with pytest.raises(DataError) as err:
        load_rules([folder], include_packaged=False)
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_a_user_folder_adds_rules_and_can_override_or_disable_packaged_ones(tmp_path):
    folder = write(tmp_path, (
        "rules:\n"
        "  - id: my.topic.space\n    kind: topic\n    topic: science\n    pattern: space (?:research|flights?)\n"
        "  - id: topic.sports\n    enabled: false\n    kind: topic\n    topic: sports\n    pattern: sports?\n"
    ))
    ids = {r.id for r in load_rules([folder]).rules}
    assert "my.topic.space" in ids
    assert "topic.sports" not in ids
    assert "topic.trade" in ids


def test_slots_compile_to_placeholders_and_spaces_to_whitespace(tmp_path):
    folder = write(tmp_path, "rules:\n  - id: v\n    kind: event\n    type: Visit\n    pattern: 'visit to {place}'\n")
    rule = load_rules([folder], include_packaged=False).rules[0]
    assert rule.slots == {"place": "place"}
    assert rule.regex.search("a visit  to \ue000K3\ue001 today")
    assert not rule.regex.search("a visit to Tashkent")


def test_a_space_made_optional_is_optional_whitespace(tmp_path):
    folder = write(tmp_path, "rules:\n  - id: c\n    kind: threat\n    threat: mines\n    pattern: 'land ?mines'\n")
    rule = load_rules([folder], include_packaged=False).rules[0]
    assert rule.regex.search("cleared landmines") and rule.regex.search("cleared land  mines")


def _ends_in_whitespace(items) -> bool:
    from re import _constants as c  # type: ignore[attr-defined]
    if not items:
        return False
    op, av = items[-1]
    if op == c.LITERAL:
        return av == 32
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
        sub = list(av[2])
        return len(sub) == 1 and sub[0][0] == c.IN and (c.CATEGORY, c.CATEGORY_SPACE) in list(sub[0][1])
    if op == c.SUBPATTERN and av[-1] is not None:
        return _ends_in_whitespace(list(av[-1]))
    if op == c.BRANCH:
        return any(_ends_in_whitespace(list(branch)) for branch in av[1])
    return False


def test_no_way_for_a_rule_to_match_ends_in_whitespace():
    """Every compiled rule closes with (?![\\w]): an alternative that ends in a space ("video call ")
    could then match only before punctuation, never before the next word, and silently fire almost
    never (it happened once)."""
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser as parser  # type: ignore[attr-defined]
    offending = []
    for rule in load_rules().rules:
        tree = parser.parse(rule.regex.pattern, rule.regex.flags)
        if _ends_in_whitespace([item for item in tree if item[0] not in (c.ASSERT, c.ASSERT_NOT, c.AT)]):
            offending.append(rule.id)
    assert offending == []
