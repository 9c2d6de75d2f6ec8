"""The ontology, topic scheme and shapes: well-formed, documented, aligned, in step with the fact model."""

from __future__ import annotations

import re

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

from amity.extract.model import ACTOR_TYPES, EVENT_TYPES, TOPICS
from amity.ontology import ontology_turtle, shapes_turtle, topics_turtle

AMITY = "https://w3id.org/amity/ontology#"
TOPIC = "https://w3id.org/amity/topic/"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(data=ontology_turtle(), format="turtle")


@pytest.fixture(scope="module")
def topics() -> Graph:
    return Graph().parse(data=topics_turtle(), format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(data=shapes_turtle(), format="turtle")


def amity_terms_in(graph: Graph) -> set[str]:
    """Local names of every amity IRI that appears anywhere in `graph`."""
    terms = {str(t) for triple in graph for t in triple if isinstance(t, URIRef)}
    return {t[len(AMITY) :] for t in terms if t.startswith(AMITY)}


def declared(graph: Graph) -> set[str]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    return {str(s)[len(AMITY) :] for k in kinds for s in graph.subjects(RDF.type, k) if str(s).startswith(AMITY)}


def test_ontology_header_has_a_version(onto):
    header = URIRef("https://w3id.org/amity/ontology")
    assert (header, RDF.type, OWL.Ontology) in onto
    assert re.fullmatch(r"\d+\.\d+\.\d+", str(onto.value(header, OWL.versionInfo)))
    assert onto.value(header, OWL.versionIRI) is not None


def test_every_term_has_a_label_and_a_comment(onto):
    terms = declared(onto)
    assert len(terms) > 50
    for name in terms:
        term = URIRef(AMITY + name)
        assert onto.value(term, RDFS.label), f"amity:{name} has no rdfs:label"
        assert onto.value(term, RDFS.comment), f"amity:{name} has no rdfs:comment"


def test_no_amity_term_is_used_without_being_declared(onto):
    assert amity_terms_in(onto) <= declared(onto)


def test_every_fact_model_type_has_a_class(onto):
    names = declared(onto)
    for actor_type in ACTOR_TYPES:
        assert actor_type in names
        assert (URIRef(AMITY + actor_type), RDFS.subClassOf, URIRef(AMITY + "Actor")) in onto
    for event_type in EVENT_TYPES:
        cls = "OtherEvent" if event_type == "Other" else event_type
        assert (URIRef(AMITY + cls), RDFS.subClassOf, URIRef(AMITY + "Event")) in onto
    for kind in ("OfficeHolding", "Goal", "Figure", "Cooperation", "Threat", "RelationCharacterisation",
                 "Document", "Evidence", "Occurrence", "ActorSet"):
        assert kind in names


@pytest.mark.parametrize(
    ("term", "parent"),
    [
        ("Country", SCHEMA + "Country"),
        ("Person", SCHEMA + "Person"),
        ("Organization", SCHEMA + "Organization"),
        ("City", SCHEMA + "City"),
        ("Event", SCHEMA + "Event"),
        ("Figure", SCHEMA + "QuantitativeValue"),
        ("Document", SCHEMA + "CreativeWork"),
        ("Actor", PROV + "Agent"),
        ("Evidence", PROV + "Entity"),
    ],
)
def test_classes_are_aligned(onto, term, parent):
    assert (URIRef(AMITY + term), RDFS.subClassOf, URIRef(parent)) in onto


def test_properties_are_aligned(onto):
    assert (URIRef(AMITY + "value"), RDFS.subPropertyOf, URIRef(SCHEMA + "value")) in onto
    assert (URIRef(AMITY + "member"), RDFS.subPropertyOf, URIRef(PROV + "hadMember")) in onto


def test_topic_scheme_matches_the_fact_model(topics):
    concepts = {str(c) for c in topics.subjects(RDF.type, SKOS.Concept)}
    assert concepts == {TOPIC + t for t in TOPICS}
    scheme = URIRef("https://w3id.org/amity/topics")
    assert (scheme, RDF.type, SKOS.ConceptScheme) in topics
    for name in TOPICS:
        concept = URIRef(TOPIC + name)
        assert topics.value(concept, SKOS.notation) == Literal(name)
        assert topics.value(concept, SKOS.prefLabel) is not None
        assert (concept, SKOS.inScheme, scheme) in topics
        assert list(topics.objects(concept, SKOS.altLabel)), f"{name} has no keywords"


def test_format_keywords_are_alt_labels(topics):
    alt = {str(label).lower() for label in topics.objects(None, SKOS.altLabel)}
    for keyword in ("logistics", "railways", "customs", "delimitation", "law enforcement", "labour migration",
                    "banking", "interregional", "cultural-humanitarian"):
        assert keyword in alt


def test_shapes_cover_every_class_amity_writes(shapes):
    targets = {str(t)[len(AMITY) :] for t in shapes.objects(None, SH.targetClass)}
    assert {"Actor", "ActorSet", "Document", "Evidence", "Occurrence", "OfficeHolding", "Event", "Goal", "Figure",
            "Cooperation", "Threat", "RelationCharacterisation"} <= targets


def test_shapes_are_closed_and_use_declared_terms(shapes, onto):
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        assert shapes.value(shape, SH.closed) == Literal(True), shape
    assert amity_terms_in(shapes) <= declared(onto)


def test_shapes_topic_list_is_the_scheme(shapes):
    lists = [shapes.value(s, SH["in"]) for s in shapes.subjects(SH.path, URIRef(AMITY + "topic"))]
    assert len(lists) == 1
    from rdflib.collection import Collection

    assert {str(x) for x in Collection(shapes, lists[0])} == {TOPIC + t for t in TOPICS}
