"""`amity rules test`: the packaged examples pass; a user folder's failures are reported."""

from click.testing import CliRunner

from amity.cli import main


def test_packaged_rules_pass():
    result = CliRunner().invoke(main, ["rules", "test"])
    assert result.exit_code == 0, result.stdout
    assert "examples pass" in result.stdout


def test_a_user_folder_with_a_failing_example(tmp_path):
    (tmp_path / "r.yaml").write_text(
        "rules:\n  - id: my.topic\n    kind: topic\n    topic: tourism\n    pattern: pilgrims\n"
        "    examples:\n      match: ['Pilgrims travel to Turkistan.', 'Tourists came.']\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["rules", "test", str(tmp_path)])
    assert result.exit_code == 1
    assert "FAIL my.topic" in result.stdout and "1 of 2 examples pass (1 rules)" in result.stdout
