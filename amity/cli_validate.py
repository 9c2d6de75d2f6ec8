"""`amity validate`: check a graph against the SHACL shapes in ontology/shapes.ttl.

Prints one line per result (`<focus node> <property>: <message> (value: ...)`, terms shortened
with the Turtle prefixes), then the count. Exit status 0 when the graph conforms, 1 when it does
not (or cannot be read), so scripts and CI can gate on it. The work is graph.validate's; this
module only formats. pyshacl is pure Python: expect about a second per ten thousand triples.
"""

from __future__ import annotations

import click


@click.command("validate")
@click.option("--graph", "-g", default="graph.ttl", show_default=True,
              help="Graph file (.ttl .nt .nq .trig .jsonld, optionally .gz) or Oxigraph store folder.")
def validate(graph: str) -> None:
    """Check a graph against amity's SHACL shapes; exit status 1 if it does not conform.

    Each violation is printed on one line: the node, the property and what is wrong.
    """
    from amity.cli import reports_errors

    reports_errors(_validate)(graph)


def _validate(graph: str) -> None:
    from amity.cli import Failure
    from amity.graph.validate import validate as shacl_validate

    if "://" in graph:
        raise Failure(f"{graph}: a SPARQL endpoint; amity validate reads a graph file or an Oxigraph store folder")
    report = shacl_validate(graph)
    for result in report.results:
        click.echo(result.line())
    violations = sum(1 for r in report.results if r.severity == "Violation")
    others = len(report.results) - violations
    extra = f", {others} warning{'s' if others != 1 else ''}" if others else ""
    click.echo(f"{violations} violation{'s' if violations != 1 else ''}{extra}")
    if not report.conforms:
        raise Failure(f"{graph} does not conform to the amity shapes")
