"""README.md tells the truth: its commands exist, its rule example loads and passes."""

import re
from pathlib import Path

import yaml
from click.testing import CliRunner

from amity.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_cli_command_is_in_the_readme():
    names = set(main.commands)
    assert {"build", "query", "view", "export", "rules"} <= names
    for name in names:
        assert f"amity {name}" in README, f"amity {name} is not documented in README.md"


def test_quick_start_has_exactly_two_commands():
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)\n```", quick, re.S)
    assert len(blocks) == 2
    assert "amity build" in blocks[0] and "pytest" in blocks[1]


def test_the_readme_rule_example_loads_and_its_examples_pass(tmp_path):
    block = next(b for b in re.findall(r"```yaml\n(.*?)```", README, re.S) if "rules:" in b)
    yaml.safe_load(block)
    (tmp_path / "mine.yaml").write_text(block, encoding="utf-8")
    result = CliRunner().invoke(main, ["rules", "test", str(tmp_path)])
    assert result.exit_code == 0, result.stdout


def test_the_readme_gazetteer_example_loads(tmp_path):
    from amity.extract.gazetteer import Gazetteer

    block = next(b for b in re.findall(r"```yaml\n(.*?)```", README, re.S) if "offices:" in b)
    (tmp_path / "persons.yaml").write_text(block, encoding="utf-8")
    gazetteer = Gazetteer.load([tmp_path], cache=False)
    assert gazetteer.holder("Foreign Minister", "Kazakhstan", "2024-06") == "Jane Example"
