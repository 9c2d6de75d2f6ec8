"""`amity export`: every RDF syntax, read back by an independent parser with the same triples."""

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from amity.cli import main

SYNTAX = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nq": ox.RdfFormat.N_QUADS,
          "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD}


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    out = tmp_path_factory.mktemp("g") / "graph.ttl"
    assert CliRunner().invoke(main, ["build", "--out", str(out), "-q"]).exit_code == 0
    return out


def triples(path, fmt):
    return {(str(q.subject), str(q.predicate), str(q.object)) for q in ox.parse(path=str(path), format=fmt)}


@pytest.mark.parametrize("fmt", sorted(SYNTAX))
def test_export_round_trip(graph, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    result = CliRunner().invoke(main, ["export", "-g", str(graph), "-f", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert triples(out, SYNTAX[fmt]) == triples(graph, ox.RdfFormat.TURTLE)


def test_output_name_need_not_carry_the_extension(graph, tmp_path):
    out = tmp_path / "graph.txt"
    assert CliRunner().invoke(main, ["export", "-g", str(graph), "-f", "nt", "-o", str(out)]).exit_code == 0
    assert triples(out, ox.RdfFormat.N_TRIPLES) == triples(graph, ox.RdfFormat.TURTLE)
    assert [p.name for p in tmp_path.iterdir()] == ["graph.txt"]


def test_unknown_format_is_one_line(graph, tmp_path):
    result = CliRunner().invoke(main, ["export", "-g", str(graph), "-f", "docx", "-o", str(tmp_path / "x")])
    assert result.exit_code == 1 and "unknown export format" in result.stderr
