"""GraphML and GEXF: the graph as a network of actors and facts, for Gephi, Cytoscape, yEd, networkx.

The RDF graph is shaped for querying (occurrences, evidence nodes, actor sets); a network tool wants
the things themselves and how they are linked. The projection keeps

- nodes: actors (kind country, person, organization, region, city, or actor for a name no document
  described), events, goals, figures, topics (cooperation areas), threats and relation
  characterisations, keyed by their IRI, with the attributes `kind`, `type` (the ontology class:
  Country, Visit, Figure...), `label`, `evidence` (how many sentence spans support it) and
  `documents` (how many documents state it), and where known `iso_code`, `wikidata`, `date`,
  `metric`, `value`, `target`, `unit`, `deadline`, `approximate`, `relation`;
- edges, each with `relation` and `label`: event -> actor (`participant`, `place`), goal -> actor
  (`holder`), figure and relation characterisation -> actor (`subject`), person -> state
  (`office`, with `role`, `start`, `end`, `evidence`: an office holding is a relation between the
  two, not a thing; offices without a state are left out), and topic or threat -> state
  (`mentioned with`, with `documents`: the RDF does not tie a topic to actors, so the edge says
  how many documents name both).

This is not the network view's projection (graph.view), which folds and lays out for drawing: an
export keeps every node and leaves the layout to the tool.
"""

from __future__ import annotations

import os
from collections import defaultdict
from decimal import Decimal, InvalidOperation
from typing import IO

import networkx as nx
import pyoxigraph as ox

from amity.graph.errors import GraphFileError
from amity.graph.namespaces import OWL_NS
from amity.ontology.vocabulary import AMITY
from amity.queries.runner import select

_NS = str(AMITY._NS)

# Class local name -> node kind, most specific first (a node typed Actor and Country is a country).
_KINDS: dict[str, str] = {
    "Country": "country",
    "Person": "person",
    "Organization": "organization",
    "Region": "region",
    "City": "city",
    **{name: "event" for name in (
        "Visit", "Meeting", "Talks", "Summit", "Forum", "Agreement", "Interview", "CulturalYear",
        "Congratulation", "Exhibition", "OtherEvent",
    )},  # fmt: skip
    "Goal": "goal",
    "Figure": "figure",
    "Cooperation": "topic",
    "Threat": "threat",
    "RelationCharacterisation": "relation",
    "Actor": "actor",
}
_RANK = {name: rank for rank, name in enumerate(_KINDS)}
_TYPE_NAMES = {"OtherEvent": "Other", "Cooperation": "Topic", "RelationCharacterisation": "Relation"}

_EDGES = {"participant": "participant", "place": "place", "holder": "holder", "subject": "subject"}
_TEXT_ATTRIBUTES = {"metric": "metric", "unit": "unit", "isoCode": "iso_code", "relationKind": "relation"}
_DATE_ATTRIBUTES = {"date": "date", "deadline": "deadline"}
_NUMBER_ATTRIBUTES = {"value": "value", "target": "target"}

_Q_NODES = f"""
SELECT ?node ?class ?label WHERE {{
  VALUES ?class {{ {" ".join(f"<{_NS}{name}>" for name in _KINDS)} }}
  ?node a ?class .
  OPTIONAL {{ ?node rdfs:label ?label }}
}}"""

_Q_COUNTS = """
SELECT ?node ?evidence ?documents WHERE {
  { SELECT ?node (COUNT(DISTINCT ?ev) AS ?evidence) WHERE { ?node prov:wasDerivedFrom ?ev } GROUP BY ?node }
  UNION
  { SELECT ?node (COUNT(DISTINCT ?d) AS ?documents) WHERE { ?o amity:occurrenceOf ?node ; amity:document ?d }
    GROUP BY ?node }
}"""

_PROPERTIES = (*_EDGES, *_TEXT_ATTRIBUTES, *_DATE_ATTRIBUTES, *_NUMBER_ATTRIBUTES, "approximate")
_Q_PROPERTIES = f"""
SELECT ?s ?p ?o WHERE {{
  VALUES ?p {{ {" ".join(f"<{_NS}{p}>" for p in _PROPERTIES)} <{OWL_NS}sameAs> }}
  ?s ?p ?o .
}}"""

