"""`amity view`: write the network view of a graph as one self-contained HTML file.

A thin layer: it parses the options and calls `amity.graph.view.write_view`; problems with the
graph or the options arrive as GraphError subclasses and leave as one line `amity: ...` with exit
status 1, never a traceback. Registered in the main group by amity.cli (`from amity.cli_view
import view`).
"""

from __future__ import annotations

import webbrowser
from pathlib import Path
from typing import Any

import click

from amity.graph.errors import GraphError
from amity.graph.view.kinds import KINDS


class ViewFailed(click.ClickException):
    """The view could not be written (exit status 1), shown as `amity: <message>`."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        click.echo(f"amity: {self.message}", err=True)


@click.command("view")
@click.option("--graph", "graph_path", default="graph.ttl", show_default=True,
              help="Graph file (.ttl, .nt, .nq, .trig, .jsonld, optionally .gz) or Oxigraph store folder.")
@click.option("--out", default="network.html", show_default=True, help="The HTML file to write.")
@click.option("--focus", metavar="ACTOR", help="Show only this actor (name or alias) and its neighbourhood.")
@click.option("--depth", type=click.IntRange(min=0), default=2, show_default=True,
              help="With --focus: how many hops around the actor to keep.")
@click.option("--kinds", metavar="KIND[,KIND...]", multiple=True,
              help=f"Node kinds to show (repeatable or comma-separated): {', '.join(KINDS)}.")
@click.option("--doc", metavar="DOC_ID", multiple=True,
              help="Show only what these documents state (repeatable or comma-separated).")
@click.option("--group-above", type=click.IntRange(min=0), default=None, metavar="N",
              help="Fold goals, figures, topics and threats into per-pair summaries above N nodes "
                   "[default: 1500].")
@click.option("--open", "open_browser", is_flag=True, help="Open the written file in the web browser.")
def view(graph_path: str, out: str, focus: str | None, depth: int, kinds: tuple[str, ...], doc: tuple[str, ...],
         group_above: int | None, open_browser: bool) -> None:  # fmt: skip
    """Write the network of actors and facts as one HTML file that works offline.

    Hover a node for its facts and evidence sentences; search, and filter by kind, pair of
    states and document in the page.
    """
    from amity.graph.view import GROUP_ABOVE, write_view

    try:
        stats = write_view(
            graph_path,
            out,
            focus=focus,
            depth=depth,
            kinds=kinds or None,
            doc=doc or None,
            group_above=GROUP_ABOVE if group_above is None else group_above,
        )
    except GraphError as error:
        raise ViewFailed(" ".join(str(error).split())) from None
    except OSError as error:
        raise ViewFailed(f"{out}: cannot write: {error.strerror or error}") from None
    click.echo(f"wrote {stats.summary()}")
    if open_browser:
        webbrowser.open(Path(out).resolve().as_uri())
