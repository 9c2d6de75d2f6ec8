"""Generate ontology/context.jsonld, the JSON-LD context of amity data, from amity.ttl.

Like vocabulary.py, the context is derived from the ontology so that the two cannot drift apart:
every class and property gets a term named by its local name; object properties are coerced to
IRIs ("@type": "@id"); datatype properties whose range is a number, a boolean or xsd:anyURI are
coerced to it (plain strings need nothing; dates vary in precision and keep explicit types). The
external terms amity writes (rdfs:label, owl:sameAs, prov:wasDerivedFrom, the NIF offsets and
anchor) and the usual prefixes are added. graph.export_jsonld embeds it in `amity export
--format jsonld`; it is shipped so that other tools can compact or frame amity data with it.

    python -m amity.ontology.generate_context           # rewrite context.jsonld
    python -m amity.ontology.generate_context --check   # exit 1 if context.jsonld is stale
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib import resources
from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from amity.ontology import ontology_turtle

AMITY_NS = "https://w3id.org/amity/ontology#"
PREFIXES = {
    "amity": AMITY_NS,
    "dcterms": "http://purl.org/dc/terms/",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "wd": "http://www.wikidata.org/entity/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
# Ranges whose values are written as plain JSON strings under a coercing term.
_COERCED_RANGES = {XSD.decimal: "xsd:decimal", XSD.integer: "xsd:integer", XSD.boolean: "xsd:boolean",
                   XSD.anyURI: "xsd:anyURI"}
# Terms from other vocabularies that amity data uses.
_EXTERNAL: dict[str, Any] = {
    "label": "rdfs:label",
    "sameAs": {"@id": "owl:sameAs", "@type": "@id"},
    "wasDerivedFrom": {"@id": "prov:wasDerivedFrom", "@type": "@id"},
    "beginIndex": {"@id": "nif:beginIndex", "@type": "xsd:integer"},
    "endIndex": {"@id": "nif:endIndex", "@type": "xsd:integer"},
    "anchorOf": "nif:anchorOf",
}


def build_context() -> dict[str, Any]:
    """The context object (the file holds {"@context": <this>})."""
    graph = Graph().parse(data=ontology_turtle(), format="turtle")

    def local_names(kind: object) -> list[str]:
        return sorted(str(t)[len(AMITY_NS):] for t in graph.subjects(RDF.type, kind) if str(t).startswith(AMITY_NS))

    context: dict[str, Any] = dict(PREFIXES)
    for name in local_names(OWL.Class):
        context[name] = f"amity:{name}"
    for name in local_names(OWL.ObjectProperty):
        context[name] = {"@id": f"amity:{name}", "@type": "@id"}
    for name in local_names(OWL.DatatypeProperty):
        coerced = _COERCED_RANGES.get(graph.value(URIRef(AMITY_NS + name), RDFS.range))
        context[name] = {"@id": f"amity:{name}", "@type": coerced} if coerced else f"amity:{name}"
    clash = sorted(set(context) & set(_EXTERNAL))
    if clash:  # pragma: no cover - would need an ontology term named like rdfs:label
        raise ValueError(f"ontology terms clash with external terms: {', '.join(clash)}")
    context.update(_EXTERNAL)
    return context


def generate() -> str:
    """The text of context.jsonld."""
    return json.dumps({"@context": build_context()}, indent=2, ensure_ascii=False) + "\n"


def _target():
    return resources.files("amity.ontology").joinpath("context.jsonld")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="exit 1 if context.jsonld is stale")
    args = parser.parse_args(argv)
    text = generate()
    from amity.ontology.generated import refresh

    return refresh(_target(), text, "amity.ontology.generate_context", check=args.check)


if __name__ == "__main__":
    sys.exit(main())
