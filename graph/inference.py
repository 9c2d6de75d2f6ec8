"""Inference: add what the ontology entails, so that queries by superclass or super-property work.

    store = infer("graph.ttl")           # or infer(an_oxigraph_store)
    store.query("SELECT ?x WHERE { ?x a schema:Event }")   # visits, meetings, ... (each also a schema:Event)

amity writes only the classes it knows (a visit is `amity:Event, amity:Visit`); the ontology says
more (every amity:Event is a schema:Event and an amity:Fact, every amity:Country an amity:Actor,
a schema:Country and a prov:Agent, amity:place is a sub-property of schema:location...). With the
entailments materialised, queries written against schema.org, PROV-O or Dublin Core find amity's
facts.

How. owlrl (OWL 2 RL) closes the *ontology* (ontology/amity.ttl: a few hundred triples, well
under a second): subclass and sub-property hierarchies become transitive, domains and ranges are
inherited. The closed schema is then applied to the *data* with four SPARQL updates evaluated by
Oxigraph, the OWL RL rules the ontology gives work to: prp-spo1 (sub-property), prp-dom (domain),
prp-rng (range) and cax-sco (subclass). Running owlrl over the data itself gives the same types
and statements (tests/test_inference.py compares the two) but takes seconds per ten thousand
triples in pure Python, where this takes milliseconds; even so, materialising grows a graph by
about half (the sample corpus: 6,938 -> 10,491 triples), in memory too, which is why it is an
option (`--infer`) and not the default.

Deliberately left out: owl:sameAs reasoning (eq-* rules). Actors are owl:sameAs their Wikidata
items; equality would copy every statement about Kazakhstan onto wd:Q232 and make every actor
appear twice in the named queries. Also left out: trivial types (owl:Thing, rdfs:Resource) and
statements about literals. The entailed triples go to the default graph, which the named queries
read; named (per-document) graphs are kept as they are. An inferred graph no longer satisfies the
closed SHACL shapes (they describe what amity writes), so validate before inferring, not after.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass

import pyoxigraph as ox

from amity.graph.errors import GraphError
from amity.graph.namespaces import OWL_NS, RDF_NS, RDFS_NS, XSD_NS
from amity.graph.store import add_union_graph, has_default_graph, open_store

StoreLike = ox.Store | str | os.PathLike[str]

_RDFS_SUBCLASS = RDFS_NS + "subClassOf"
_RDFS_SUBPROPERTY = RDFS_NS + "subPropertyOf"
_RDFS_DOMAIN = RDFS_NS + "domain"
_RDFS_RANGE = RDFS_NS + "range"
# Classes every resource belongs to: entailed by OWL RL / RDFS, useless to a query.
_TRIVIAL = frozenset({OWL_NS + "Thing", RDFS_NS + "Resource", RDFS_NS + "Literal"})
# Built-in vocabularies: axioms about their own terms (rdf:type's domain...) are not applied to data.
_BUILT_IN = (RDF_NS, RDFS_NS, OWL_NS, XSD_NS)


@dataclass(frozen=True, slots=True)
class Schema:
    """The closed schema as (sub, super) IRI pairs, the input of the four data rules."""

    subclasses: tuple[tuple[str, str], ...]  # (class, strict superclass)
    subproperties: tuple[tuple[str, str], ...]  # (property, strict super-property)
    domains: tuple[tuple[str, str], ...]  # (property, class of its subjects)
    ranges: tuple[tuple[str, str], ...]  # (property, class of its IRI objects)


@functools.cache
def schema() -> Schema:
    """The amity ontology closed under OWL 2 RL by owlrl (computed once per process)."""
    try:
        import owlrl
        from rdflib import Graph, URIRef
    except ImportError as error:  # pragma: no cover - owlrl is a dependency
        raise GraphError(f"inference needs owlrl: pip install owlrl ({error})") from None
    from amity.ontology import ontology_turtle

    graph = Graph().parse(data=ontology_turtle(), format="turtle")
    owlrl.DeductiveClosure(
        owlrl.OWLRL_Semantics, rdfs_closure=False, axiomatic_triples=False, datatype_axioms=False
    ).expand(graph)

    def pairs(predicate: str) -> tuple[tuple[str, str], ...]:
        found = set()
        for s, o in graph.subject_objects(URIRef(predicate)):
            if not isinstance(s, URIRef) or not isinstance(o, URIRef) or s == o:
                continue
            if str(o) in _TRIVIAL or str(s).startswith(_BUILT_IN):
                continue
            found.add((str(s), str(o)))
        return tuple(sorted(found))

    return Schema(pairs(_RDFS_SUBCLASS), pairs(_RDFS_SUBPROPERTY), pairs(_RDFS_DOMAIN), pairs(_RDFS_RANGE))


def _values(pairs: tuple[tuple[str, str], ...]) -> str:
    return " ".join(f"(<{a}> <{b}>)" for a, b in pairs)


def _rules(closed: Schema) -> list[str]:
    """The SPARQL updates, in the order that makes one pass enough: super-properties first (their
    domains and ranges then apply), classes last (so types from domains get their superclasses)."""
    rdf_type = f"<{RDF_NS}type>"
    updates = []
    if closed.subproperties:
        updates.append(
            f"INSERT {{ ?s ?super ?o }} WHERE {{ VALUES (?p ?super) {{ {_values(closed.subproperties)} }} ?s ?p ?o }}"
        )
    if closed.domains:
        updates.append(
            f"INSERT {{ ?s {rdf_type} ?c }} WHERE {{ VALUES (?p ?c) {{ {_values(closed.domains)} }} ?s ?p ?o }}"
        )
    if closed.ranges:
        updates.append(
            f"INSERT {{ ?o {rdf_type} ?c }} WHERE {{ VALUES (?p ?c) {{ {_values(closed.ranges)} }} "
            "?s ?p ?o FILTER(!isLiteral(?o)) }"
        )
    if closed.subclasses:
        updates.append(
            f"INSERT {{ ?x {rdf_type} ?super }} WHERE {{ VALUES (?c ?super) {{ {_values(closed.subclasses)} }} "
            f"?x {rdf_type} ?c }}"
        )
    return updates


def infer(source: StoreLike) -> ox.Store:
    """A new in-memory store: the graph in `source` plus what the ontology entails (see above).

    `source` is a pyoxigraph Store (left untouched: read-only stores cannot be changed, and a
    caller's store should not change behind its back) or a graph file / Oxigraph folder path.
    Raises GraphFileError for a bad path, GraphError if inference cannot run.
    """
    if not isinstance(source, ox.Store) and "://" in os.fspath(source):
        raise GraphError(f"{os.fspath(source)}: a SPARQL endpoint; inference needs a graph file or an Oxigraph "
                         "store folder (or run it where the endpoint's data lives)")
    original = source if isinstance(source, ox.Store) else open_store(source)
    store = ox.Store()
    store.bulk_extend(original)
    if not has_default_graph(store):
        add_union_graph(store)
    for update in _rules(schema()):
        try:
            store.update(update)
        except (SyntaxError, OSError, RuntimeError) as error:  # pragma: no cover - fixed text
            raise GraphError(f"inference failed: {' '.join(str(error).split())}") from None
    return store
