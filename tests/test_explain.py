"""`amity explain TERM`: the sentences, documents and rules behind an actor or a fact."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from amity.cli import main
from amity.explain import NothingToExplain, as_iri, explain, render
from amity.graph.build import GraphBuilder


@pytest.fixture(scope="module")
def graph(tmp_path_factory) -> Path:
    from conftest import build_document

    path = tmp_path_factory.mktemp("explain") / "graph.ttl"
    builder = GraphBuilder(strict=True)
    builder.add_all([build_document("kz-uz-1"), build_document("kz-uz-2", wording=2)])
    builder.write(path)
    return path


def run(graph: Path, *args: str):
    return CliRunner().invoke(main, ["explain", *args, "--graph", str(graph)])


def test_an_actor_by_name_lists_documents_sentences_and_rules(graph):
    result = run(graph, "Kassym-Jomart Tokayev")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Kassym-Jomart Tokayev — Person <https://w3id.org/amity/id/person/kassym-jomart-tokayev-")
    assert lines[1] == "  also: President Tokayev; Tokayev"
    assert lines[2] == "  2 documents, 2 sentences; rules: actor.person"
    assert lines[3] == "  kz-uz-1 — Kazakhstan and Uzbekistan (kz-uz-1); 2019-04-14"
    assert lines[4] == "    [50–113] actor.person: President Tokayev paid a state visit to Tashkent in April 2019."
    assert lines[5].startswith("  kz-uz-2 — ")


def test_an_alias_any_case_and_an_iri_find_the_same_node(graph):
    by_name = explain(graph, "Kassym-Jomart Tokayev")
    by_alias = explain(graph, "Tokayev")
    by_case = explain(graph, "tokayev")
    iri = by_name.nodes[0].iri
    by_iri = explain(graph, iri)
    by_bracketed = explain(graph, f"<{iri}>")
    by_prefixed = explain(graph, "person:" + iri.rsplit("/", 1)[1])
    assert {e.nodes for e in (by_alias, by_case, by_iri, by_bracketed, by_prefixed)} == {by_name.nodes}
    assert (by_alias.match, by_case.match, by_iri.match) == ("exact", "ignoring case", "IRI")


def test_a_fact_groups_one_sentence_read_by_several_rules(graph):
    (node,) = explain(graph, "trade to $5 billion", limit=5).nodes  # partial: the goal's words
    assert node.kind == "Goal"
    assert node.label in ("raise trade to $5 billion by 2020", "bring turnover to 5 bn dollars")
    assert [d.doc for d in node.documents] == ["kz-uz-1", "kz-uz-2"]
    sentence = node.documents[0].sentences[0]
    assert sentence.rules == ("goal.target",) and sentence.text.startswith("The sides intend to raise trade")


def test_event_figure_topic_threat_relation(graph):
    kinds = {term: explain(graph, term).nodes[0].kind for term in (
        "Tokayev's trip to Uzbekistan", "reached $3 billion", "trade", "terror", "strategic partnership")}
    assert kinds == {"Tokayev's trip to Uzbekistan": "Visit", "reached $3 billion": "Figure", "trade": "Cooperation",
                     "terror": "Threat", "strategic partnership": "RelationCharacterisation"}


def test_partial_matches_are_announced_and_limited(graph):
    result = run(graph, "TA", "--limit", "1")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("") and "(partial)" in lines[0]
    assert lines[-1].startswith("… and ") and "more" in lines[-1]


def test_an_actor_mentioned_without_a_sentence_lists_its_documents(graph):
    (node,) = explain(graph, "Shanghai Cooperation Organisation").nodes
    assert node.kind == "Organization" and [d.doc for d in node.documents] == ["kz-uz-1", "kz-uz-2"]
    assert all(not d.sentences for d in node.documents)
    text = render(explain(graph, "Shanghai Cooperation Organisation"))
    assert "(mentioned; no sentence recorded for it alone)" in text


def test_a_name_shared_by_two_nodes_explains_both(graph):
    kinds = sorted(node.kind for node in explain(graph, "Tashkent").nodes)
    assert kinds == ["City", "Country"]  # the city, and Uzbekistan, which one document calls Tashkent


def test_nothing_matches_is_one_line(graph):
    with pytest.raises(NothingToExplain):
        explain(graph, "Atlantis")
    result = run(graph, "Atlantis")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith("amity: no actor or fact matches 'Atlantis'") and result.stderr.count("\n") == 1
    result = run(graph, "https://w3id.org/amity/id/country/atlantis")
    assert result.exit_code == 1 and "an IRI" in result.stderr


def test_hostile_terms_are_data_not_sparql(graph):
    for term in ['" } DELETE WHERE { ?s ?p ?o } #', "\\", "\n", "'; DROP", "<urn:x> } <"]:
        with pytest.raises(NothingToExplain):
            explain(graph, term)


def test_a_missing_graph_is_one_line(tmp_path):
    result = run(tmp_path / "nope.ttl", "Kazakhstan")
    assert result.exit_code == 1 and result.stderr.count("\n") == 1 and "no such graph" in result.stderr


def test_iri_forms():
    assert as_iri("<urn:x>") == "urn:x"
    assert as_iri("https://w3id.org/amity/id/country/x") == "https://w3id.org/amity/id/country/x"
    assert as_iri("country:x") == "https://w3id.org/amity/id/country/x"
    assert as_iri("wd:Q232") == "http://www.wikidata.org/entity/Q232"
    assert as_iri("Kazakhstan") is None and as_iri("note: something") is None
