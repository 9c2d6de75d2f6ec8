"""Inference: queries by superclass find amity's facts only with --infer, and match OWL RL (owlrl)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from amity.cli import main
from amity.graph.build import GraphBuilder
from amity.graph.inference import infer, schema
from amity.queries.catalog import query_names
from amity.queries.runner import run_query, select

AMITY = "https://w3id.org/amity/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
SCHEMA_EVENTS = "SELECT ?x WHERE { ?x a schema:Event } ORDER BY ?x"


@pytest.fixture(scope="module")
def builder() -> GraphBuilder:
    from conftest import build_document

    built = GraphBuilder(strict=True)
    built.add_all([build_document("kz-uz-1"), build_document("kz-uz-2", wording=2)])
    return built


@pytest.fixture(scope="module")
def store(builder) -> ox.Store:
    return builder.store()


@pytest.fixture(scope="module")
def inferred(store) -> ox.Store:
    return infer(store)


@pytest.fixture(scope="module")
def ttl(builder, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("inference") / "graph.ttl"
    builder.write(path)
    return path


def names(store: ox.Store, query: str) -> list[str]:
    return [row[0] for row in select(store, query).rows]


def test_a_query_by_superclass_finds_visits_only_with_inference(store, inferred):
    visits = names(store, "SELECT ?x WHERE { ?x a amity:Visit }")
    assert len(visits) == 1
    assert names(store, SCHEMA_EVENTS) == []
    found = names(inferred, SCHEMA_EVENTS)
    assert visits[0] in found and len(found) == 2  # the visit and the undated talks


def test_states_are_actors_agents_and_schema_countries(inferred):
    for cls in ("amity:Actor", "prov:Agent", "schema:Country"):
        countries = names(inferred, f"SELECT ?n WHERE {{ ?x a {cls} ; a amity:Country ; rdfs:label ?n }} ORDER BY ?n")
        assert countries == ["Kazakhstan", "Uzbekistan"], cls


def test_super_properties_domains_and_ranges(inferred):
    place = names(inferred, "SELECT ?n WHERE { ?e schema:location ?p . ?p rdfs:label ?n }")
    assert place == ["Tashkent"]
    codes = names(inferred, "SELECT ?c WHERE { ?x dcterms:identifier ?c ; a amity:Country } ORDER BY ?c")
    assert codes == ["KZ", "UZ"]
    topics = names(inferred, "SELECT ?t WHERE { ?c amity:topic ?t . ?t a skos:Concept } ORDER BY ?t")
    assert topics == ["https://w3id.org/amity/topic/security", "https://w3id.org/amity/topic/trade"]
    facts = names(inferred, "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a amity:Fact }")
    assert facts == names(inferred, """SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {
        VALUES ?c { amity:OfficeHolding amity:Event amity:Goal amity:Figure amity:Cooperation amity:Threat
                    amity:RelationCharacterisation } ?x a ?c }""")


def test_no_equality_reasoning_and_no_trivial_types(inferred):
    assert names(inferred, "SELECT ?n WHERE { wd:Q232 rdfs:label ?n }") == []
    assert names(inferred, "SELECT ?x WHERE { ?x a owl:Thing }") == []
    assert names(inferred, "SELECT ?x WHERE { ?x owl:sameAs ?x }") == []


def test_the_input_store_is_left_as_it_was(store, inferred):
    assert len(inferred) > len(store)
    assert names(store, SCHEMA_EVENTS) == []


def test_the_result_equals_an_owl_rl_closure_by_owlrl(ttl, inferred):
    """Running owlrl over data + ontology gives the same statements about the data (equality
    reasoning and owl:Thing aside, which infer leaves out on purpose)."""
    import owlrl
    from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal

    from amity.ontology import ontology_turtle

    data = Graph().parse(ttl)
    closure = Graph()
    for triple in data:
        if triple[1] != OWL.sameAs:
            closure.add(triple)
    closure.parse(data=ontology_turtle(), format="turtle")
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, rdfs_closure=False, axiomatic_triples=False,
                           datatype_axioms=False).expand(closure)
    # the data's nodes: subjects, and objects other than classes (topic concepts, Wikidata items)
    terms = {s for s, _, _ in data} | {o for _, p, o in data if not isinstance(o, Literal) and p != RDF.type}
    expected = {(s.n3(), p.n3(), o.n3()) for s, p, o in data}
    for s, p, o in closure:
        if s not in terms or isinstance(s, BNode | Literal) or p == OWL.sameAs:
            continue
        if p == RDF.type and o in (OWL.Thing, RDFS.Resource):
            continue
        expected.add((s.n3(), p.n3(), o.n3()))
    ours = {(str(q.subject), str(q.predicate), str(q.object))
            for q in inferred.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    assert ours == expected


def test_every_named_query_answers_alike_with_inference(store, inferred):
    for name in query_names():
        assert run_query(inferred, name, "csv") == run_query(store, name, "csv"), name


def test_the_schema_is_closed_and_only_uses_what_the_rules_apply():
    closed = schema()
    assert (f"{AMITY}Visit", "https://schema.org/Event") in closed.subclasses
    assert (f"{AMITY}Visit", f"{AMITY}Fact") in closed.subclasses  # transitive
    assert (f"{AMITY}place", "https://schema.org/location") in closed.subproperties
    # the ontology declares no axioms the four rules would miss
    from rdflib import OWL, Graph

    from amity.ontology import ontology_turtle

    ontology = Graph().parse(data=ontology_turtle(), format="turtle")
    unsupported = (OWL.inverseOf, OWL.equivalentClass, OWL.equivalentProperty, OWL.propertyChainAxiom,
                   OWL.hasKey, OWL.someValuesFrom, OWL.allValuesFrom, OWL.hasValue, OWL.unionOf, OWL.intersectionOf)
    assert not any(ontology.triples((None, p, None)) for p in unsupported if list(ontology.triples((None, p, None))))
    for kind in (OWL.TransitiveProperty, OWL.SymmetricProperty, OWL.FunctionalProperty):
        assert not list(ontology.subjects(None, kind)), kind


def test_an_on_disk_store_of_named_graphs_is_inferred(builder, tmp_path):
    folder = tmp_path / "store"
    disk = ox.Store(str(folder))
    disk.bulk_extend(q for q in builder.store() if not isinstance(q.graph_name, ox.DefaultGraph))
    disk.flush()
    del disk
    found = names(infer(folder), SCHEMA_EVENTS)
    assert len(found) == 2


def test_export_with_infer(ttl, tmp_path):
    out = tmp_path / "inferred.nt"
    result = CliRunner().invoke(main, ["export", "-g", str(ttl), "-f", "nt", "-o", str(out)])
    assert result.exit_code == 0
    from amity.exports import export_graph

    plain = {(str(t.subject), str(t.predicate), str(t.object)) for t in ox.parse(path=str(out),
                                                                                   format=ox.RdfFormat.N_TRIPLES)}
    export_graph(ttl, "nt", out, infer=True)
    entailed = {(str(t.subject), str(t.predicate), str(t.object)) for t in ox.parse(path=str(out),
                                                                                      format=ox.RdfFormat.N_TRIPLES)}
    assert plain < entailed
    assert any(p == f"<{RDF_TYPE}>" and o == "<https://schema.org/Event>" for _, p, o in entailed - plain)
    trig = tmp_path / "inferred.trig"
    export_graph(ttl, "trig", trig, infer=True)
    default = {(str(q.subject), str(q.predicate), str(q.object))
               for q in ox.parse(path=str(trig), format=ox.RdfFormat.TRIG) if isinstance(q.graph_name, ox.DefaultGraph)}
    assert default == entailed - plain  # entailments in the default graph, statements in their documents


def test_serve_with_infer(ttl):
    from amity.serve import make_server

    server = make_server(ttl, port=0, infer=True, quiet=True)
    try:
        assert server.triples > len(list(ox.parse(path=str(ttl), format=ox.RdfFormat.TURTLE)))
        assert len(list(server.store.query("SELECT ?x WHERE { ?x a <https://schema.org/Event> }"))) == 2
    finally:
        server.server_close()
