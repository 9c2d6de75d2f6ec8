"""The analyst queries answer what they say they answer, on hand-made documents with known answers."""

from __future__ import annotations

from dataclasses import replace
from importlib import resources

import pyoxigraph as ox
import pytest

from amity.extract.model import DocumentFacts, Event, Figure, Goal
from amity.graph.build import GraphBuilder
from amity.queries.catalog import query_names
from amity.queries.runner import select

PAIR = ("Kazakhstan", "Uzbekistan")
ANALYST = ("goal-progress", "timeline", "actor-profile", "topics-by-pair", "evidence", "conflicts", "offices",
           "relations")


def rows(store: ox.Store, query: str, **params: str) -> list[dict[str, str]]:
    table = select(store, query, params=params or None)
    return [dict(zip(table.columns, row, strict=True)) for row in table.rows]


def document(doc_id: str, *, figures: list[Figure] | None = None, goals: list[Goal] | None = None,
             events: list[Event] | None = None) -> DocumentFacts:
    """The conftest document about Kazakhstan and Uzbekistan with some fact lists replaced."""
    from conftest import build_document

    def here(facts: list) -> list:  # the facts' evidence, moved to this document
        return [replace(f, evidence=tuple(replace(e, doc=doc_id) for e in f.evidence)) for f in facts]

    base = build_document(doc_id)
    return replace(base, figures=base.figures if figures is None else here(figures),
                   goals=base.goals if goals is None else here(goals),
                   events=base.events if events is None else here(events))


def store_of(*documents: DocumentFacts) -> ox.Store:
    builder = GraphBuilder(strict=True)
    builder.add_all(documents)
    return builder.store()


def figure(value: float, date: str | None, *, unit: str = "USD", subjects: tuple[str, ...] = PAIR,
           metric: str = "trade turnover") -> Figure:
    from conftest import build_document

    evidence = build_document().figures[0].evidence
    return Figure(f"{value:g} {unit} in {date}", metric, value, unit, False, date, subjects, evidence)


def goal(target: float, deadline: str | None, *, metric: str | None = "trade turnover", unit: str = "USD") -> Goal:
    from conftest import build_document

    evidence = build_document().goals[0].evidence
    return Goal(f"reach {target:g} {unit}", metric, target, unit, deadline, PAIR, evidence)


# --- goal progress --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def progress() -> list[dict[str, str]]:
    store = store_of(
        document("a", goals=[goal(5e9, "2020"), goal(10, None, metric=None, unit="percent")],
                 figures=[figure(3e9, "2018")]),
        document("b", goals=[], figures=[figure(4e9, "2020"), figure(4.5e9, "2020-12", unit="EUR")]),
        document("c", goals=[], figures=[figure(6e9, "2021-06"), figure(9e9, "2023", subjects=("Kazakhstan",)),
                                         figure(7e9, None)]),
    )
    return rows(store, "goal-progress")


def test_goal_progress_share_is_the_latest_figure_over_the_target(progress):
    row = next(r for r in progress if r["target"] == "5000000000")
    assert (row["metric"], row["unit"], row["deadline"], row["holders"]) == (
        "trade turnover", "USD", "2020", "Kazakhstan – Uzbekistan")
    # latest of the same metric, unit and pair: 2021-06 (not the EUR figure, the Kazakhstan-only
    # figure or the undated one)
    assert (row["latest_value"], row["latest_date"], row["share_percent"]) == ("6000000000", "2021-06", "120")
    assert (row["figure"], row["docs"]) == ("6e+09 USD in 2021-06", "c")


def test_goal_progress_by_the_deadline_takes_the_latest_figure_not_after_it(progress):
    row = next(r for r in progress if r["target"] == "5000000000")
    assert (row["deadline_value"], row["deadline_date"], row["deadline_share_percent"]) == ("4000000000", "2020", "80")


def test_goal_progress_lists_goals_it_cannot_measure_with_empty_cells(progress):
    row = next(r for r in progress if r["target"] == "10")
    assert row["metric"] == "" and row["unit"] == "percent"
    assert all(row[c] == "" for c in ("latest_value", "latest_date", "share_percent", "figure", "docs",
                                      "deadline_value", "deadline_date", "deadline_share_percent"))
    assert len(progress) == 2  # qualitative goals are not listed


def test_goal_progress_share_is_rounded_to_one_decimal():
    store = store_of(document("a", goals=[goal(3e9, "2030")], figures=[figure(1e9, "2019")]))
    (row,) = rows(store, "goal-progress")
    assert row["share_percent"] == "33.3" and row["deadline_share_percent"] == "33.3"


# --- timeline, profile, topics, offices, relations -------------------------------------------------


@pytest.fixture(scope="module")
def pair_store() -> ox.Store:
    from conftest import build_document

    base = build_document("b")
    meeting = Event("Meeting", "ministers met", "2018-11-02", "Tashkent", PAIR, base.events[0].evidence)
    third = Event("Talks", "talks with China", "2017", None, ("Kazakhstan", "China"), base.events[0].evidence)
    with_third = replace(base, events=[*base.events, meeting, third],
                         actors=[*base.actors, replace(base.actors[0], name="China", aliases=(), iso_code="CN",
                                                       wikidata="Q148", evidence=())])
    return store_of(build_document("a"), with_third)


