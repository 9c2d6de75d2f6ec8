"""Facts -> RDF: deterministic IRIs, merging across documents, provenance, leniency and strictness."""

from __future__ import annotations

import dataclasses

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from amity.extract.model import Actor, Event, Evidence, Figure, Topic
from amity.graph.build import GraphBuilder
from amity.graph.errors import GraphError, MappingError
from amity.graph.iris import IriFactory, canonical_name, percent_encode, slugify
from amity.graph.mapping import Mapper, date_term, decimal_lexical, map_document

AMITY = "https://w3id.org/amity/ontology#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
DERIVED = "<http://www.w3.org/ns/prov#wasDerivedFrom>"

names = st.text(min_size=1, max_size=40).filter(lambda s: canonical_name(s) != "")


def subjects_of_type(triples, cls: str) -> set[str]:
    return {s for s, p, o in triples if p == RDF_TYPE and o == f"<{AMITY}{cls}>"}


def test_slugs_are_readable_ascii():
    assert slugify("Kassym-Jomart Tokayev") == "kassym-jomart-tokayev"
    assert slugify("Côte d’Ivoire") == "cote-d-ivoire"
    assert slugify("Токаев") == ""
    assert len(slugify("word " * 40)) <= 48


def test_actor_iris_look_as_documented():
    iri = IriFactory().actor("Person", "Kassym-Jomart Tokayev")
    assert iri.startswith("https://w3id.org/amity/id/person/kassym-jomart-tokayev-")
    assert len(iri.rsplit("-", 1)[1]) == 12


@settings(max_examples=300, deadline=None)
@given(names, names)
def test_iris_from_any_name_are_valid_stable_and_distinct(first, second):
    factory = IriFactory()
    a, b = factory.actor("Person", first), factory.actor("Person", second)
    ox.NamedNode(a)  # raises on an invalid IRI
    assert a == IriFactory().actor("Person", first)
    assert (a == b) == (canonical_name(first) == canonical_name(second))
    for method in (factory.threat, lambda n: factory.relation(n, [])):
        ox.NamedNode(method(first))


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=30), st.text(min_size=1, max_size=30))
def test_document_and_evidence_iris_are_valid_and_injective(doc_a, doc_b):
    factory = IriFactory()
    for doc in (doc_a, doc_b):
        ox.NamedNode(factory.document(doc))
        ox.NamedNode(factory.graph(doc))
        ox.NamedNode(factory.evidence(doc, 0, 10, "rule ü <x>"))
        ox.NamedNode(factory.occurrence(doc, factory.actor("City", "Tashkent")))
    assert (percent_encode(doc_a) == percent_encode(doc_b)) == (doc_a == doc_b)


def test_base_can_be_overridden_and_is_checked():
    graph = map_document(_small_document(), base="https://example.org/kg/")
    assert all(s.startswith("<https://example.org/kg/") for s in graph.nodes)
    with pytest.raises(GraphError):
        IriFactory("not a base")


def _small_document():
    from conftest import build_document

    return build_document()


def test_numbers_and_dates_are_written_plainly():
    assert decimal_lexical(3e9) == "3000000000"
    assert decimal_lexical(50.0) == "50"
    assert decimal_lexical(28.6) == "28.6"
    assert decimal_lexical(1e-05) == "0.00001"
    assert decimal_lexical(7) == "7"
    assert date_term("2019").endswith("#gYear>")
    assert date_term("2019-04").endswith("#gYearMonth>")
    assert date_term("2019-04-14").endswith("#date>")


def test_every_kind_is_mapped(make_document):
    graph = Mapper(strict=True).map(make_document())
    triples = set(graph.triples())
    for cls in ("Document", "Country", "Person", "City", "Organization", "OfficeHolding", "Visit", "OtherEvent",
                "Goal", "Figure", "Cooperation", "Threat", "RelationCharacterisation", "Evidence", "Occurrence",
                "ActorSet"):
        assert subjects_of_type(triples, cls), cls
    assert graph.facts == {"actors": 5, "offices": 1, "events": 2, "goals": 2, "figures": 2, "topics": 2,
                           "threats": 1, "relations": 1}
    assert not graph.warnings


def test_no_blank_nodes_and_same_output_twice(make_document):
    first = Mapper().map(make_document())
    second = Mapper().map(make_document())
    assert set(first.triples()) == set(second.triples())
    assert not any(t.startswith("_:") for triple in first.triples() for t in triple)


