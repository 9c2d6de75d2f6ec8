"""Every graph amity writes conforms to ontology/shapes.ttl, and the shapes catch mistakes."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from amity.graph.build import GraphBuilder
from amity.graph.validate import validate

AMITY = "https://w3id.org/amity/ontology#"


@pytest.fixture(scope="module")
def graph() -> Graph:
    from conftest import build_document

    builder = GraphBuilder(strict=True)
    builder.add_all([build_document("kz-uz-1"), build_document("kz-uz-2", wording=2)])
    quads = list(builder.quads())
    return Graph().parse(data="".join(f"{s} {p} {o} .\n" for s, p, o, _ in quads), format="nt")


def copy(graph: Graph) -> Graph:
    result = Graph()
    for triple in graph:
        result.add(triple)
    return result


def one(graph: Graph, cls: str) -> URIRef:
    return sorted(graph.subjects(RDF.type, URIRef(AMITY + cls)))[0]


def test_built_graph_conforms(graph):
    report = validate(graph)
    assert report.conforms, report.text


def test_graph_file_conforms(tmp_path, two_documents):
    builder = GraphBuilder()
    builder.add_all(two_documents)
    builder.write(tmp_path / "g.trig")
    assert validate(tmp_path / "g.trig").conforms


def _violates(graph: Graph) -> bool:
    return not validate(graph).conforms


def test_missing_required_value_is_caught(graph):
    broken = copy(graph)
    figure = one(broken, "Figure")
    broken.remove((figure, URIRef(AMITY + "value"), None))
    assert _violates(broken)


def test_wrong_datatype_is_caught(graph):
    broken = copy(graph)
    figure = one(broken, "Figure")
    broken.remove((figure, URIRef(AMITY + "value"), None))
    broken.add((figure, URIRef(AMITY + "value"), Literal("three billion")))
    assert _violates(broken)


def test_bad_date_is_caught(graph):
    broken = copy(graph)
    event = one(broken, "Visit")
    broken.remove((event, URIRef(AMITY + "date"), None))
    broken.add((event, URIRef(AMITY + "date"), Literal("April 2019")))
    assert _violates(broken)


def test_unknown_property_on_a_closed_shape_is_caught(graph):
    broken = copy(graph)
    broken.add((one(broken, "Goal"), URIRef(AMITY + "value"), Literal("1", datatype=XSD.decimal)))
    assert _violates(broken)


def test_event_needs_exactly_one_event_type(graph):
    broken = copy(graph)
    event = one(broken, "Visit")
    broken.add((event, RDF.type, URIRef(AMITY + "Summit")))
    assert _violates(broken)
    broken.remove((event, RDF.type, URIRef(AMITY + "Summit")))
    broken.remove((event, RDF.type, URIRef(AMITY + "Visit")))
    assert _violates(broken)


def test_topic_outside_the_scheme_is_caught(graph):
    broken = copy(graph)
    cooperation = one(broken, "Cooperation")
    broken.remove((cooperation, URIRef(AMITY + "topic"), None))
    broken.add((cooperation, URIRef(AMITY + "topic"), URIRef("https://w3id.org/amity/topic/gastronomy")))
    assert _violates(broken)


def test_second_label_on_an_actor_is_caught(graph):
    broken = copy(graph)
    broken.add((one(broken, "Country"), RDFS.label, Literal("Another name")))
    assert _violates(broken)


def test_evidence_span_must_be_ordered(graph):
    broken = copy(graph)
    evidence = one(broken, "Evidence")
    begin = URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex")
    broken.remove((evidence, begin, None))
    broken.add((evidence, begin, Literal(100000, datatype=XSD.integer)))
    assert _violates(broken)
