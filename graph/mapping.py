"""Facts -> RDF: one document's `DocumentFacts` become the triples of its named graph.

Shape of the output (terms from ontology/amity.ttl, see that file for the alignments):

- the document: amity:Document with amity:documentId, title, published, sourceUrl, genre, sha256,
  sentenceCount;
- every actor, fact and threat: a node with a content-derived IRI (graph.iris), typed, labelled,
  `prov:wasDerivedFrom` one amity:Evidence per sentence span + rule (amity:document,
  nif:beginIndex, nif:endIndex, nif:anchorOf, amity:rule);
- per document and node, one amity:Occurrence (amity:occurrenceOf, amity:document,
  amity:surfaceForm*) that records that this document mentions the node and in which words
  (actor aliases, an event's label, a goal's text...). Turtle has no named graphs, so these links,
  not GRAPH, are what the named queries use to say which document states what.

Terms are N-Triples strings (graph.ntriples): cheap to make, deduplicate and sort. A document's
triples are kept grouped by subject (subject -> set of (predicate, object)), the shape the writers
need, so building the union of a corpus merges a few sets per node instead of regrouping triples.
The mapping is lenient about what it can drop without breaking the graph: a bad optional field
(date, ISO code) loses the field, a bad fact (unknown event type or topic, a span outside the text)
loses the fact; each case is reported in `DocumentGraph.warnings`, and `strict=True` turns them
into `MappingError`. The output always conforms to ontology/shapes.ttl.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date as _date
from decimal import Decimal

from amity.extract.model import (
    EVENT_TYPES,
    TOPICS,
    Actor,
    DocumentFacts,
    Event,
    Evidence,
    Figure,
    Goal,
    Office,
    Relation,
    Threat,
    Topic,
)
from amity.graph.errors import MappingError
from amity.graph.iris import IriFactory, canonical_name, rule_name
from amity.graph.namespaces import DEFAULT_BASE, NIF_NS, OWL_NS, PROV_NS, RDF_NS, RDFS_NS, WIKIDATA_NS
from amity.graph.ntriples import (
    XSD_ANY_URI,
    XSD_DATE,
    XSD_DECIMAL,
    XSD_GYEAR,
    XSD_GYEARMONTH,
    XSD_INTEGER,
    boolean,
    iri,
    literal,
    typed,
)
from amity.ontology.vocabulary import AMITY, TOPIC

Triple = tuple[str, str, str]
Quad = tuple[str, str, str, str]

# --- predicate and class terms, built once ------------------------------------------------------
RDF_TYPE = iri(f"{RDF_NS}type")
RDFS_LABEL = iri(f"{RDFS_NS}label")
OWL_SAME_AS = iri(f"{OWL_NS}sameAs")
PROV_DERIVED = iri(f"{PROV_NS}wasDerivedFrom")
NIF_BEGIN = iri(f"{NIF_NS}beginIndex")
NIF_END = iri(f"{NIF_NS}endIndex")
NIF_ANCHOR = iri(f"{NIF_NS}anchorOf")


def _t(term: object) -> str:
    return iri(str(term))


C_DOCUMENT, C_EVIDENCE, C_OCCURRENCE = _t(AMITY.Document), _t(AMITY.Evidence), _t(AMITY.Occurrence)
C_ACTOR, C_ACTOR_SET, C_OFFICE = _t(AMITY.Actor), _t(AMITY.ActorSet), _t(AMITY.OfficeHolding)
C_EVENT, C_GOAL, C_FIGURE = _t(AMITY.Event), _t(AMITY.Goal), _t(AMITY.Figure)
C_COOPERATION, C_THREAT = _t(AMITY.Cooperation), _t(AMITY.Threat)
C_RELATION = _t(AMITY.RelationCharacterisation)
ACTOR_CLASSES = {
    "Country": _t(AMITY.Country),
    "Person": _t(AMITY.Person),
    "Organization": _t(AMITY.Organization),
    "Region": _t(AMITY.Region),
    "City": _t(AMITY.City),
}
EVENT_CLASSES = {name: _t(AMITY[name]) for name in EVENT_TYPES if name != "Other"}
EVENT_CLASSES["Other"] = _t(AMITY.OtherEvent)
assert set(EVENT_CLASSES) == set(EVENT_TYPES)
TOPIC_TERMS = {name: _t(TOPIC[name]) for name in TOPICS}

P_DOCUMENT_ID, P_TITLE, P_PUBLISHED = _t(AMITY.documentId), _t(AMITY.title), _t(AMITY.published)
P_SOURCE_URL, P_GENRE, P_SHA256 = _t(AMITY.sourceUrl), _t(AMITY.genre), _t(AMITY.sha256)
P_SENTENCE_COUNT, P_DOCUMENT, P_RULE = _t(AMITY.sentenceCount), _t(AMITY.document), _t(AMITY.rule)
P_OCCURRENCE_OF, P_SURFACE_FORM = _t(AMITY.occurrenceOf), _t(AMITY.surfaceForm)
P_ISO_CODE, P_MEMBER, P_ACTOR_SET = _t(AMITY.isoCode), _t(AMITY.member), _t(AMITY.actorSet)
P_PERSON, P_ROLE, P_STATE = _t(AMITY.person), _t(AMITY.role), _t(AMITY.state)
P_START, P_END = _t(AMITY.startDate), _t(AMITY.endDate)
P_DATE, P_PLACE, P_PARTICIPANT = _t(AMITY.date), _t(AMITY.place), _t(AMITY.participant)
P_METRIC, P_TARGET, P_UNIT = _t(AMITY.metric), _t(AMITY.target), _t(AMITY.unit)
P_DEADLINE, P_HOLDER, P_VALUE = _t(AMITY.deadline), _t(AMITY.holder), _t(AMITY.value)
P_APPROX, P_SUBJECT, P_TOPIC = _t(AMITY.approximate), _t(AMITY.subject), _t(AMITY.topic)
P_RELATION_KIND = _t(AMITY.relationKind)

_YEAR = re.compile(r"^\d{4}$")
_YEAR_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_CODE = re.compile(r"^([A-Z]{2}(-[A-Z0-9]{1,3})?|[A-Z]{3})$")
_QID = re.compile(r"(?:^|/)(Q[1-9][0-9]*)$")
_SHA256 = re.compile(r"^[0-9a-fA-F]{64}$")


class _Skip(Exception):
    """A field or fact that cannot be written as it is; the message becomes a warning."""


def date_term(value: str) -> str:
    """A date of the fact model as xsd:gYear / xsd:gYearMonth / xsd:date by its precision."""
    value = value.strip()
    if _YEAR.match(value):
        return typed(value, XSD_GYEAR)
    if _YEAR_MONTH.match(value):
        return typed(value, XSD_GYEARMONTH)
    if _FULL_DATE.match(value):
        try:
            _date.fromisoformat(value)
        except ValueError:
            raise _Skip(f"date {value!r} is not a calendar date") from None
        return typed(value, XSD_DATE)
    raise _Skip(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")


def decimal_lexical(value: float | int) -> str:
    """A number as a plain xsd:decimal lexical form: 3e9 -> '3000000000', 28.6 -> '28.6'."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _Skip(f"value {value!r} is not a number")
    if isinstance(value, int):
        return str(value)
    if not math.isfinite(value):
        raise _Skip(f"value {value!r} is not finite")
    if value.is_integer():
        return str(int(value))
    text = format(Decimal(repr(value)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _nonempty(text: str | None) -> str | None:
    """`text` stripped, or None when there is nothing left."""
    if text is None:
        return None
    text = text.strip()
    return text or None


@dataclass(frozen=True, slots=True)
class DocumentGraph:
    """The triples of one document's named graph, with what was counted and dropped on the way."""

    doc_id: str
    graph: str  # IRI term of the named graph, e.g. "<https://w3id.org/amity/id/graph/ca-01>"
    nodes: dict[str, frozenset[tuple[str, str]]]  # subject -> {(predicate, object)}
    facts: dict[str, int] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    def triples(self) -> Iterator[Triple]:
        """The graph's triples (subject, predicate, object) as N-Triples terms."""
        for s, pairs in self.nodes.items():
            for p, o in pairs:
                yield s, p, o

    def quads(self) -> Iterator[Quad]:
        """The triples with this document's graph as fourth term."""
        graph = self.graph
        for s, pairs in self.nodes.items():
            for p, o in pairs:
                yield s, p, o, graph

    def __len__(self) -> int:
        return sum(len(pairs) for pairs in self.nodes.values())


class Mapper:
    """Maps `DocumentFacts` to triples under one IRI base. Reuse one instance for a whole build:
    it caches IRIs across documents."""

    def __init__(self, base: str = DEFAULT_BASE, *, strict: bool = False) -> None:
        self.iris = IriFactory(base)
        self.strict = strict

    def map(self, facts: DocumentFacts) -> DocumentGraph:
        """The named graph of one document. Raises MappingError if the document itself is unusable
        (no id), or in strict mode for anything that would be dropped."""
        return _DocumentMapping(self, facts).run()


def map_document(facts: DocumentFacts, base: str = DEFAULT_BASE, *, strict: bool = False) -> DocumentGraph:
    """One document's facts as the triples of its named graph (see `Mapper`)."""
    return Mapper(base, strict=strict).map(facts)


def iter_quads(graphs: Iterable[DocumentGraph]) -> Iterator[Quad]:
    """All quads of several document graphs (subject, predicate, object, graph), as N-Triples terms."""
    for graph in graphs:
        yield from graph.quads()


class _DocumentMapping:
    """The state of mapping one document: its nodes, its actors by name, its warnings."""

    def __init__(self, mapper: Mapper, facts: DocumentFacts) -> None:
        self.mapper = mapper
        self.iris = mapper.iris
        self.facts = facts
        doc = facts.document
        if not doc.id:
            raise MappingError("a document has an empty id")
        self.doc_id = doc.id
        self.text_length = len(doc.text) if doc.text else None
        self.doc = iri(self.iris.document(doc.id))
        self.evidence_prefix = "<" + self.iris.evidence_prefix(doc.id)
        self.occurrence_prefix = "<" + self.iris.occurrence_prefix(doc.id)
        self.base_length = len(self.iris.base) + 1  # "<" + base
        self.nodes: dict[str, set[tuple[str, str]]] = {}
        self.warnings: list[str] = []
        self.actors: dict[str, str] = {}  # canonical name -> IRI term
        self.labels: dict[str, str] = {}  # actor IRI term -> canonical name
        self.occurrences: dict[str, set[tuple[str, str]]] = {}  # target IRI term -> occurrence's pairs
        self.evidence_terms: dict[tuple[int, int, str], str] = {}
        self.counts = dict.fromkeys(
            ("actors", "offices", "events", "goals", "figures", "topics", "threats", "relations"), 0
        )

    # --- plumbing -----------------------------------------------------------------------------

    def warn(self, what: str, problem: str) -> None:
        message = f"{self.doc_id}: {what}: {problem}"
        if self.mapper.strict:
            raise MappingError(message)
        self.warnings.append(message)

    def node(self, subject: str) -> set[tuple[str, str]]:
        """The (predicate, object) set of `subject`; add to it to state triples about it."""
        pairs = self.nodes.get(subject)
        if pairs is None:
            pairs = self.nodes[subject] = set()
        return pairs

    def valid_date(self, value: str | None, what: str) -> str | None:
        """`value` if it is a valid date (warning otherwise); None when absent."""
        value = _nonempty(value)
        if value is None:
            return None
        try:
            date_term(value)
        except _Skip as problem:
            self.warn(what, str(problem))
            return None
        return value

    def evidence(self, pairs: set[tuple[str, str]], evidence: Sequence[Evidence], what: str) -> None:
        """The node owning `pairs` prov:wasDerivedFrom one evidence node per (span, rule)."""
        for ev in evidence:
            key = (ev.start, ev.end, ev.rule)
            term = self.evidence_terms.get(key)
            if term is None:
                problem = self._evidence_problem(ev)
                if problem:
                    self.warn(what, problem)
                    continue
                term = f"{self.evidence_prefix}{ev.start}-{ev.end}.{rule_name(ev.rule)}>"
                self.evidence_terms[key] = term
                self.nodes[term] = {
                    (RDF_TYPE, C_EVIDENCE),
                    (P_DOCUMENT, self.doc),
                    (NIF_BEGIN, f'"{ev.start}"^^{XSD_INTEGER}'),
                    (NIF_END, f'"{ev.end}"^^{XSD_INTEGER}'),
                    (NIF_ANCHOR, literal(ev.text)),
                    (P_RULE, literal(ev.rule)),
                }
            pairs.add((PROV_DERIVED, term))

    def _evidence_problem(self, ev: Evidence) -> str | None:
        if ev.doc != self.doc_id:
            return f"evidence names document {ev.doc!r}"
        if not isinstance(ev.start, int) or not isinstance(ev.end, int) or not 0 <= ev.start <= ev.end:
            return f"evidence span {ev.start!r}-{ev.end!r} is not 0 <= start <= end"
        if self.text_length is not None and ev.end > self.text_length:
            return f"evidence span {ev.start}-{ev.end} ends after the text ({self.text_length} characters)"
        if not ev.rule:
            return "evidence has no rule id"
        return None

    def occurrence(self, target: str, surface_forms: Iterable[str] = ()) -> None:
        """This document mentions `target` (an IRI term), in these words."""
        pairs = self.occurrences.get(target)
        if pairs is None:
            # target is "<base" + "folder/local>": keep "folder.local>" (its ">" closes the term)
            occ = self.occurrence_prefix + target[self.base_length :].replace("/", ".")
            pairs = self.occurrences[target] = self.nodes[occ] = {
                (RDF_TYPE, C_OCCURRENCE),
                (P_OCCURRENCE_OF, target),
                (P_DOCUMENT, self.doc),
            }
        for form in surface_forms:
            form = _nonempty(form)
            if form is not None:
                pairs.add((P_SURFACE_FORM, literal(form)))

    def actor(self, name: str, what: str) -> str:
        """The IRI term of an actor named in a fact. Names missing from `DocumentFacts.actors`
        become an untyped amity:Actor (with a warning) rather than losing the fact."""
        name = canonical_name(name)
        term = self.actors.get(name)
        if term is None:
            self.warn(what, f"actor {name!r} is not among the document's actors")
            term = iri(self.iris.actor(None, name))
            self.actors[name] = term
            self.labels[term] = name
            self.node(term).update(((RDF_TYPE, C_ACTOR), (RDFS_LABEL, literal(name))))
            self.occurrence(term)
        return term

    def actor_list(self, names: Iterable[str], what: str) -> list[str]:
        return sorted({self.actor(n, what) for n in names if _nonempty(n)})

    def actor_set(self, pairs: set[tuple[str, str]], members: list[str]) -> None:
        """The node owning `pairs` amity:actorSet the set node of `members` (if any)."""
        if not members:
            return
        set_term = iri(self.iris.actor_set(m[1:-1] for m in members))
        pairs.add((P_ACTOR_SET, set_term))
        if set_term not in self.nodes:
            label = " – ".join(sorted(self.labels[m] for m in members))
            self.nodes[set_term] = {(RDF_TYPE, C_ACTOR_SET), (RDFS_LABEL, literal(label))}
            self.nodes[set_term].update((P_MEMBER, m) for m in members)

    # --- the document and each fact kind -------------------------------------------------------

    def run(self) -> DocumentGraph:
        self.map_document()
        for actor in self.facts.actors:
            self.map_actor(actor)
        for kind, method in (
            ("offices", self.map_office),
            ("events", self.map_event),
            ("goals", self.map_goal),
            ("figures", self.map_figure),
            ("topics", self.map_topic),
            ("threats", self.map_threat),
            ("relations", self.map_relation),
        ):
            for index, fact in enumerate(getattr(self.facts, kind)):
                try:
                    method(fact)
                except _Skip as problem:
                    self.warn(f"{kind}[{index}]", str(problem))
                else:
                    self.counts[kind] += 1
        return DocumentGraph(
            doc_id=self.doc_id,
            graph=iri(self.iris.graph(self.doc_id)),
            nodes={s: frozenset(pairs) for s, pairs in self.nodes.items()},
            facts=self.counts,
            warnings=tuple(self.warnings),
        )

    def map_document(self) -> None:
        doc = self.facts.document
        add = self.node(self.doc).add
        add((RDF_TYPE, C_DOCUMENT))
        add((P_DOCUMENT_ID, literal(doc.id)))
        if _nonempty(doc.title):
            add((P_TITLE, literal(doc.title.strip())))
        published = self.valid_date(doc.published, "published")
        if published:
            add((P_PUBLISHED, date_term(published)))
        if _nonempty(doc.source_url):
            add((P_SOURCE_URL, typed(doc.source_url.strip(), XSD_ANY_URI)))
        if _nonempty(doc.genre):
            add((P_GENRE, literal(doc.genre.strip())))
        if doc.sha256:
            if _SHA256.match(doc.sha256):
                add((P_SHA256, literal(doc.sha256)))
            else:
                self.warn("sha256", f"{doc.sha256!r} is not a SHA-256 in hexadecimal")
        if isinstance(self.facts.sentence_count, int) and self.facts.sentence_count >= 0:
            add((P_SENTENCE_COUNT, f'"{self.facts.sentence_count}"^^{XSD_INTEGER}'))

    def map_actor(self, actor: Actor) -> None:
        what = f"actor {actor.name!r}"
        name = canonical_name(actor.name or "")
        cls = ACTOR_CLASSES.get(actor.type)
        if not name or cls is None:
            self.warn(what, f"needs a name and a type among {sorted(ACTOR_CLASSES)}, has type {actor.type!r}")
            return
        term = iri(self.iris.actor(actor.type, name))
        if name in self.actors and self.actors[name] != term:
            self.warn(what, "described twice with different types; the first is kept")
            return
        self.actors[name] = term
        self.labels[term] = name
        pairs = self.node(term)
        add = pairs.add
        add((RDF_TYPE, C_ACTOR))
        add((RDF_TYPE, cls))
        add((RDFS_LABEL, literal(name)))
        if actor.iso_code:
            code = actor.iso_code.strip().upper()
            if _ISO_CODE.match(code):
                add((P_ISO_CODE, literal(code)))
            else:
                self.warn(what, f"ISO code {actor.iso_code!r} is not ISO 3166")
        if actor.wikidata:
            match = _QID.search(actor.wikidata.strip())
            if match:
                add((OWL_SAME_AS, iri(WIKIDATA_NS + match.group(1))))
            else:
                self.warn(what, f"Wikidata id {actor.wikidata!r} is not a QID")
        self.occurrence(term, (a for a in actor.aliases if canonical_name(a) != name))
        self.evidence(pairs, actor.evidence, what)
        self.counts["actors"] += 1

    def map_office(self, office: Office) -> None:
        what = f"office {office.role!r}"
        role = canonical_name(office.role or "")
        if not role or _nonempty(office.person) is None:
            raise _Skip("an office needs a person and a role")
        person = self.actor(office.person, what)
        state = self.actor(office.state, what) if _nonempty(office.state) else None
        start = self.valid_date(office.start, what)
        end = self.valid_date(office.end, what)
        node = iri(self.iris.office(person[1:-1], role, state and state[1:-1], start, end))
        pairs = self.node(node)
        add = pairs.add
        add((RDF_TYPE, C_OFFICE))
        add((RDFS_LABEL, literal(f"{self.labels[person]}: {role}")))
        add((P_PERSON, person))
        add((P_ROLE, literal(role)))
        if state:
            add((P_STATE, state))
        if start:
            add((P_START, date_term(start)))
        if end:
            add((P_END, date_term(end)))
        self.occurrence(node)
        self.evidence(pairs, office.evidence, what)

    def map_event(self, event: Event) -> None:
        what = f"event {event.label!r}"
        cls = EVENT_CLASSES.get(event.type)
        if cls is None:
            raise _Skip(f"event type {event.type!r} is not one of {', '.join(EVENT_TYPES)}")
        date = self.valid_date(event.date, what)
        participants = self.actor_list(event.participants, what)
        place = self.actor(event.place, what) if _nonempty(event.place) else None
        node = iri(self.iris.event(event.type, date, (p[1:-1] for p in participants), place and place[1:-1],
                                   event.key))
        label = _nonempty(event.label) or f"{event.type} {date or ''}".strip()
        pairs = self.node(node)
        add = pairs.add
        add((RDF_TYPE, C_EVENT))
        add((RDF_TYPE, cls))
        add((RDFS_LABEL, literal(label)))
        if date:
            add((P_DATE, date_term(date)))
        if place:
            add((P_PLACE, place))
        pairs.update((P_PARTICIPANT, p) for p in participants)
        self.occurrence(node, (label,))
        self.evidence(pairs, event.evidence, what)

    def map_goal(self, goal: Goal) -> None:
        what = f"goal {goal.text!r}"
        text = _nonempty(goal.text) or _nonempty(goal.metric)
        if text is None:
            raise _Skip("a goal needs a text or a metric")
        target = decimal_lexical(goal.target) if goal.target is not None else None
        metric, unit = _nonempty(goal.metric), _nonempty(goal.unit)
        deadline = self.valid_date(goal.deadline, what)
        holders = self.actor_list(goal.holders, what)
        node = iri(self.iris.goal(text, metric, target, unit, deadline, (h[1:-1] for h in holders)))
        pairs = self.node(node)
        add = pairs.add
        add((RDF_TYPE, C_GOAL))
        add((RDFS_LABEL, literal(text)))
        if metric:
            add((P_METRIC, literal(metric)))
        if target is not None:
            add((P_TARGET, f'"{target}"^^{XSD_DECIMAL}'))
        if unit:
            add((P_UNIT, literal(unit)))
        if deadline:
            add((P_DEADLINE, date_term(deadline)))
        pairs.update((P_HOLDER, h) for h in holders)
        self.actor_set(pairs, holders)
        self.occurrence(node, (text,))
        self.evidence(pairs, goal.evidence, what)

    def map_figure(self, figure: Figure) -> None:
        what = f"figure {figure.text!r}"
        value = decimal_lexical(figure.value)
        metric, unit = _nonempty(figure.metric), _nonempty(figure.unit)
        date = self.valid_date(figure.date, what)
        subjects = self.actor_list(figure.subjects, what)
        approx = bool(figure.approx)
        node = iri(self.iris.figure(metric, value, unit, approx, date, (s[1:-1] for s in subjects)))
        text = _nonempty(figure.text) or " ".join(p for p in (metric, value, unit) if p)
        pairs = self.node(node)
        add = pairs.add
        add((RDF_TYPE, C_FIGURE))
        add((RDFS_LABEL, literal(text)))
        if metric:
            add((P_METRIC, literal(metric)))
        add((P_VALUE, f'"{value}"^^{XSD_DECIMAL}'))
        if unit:
            add((P_UNIT, literal(unit)))
        add((P_APPROX, boolean(approx)))
        if date:
            add((P_DATE, date_term(date)))
        pairs.update((P_SUBJECT, s) for s in subjects)
        self.actor_set(pairs, subjects)
        self.occurrence(node, (text,))
        self.evidence(pairs, figure.evidence, what)

    def map_topic(self, topic: Topic) -> None:
        concept = TOPIC_TERMS.get(topic.topic)
        if concept is None:
            raise _Skip(f"topic {topic.topic!r} is not in the topic scheme")
        node = iri(self.iris.cooperation(topic.topic))
        pairs = self.node(node)
        pairs.update(((RDF_TYPE, C_COOPERATION), (RDFS_LABEL, literal(topic.topic)), (P_TOPIC, concept)))
        self.occurrence(node)
        self.evidence(pairs, topic.evidence, f"topic {topic.topic!r}")

    def map_threat(self, threat: Threat) -> None:
        name = canonical_name(threat.name or "")
        if not name:
            raise _Skip("a threat needs a name")
        node = iri(self.iris.threat(name))
        pairs = self.node(node)
        pairs.update(((RDF_TYPE, C_THREAT), (RDFS_LABEL, literal(name))))
        self.occurrence(node, threat.surface)
        self.evidence(pairs, threat.evidence, f"threat {name!r}")

    def map_relation(self, relation: Relation) -> None:
        what = f"relation {relation.kind!r}"
        kind = canonical_name(relation.kind or "")
        if not kind:
            raise _Skip("a relation needs a kind")
        subjects = self.actor_list(relation.subjects, what)
        node = iri(self.iris.relation(kind, (s[1:-1] for s in subjects)))
        pairs = self.node(node)
        pairs.update(((RDF_TYPE, C_RELATION), (RDFS_LABEL, literal(kind)), (P_RELATION_KIND, literal(kind))))
        pairs.update((P_SUBJECT, s) for s in subjects)
        self.actor_set(pairs, subjects)
        self.occurrence(node)
        self.evidence(pairs, relation.evidence, what)
