"""`amity validate`: one line per violation (node, property, message), a count, exit status 1."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from amity.cli import main
from amity.graph.build import GraphBuilder


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> Path:
    from conftest import build_document

    path = tmp_path_factory.mktemp("validate") / "graph.ttl"
    builder = GraphBuilder(strict=True)
    builder.add_all([build_document("kz-uz-1"), build_document("kz-uz-2", wording=2)])
    builder.write(path)
    return path


def run(*args: str):
    return CliRunner().invoke(main, ["validate", *args])


def test_a_graph_amity_wrote_conforms(good):
    result = run("--graph", str(good))
    assert result.exit_code == 0, result.output
    assert result.stdout == "0 violations\n" and result.stderr == ""


def test_each_violation_is_one_line_then_the_count(good, tmp_path):
    text = good.read_text(encoding="utf-8")
    assert '"KZ"' in text and "amity:sentenceCount" in text
    broken = tmp_path / "broken.ttl"
    broken.write_text(text.replace('"KZ"', '"kz"').replace("amity:sentenceCount", "amity:sentenceTotal", 1),
                      encoding="utf-8")
    result = run("-g", str(broken))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[-1] == "2 violations"
    iso = next(line for line in lines if "amity:isoCode" in line)
    assert iso.startswith("country:kazakhstan-") and "does not match pattern" in iso and "'kz'" in iso
    closed = next(line for line in lines if "amity:sentenceTotal" in line)
    assert closed.startswith("document:kz-uz-") and "not allowed" in closed
    assert result.stderr == f"amity: {broken} does not conform to the amity shapes\n"


def test_a_missing_graph_is_one_line(tmp_path):
    result = run("-g", str(tmp_path / "nope.ttl"))
    assert result.exit_code == 1
    assert result.stderr.startswith("amity: ") and result.stderr.count("\n") == 1


def test_a_graph_with_a_syntax_error_is_one_line(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<urn:a> <urn:b> .\n", encoding="utf-8")
    result = run("-g", str(bad))
    assert result.exit_code == 1 and "bad.ttl:1:" in result.stderr and result.stderr.count("\n") == 1
