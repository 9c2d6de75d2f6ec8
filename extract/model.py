"""The fact model: plain data handed from the extractor to the RDF mapping.

The extractor knows nothing of RDF and the mapping knows nothing of regular expressions; these
frozen dataclasses are the only thing they share. Every fact carries the `Evidence` it came from
so that any triple in the graph can be traced back to a sentence, a document and a rule id.

Actors are referred to from other facts by their canonical name; `DocumentFacts.actors` holds one
`Actor` per canonical name used anywhere in that document's facts, so a consumer can always
resolve a name to its type and identifiers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ACTOR_TYPES = ("Country", "Person", "Organization", "Region", "City")
EVENT_TYPES = (
    "Visit",
    "Meeting",
    "Talks",
    "Summit",
    "Forum",
    "Agreement",
    "Interview",
    "CulturalYear",
    "Congratulation",
    "Exhibition",
    "Other",
)
TOPICS = (
    "trade",
    "investment",
    "industry",
    "energy",
    "transport",
    "border",
    "security",
    "defense",
    "water",
    "environment",
    "agriculture",
    "culture",
    "education",
    "science",
    "tourism",
    "health",
    "digital",
    "finance",
    "migration",
    "regional",
    "humanitarian",
    "sports",
    "media",
)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact was read: the sentence's span in the document text and the rule that fired."""

    doc: str
    start: int
    end: int
    text: str
    rule: str


@dataclass(frozen=True, slots=True)
class Document:
    """One input text with what its sidecar says about it.

    `published` is YYYY, YYYY-MM or YYYY-MM-DD (or None): relative times in the text ("last
    year") are resolved against it. `sha256` keys incremental rebuilds.
    """

    id: str
    text: str
    title: str
    published: str | None = None
    source_url: str | None = None
    genre: str | None = None
    path: str | None = None
    sha256: str = ""


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence with its character span in the document text (text == doc.text[start:end])."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Actor:
    """A state, person, organisation, region or city, under its canonical English name."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    iso_code: str | None = None
    wikidata: str | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Office:
    """A person holding a role ("President of Kazakhstan") for a state, as stated or as known."""

    person: str
    role: str
    state: str | None = None
    start: str | None = None
    end: str | None = None
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    type: str
    label: str
    date: str | None = None
    place: str | None = None
    participants: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    key: str | None = None
    """What tells the event from another of the same type, parties and day: the occasion a rule
    names ("decision": the decisions of a meeting are not the documents signed there)."""


@dataclass(frozen=True, slots=True)
class Goal:
    """A target or intention. Quantified goals have metric, target and unit; qualitative ones not."""

    text: str
    metric: str | None = None
    target: float | None = None
    unit: str | None = None
    deadline: str | None = None
    holders: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Figure:
    """A stated quantity about a relation; `date` is the period it refers to, not the document's."""

    text: str
    metric: str | None
    value: float
    unit: str
    approx: bool = False
    date: str | None = None
    subjects: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Topic:
    """An area of cooperation named in the text; `topic` is a notation of the SKOS scheme."""

    topic: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Threat:
    """A shared threat or concern; `name` is the canonical label, `surface` the words used."""

    name: str
    surface: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Relation:
    """How a pair's relations are characterised ("strategic partnership")."""

    kind: str
    subjects: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()


Fact = Office | Event | Goal | Figure | Topic | Threat | Relation


@dataclass(slots=True)
class DocumentFacts:
    """Everything extracted from one document: the unit a build writes as one named graph."""

    document: Document
    sentence_count: int = 0
    actors: list[Actor] = field(default_factory=list)
    offices: list[Office] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    threats: list[Threat] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def fact_counts(self) -> dict[str, int]:
        """Facts by kind, for the build summary."""
        return {
            "actors": len(self.actors),
            "offices": len(self.offices),
            "events": len(self.events),
            "goals": len(self.goals),
            "figures": len(self.figures),
            "topics": len(self.topics),
            "threats": len(self.threats),
            "relations": len(self.relations),
        }
