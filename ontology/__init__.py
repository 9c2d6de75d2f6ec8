"""The vocabulary: OWL ontology, SKOS topic scheme and SHACL shapes, as package data.

The Turtle files are found with importlib.resources (never by a path relative to the checkout), so
they work from a wheel, an editable install or a zip.
"""

from __future__ import annotations

from importlib import resources

ONTOLOGY_FILE = "amity.ttl"
TOPICS_FILE = "topics.ttl"
SHAPES_FILE = "shapes.ttl"


def read_resource(name: str) -> str:
    """The text of one of this package's data files (amity.ttl, topics.ttl, shapes.ttl)."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def ontology_turtle() -> str:
    """The OWL ontology (classes and properties) as Turtle."""
    return read_resource(ONTOLOGY_FILE)


def topics_turtle() -> str:
    """The SKOS scheme of cooperation topics as Turtle."""
    return read_resource(TOPICS_FILE)


def shapes_turtle() -> str:
    """The SHACL shapes every graph amity writes conforms to, as Turtle."""
    return read_resource(SHAPES_FILE)
