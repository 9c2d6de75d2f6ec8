"""Generate ontology/vocabulary.py from amity.ttl and topics.ttl.

The Turtle ontology is the source of truth; the Python vocabulary is derived from it so that code
can only name terms the ontology declares (a `DefinedNamespace` with `_fail = True` raises on a
typo at import time instead of writing a wrong IRI into the graph).

    python -m amity.ontology.generate_vocabulary           # rewrite vocabulary.py
    python -m amity.ontology.generate_vocabulary --check   # exit 1 if vocabulary.py is stale
    python -m amity.ontology.generate_vocabulary --stdout  # print instead of writing
"""

from __future__ import annotations

import argparse
import sys
from importlib import resources

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from amity.ontology import ontology_turtle, topics_turtle

AMITY_NS = "https://w3id.org/amity/ontology#"
TOPIC_NS = "https://w3id.org/amity/topic/"

# The order in which term kinds are listed in the generated file.
_KINDS = (
    (OWL.Class, "owl:Class"),
    (OWL.ObjectProperty, "owl:ObjectProperty"),
    (OWL.DatatypeProperty, "owl:DatatypeProperty"),
    (OWL.AnnotationProperty, "owl:AnnotationProperty"),
)

_HEADER = '''# ruff: noqa: E501
"""Python names for the terms of the amity ontology and topic scheme.

GENERATED from ontology/amity.ttl and ontology/topics.ttl by
`python -m amity.ontology.generate_vocabulary`. Do not edit: edit the Turtle and regenerate
(tests/test_vocabulary.py fails while this file is stale).
"""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef
'''


def _one_line(text: str) -> str:
    """A comment squeezed onto one line, as the DefinedNamespace style wants."""
    return " ".join(str(text).split())


def ontology_terms(graph: Graph) -> dict[str, tuple[str, str]]:
    """Local name -> (kind, comment) for every class and property the ontology declares."""
    terms: dict[str, tuple[str, str]] = {}
    for kind, kind_name in _KINDS:
        for subject in graph.subjects(RDF.type, kind):
            if isinstance(subject, URIRef) and str(subject).startswith(AMITY_NS):
                name = str(subject)[len(AMITY_NS) :]
                comment = graph.value(subject, RDFS.comment) or ""
                terms.setdefault(name, (kind_name, _one_line(comment)))
    return terms


def topic_terms(graph: Graph) -> dict[str, str]:
    """Notation -> definition for every concept of the topic scheme."""
    terms: dict[str, str] = {}
    for concept in graph.subjects(RDF.type, SKOS.Concept):
        if isinstance(concept, URIRef) and str(concept).startswith(TOPIC_NS):
            definition = graph.value(concept, SKOS.definition) or graph.value(concept, SKOS.prefLabel) or ""
            terms[str(concept)[len(TOPIC_NS) :]] = _one_line(definition)
    return terms


def _version(graph: Graph) -> str:
    for ontology in graph.subjects(RDF.type, OWL.Ontology):
        version = graph.value(ontology, OWL.versionInfo)
        if version:
            return str(version)
    return "unknown"


def generate() -> str:
    """The text of vocabulary.py for the ontology files as they are now."""
    onto = Graph().parse(data=ontology_turtle(), format="turtle")
    topics = Graph().parse(data=topics_turtle(), format="turtle")
    lines = [
        _HEADER,
        "",
        "class AMITY(DefinedNamespace):",
        f'    """The amity ontology, version {_version(onto)} ({AMITY_NS})."""',
        "",
        "    _fail = True",
        f'    _NS = Namespace("{AMITY_NS}")',
    ]
    terms = ontology_terms(onto)
    for _, kind_name in _KINDS:
        names = sorted(name for name, (kind, _) in terms.items() if kind == kind_name)
        if not names:
            continue
        lines += ["", f"    # {kind_name}"]
        lines += [f"    {name}: URIRef  # {terms[name][1]}" for name in names]
    lines += [
        "",
        "",
        "class TOPIC(DefinedNamespace):",
        f'    """Concepts of the amity cooperation topic scheme ({TOPIC_NS}<notation>)."""',
        "",
        "    _fail = True",
        f'    _NS = Namespace("{TOPIC_NS}")',
        "",
    ]
    topics_by_name = topic_terms(topics)
    lines += [f"    {name}: URIRef  # {topics_by_name[name]}" for name in sorted(topics_by_name)]
    return "\n".join(lines) + "\n"


def _target():
    return resources.files("amity.ontology").joinpath("vocabulary.py")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if vocabulary.py is stale")
    parser.add_argument("--stdout", action="store_true", help="print the generated module")
    args = parser.parse_args(argv)
    text = generate()
    if args.stdout:
        sys.stdout.write(text)
        return 0
    from amity.ontology.generated import refresh

    return refresh(_target(), text, "amity.ontology.generate_vocabulary", check=args.check)


if __name__ == "__main__":
    sys.exit(main())
