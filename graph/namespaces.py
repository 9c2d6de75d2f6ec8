"""Namespace IRIs and Turtle/SPARQL prefixes shared by the mapping, the writers and the queries.

The amity terms themselves come from `amity.ontology.vocabulary` (generated from the ontology);
this module only adds the external vocabularies amity aligns to and the data IRI layout.
"""

from __future__ import annotations

from amity.ontology.vocabulary import AMITY, TOPIC

AMITY_NS = str(AMITY._NS)
TOPIC_NS = str(TOPIC._NS)
TOPIC_SCHEME = "https://w3id.org/amity/topics"
DEFAULT_BASE = "https://w3id.org/amity/id/"

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS_NS = "http://www.w3.org/2000/01/rdf-schema#"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
OWL_NS = "http://www.w3.org/2002/07/owl#"
PROV_NS = "http://www.w3.org/ns/prov#"
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"
SCHEMA_NS = "https://schema.org/"
NIF_NS = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
DCTERMS_NS = "http://purl.org/dc/terms/"
WIKIDATA_NS = "http://www.wikidata.org/entity/"

# Vocabulary prefixes written at the top of Turtle/TriG files and accepted in ad-hoc SPARQL.
VOCABULARY_PREFIXES: dict[str, str] = {
    "amity": AMITY_NS,
    "dcterms": DCTERMS_NS,
    "nif": NIF_NS,
    "owl": OWL_NS,
    "prov": PROV_NS,
    "rdf": RDF_NS,
    "rdfs": RDFS_NS,
    "schema": SCHEMA_NS,
    "skos": SKOS_NS,
    "topic": TOPIC_NS,
    "wd": WIKIDATA_NS,
    "xsd": XSD_NS,
}

# Data IRIs are <base><folder>/<local name>; each folder gets a prefix of the same name in Turtle,
# so the files read `person:kassym-jomart-tokayev-3fa2c1d0e4b5` rather than full IRIs.
FOLDERS: tuple[str, ...] = (
    "actor",
    "actorset",
    "city",
    "cooperation",
    "country",
    "document",
    "event",
    "evidence",
    "figure",
    "goal",
    "graph",
    "occurrence",
    "office",
    "organization",
    "person",
    "region",
    "relation",
    "threat",
)


def data_prefixes(base: str = DEFAULT_BASE) -> dict[str, str]:
    """Prefixes for the data IRIs minted under `base`, one per folder."""
    return {folder: f"{base}{folder}/" for folder in FOLDERS}


def all_prefixes(base: str = DEFAULT_BASE) -> dict[str, str]:
    """Vocabulary and data prefixes together, as written in Turtle and TriG files."""
    return {**VOCABULARY_PREFIXES, **data_prefixes(base)}
