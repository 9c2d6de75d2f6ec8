# ruff: noqa: E501
"""Python names for the terms of the amity ontology and topic scheme.

GENERATED from ontology/amity.ttl and ontology/topics.ttl by
`python -m amity.ontology.generate_vocabulary`. Do not edit: edit the Turtle and regenerate
(tests/test_vocabulary.py fails while this file is stale).
"""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class AMITY(DefinedNamespace):
    """The amity ontology, version 1.0.0 (https://w3id.org/amity/ontology#)."""

    _fail = True
    _NS = Namespace("https://w3id.org/amity/ontology#")

    # owl:Class
    Actor: URIRef  # A state, person, organisation, region or city that takes part in a stated fact, under its canonical English name (rdfs:label). Its per-document surface forms are on amity:Occurrence nodes.
    ActorSet: URIRef  # The set of actors a goal, figure, relation or cooperation is about (usually a pair of states). Its IRI is minted from its members, so facts about the same actors share one node and queries can join them on it.
    Agreement: URIRef  # The signing or conclusion of an agreement, treaty, memorandum or contracts.
    City: URIRef  # A city, such as a capital where a visit takes place.
    Congratulation: URIRef  # A congratulation or message of greetings from one actor to another.
    Cooperation: URIRef  # Cooperation in an area named by a topic of the amity SKOS scheme (trade, energy, water...), as stated.
    Country: URIRef  # A sovereign state. Carries its ISO 3166 code (amity:isoCode) and, where known, owl:sameAs its Wikidata entity.
    CulturalYear: URIRef  # A year or days of one state's culture, tourism or language in another.
    Document: URIRef  # An input text (interview, joint statement, press release, news item, overview) identified by its file stem (amity:documentId). Its facts form one named graph.
    Event: URIRef  # Something that happened or is planned at a time: a visit, talks, a summit, an agreement. Every event also has exactly one of the event subclasses as type.
    Evidence: URIRef  # Where a fact was read: a sentence of a document given by character offsets (nif:beginIndex, nif:endIndex), its text (nif:anchorOf) and the id of the extraction rule that fired (amity:rule). Facts point to it with prov:wasDerivedFrom.
    Exhibition: URIRef  # An exhibition or fair.
    Fact: URIRef  # Something a document states about relations between actors. Its IRI is minted from its canonical content, so the same fact stated in several documents is one node with several pieces of evidence.
    Figure: URIRef  # A stated quantity about a relation (trade turnover, number of joint ventures) with its unit, whether it is approximate, and the period it refers to.
    Forum: URIRef  # A forum, conference or business council session.
    Goal: URIRef  # A target or intention stated by its holders. Quantified goals have a metric, target value and unit; qualitative ones only their text.
    Interview: URIRef  # An interview given by an actor (often the document itself).
    Meeting: URIRef  # A meeting between representatives of actors.
    Occurrence: URIRef  # One document's mention of an actor or statement of a fact, with the surface forms that document uses (actor aliases, an event's label, a goal's or figure's text, a threat's words). Keeps per-document information answerable from a plain Turtle file, which has no named graphs.
    OfficeHolding: URIRef  # A person holding a role ("President of Kazakhstan") for a state, as stated or as known, with start and end where known.
    Organization: URIRef  # An organisation: a ministry, a company, an international body.
    OtherEvent: URIRef  # An event of none of the other types (event type "Other" in the fact model).
    Person: URIRef  # A person, such as a head of state or a minister.
    Region: URIRef  # A region below or across states: a province, an oblast, a geographic region.
    RelationCharacterisation: URIRef  # How the relations of a set of actors are characterised ("strategic partnership", "good-neighbourliness").
    Summit: URIRef  # A summit of heads of state or government, bilateral or multilateral.
    Talks: URIRef  # Negotiations or talks, including telephone conversations.
    Threat: URIRef  # A shared threat or concern (terrorism, drug trafficking) under its canonical label; the words each document uses are on its amity:Occurrence nodes.
    Visit: URIRef  # A visit of a person or delegation to a state or place (state, official or working visit).

    # owl:ObjectProperty
    actorSet: URIRef  # The set of a goal's holders or of a figure's, relation's or cooperation's subjects, as one node to join on.
    document: URIRef  # The document an evidence span or an occurrence belongs to.
    holder: URIRef  # An actor that holds (states, shares) a goal.
    member: URIRef  # An actor in an actor set.
    occurrenceOf: URIRef  # The actor or fact that an occurrence mentions or states.
    participant: URIRef  # An actor taking part in an event.
    person: URIRef  # The person who holds an office.
    place: URIRef  # Where an event takes place: a country, region or city actor.
    state: URIRef  # The state (or organisation) an office belongs to.
    subject: URIRef  # An actor a figure, relation characterisation or cooperation is about.
    topic: URIRef  # The area of a cooperation: a concept of the amity topic scheme (https://w3id.org/amity/topics).

    # owl:DatatypeProperty
    approximate: URIRef  # Whether a figure was stated as approximate or as a bound (about, over, more than, nearly).
    buildKey: URIRef  # A SHA-256 in hexadecimal over everything a document's graph was built from: the document's bytes and metadata and the code, rules and gazetteer of extraction and mapping. An incremental build skips a document whose key is unchanged and rebuilds it otherwise.
    date: URIRef  # When an event happens, or the period a figure refers to (not the document's date): xsd:gYear, xsd:gYearMonth or xsd:date depending on precision.
    deadline: URIRef  # When a goal is to be reached (xsd:gYear, xsd:gYearMonth or xsd:date).
    documentId: URIRef  # A document's id: its file stem (the `doc` column of the named queries).
    endDate: URIRef  # When a person left an office, where known (xsd:gYear, xsd:gYearMonth or xsd:date).
    genre: URIRef  # A document's genre: interview, joint-statement, press-release, news or overview.
    isoCode: URIRef  # An ISO 3166 code: alpha-2 or alpha-3 for a country, ISO 3166-2 for a region.
    metric: URIRef  # What a figure or goal measures ("trade turnover"); goals and figures of the same metric can be compared.
    published: URIRef  # When a document was published, as xsd:gYear, xsd:gYearMonth or xsd:date depending on precision.
    relationKind: URIRef  # The characterisation of relations, as stated ("strategic partnership").
    role: URIRef  # The office held, as a name ("President of Kazakhstan").
    rule: URIRef  # The id of the extraction rule that produced a fact from a sentence.
    sentenceCount: URIRef  # How many sentences the extractor read in a document.
    sha256: URIRef  # The SHA-256 of a document's bytes in hexadecimal: it tells whether a document changed since the graph was built.
    sourceUrl: URIRef  # Where a document was published, as given by its sidecar (a literal, since it need not be a valid IRI).
    startDate: URIRef  # When a person took an office, where known (xsd:gYear, xsd:gYearMonth or xsd:date).
    surfaceForm: URIRef  # Words one document uses for an actor (an alias) or a fact (an event's label, a goal's or figure's text, a threat's words).
    target: URIRef  # A quantified goal's normalised target value.
    title: URIRef  # A document's title: its sidecar's title or its first non-empty line.
    unit: URIRef  # The unit of a figure or goal: an ISO 4217 currency code, percent, or a plain noun (tonnes, flights).
    value: URIRef  # A figure's normalised value (3 billion dollars -> 3000000000).


