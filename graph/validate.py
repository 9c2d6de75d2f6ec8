"""SHACL validation of amity graphs against ontology/shapes.ttl.

pyshacl is pure Python and slow on large graphs, and it is a test dependency rather than a runtime
one, so validation is an explicit step (tests, `amity validate`-style checks), not part of every
build. Data is handed to rdflib as N-Triples produced by pyoxigraph, which is much faster than
rdflib's Turtle parser.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Graph

from amity.graph.errors import ValidationError
from amity.graph.serialize import Quad, serialize, store_quads
from amity.graph.store import open_store
from amity.ontology import shapes_turtle


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """Whether a graph conforms, and pyshacl's text report when it does not."""

    conforms: bool
    violations: int
    text: str


def shapes_graph() -> Graph:
    """The SHACL shapes as an rdflib graph."""
    return Graph().parse(data=shapes_turtle(), format="turtle")


def _data_graph(data: Graph | Iterable[Quad] | str | os.PathLike[str]) -> Graph:
    if isinstance(data, Graph):
        return data
    quads = store_quads(open_store(data)) if isinstance(data, str | os.PathLike) else data
    return Graph().parse(data=serialize(quads, ".nt").decode("utf-8"), format="nt")


def validate(data: Graph | Iterable[Quad] | str | os.PathLike[str]) -> ValidationReport:
    """Validates a graph (rdflib Graph, quads from the mapping, or a graph file path).

    The union of all named graphs is validated, as that is what the shapes describe.
    """
    try:
        from pyshacl import validate as shacl_validate
    except ImportError as error:
        raise ValidationError("SHACL validation needs pyshacl: pip install 'amity[test]'") from error
    graph = _data_graph(data)
    conforms, results, text = shacl_validate(
        graph, shacl_graph=shapes_graph(), inference="none", advanced=True, allow_warnings=False
    )
    from rdflib.namespace import SH

    violations = len(set(results.subjects(predicate=SH.resultSeverity)))
    return ValidationReport(bool(conforms), violations, str(text))