def test_timeline_lists_a_pairs_events_by_date_undated_last(pair_store):
    timeline = rows(pair_store, "timeline", a="Uzbekistan", b="Kazakhstan")
    assert [(r["date"], r["type"]) for r in timeline] == [("2018-11-02", "Meeting"), ("2019-04", "Visit"),
                                                          ("", "Other")]
    visit = timeline[1]
    assert visit["participants"] == "Kassym-Jomart Tokayev|Uzbekistan"  # Kazakhstan through its president
    assert visit["docs"] == "a|b" and visit["place"] == "Tashkent"
    assert {(r["a"], r["b"]) for r in rows(pair_store, "timeline")} == {("China", "Kazakhstan"), PAIR}


def test_actor_profile_counts_what_involves_the_actor(pair_store):
    (profile,) = rows(pair_store, "actor-profile", actor="Kazakhstan")
    assert (profile["type"], profile["iso_code"], profile["wikidata"]) == (
        "Country", "KZ", "http://www.wikidata.org/entity/Q232")
    assert profile["aliases"] == "Republic of Kazakhstan"
    assert profile["offices"] == "Kassym-Jomart Tokayev: President of Kazakhstan"
    # events it takes part in directly: talks on water, the 2018 meeting, the talks with China
    assert (profile["documents"], profile["events"], profile["goals"], profile["figures"]) == ("2", "3", "2", "2")


def test_topics_by_pair(pair_store):
    topics = rows(pair_store, "topics-by-pair", a="Kazakhstan", b="Uzbekistan")
    assert [(r["topic"], r["documents"], r["docs"]) for r in topics] == [("security", "2", "a|b"),
                                                                         ("trade", "2", "a|b")]
    with_china = rows(pair_store, "topics-by-pair", a="China", b="Kazakhstan")
    assert {(r["topic"], r["docs"]) for r in with_china} == {("security", "b"), ("trade", "b")}


def test_offices_as_stated(pair_store):
    (office,) = rows(pair_store, "offices")
    assert office == {"person": "Kassym-Jomart Tokayev", "role": "President of Kazakhstan", "state": "Kazakhstan",
                      "start": "2019-03", "end": "", "docs": "a|b"}


def test_relations_count_the_documents_using_a_characterisation(pair_store):
    (relation,) = rows(pair_store, "relations")
    assert relation == {"relation": "strategic partnership", "subjects": "Kazakhstan – Uzbekistan",
                        "documents": "2", "docs": "a|b"}


# --- evidence and conflicts ----------------------------------------------------------------------


def test_evidence_by_name_alias_or_iri_gives_the_same_sentences(pair_store):
    by_name = rows(pair_store, "evidence", name="Kassym-Jomart Tokayev")
    by_alias = rows(pair_store, "evidence", name="President Tokayev")
    iri = by_name[0]["node"]
    by_node = rows(pair_store, "evidence", node=f"<{iri}>")

    def sentences(found: list[dict[str, str]]) -> list[tuple[str, ...]]:
        return [(r["kind"], r["doc"], r["start"], r["end"], r["rule"], r["sentence"], r["node"]) for r in found]

    assert sentences(by_name) == sentences(by_alias) == sentences(by_node)
    assert [(r["doc"], r["rule"]) for r in by_name] == [("a", "actor.person"), ("b", "actor.person")]
    assert by_name[0]["name"] == "Kassym-Jomart Tokayev" and by_alias[0]["name"] == "President Tokayev"
    assert by_node[0]["name"] == "Kassym-Jomart Tokayev|President Tokayev|Tokayev"


def test_evidence_of_a_fact(pair_store):
    found = rows(pair_store, "evidence", name="ministers met")
    assert [(r["kind"], r["doc"], r["rule"]) for r in found] == [("Meeting", "b", "event.visit")]


def test_conflicts_are_figures_that_disagree_across_documents():
    store = store_of(
        document("a", figures=[figure(3e9, "2018"), figure(1e9, "2019")]),
        document("b", figures=[figure(3.2e9, "2018"), figure(1e9, "2019"), figure(2e9, "2020")]),
        document("c", figures=[figure(2e9, "2020"), figure(2.5e9, "2020")]),  # disagree within one document only
    )
    found = rows(store, "conflicts")
    assert [(r["date"], r["value_a"], r["docs_a"], r["value_b"], r["docs_b"]) for r in found] == [
        ("2018", "3000000000", "a", "3200000000", "b"),
        ("2020", "2000000000", "b|c", "2500000000", "c"),  # b says 2 bn, c says 2.5 bn
    ]
    assert {(r["metric"], r["unit"], r["subjects"]) for r in found} == {("trade turnover", "USD",
                                                                         "Kazakhstan – Uzbekistan")}


# --- documentation -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", query_names())
def test_every_query_starts_with_a_comment_saying_what_it_answers(name):
    text = resources.files("amity.queries").joinpath(f"{name}.rq").read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first.startswith("# ") and len(first) > 30, first


def test_the_analyst_queries_are_all_there():
    assert set(ANALYST) <= set(query_names())