def test_one_fact_in_two_documents_is_one_node_with_two_pieces_of_evidence(two_documents):
    builder = GraphBuilder(strict=True)
    builder.add_all(two_documents)
    triples = {(s, p, o) for s, p, o, _ in builder.quads()}
    visits = subjects_of_type(triples, "Visit")
    figures = [f for f in subjects_of_type(triples, "Figure") if "3000000000" in f]
    assert len(visits) == 1 and len(figures) == 1
    for node in (*visits, *figures):
        evidence = {o for s, p, o in triples if s == node and p == DERIVED}
        assert len(evidence) == 2
        documents = {o for s, p, o in triples if s in evidence and p == f"<{AMITY}document>"}
        assert len(documents) == 2
    occurrences = {s for s, p, o in triples if p == f"<{AMITY}occurrenceOf>" and o in visits}
    assert len(occurrences) == 2


def test_evidence_carries_document_span_text_and_rule(make_document):
    facts = make_document()
    triples = set(Mapper().map(facts).triples())
    evidence = subjects_of_type(triples, "Evidence")
    assert evidence
    for node in evidence:
        props = {p: o for s, p, o in triples if s == node}
        assert props[f"<{AMITY}document>"].endswith("/document/kz-uz-1>")
        begin = int(props["<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex>"].split('"')[1])
        end = int(props["<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex>"].split('"')[1])
        anchor = props["<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf>"]
        assert anchor == '"' + facts.document.text[begin:end] + '"'
        assert f"<{AMITY}rule>" in props


def test_aliases_are_recorded_per_document(two_documents):
    builder = GraphBuilder()
    builder.add_all(two_documents)
    per_doc = {
        graph.doc_id: {o for s, p, o in graph.triples() if p == f"<{AMITY}surfaceForm>" and ".city." not in s}
        for graph in builder.graphs.values()
    }
    assert '"Tashkent"' in per_doc["kz-uz-1"] and '"Tashkent"' not in per_doc["kz-uz-2"]


def test_document_order_does_not_change_the_graph(two_documents):
    a, b = GraphBuilder(), GraphBuilder()
    a.add_all(two_documents)
    b.add_all(reversed(two_documents))
    assert set(a.quads()) == set(b.quads())


def test_bad_fields_and_facts_are_dropped_with_warnings(make_document):
    facts = make_document()
    ev = facts.events[0].evidence
    facts.events.append(Event("Parade", "a parade", "2019", None, ("Kazakhstan",), ev))
    facts.figures.append(Figure("odd date", "x", 1.0, "USD", date="2019-13", evidence=ev))
    facts.figures.append(Figure("not finite", "x", float("nan"), "USD", evidence=ev))
    facts.topics.append(Topic("gastronomy"))
    facts.events.append(Event("Meeting", "with a stranger", "2019", None, ("Atlantis",), ev))
    facts.actors.append(Actor("Kyrgyzstan", "Country", iso_code="kg1", wikidata="not-a-qid"))
    bad_span = (Evidence(facts.document.id, 5, 2, "x", "r"), Evidence("other-doc", 0, 1, "K", "r"))
    facts.threats.append(dataclasses.replace(facts.threats[0], evidence=bad_span))
    graph = Mapper().map(facts)
    text = "\n".join(graph.warnings)
    for expected in ("Parade", "2019-13", "not finite", "gastronomy", "Atlantis", "kg1", "not-a-qid",
                     "5-2", "other-doc"):
        assert expected in text
    triples = set(graph.triples())
    assert subjects_of_type(triples, "Actor") >= {t for t in subjects_of_type(triples, "Actor") if "atlantis" in t}
    assert any("/actor/atlantis-" in s for s in subjects_of_type(triples, "Actor"))
    assert graph.facts["events"] == 3 and graph.facts["topics"] == 2


def test_strict_mode_raises_with_the_document_and_the_problem(make_document):
    facts = make_document()
    facts.topics.append(Topic("gastronomy"))
    with pytest.raises(MappingError, match=r"kz-uz-1: topics\[2\]: topic 'gastronomy'"):
        Mapper(strict=True).map(facts)


def test_an_unusable_document_is_skipped_by_the_builder(make_document):
    facts = make_document()
    broken = dataclasses.replace(facts, document=dataclasses.replace(facts.document, id=""))
    builder = GraphBuilder()
    builder.add_all([broken, facts])
    assert list(builder.graphs) == ["kz-uz-1"]
    assert builder.skipped and "empty id" in builder.skipped[0]
    stats = builder.stats()
    assert stats.documents == 1 and stats.triples == len(set(builder.graphs["kz-uz-1"].triples()))


def test_events_told_apart_by_their_key_are_two_nodes():
    iris = IriFactory()
    plain = iris.event("Agreement", None, ["Laos", "Vietnam"], None)
    assert iris.event("Agreement", None, ["Vietnam", "Laos"], None, None) == plain  # no key: unchanged
    decided = iris.event("Agreement", None, ["Laos", "Vietnam"], None, "decision")
    assert decided != plain
