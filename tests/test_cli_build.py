"""`amity build`: the sample corpus, user folders, skipped inputs, --strict and atomic output."""

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from amity.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_builds_the_sample_corpus_through_the_entry_point(tmp_path):
    out = tmp_path / "graph.ttl"
    # the console script the package installs, run outside the checkout so that nothing in it shadows
    # the installed package
    amity = Path(sys.executable).with_name("amity")
    proc = subprocess.run([str(amity), "build", "--out", str(out)], capture_output=True, text=True, check=True,
                          cwd=tmp_path)
    assert out.stat().st_size > 10_000
    assert "documents: 11 built, 0 skipped" in proc.stderr
    assert "triples:" in proc.stderr


def test_a_folder_with_bad_files_builds_the_good_ones_and_names_the_bad(tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "good.txt").write_text("Visit\nPresident Shavkat Mirziyoyev visited Bishkek in 2023.\n", encoding="utf-8")
    (texts / "empty.txt").write_text("", encoding="utf-8")
    (texts / "latin1.txt").write_bytes("Caf\xe9 in Bishkek".encode("latin-1"))
    (texts / "binary.txt").write_bytes(b"\x00\x01\x02")
    out = tmp_path / "g.ttl"
    result = run("build", str(texts), str(tmp_path / "missing.txt"), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert out.exists()
    lines = [line for line in result.stderr.splitlines() if line.startswith("amity: skipped")]
    assert len(lines) == 4
    assert any("empty.txt: empty document" in line for line in lines)
    assert any("latin1.txt: not UTF-8" in line for line in lines)
    assert any("binary.txt: looks binary" in line for line in lines)
    assert any("missing.txt: no such file or folder" in line for line in lines)
    assert "documents: 1 built, 4 skipped" in result.stderr


def test_strict_makes_a_skipped_input_fatal_and_writes_nothing(tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "good.txt").write_text("Title\nTrade grew.\n", encoding="utf-8")
    (texts / "empty.txt").write_text("   \n", encoding="utf-8")
    out = tmp_path / "g.ttl"
    result = run("build", str(texts), "--out", str(out), "--strict")
    assert result.exit_code == 1
    assert not out.exists()
    assert "--strict" in result.stderr and "Traceback" not in result.stderr


def test_nothing_to_build_fails_and_keeps_the_previous_graph(tmp_path):
    out = tmp_path / "g.ttl"
    out.write_text("previous", encoding="utf-8")
    result = run("build", str(tmp_path / "nope.txt"), "--out", str(out))
    assert result.exit_code == 1
    assert "no document could be built" in result.stderr
    assert out.read_text(encoding="utf-8") == "previous"


def test_a_malformed_sidecar_is_named_with_its_line(tmp_path):
    (tmp_path / "a.txt").write_text("Title\nText.\n", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"published": "2019",\n "title": }', encoding="utf-8")
    (tmp_path / "b.txt").write_text("Title\nText.\n", encoding="utf-8")
    result = run("build", str(tmp_path), "--out", str(tmp_path / "g.ttl"))
    assert result.exit_code == 0
    assert "a.meta.json: line 2: invalid JSON" in result.stderr


def test_a_malformed_user_rule_is_a_configuration_error(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "r.yaml").write_text("rules:\n  - id: x\n    kind: topic\n    topic: trade\n    patern: trade\n",
                                  encoding="utf-8")
    result = run("build", "--rules", str(rules), "--out", str(tmp_path / "g.ttl"))
    assert result.exit_code == 2
    assert "r.yaml:2: rule x: unknown key(s) patern" in result.stderr
    assert "Traceback" not in result.stderr


def test_user_rules_add_facts(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "r.yaml").write_text(
        "rules:\n  - id: my.topic.space\n    kind: topic\n    topic: science\n    pattern: space flights?\n",
        encoding="utf-8")
    texts = tmp_path / "t"
    texts.mkdir()
    (texts / "a.txt").write_text("Title\nKazakhstan and Russia discussed space flight.\n", encoding="utf-8")
    out = tmp_path / "g.ttl"
    assert run("build", str(texts), "--rules", str(rules), "--out", str(out), "-q").exit_code == 0
    assert "my.topic.space" in out.read_text(encoding="utf-8")


def test_the_same_corpus_builds_to_identical_bytes(tmp_path):
    a, b = tmp_path / "a.ttl", tmp_path / "b.ttl"
    assert run("build", "--out", str(a), "-q").exit_code == 0
    assert run("build", "--out", str(b), "-q").exit_code == 0
    assert Path(a).read_bytes() == Path(b).read_bytes()
