"""The vocabulary: OWL ontology, SKOS topic scheme and SHACL shapes, as package data."""
