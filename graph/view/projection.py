"""RDF graph -> a networkx projection an analyst can look at.

The RDF graph is shaped for querying (occurrences, evidence nodes, actor sets, office holdings as
nodes); a network drawing wants fewer, meaningful nodes and labelled edges. This module reads the
graph with a handful of SPARQL queries (`amity.queries.runner.select`, so Turtle and TriG answer
alike) and returns a `networkx.MultiDiGraph` whose

- nodes are actors and facts, keyed by IRI, with attributes
  `kind` (see kinds.KINDS), `type` (the ontology class: Country, Visit, ...), `label`,
  `details` (list of (name, value) lines for the tooltip), `evidence` (indices into
  `graph.graph["evidence"]`), `docs` (ids of the documents stating it), `states` (IRIs of the
  states the fact is about), `pairs` (sorted IRI pairs of those states), `pair_docs` (pair ->
  the documents that state it for that pair) and `aliases` (an actor's other names);
- edges are relations with attributes `relation` (one of kinds.RELATION_LABELS), `label` (the text
  drawn on the edge), `details` and `evidence`; an edge's key is its relation.

Office holdings become "holds office" edges (person -> state) and relation characterisations
"relations" edges between their subjects, since both are relations rather than things.
Cooperation topics and threats are single nodes in the RDF (one "trade" for the corpus); each
document's mention is attached to the states named in the same sentence, or failing that to the
document's two most mentioned states, which is how the view decides which pair a topic belongs to.

`graph.graph` also holds `documents` (id -> {"title", "published"}) and `evidence` (a list of
`EvidenceRef`).
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from itertools import combinations

import networkx as nx
import pyoxigraph as ox

from amity.graph.store import open_store
from amity.graph.view.kinds import (
    ACTOR_KINDS,
    CONCERNED_ABOUT,
    COOPERATES_ON,
    HELD_IN,
    HOLDS_OFFICE,
    MEASURED,
    PARTICIPATION,
    RELATIONS,
    SET_GOAL,
    TOOK_PART,
)
from amity.ontology.vocabulary import AMITY
from amity.queries.runner import select

StoreLike = ox.Store | str | os.PathLike[str]

_NS = str(AMITY._NS)
_OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"

# Ontology class (local name) -> view kind. OfficeHolding and RelationCharacterisation become edges.
_ACTOR_CLASSES = {
    "Country": "country",
    "Person": "person",
    "Organization": "organization",
    "Region": "place",
    "City": "place",
    "Actor": "organization",  # an actor of unknown type, named in a fact but not described
}
_EVENT_CLASSES = (
    "Visit", "Meeting", "Talks", "Summit", "Forum", "Agreement", "Interview", "CulturalYear",
    "Congratulation", "Exhibition", "OtherEvent", "Event",
)  # fmt: skip
_FACT_CLASSES = {"Goal": "goal", "Figure": "figure", "Cooperation": "topic", "Threat": "threat"}
_EDGE_CLASSES = ("OfficeHolding", "RelationCharacterisation")
# Most specific first: a node typed Actor and Country is a Country.
_CLASS_ORDER = {name: rank for rank, name in enumerate((*_ACTOR_CLASSES, *_EVENT_CLASSES, *_FACT_CLASSES))}

_PROPERTIES = (
    "date", "place", "participant", "holder", "subject", "metric", "value", "target", "unit",
    "deadline", "approximate", "relationKind", "person", "state", "role", "startDate", "endDate",
    "isoCode",
)  # fmt: skip

_ALL_CLASSES = (*_ACTOR_CLASSES, *_EVENT_CLASSES, *_FACT_CLASSES, *_EDGE_CLASSES)
_Q_NODES = f"""
SELECT ?node ?class ?label WHERE {{
  VALUES ?class {{ {" ".join(f"<{_NS}{c}>" for c in _ALL_CLASSES)} }}
  ?node a ?class .
  OPTIONAL {{ ?node rdfs:label ?label }}
}}"""

_Q_PROPERTIES = f"""
SELECT ?s ?p ?o WHERE {{
  VALUES ?p {{ {" ".join(f"<{_NS}{p}>" for p in _PROPERTIES)} <{_OWL_SAME_AS}> }}
  ?s ?p ?o .
}}"""

_Q_EVIDENCE = """
SELECT ?node ?doc ?start ?end ?rule ?text WHERE {
  ?node prov:wasDerivedFrom ?ev .
  ?ev amity:document ?d ; nif:beginIndex ?start ; nif:endIndex ?end ; amity:rule ?rule ; nif:anchorOf ?text .
  ?d amity:documentId ?doc .
}"""

_Q_OCCURRENCES = """
SELECT ?node ?doc ?form WHERE {
  ?o amity:occurrenceOf ?node ; amity:document ?d .
  ?d amity:documentId ?doc .
  OPTIONAL { ?o amity:surfaceForm ?form }
}"""

_Q_DOCUMENTS = """
SELECT ?doc ?title ?published WHERE {
  ?d a amity:Document ; amity:documentId ?doc .
  OPTIONAL { ?d amity:title ?title }
  OPTIONAL { ?d amity:published ?published }
}"""


@dataclass(frozen=True, slots=True)
class EvidenceRef:
    """One sentence a fact was read from: document, character span, rule and text."""

    doc: str
    start: int
    end: int
    rule: str
    text: str


@dataclass(slots=True)
class _Node:
    kind: str
    type: str
    label: str
    evidence: set[int] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)
    forms: set[str] = field(default_factory=set)
    props: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def project(store: StoreLike) -> nx.MultiDiGraph:
    """The network projection of a graph (a pyoxigraph Store, or a graph file / store folder).

    Raises GraphError subclasses (GraphFileError for a missing or unparsable file, QueryError if
    the store cannot be queried).
    """
    db = store if isinstance(store, ox.Store) else open_store(store)
    return _Projector(db).run()


def local(iri: str) -> str:
    """The local name of an ontology IRI: `...ontology#Visit` -> `Visit`."""
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def number(text: str) -> str:
    """A plain decimal as an analyst reads it: 3000000000 -> '3,000,000,000', 28.6 stays."""
    try:
        value = Decimal(text)
    except InvalidOperation:
        return text
    if not value.is_finite():
        return text
    return f"{value:,}" if value == value.to_integral_value() else f"{value:,f}"


def _pairs(states: Iterable[str]) -> set[tuple[str, str]]:
    return set(combinations(sorted(set(states)), 2))


class _Projector:
    """The state of one projection: raw rows read, then nodes and edges built from them."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.graph = nx.MultiDiGraph()
        self.nodes: dict[str, _Node] = {}
        self.edge_nodes: dict[str, _Node] = {}  # office holdings and relation characterisations
        self.evidence: list[EvidenceRef] = []
        self.evidence_index: dict[tuple[str, int, int, str], int] = {}
        self.documents: dict[str, dict[str, str]] = {}
        # (doc, start, end) -> states mentioned in that sentence; doc -> state -> sentences
        self.sentence_states: dict[tuple[str, int, int], set[str]] = defaultdict(set)
        self.doc_mentions: dict[str, Counter[str]] = defaultdict(Counter)

    # --- reading --------------------------------------------------------------------------------

    def rows(self, query: str) -> list[list[str]]:
        """A query's rows, sorted: the store's order is not guaranteed, and the page should be the
        same bytes for the same graph."""
        return sorted(select(self.store, query).rows)

    def read(self) -> None:
        for node, cls, label in self.rows(_Q_NODES):
            name = local(cls)
            if name in _EDGE_CLASSES:
                self.edge_nodes[node] = _Node(kind=name, type=name, label=label)
                continue
            known = self.nodes.get(node)
            if known is not None and _CLASS_ORDER[known.type] <= _CLASS_ORDER[name]:
                continue
            kind = _ACTOR_CLASSES.get(name) or _FACT_CLASSES.get(name) or "event"
            event_type = "Other" if name == "OtherEvent" else name
            label = label or local(node)
            if known is not None:
                known.kind, known.type = kind, event_type
            else:
                self.nodes[node] = _Node(kind=kind, type=event_type, label=label)
        for subject, predicate, value in self.rows(_Q_PROPERTIES):
            target = self.nodes.get(subject) or self.edge_nodes.get(subject)
            if target is not None:
                target.props["sameAs" if predicate == _OWL_SAME_AS else local(predicate)].append(value)
        for doc, title, published in self.rows(_Q_DOCUMENTS):
            self.documents[doc] = {"title": title, "published": published}
        for node, doc, start, end, rule, text in self.rows(_Q_EVIDENCE):
            target = self.nodes.get(node) or self.edge_nodes.get(node)
            if target is None:
                continue
            key = (doc, int(start), int(end), rule)
            index = self.evidence_index.get(key)
            if index is None:
                index = self.evidence_index[key] = len(self.evidence)
                self.evidence.append(EvidenceRef(doc, int(start), int(end), rule, text))
            target.evidence.add(index)
            target.docs.add(doc)
            if target.kind == "country":
                self.sentence_states[(doc, int(start), int(end))].add(node)
        for node, doc, form in self.rows(_Q_OCCURRENCES):
            target = self.nodes.get(node) or self.edge_nodes.get(node)
            if target is None:
                continue
            target.docs.add(doc)
            if form:
                target.forms.add(form)
        for node, info in self.nodes.items():
            if info.kind == "country":
                for index in info.evidence:
                    self.doc_mentions[self.evidence[index].doc][node] += 1
        for doc in {d for info in self.nodes.values() for d in info.docs} - set(self.documents):
            self.documents[doc] = {"title": "", "published": ""}

    # --- building -------------------------------------------------------------------------------

    def run(self) -> nx.MultiDiGraph:
        self.read()
        office_states: dict[str, set[str]] = defaultdict(set)  # person -> states of their offices
        for info in self.edge_nodes.values():
            if info.kind == "OfficeHolding":
                for person in info.props["person"]:
                    office_states[person].update(s for s in info.props["state"] if self.is_country(s))
        self.office_states = office_states
        for iri, info in self.nodes.items():
            self.graph.add_node(iri, kind=info.kind, type=info.type, label=info.label, states=set(), pairs=set())
        for iri, info in self.nodes.items():
            getattr(self, f"build_{info.kind}")(iri, info)
        for iri, info in self.edge_nodes.items():
            if info.kind == "OfficeHolding":
                self.build_office(iri, info)
            else:
                self.build_relation(iri, info)
        self.finish()
        return self.graph

    def is_country(self, iri: str) -> bool:
        info = self.nodes.get(iri)
        return info is not None and info.kind == "country"

    def label(self, iri: str) -> str:
        info = self.nodes.get(iri)
        return info.label if info is not None else local(iri)

    def states_of(self, actors: Iterable[str]) -> set[str]:
        """The states behind some actors: states themselves, and persons' office states."""
        states: set[str] = set()
        for actor in actors:
            if self.is_country(actor):
                states.add(actor)
            else:
                states |= self.office_states.get(actor, set())
        return states

    def set_node(self, iri: str, info: _Node, details: list[tuple[str, str]], states: set[str]) -> None:
        attrs = self.graph.nodes[iri]
        attrs["details"] = details
        attrs["evidence"] = info.evidence
        attrs["docs"] = info.docs
        attrs["states"] = set(states)
        attrs["pairs"] = _pairs(states)
        attrs["pair_docs"] = {pair: set(info.docs) for pair in attrs["pairs"]}
        attrs["aliases"] = sorted(info.forms - {info.label}) if info.kind in ACTOR_KINDS else []

    def add_edge(self, source: str, target: str, relation: str, label: str | None = None,
                 evidence: Iterable[int] = (), details: Iterable[tuple[str, str]] = ()) -> None:  # fmt: skip
        """One edge per (source, target, relation): a repeated relation merges evidence and details."""
        if source not in self.graph or target not in self.graph or source == target:
            return
        data = self.graph.get_edge_data(source, target, relation)
        if data is None:
            self.graph.add_edge(source, target, key=relation, relation=relation, label=label or relation,
                                evidence=set(evidence), details=list(details))  # fmt: skip
            return
        data["evidence"].update(evidence)
        for line in details:
            if line not in data["details"]:
                data["details"].append(line)
        if label and label not in data["label"].split(" · "):
            data["label"] = " · ".join(sorted([*data["label"].split(" · "), label]))

    def _actor(self, iri: str, info: _Node) -> None:
        p = info.props
        details = [("type", info.type)]
        details += [("ISO 3166", code) for code in sorted(p["isoCode"])]
        details += [("Wikidata", local(q)) for q in sorted(p["sameAs"])]
        aliases = sorted(info.forms - {info.label})
        if aliases:  # also kept as the node's `aliases`, which the search box matches
            details.append(("also called", "; ".join(aliases)))
        states = {iri} if info.kind == "country" else self.office_states.get(iri, set())
        self.set_node(iri, info, details, states)

    build_country = build_person = build_organization = build_place = _actor

    def build_event(self, iri: str, info: _Node) -> None:
        p = info.props
        details = [("type", "Other event" if info.type == "Other" else info.type)]
        details += [("date", d) for d in sorted(p["date"])]
        details += [("place", self.label(x)) for x in p["place"]]
        if p["participant"]:
            details.append(("participants", "; ".join(sorted(self.label(x) for x in p["participant"]))))
        self.set_node(iri, info, details, self.states_of(p["participant"]))
        relation = PARTICIPATION.get(info.type, TOOK_PART)
        for actor in p["participant"]:
            self.add_edge(actor, iri, relation)
        for place in p["place"]:
            self.add_edge(iri, place, HELD_IN)

    def build_goal(self, iri: str, info: _Node) -> None:
        p = info.props
        details = [("metric", m) for m in p["metric"]]
        for target in p["target"]:
            details.append(("target", " ".join([number(target), *p["unit"]])))
        details += [("deadline", d) for d in sorted(p["deadline"])]
        if p["holder"]:
            details.append(("holders", "; ".join(sorted(self.label(x) for x in p["holder"]))))
        self.set_node(iri, info, details, self.states_of(p["holder"]))
        for holder in p["holder"]:
            self.add_edge(holder, iri, SET_GOAL)

    def build_figure(self, iri: str, info: _Node) -> None:
        p = info.props
        details = [("metric", m) for m in p["metric"]]
        approx = "about " if "true" in p["approximate"] else ""
        for value in p["value"]:
            details.append(("value", approx + " ".join([number(value), *p["unit"]])))
        details += [("period", d) for d in sorted(p["date"])]
        if p["subject"]:
            details.append(("about", "; ".join(sorted(self.label(x) for x in p["subject"]))))
        self.set_node(iri, info, details, self.states_of(p["subject"]))
        for subject in p["subject"]:
            self.add_edge(subject, iri, MEASURED)

    def anchored_states(self, info: _Node) -> dict[str, set[str]]:
        """Document -> the states a topic's or threat's mention there is about.

        The states named in the same sentences when they are at least two; otherwise those (if any)
        and the document's two most mentioned states, the pair a bilateral text is about.
        """
        by_doc: dict[str, set[str]] = defaultdict(set)
        for index in info.evidence:
            ev = self.evidence[index]
            by_doc[ev.doc] |= self.sentence_states.get((ev.doc, ev.start, ev.end), set())
        for doc in info.docs:
            if len(by_doc[doc]) < 2:
                ranked = sorted(self.doc_mentions[doc].items(), key=lambda item: (-item[1], item[0]))
                by_doc[doc] |= {state for state, _ in ranked[:2]}
        return by_doc

    def _shared(self, iri: str, info: _Node, relation: str, details: list[tuple[str, str]]) -> None:
        by_doc = self.anchored_states(info)
        states = set().union(*by_doc.values()) if by_doc else set()
        self.set_node(iri, info, details, states)
        pair_docs: dict[tuple[str, str], set[str]] = defaultdict(set)
        for doc, doc_states in by_doc.items():
            for pair in _pairs(doc_states):
                pair_docs[pair].add(doc)
        self.graph.nodes[iri]["pairs"] = set(pair_docs)
        self.graph.nodes[iri]["pair_docs"] = pair_docs
        for doc, doc_states in sorted(by_doc.items()):
            for state in sorted(doc_states):
                self.add_edge(state, iri, relation, details=[("document", doc)])

    def build_topic(self, iri: str, info: _Node) -> None:
        self._shared(iri, info, COOPERATES_ON, [("area of cooperation", info.label)])

    def build_threat(self, iri: str, info: _Node) -> None:
        words = sorted(info.forms - {info.label})
        details = [("threat", info.label)] + ([("in the words", "; ".join(words))] if words else [])
        self._shared(iri, info, CONCERNED_ABOUT, details)

    def build_office(self, iri: str, info: _Node) -> None:
        p = info.props
        line = "; ".join(p["role"]) or info.label
        dates = " – ".join(x for x in (min(p["startDate"], default=""), min(p["endDate"], default="")) if x)
        if dates:
            line += f" ({dates})"
        for person in p["person"]:
            for state in p["state"]:
                self.add_edge(person, state, HOLDS_OFFICE, evidence=info.evidence, details=[("office", line)])
            if person in self.graph:
                self.graph.nodes[person]["details"].append(("office", line))
                self.graph.nodes[person]["evidence"] |= info.evidence

    def build_relation(self, iri: str, info: _Node) -> None:
        kind = (info.props["relationKind"] or [info.label])[0]
        subjects = sorted(s for s in info.props["subject"] if s in self.graph)
        detail = ("relations", kind)
        if len(subjects) == 1:
            attrs = self.graph.nodes[subjects[0]]
            if detail not in attrs["details"]:
                attrs["details"].append(detail)
            attrs["evidence"] |= info.evidence
        for a, b in combinations(subjects, 2):
            self.add_edge(a, b, RELATIONS, label=kind, evidence=info.evidence, details=[detail])

    def finish(self) -> None:
        """Non-state actors belong to the pairs of the facts they take part in; sets become sorted
        tuples so the projection is deterministic."""
        graph = self.graph
        for node, attrs in graph.nodes(data=True):
            if attrs["kind"] in ACTOR_KINDS and attrs["kind"] != "country":
                for neighbour in nx.all_neighbors(graph, node):
                    other = graph.nodes[neighbour]
                    if other["kind"] not in ACTOR_KINDS:
                        attrs["pairs"] |= other["pairs"]
                        for pair, docs in other["pair_docs"].items():
                            attrs["pair_docs"].setdefault(pair, set()).update(docs)
        for _, attrs in graph.nodes(data=True):
            for name in ("evidence", "docs", "states", "pairs"):
                attrs[name] = tuple(sorted(attrs[name]))
            attrs["pair_docs"] = {pair: tuple(sorted(docs)) for pair, docs in sorted(attrs["pair_docs"].items())}
        for _, _, attrs in graph.edges(data=True):
            attrs["evidence"] = tuple(sorted(attrs["evidence"]))
        graph.graph["documents"] = dict(sorted(self.documents.items()))
        graph.graph["evidence"] = self.evidence
