"""Identifiers: ISO 3166 codes and owl:sameAs links to Wikidata, from the gazetteer to the graph,
and the README's recipe for joining amity's graph with Wikidata."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest
import yaml

from amity.extract.documents import document_from_text
from amity.extract.model import Actor, Document, DocumentFacts, Evidence
from amity.graph.build import GraphBuilder
from amity.graph.mapping import map_document
from amity.queries.runner import select

ROOT = Path(__file__).resolve().parents[1]
OWL_SAME_AS = "<http://www.w3.org/2002/07/owl#sameAs>"
ISO_CODE = "<https://w3id.org/amity/ontology#isoCode>"
QID = re.compile(r"^Q[1-9][0-9]*$")


def statements(facts: DocumentFacts) -> set[tuple[str, str, str]]:
    return set(map_document(facts, strict=False).triples())


def one_actor(actor: Actor) -> DocumentFacts:
    return DocumentFacts(Document("d", "Kazakhstan.\n", "t"), actors=[actor])


def test_mapping_writes_iso_code_and_wikidata_link():
    found = statements(one_actor(Actor("Kazakhstan", "Country", (), "KZ", "Q232")))
    (subject,) = {s for s, p, _ in found if p == ISO_CODE}
    assert (subject, ISO_CODE, '"KZ"') in found
    assert (subject, OWL_SAME_AS, "<http://www.wikidata.org/entity/Q232>") in found


@pytest.mark.parametrize("kind,name,qid", [("Person", "Narendra Modi", "Q1058"),
                                           ("Organization", "Commonwealth of Independent States", "Q7779")])
def test_persons_and_organisations_carry_their_wikidata_link(kind, name, qid):
    found = statements(one_actor(Actor(name, kind, (), None, qid)))
    assert any(p == OWL_SAME_AS and o == f"<http://www.wikidata.org/entity/{qid}>" for _, p, o in found)
    assert not any(p == ISO_CODE for _, p, _ in found)


def test_wikidata_urls_are_normalised_and_bad_identifiers_dropped_with_a_warning():
    found = statements(one_actor(Actor("Kazakhstan", "Country", (), "KZ", "https://www.wikidata.org/wiki/Q232")))
    assert any(o == "<http://www.wikidata.org/entity/Q232>" for _, _, o in found)
    graph = map_document(one_actor(Actor("Kazakhstan", "Country", (), "Kazakh", "Kazakhstan")))
    assert not any(p in (ISO_CODE, OWL_SAME_AS) for _, p, _ in graph.triples())
    assert len(graph.warnings) == 2 and "ISO code" in graph.warnings[0] + graph.warnings[1]


def test_every_state_in_the_gazetteer_has_an_iso_code_and_a_wikidata_item():
    entries = yaml.safe_load((ROOT / "extract" / "gazetteer" / "countries.yaml").read_text(encoding="utf-8"))
    missing = [e["name"] for e in entries if not e.get("iso") or not QID.match(str(e.get("wikidata", "")))]
    members = [e for e in entries if e.get("status", "member") in ("member", "observer")]
    assert len(members) >= 195
    assert all(e["name"] not in missing for e in members), missing


def test_the_extractor_fills_identifiers_from_the_gazetteer_into_the_graph():
    from extract_fixtures import extractor

    text = ("Kazakhstan and India\n\nPresident Tokayev met Prime Minister Narendra Modi in Astana in June 2024. "
            "Both praised the Commonwealth of Independent States.\n")
    facts = extractor().extract(document_from_text("ids", text, "2024-06-10"))
    actors = {a.name: a for a in facts.actors}
    assert (actors["Kazakhstan"].iso_code, actors["Kazakhstan"].wikidata) == ("KZ", "Q232")
    assert (actors["India"].iso_code, actors["India"].wikidata) == ("IN", "Q668")
    assert actors["Narendra Modi"].wikidata == "Q1058"
    assert actors["Commonwealth of Independent States"].wikidata == "Q7779"
    builder = GraphBuilder()
    builder.add(facts)
    linked = select(builder.store(), """
        SELECT ?name ?item WHERE { ?a rdfs:label ?name ; owl:sameAs ?item } ORDER BY ?name""").rows
    assert ["India", "http://www.wikidata.org/entity/Q668"] in linked
    assert ["Narendra Modi", "http://www.wikidata.org/entity/Q1058"] in linked
    codes = select(builder.store(), "SELECT ?code WHERE { ?c a amity:Country ; amity:isoCode ?code } ORDER BY ?code")
    assert codes.rows == [["IN"], ["KZ"]]


# --- the README's Wikidata section -----------------------------------------------------------------


def _readme_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"\n## [^\n]*Wikidata[^\n]*\n(.*?)(?=\n## |\Z)", readme, re.S)
    assert match, "README.md has no section about Wikidata"
    return match.group(1)


def _sparql_blocks() -> list[str]:
    return re.findall(r"```sparql\n(.*?)```", _readme_section(), re.S)


def test_the_readme_shows_a_federated_query_that_parses():
    federated = [b for b in _sparql_blocks() if "SERVICE <https://query.wikidata.org/sparql>" in b]
    assert federated, "no federated SERVICE example"
    from rdflib.plugins.sparql import prepareQuery

    for block in federated:
        prepareQuery(block)  # parses: SERVICE needs network access to run, not to parse


def test_the_readme_join_on_same_as_runs_on_an_amity_graph():
    local = [b for b in _sparql_blocks() if "SERVICE" not in b and "owl:sameAs" in b]
    assert local, "no owl:sameAs example without SERVICE"
    ev = (Evidence("d", 0, 11, "Kazakhstan.", "r"),)
    facts = DocumentFacts(Document("d", "Kazakhstan.\n", "t"),
                          actors=[Actor("Kazakhstan", "Country", (), "KZ", "Q232", ev)])
    builder = GraphBuilder(strict=True)
    builder.add(facts)
    store = builder.store()
    wikidata = ('<http://www.wikidata.org/entity/Q232> <http://www.w3.org/2000/01/rdf-schema#label> '
                '"Казахстан"@ru .\n<http://www.wikidata.org/entity/Q232> '
                '<http://www.wikidata.org/prop/direct/P36> <http://www.wikidata.org/entity/Q1520> .\n')
    store.load(wikidata.encode(), format=ox.RdfFormat.N_TRIPLES)
    for block in local:
        rows = select(store, block).rows
        assert rows and any("Kazakhstan" in cell for row in rows for cell in row), block
