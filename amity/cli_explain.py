"""`amity explain TERM`: print the sentences, documents and rules behind an actor or a fact.

A thin layer over amity.explain (which finds the nodes and reads their evidence); it only parses
the options and prints. Problems leave as one line `amity: ...` (exit status 1): nothing matches,
the graph cannot be read.
"""

from __future__ import annotations

import click


@click.command("explain")
@click.argument("term")
@click.option("--graph", "-g", default="graph.ttl", show_default=True,
              help="Graph file (.ttl .nt .nq .trig .jsonld, optionally .gz) or Oxigraph store folder.")
@click.option("--limit", "-n", type=click.IntRange(min=1), default=10, show_default=True,
              help="Explain at most this many matching actors and facts.")
def explain(term: str, graph: str, limit: int) -> None:
    """The sentences, documents and rule ids behind TERM: an actor's name or alias, a fact's label
    or words (an event, a goal, a figure, a topic, a threat), or an IRI.

    Names match exactly, else ignoring case, else as part of a name.
    """
    from amity.cli import reports_errors

    reports_errors(_explain)(term, graph, limit)


def _explain(term: str, graph: str, limit: int) -> None:
    from pathlib import Path

    from amity.cli import Failure
    from amity.explain import explain as find_evidence
    from amity.explain import render

    if "://" not in graph and not Path(graph).exists():
        raise Failure(f"{graph}: no such graph (build one first: amity build ... --out {graph})")
    click.echo(render(find_evidence(graph, term, limit=limit)), nl=False)
