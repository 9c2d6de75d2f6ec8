"""What `amity.graph.view` offers: write_view and the steps around it (see the package docstring)."""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from amity.graph.atomic import atomic_write
from amity.graph.view.errors import ViewError
from amity.graph.view.group import group_pairs
from amity.graph.view.html import render_page
from amity.graph.view.kinds import KINDS, node_size, parse_kinds
from amity.graph.view.layout import layout as compute_layout  # keeps `view.layout` the module
from amity.graph.view.payload import build_payload
from amity.graph.view.projection import StoreLike, project
from amity.graph.view.restrict import restrict as restrict_graph  # keeps `view.restrict` the module

__all__ = ["GROUP_ABOVE", "KINDS", "ViewError", "ViewStats", "prepare", "project", "render_view", "write_view"]

# Above this many nodes, goals, figures, topics and threats are folded into per-pair summaries.
GROUP_ABOVE = 1500


@dataclass(frozen=True, slots=True)
class ViewStats:
    """What a written view holds, for the command's summary line and for tests."""

    path: Path | None
    nodes: int
    edges: int
    documents: int
    bytes: int
    grouped: bool
    focus: str | None = None
    kinds: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def summary(self) -> str:
        """One line: where, how many nodes, edges and documents, and how big."""
        where = f"{self.path}: " if self.path else ""
        grouped = ", facts grouped per pair of states" if self.grouped else ""
        return (
            f"{where}{self.nodes} nodes, {self.edges} edges from {self.documents} documents{grouped} "
            f"({self.bytes / 1_000_000:.1f} MB)"
        )


def _docs(doc: str | Iterable[str] | None) -> list[str] | None:
    if doc is None:
        return None
    values = [doc] if isinstance(doc, str) else list(doc)
    names = [part.strip() for value in values for part in value.split(",") if part.strip()]
    return names or None


def prepare(
    store_or_path: StoreLike | nx.MultiDiGraph,
    *,
    focus: str | None = None,
    depth: int = 2,
    kinds: str | Iterable[str] | None = None,
    doc: str | Iterable[str] | None = None,
    group_above: int | None = GROUP_ABOVE,
) -> tuple[nx.MultiDiGraph, bool]:
    """The projection cut to the options, grouped if larger than `group_above` nodes.

    Returns (graph, grouped). Accepts a ready projection instead of a store, e.g. for benchmarks.
    """
    try:
        wanted = parse_kinds(list(kinds) if kinds is not None and not isinstance(kinds, str) else kinds)
    except ValueError as error:
        raise ViewError(str(error)) from None
    graph = store_or_path if isinstance(store_or_path, nx.MultiDiGraph) else project(store_or_path)
    graph = restrict_graph(graph, focus=focus, depth=depth, kinds=wanted, docs=_docs(doc))
    grouped = group_above is not None and graph.number_of_nodes() > group_above
    if grouped:
        graph = group_pairs(graph)
    return graph, grouped


def render_view(graph: nx.MultiDiGraph, *, grouped: bool = False, title: str | None = None) -> str:
    """The HTML page of a prepared graph: sizes, layout, payload, page."""
    undirected = {n: set(nx.all_neighbors(graph, n)) for n in graph}
    sizes = {n: node_size(graph.nodes[n]["kind"], len(undirected[n])) for n in graph}
    positions = compute_layout(graph, sizes=sizes)
    if title is None:
        focus = graph.graph.get("focus")
        title = f"amity · {graph.nodes[focus]['label']} and its neighbourhood" if focus in graph else "amity · network"
    return render_page(build_payload(graph, positions, sizes, title=title, grouped=grouped), title=title)


def write_view(
    store_or_path: StoreLike | nx.MultiDiGraph,
    out: str | os.PathLike[str],
    *,
    focus: str | None = None,
    depth: int = 2,
    kinds: str | Iterable[str] | None = None,
    doc: str | Iterable[str] | None = None,
    group_above: int | None = GROUP_ABOVE,
    title: str | None = None,
) -> ViewStats:
    """Writes the network view of a graph (store, graph file or Oxigraph folder) to `out`.

    `focus` (an actor's name or alias) keeps its neighbourhood within `depth` hops; `kinds` keeps
    those node kinds ("country,event" or a list); `doc` keeps what those documents state. The file
    is written atomically. Raises GraphError subclasses (GraphFileError for a bad graph file,
    ViewError for options that do not fit the graph).
    """
    started = time.perf_counter()
    graph, grouped = prepare(store_or_path, focus=focus, depth=depth, kinds=kinds, doc=doc, group_above=group_above)
    page = render_view(graph, grouped=grouped, title=title).encode("utf-8", "backslashreplace")
    with atomic_write(out, "wb") as fh:
        fh.write(page)
    docs = set(_docs(doc) or ()) or {d for _, attrs in graph.nodes(data=True) for d in attrs["docs"]}
    focus_node = graph.graph.get("focus")
    return ViewStats(
        path=Path(out),
        nodes=graph.number_of_nodes(),
        edges=graph.number_of_edges(),
        documents=len(docs),
        bytes=len(page),
        grouped=grouped,
        focus=graph.nodes[focus_node]["label"] if focus_node in graph else None,
        kinds=dict(Counter(attrs["kind"] for _, attrs in graph.nodes(data=True))),
        seconds=time.perf_counter() - started,
    )