_Q_OFFICES = """
SELECT ?o ?person ?state ?role ?start ?end (COUNT(DISTINCT ?ev) AS ?evidence) WHERE {
  ?o a amity:OfficeHolding ; amity:person ?person ; amity:role ?role .
  ?person a amity:Actor .
  OPTIONAL { ?o amity:state ?state }
  OPTIONAL { ?o amity:startDate ?start }
  OPTIONAL { ?o amity:endDate ?end }
  OPTIONAL { ?o prov:wasDerivedFrom ?ev }
} GROUP BY ?o ?person ?state ?role ?start ?end"""

_Q_MENTIONS = """
SELECT ?t ?c (COUNT(DISTINCT ?d) AS ?documents) WHERE {
  VALUES ?kind { amity:Cooperation amity:Threat }
  ?t a ?kind .
  ?ot amity:occurrenceOf ?t ; amity:document ?d .
  ?oc amity:document ?d ; amity:occurrenceOf ?c .
  ?c a amity:Country .
} GROUP BY ?t ?c"""


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _number(text: str) -> float | None:
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return float(value) if value.is_finite() else None


def project(store: ox.Store) -> nx.MultiDiGraph:
    """The network of actors and facts in `store` (see the module docstring)."""
    graph = nx.MultiDiGraph(name="amity")
    best: dict[str, str] = {}
    labels: dict[str, set[str]] = defaultdict(set)
    for node, cls, label in select(store, _Q_NODES).rows:
        name = _local(cls)
        if node not in best or _RANK[name] < _RANK[best[node]]:
            best[node] = name
        if label:
            labels[node].add(label)
    for node, name in best.items():
        graph.add_node(node, kind=_KINDS[name], type=_TYPE_NAMES.get(name, name),
                       label=" | ".join(sorted(labels[node])) or _local(node), evidence=0, documents=0)
    for node, evidence, documents in select(store, _Q_COUNTS).rows:
        if node in graph:
            key = "evidence" if evidence else "documents"
            graph.nodes[node][key] = int(evidence or documents)
    for s, p, o in select(store, _Q_PROPERTIES).rows:
        if s not in graph:
            continue
        name = _local(p)
        attributes = graph.nodes[s]
        if name in _EDGES:
            if o in graph:
                graph.add_edge(s, o, key=name, relation=name, label=name)
        elif name == "sameAs":
            attributes["wikidata"] = o
        elif name == "approximate":
            attributes["approximate"] = o == "true"
        elif name in _NUMBER_ATTRIBUTES:
            number = _number(o)
            if number is not None:
                attributes[_NUMBER_ATTRIBUTES[name]] = number
        else:
            attributes[_TEXT_ATTRIBUTES.get(name) or _DATE_ATTRIBUTES[name]] = o
    for _, person, state, role, start, end, evidence in select(store, _Q_OFFICES).rows:
        if person in graph and state in graph:
            graph.add_edge(person, state, key=f"office: {role}", relation="office", label=role, role=role,
                           start=start, end=end, evidence=int(evidence or 0))
    for topic, country, documents in select(store, _Q_MENTIONS).rows:
        if topic in graph and country in graph:
            graph.add_edge(topic, country, key="mentioned with", relation="mentioned with",
                           label="mentioned with", documents=int(documents))
    return graph


def write_network(graph: nx.MultiDiGraph, out: IO[bytes], fmt: str) -> None:
    """Writes the projection as GraphML or GEXF (1.2) to a binary stream."""
    if fmt == "graphml":
        nx.write_graphml(graph, out, encoding="utf-8", prettyprint=True)
    elif fmt == "gexf":
        nx.write_gexf(graph, out, encoding="utf-8", prettyprint=True, version="1.2draft")
    else:
        raise GraphFileError(f"unknown network format {fmt!r}; use graphml or gexf")


def export_network(store: ox.Store, path: str | os.PathLike[str], fmt: str) -> tuple[int, int]:
    """Writes the network of `store` to `path` atomically; returns (nodes, edges)."""
    from amity.graph.atomic import atomic_write

    graph = project(store)
    with atomic_write(path, "wb") as out:
        write_network(graph, out, fmt)
    return graph.number_of_nodes(), graph.number_of_edges()
