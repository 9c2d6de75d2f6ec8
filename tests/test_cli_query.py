"""`amity query`: named queries, files, SPARQL text, formats, the read-only guard, errors."""

import csv
import io
import json

import pytest
from click.testing import CliRunner

from amity.cli import main

CONTRACT = {
    "actors": "actor,type,aliases,doc", "events": "event,type,date,place,participants,doc",
    "goals": "goal,metric,target,unit,deadline,holders,doc",
    "figures": "figure,metric,value,unit,approx,date,subjects,doc", "topics": "topic,doc", "threats": "threat,doc",
}


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    out = tmp_path_factory.mktemp("g") / "graph.ttl"
    result = CliRunner().invoke(main, ["build", "--out", str(out), "-q"], catch_exceptions=False)
    assert result.exit_code == 0
    return str(out)


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_contract_queries_return_their_columns_and_rows(graph, name):
    result = run("query", name, "--graph", graph, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert ",".join(rows[0]) == CONTRACT[name]
    assert len(rows) > 5
    doc_column = rows[0].index("doc")
    assert all(r[doc_column] for r in rows[1:])


def test_every_sample_document_has_facts_of_every_kind_somewhere(graph):
    kinds = {}
    for name in CONTRACT:
        rows = list(csv.DictReader(io.StringIO(run("query", name, "-g", graph, "-f", "csv").stdout)))
        kinds[name] = len(rows)
    assert all(n > 0 for n in kinds.values()), kinds


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_formats(graph, fmt):
    result = run("query", "topics", "-g", graph, "-f", fmt)
    assert result.exit_code == 0
    if fmt == "json":
        assert isinstance(json.loads(result.stdout), list | dict)
    elif fmt == "tsv":
        assert result.stdout.splitlines()[0] == "topic\tdoc"


def test_list_names_every_contract_query():
    result = run("query", "--list")
    assert all(name in result.stdout for name in CONTRACT)


def test_free_sparql_and_a_query_file(graph, tmp_path):
    sparql = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/amity/ontology#Visit> }"
    result = run("query", sparql, "-g", graph, "-f", "csv")
    assert result.exit_code == 0 and int(result.stdout.splitlines()[1]) > 0
    rq = tmp_path / "visits.rq"
    rq.write_text(sparql, encoding="utf-8")
    assert run("query", str(rq), "-g", graph, "-f", "csv").stdout == result.stdout


@pytest.mark.parametrize("update", [
    "INSERT DATA { <a:x> <a:y> <a:z> }", "DELETE WHERE { ?s ?p ?o }", "CLEAR ALL", "DROP DEFAULT",
    "LOAD <http://example.org/x.ttl>",
])
def test_updates_are_refused(graph, update):
    result = run("query", update, "-g", graph)
    assert result.exit_code != 0
    assert result.stderr.startswith("amity: ") and len(result.stderr.strip().splitlines()) == 1


def test_syntax_error_is_one_line_with_position(graph):
    result = run("query", "SELECT ?x WHERE { ?x ", "-g", graph)
    assert result.exit_code != 0
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_missing_graph_is_one_line(tmp_path):
    result = run("query", "actors", "-g", str(tmp_path / "none.ttl"))
    assert result.exit_code == 1
    assert "none.ttl" in result.stderr and len(result.stderr.strip().splitlines()) == 1