class TOPIC(DefinedNamespace):
    """Concepts of the amity cooperation topic scheme (https://w3id.org/amity/topic/<notation>)."""

    _fail = True
    _NS = Namespace("https://w3id.org/amity/topic/")

    agriculture: URIRef  # Agriculture and food: farming, agro-industry, food security.
    border: URIRef  # The border: checkpoints, customs, delimitation and demarcation.
    culture: URIRef  # Culture and the cultural-humanitarian sphere: arts, heritage, cultural days.
    defense: URIRef  # Defence and military cooperation, military-technical cooperation.
    digital: URIRef  # Digital technology and IT: e-government, telecommunications, innovation.
    education: URIRef  # Education: universities, students, academic exchange.
    energy: URIRef  # Energy: oil, gas, electricity, hydropower, nuclear power.
    environment: URIRef  # The environment: ecology, climate, the Aral Sea.
    finance: URIRef  # Finance: banking, currency, payments, development banks.
    health: URIRef  # Health care and medicine, pharmaceuticals, pandemics.
    humanitarian: URIRef  # Humanitarian aid and assistance.
    industry: URIRef  # Industrial cooperation: manufacturing, industrial cooperation projects, mining.
    investment: URIRef  # Investment projects, joint ventures and investment funds.
    media: URIRef  # Mass media and information: news agencies, broadcasting, journalists.
    migration: URIRef  # Migration, including labour migration and the rights of migrants.
    regional: URIRef  # Interregional, multilateral and regional-integration cooperation.
    science: URIRef  # Science and research: academies, joint research.
    security: URIRef  # Security cooperation: law enforcement, special services, counter-terrorism.
    sports: URIRef  # Sports: competitions, sports exchanges.
    tourism: URIRef  # Tourism: tourist flows, visa facilitation for tourists.
    trade: URIRef  # Trade between states: turnover, exports, imports, trade missions.
    transport: URIRef  # Transport and transit: logistics, railways, roads, aviation.
    water: URIRef  # Water resources: transboundary rivers, water sharing, irrigation.
