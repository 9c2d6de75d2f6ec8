"""Named queries: the contract columns and cells, the analyst queries, the read-only guard, errors."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from amity.extract.model import Actor, Document, DocumentFacts, Event, Evidence
from amity.graph.build import GraphBuilder
from amity.graph.errors import (
    QueryError,
    QuerySyntaxError,
    QueryTimeoutError,
    ReadOnlyQueryError,
    UnknownQueryError,
)
from amity.queries.catalog import list_queries, query_names
from amity.queries.guard import first_keyword
from amity.queries.render import plain_number
from amity.queries.runner import describe_queries, run_query, select

CONTRACT = {
    "actors": ["actor", "type", "aliases", "doc"],
    "events": ["event", "type", "date", "place", "participants", "doc"],
    "goals": ["goal", "metric", "target", "unit", "deadline", "holders", "doc"],
    "figures": ["figure", "metric", "value", "unit", "approx", "date", "subjects", "doc"],
    "topics": ["topic", "doc"],
    "threats": ["threat", "doc"],
}
SCORER = Path(__file__).resolve().parents[2] / "shared" / "tools" / "score_facts.py"


@pytest.fixture(scope="module")
def store() -> ox.Store:
    from conftest import build_document

    builder = GraphBuilder(strict=True)
    builder.add_all([build_document("kz-uz-1"), build_document("kz-uz-2", wording=2)])
    return builder.store()


@pytest.fixture(scope="module")
def ttl_path(tmp_path_factory) -> Path:
    from conftest import build_document

    path = tmp_path_factory.mktemp("graph") / "graph.ttl"
    builder = GraphBuilder(strict=True)
    builder.add_all([build_document("kz-uz-1"), build_document("kz-uz-2", wording=2)])
    builder.write(path)
    return path


def rows(store, query, **params) -> list[dict[str, str]]:
    table = select(store, query, params=params or None)
    return [dict(zip(table.columns, row, strict=True)) for row in table.rows]


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_contract_queries_have_exactly_their_columns(store, ttl_path, name):
    assert select(store, name).columns == CONTRACT[name]
    text = run_query(ttl_path, name, "csv")  # a Turtle file answers like the store with named graphs
    reader = csv.reader(io.StringIO(text))
    assert next(reader) == CONTRACT[name]
    assert sorted(map(tuple, reader)) == sorted(map(tuple, select(store, name).rows))


def test_actors_rows(store):
    by_key = {(r["actor"], r["doc"]): r for r in rows(store, "actors")}
    assert len(by_key) == 10  # five actors in each of two documents
    tokayev = by_key[("Kassym-Jomart Tokayev", "kz-uz-1")]
    assert tokayev["type"] == "Person" and tokayev["aliases"] == "President Tokayev|Tokayev"
    assert by_key[("Uzbekistan", "kz-uz-1")]["aliases"] == "Tashkent"
    assert by_key[("Uzbekistan", "kz-uz-2")]["aliases"] == ""
    assert by_key[("Shanghai Cooperation Organisation", "kz-uz-1")]["type"] == "Organization"


def test_a_fact_in_two_documents_gives_one_row_per_document(store):
    visits = [r for r in rows(store, "events") if r["type"] == "Visit"]
    assert {r["doc"]: r["event"] for r in visits} == {
        "kz-uz-1": "state visit of Tokayev to Tashkent",
        "kz-uz-2": "Tokayev's trip to Uzbekistan",
    }
    for row in visits:
        assert row["date"] == "2019-04" and row["place"] == "Tashkent"
        assert row["participants"] == "Kassym-Jomart Tokayev|Uzbekistan"
    other = [r for r in rows(store, "events") if r["type"] == "Other"]
    assert len(other) == 2 and other[0]["date"] == ""


def test_numbers_booleans_and_dates_are_plain(store):
    figures = {(r["figure"], r["doc"]): r for r in rows(store, "figures")}
    money = figures[("reached $3 billion", "kz-uz-1")]
    assert (money["value"], money["unit"], money["approx"], money["date"]) == ("3000000000", "USD", "false", "2018")
    assert money["subjects"] == "Kazakhstan|Uzbekistan"
    assert figures[("3 bn dollars", "kz-uz-2")]["value"] == "3000000000"
    share = figures[("about 28.6 percent", "kz-uz-1")]
    assert (share["value"], share["approx"]) == ("28.6", "true")
    goals = {(r["metric"], r["doc"]): r for r in rows(store, "goals")}
    target = goals[("trade turnover", "kz-uz-1")]
    assert (target["target"], target["unit"], target["deadline"]) == ("5000000000", "USD", "2020")
    assert target["holders"] == "Kazakhstan|Uzbekistan"
    qualitative = goals[("", "kz-uz-1")]
    assert qualitative["goal"] == "fight terrorism together" and qualitative["target"] == ""


def test_topics_and_threats(store):
    assert sorted((r["topic"], r["doc"]) for r in rows(store, "topics")) == [
        ("security", "kz-uz-1"), ("security", "kz-uz-2"), ("trade", "kz-uz-1"), ("trade", "kz-uz-2")]
    assert sorted((r["threat"], r["doc"]) for r in rows(store, "threats")) == [
        ("extremism", "kz-uz-1"), ("terror", "kz-uz-2"), ("terrorism", "kz-uz-1")]


def test_plain_number():
    assert plain_number("3.0E9") == "3000000000"
    assert plain_number("50.0") == "50"
    assert plain_number("28.60") == "28.6"
    assert plain_number("-0.5") == "-0.5"
    assert plain_number("NaN") == "NaN"


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/tools/score_facts.py not present")
def test_the_scorer_reads_our_tables(store, tmp_path):
    spec = importlib.util.spec_from_file_location("score_facts", SCORER)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    for name in CONTRACT:
        (tmp_path / f"{name}.csv").write_text(run_query(store, name, "csv"), encoding="utf-8")
    tables = scorer.read_tables(tmp_path)
    gold = {
        "doc": "kz-uz-1",
        "actors": [{"name": "Kassym-Jomart Tokayev", "type": "Person", "aliases": ["Tokayev"]},
                   {"name": "Kazakhstan", "type": "Country"}],
        "events": [{"type": "Visit", "date": "2019", "participants": ["Tokayev"]}],
        "goals": [{"text": "raise trade to 5 billion", "target": 5000000000, "unit": "USD"}],
        "figures": [{"value": 3000000000, "unit": "dollars"}, {"value": 28.6, "unit": "%"}],
        "topics": ["trade", "security"],
        "threats": ["terrorism", "extremism"],
    }
    result = scorer.score_doc(gold, tables)
    for kind in ("actors", "events", "goals", "figures", "topics", "threats"):
        n_gold, _, pairs = result[kind]
        assert len(pairs) == n_gold, kind


def test_every_named_query_runs_and_describes_itself(store):
    names = query_names()
    assert set(CONTRACT) <= set(names)
    assert {"goal-progress", "timeline", "actor-profile", "topics-by-pair", "evidence", "conflicts",
            "offices"} <= set(names)
    for query in list_queries():
        assert query.description, query.name
        select(store, query.name)
    listing = describe_queries()
    assert "timeline" in listing and "[params: a, b]" in listing


def test_goal_progress(store):
    (row,) = rows(store, "goal-progress")
    assert (row["target"], row["latest_value"], row["latest_date"], row["share_percent"]) == (
        "5000000000", "3000000000", "2018", "60")
    assert row["figure"] == "3 bn dollars|reached $3 billion" and row["docs"] == "kz-uz-1|kz-uz-2"


def test_timeline_of_a_pair_in_either_order(store):
    everything = rows(store, "timeline")
    assert {(r["a"], r["b"]) for r in everything} == {("Kazakhstan", "Uzbekistan")}
    assert [r["type"] for r in everything] == ["Visit", "Other"]  # dated first
    forward = rows(store, "timeline", a="Kazakhstan", b="Uzbekistan")
    backward = rows(store, "timeline", a="Uzbekistan", b="Kazakhstan")
    assert forward == backward == everything
    assert rows(store, "timeline", a="Kazakhstan", b="Atlantis") == []


def test_actor_profile_offices_topics_by_pair_and_relations(store):
    (profile,) = rows(store, "actor-profile", actor="Kazakhstan")
    assert (profile["type"], profile["iso_code"], profile["documents"]) == ("Country", "KZ", "2")
    assert profile["wikidata"] == "http://www.wikidata.org/entity/Q232"
    assert profile["offices"] == "Kassym-Jomart Tokayev: President of Kazakhstan"
    (office,) = rows(store, "offices", person="Kassym-Jomart Tokayev")
    assert (office["role"], office["state"], office["start"], office["end"]) == (
        "President of Kazakhstan", "Kazakhstan", "2019-03", "")
    pairs = rows(store, "topics-by-pair", a="Uzbekistan", b="Kazakhstan")
    assert {(r["topic"], r["documents"]) for r in pairs} == {("trade", "2"), ("security", "2")}
    (relation,) = rows(store, "relations")
    assert relation["relation"] == "strategic partnership" and relation["documents"] == "2"


def test_evidence_by_name_or_alias(store):
    by_name = rows(store, "evidence", name="Kassym-Jomart Tokayev")
    by_alias = rows(store, "evidence", name="Tokayev")
    assert {r["doc"] for r in by_name} == {"kz-uz-1", "kz-uz-2"}
    assert {(r["doc"], r["sentence"], r["rule"]) for r in by_alias} == {
        (r["doc"], r["sentence"], r["rule"]) for r in by_name}
    assert by_name[0]["kind"] == "Person" and by_name[0]["sentence"].startswith("President Tokayev")


def test_conflicting_figures(make_document):
    first, second = make_document("a"), make_document("b")
    second.figures[0] = type(second.figures[0])(
        "3.2 billion", "trade turnover", 3.2e9, "USD", False, "2018", ("Kazakhstan", "Uzbekistan"),
        second.figures[0].evidence)
    builder = GraphBuilder(strict=True)
    builder.add_all([first, second])
    (row,) = rows(builder.store(), "conflicts")
    assert (row["value_a"], row["docs_a"], row["value_b"], row["docs_b"]) == ("3000000000", "a", "3200000000", "b")


def test_output_formats(store):
    table = run_query(store, "topics", "table").splitlines()
    assert table[0].split() == ["topic", "doc"] and set(table[1]) <= {"-", " "}
    tsv = run_query(store, "topics", "tsv").splitlines()
    assert tsv[0] == "topic\tdoc" and len(tsv) == 5
    records = json.loads(run_query(store, "topics", "json"))
    assert records[0] == {"topic": "security", "doc": "kz-uz-1"}
    with pytest.raises(QueryError, match="unknown output format"):
        run_query(store, "topics", "xml")


def test_hostile_text_survives_a_query(tmp_path):
    text = 'tab\there "quote" back\\slash\nnew line \x01 ü 東京 🕊️ </script> a|b'
    ev = (Evidence("h", 0, 5, "hello", "r"),)
    facts = DocumentFacts(Document("h", "hello world\n", "t"), actors=[Actor("Kazakhstan", "Country", evidence=ev)],
                          events=[Event("Meeting", text, "2020", None, ("Kazakhstan",), ev)])
    builder = GraphBuilder(strict=True)
    builder.add(facts)
    builder.write(tmp_path / "h.ttl")
    (row,) = rows(tmp_path / "h.ttl", "events")
    assert row["event"] == text
    (record,) = json.loads(run_query(tmp_path / "h.ttl", "events", "json"))
    assert record["event"] == text


def test_ask_construct_and_adhoc_sparql(store):
    assert select(store, "ASK { ?s a amity:Country }").rows == [["true"]]
    construct = select(store, "CONSTRUCT { ?s a amity:Country } WHERE { ?s a amity:Country }")
    assert construct.columns == ["subject", "predicate", "object"] and len(construct.rows) == 2
    table = select(store, 'SELECT ?n WHERE { ?c a amity:Country ; rdfs:label ?n } ORDER BY ?n')
    assert table.rows == [["Kazakhstan"], ["Uzbekistan"]]
    bound = select(store, "SELECT ?n ?c WHERE { ?c rdfs:label ?n ; a amity:Country }", params={"n": "Uzbekistan"})
    assert len(bound.rows) == 1
    long_line = "SELECT ?x WHERE { BIND(\"" + "x" * 5000 + "\" AS ?x) }"  # longer than any file name
    assert select(store, long_line).rows == [["x" * 5000]]


def test_a_rq_file_runs(store, tmp_path):
    path = tmp_path / "mine.rq"
    path.write_text("# My query\nSELECT (COUNT(*) AS ?n) WHERE { ?d a amity:Document }\n", encoding="utf-8")
    assert select(store, str(path)).rows == [["2"]]
    with pytest.raises(UnknownQueryError, match="not found"):
        select(store, str(tmp_path / "missing.rq"))


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }",
        "DELETE DATA { <http://x/a> <http://x/b> <http://x/c> }",
        "DELETE WHERE { ?s ?p ?o }",
        "PREFIX ex: <http://x/>\n# a comment\nDELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
        "WITH <http://x/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "LOAD <http://example.org/data.ttl>",
        "CLEAR ALL",
        "DROP GRAPH <http://x/g>",
        "CREATE GRAPH <http://x/g>",
        "ADD <http://x/a> TO <http://x/b>",
        "MOVE DEFAULT TO <http://x/b>",
        "COPY <http://x/a> TO <http://x/b>",
        "insert data { <http://x/a> <http://x/b> 'lower case' }",
    ],
)
def test_updates_are_refused(store, update):
    before = len(store)
    with pytest.raises(ReadOnlyQueryError, match="read-only") as refused:
        select(store, update)
    assert "\n" not in str(refused.value)
    assert len(store) == before


def test_the_word_delete_in_a_literal_or_comment_is_fine(store):
    text = '# delete nothing\nSELECT ?x WHERE { BIND("DELETE WHERE { ?s ?p ?o }" AS ?x) }'
    assert select(store, text).rows == [["DELETE WHERE { ?s ?p ?o }"]]
    assert first_keyword("PREFIX delete: <http://x/#>\n# INSERT\nSELECT * {}") == "SELECT"


def test_syntax_errors_are_one_line_with_a_position(store):
    with pytest.raises(QuerySyntaxError) as error:
        select(store, "SELECT ?x WHERE {\n  ?x ?y \n}")
    message = str(error.value)
    assert "\n" not in message and "syntax error at 3:" in message


def test_unknown_names_and_parameters(store):
    with pytest.raises(UnknownQueryError, match="named queries: .*actors"):
        select(store, "actrs")
    with pytest.raises(QueryError, match="timeline has no parameter c"):
        select(store, "timeline", params={"c": "x"})


def test_timeout(make_document):
    builder = GraphBuilder()
    builder.add_all([make_document(f"d{i}") for i in range(8)])
    # about a second of work: long enough to time out, short enough not to linger (the abandoned
    # evaluation runs on in its daemon thread until it ends)
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . FILTER(CONCAT(STR(?b), STR(?d)) != STR(?a)) }"
    with pytest.raises(QueryTimeoutError, match="did not finish within"):
        select(builder.store(), heavy, timeout=0.01)
    assert select(builder.store(), "topics", timeout=30).columns == ["topic", "doc"]
