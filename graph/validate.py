"""SHACL validation of amity graphs against ontology/shapes.ttl.

pyshacl is pure Python and slow on large graphs, so validation is an explicit step (the tests,
`amity validate`), not part of every build. Data is handed to rdflib as N-Triples produced by
pyoxigraph, which is much faster than rdflib's Turtle parser.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Graph

from amity.graph.errors import ValidationError
from amity.graph.serialize import Quad, serialize, store_quads
from amity.graph.store import open_store
from amity.ontology import shapes_turtle


@dataclass(frozen=True, slots=True)
class Violation:
    """One SHACL result, as `amity validate` prints it: which node, which property, what is wrong.

    Terms are written short (`country:kazakhstan-…`, `amity:isoCode`) with the prefixes of the
    Turtle files; `path` is "" for a node-level result and "(path)" for a complex property path.
    """

    focus: str
    path: str
    message: str
    value: str = ""
    severity: str = "Violation"  # Violation, Warning or Info
    shape: str = ""

    def line(self) -> str:
        """The result on one line: `<focus> <path>: <message> (value: <value>)`."""
        where = f"{self.focus} {self.path}".strip()
        value = f" (value: {self.value})" if self.value else ""
        level = "" if self.severity == "Violation" else f"[{self.severity}] "
        return " ".join(f"{level}{where}: {self.message}{value}".split())


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """Whether a graph conforms, pyshacl's text report, and each result (sorted)."""

    conforms: bool
    violations: int
    text: str
    results: tuple[Violation, ...] = ()


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
        raise ValidationError("SHACL validation needs pyshacl: pip install pyshacl") from error
    graph = _data_graph(data)
    conforms, results, text = shacl_validate(
        graph, shacl_graph=shapes_graph(), inference="none", advanced=True, allow_warnings=False
    )
    found = _results(results)
    return ValidationReport(bool(conforms), len(found), str(text), found)


def _results(results: Graph) -> tuple[Violation, ...]:
    """The sh:ValidationResult nodes of pyshacl's results graph as Violations, sorted."""
    from rdflib import BNode, Literal
    from rdflib.namespace import SH, NamespaceManager

    from amity.graph.namespaces import all_prefixes

    names = NamespaceManager(Graph(), bind_namespaces="none")
    for prefix, namespace in all_prefixes().items():
        names.bind(prefix, namespace)

    def short(term: object) -> str:
        if term is None:
            return ""
        if isinstance(term, Literal):
            return repr(str(term)) if len(str(term)) <= 80 else repr(str(term)[:77] + "...")
        if isinstance(term, BNode):
            return "(path)"
        try:
            return names.normalizeUri(term)  # type: ignore[arg-type]
        except Exception:  # noqa: BLE001 - an IRI rdflib cannot shorten is shown whole
            return f"<{term}>"

    found = []
    for result in set(results.subjects(predicate=SH.resultSeverity)):
        severity = results.value(result, SH.resultSeverity)
        messages = sorted(_readable(str(m)) for m in results.objects(result, SH.resultMessage))
        found.append(Violation(
            focus=short(results.value(result, SH.focusNode)),
            path=short(results.value(result, SH.resultPath)),
            message="; ".join(messages) or "does not conform",
            value=short(results.value(result, SH.value)),
            severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
            shape=short(results.value(result, SH.sourceShape)),
        ))
    return tuple(sorted(found, key=lambda v: (v.focus, v.path, v.message, v.value)))


_CLOSED = re.compile(r"^Node \S+ is closed\. It cannot have value: .*$", re.DOTALL)


def _readable(message: str) -> str:
    """pyshacl's message, without the repetition its closed-shape message carries."""
    if _CLOSED.match(message):
        return "property not allowed on this node (its shape is closed)"
    return " ".join(message.split())
