"""Cutting a projection down to what the analyst asked for: documents, a neighbourhood, kinds.

Done in Python before layout, so a focused view of a large corpus is small, fast to draw, and laid
out for what it shows rather than for the whole corpus.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

import networkx as nx

from amity.graph.view.errors import ViewError
from amity.graph.view.kinds import ACTOR_KINDS


def find_node(graph: nx.MultiDiGraph, name: str) -> str:
    """The node an analyst means by `name`: an actor by label or alias (case-insensitive), else
    any node by label. Raises ViewError with close matches when there is none."""
    wanted = name.strip().casefold()
    ranked: list[tuple[int, str]] = []
    for node, attrs in graph.nodes(data=True):
        is_actor = attrs["kind"] in ACTOR_KINDS
        if attrs["label"].casefold() == wanted:
            ranked.append((0 if is_actor else 2, node))
        elif is_actor and any(alias.casefold() == wanted for alias in attrs.get("aliases", ())):
            ranked.append((1, node))
    if ranked:
        return min(ranked)[1]
    labels = sorted({attrs["label"] for _, attrs in graph.nodes(data=True) if attrs["kind"] in ACTOR_KINDS})
    close = difflib.get_close_matches(name.strip(), labels, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise ViewError(f"no actor named {name.strip()!r} in the graph{hint}")


def restrict(
    graph: nx.MultiDiGraph,
    *,
    focus: str | None = None,
    depth: int = 2,
    kinds: Iterable[str] | None = None,
    docs: Iterable[str] | None = None,
) -> nx.MultiDiGraph:
    """The part of `graph` stated by `docs`, within `depth` hops of `focus`, of node `kinds`.

    Each cut is skipped when its argument is None. The focus node itself is always kept. Returns a
    new graph (graph attributes shared); raises ViewError for an unknown focus or document id.
    """
    if depth < 0:
        raise ViewError(f"depth must be 0 or more, not {depth}")
    keep = set(graph)
    if docs is not None:
        wanted = {d.strip() for d in docs if d.strip()}
        known = set(graph.graph.get("documents", {}))
        unknown = sorted(wanted - known)
        if unknown:
            listed = ", ".join(sorted(known)[:10]) + (", ..." if len(known) > 10 else "")
            raise ViewError(f"no document {unknown[0]!r} in the graph; documents: {listed or 'none'}")
        keep = {n for n in keep if wanted.intersection(graph.nodes[n]["docs"])}
    centre = None
    if focus is not None:
        centre = find_node(graph.subgraph(keep), focus) if keep else find_node(graph, focus)
        if centre not in keep:
            raise ViewError(f"{focus.strip()!r} is not in the selected documents")
        undirected = graph.subgraph(keep).to_undirected(as_view=True)
        keep = set(nx.single_source_shortest_path_length(undirected, centre, cutoff=depth))
    if kinds is not None:
        allowed = set(kinds)
        keep = {n for n in keep if graph.nodes[n]["kind"] in allowed or n == centre}
    result = graph.subgraph(keep).copy()
    result.graph = graph.graph
    if centre is not None:
        result.graph = {**graph.graph, "focus": centre}
    return result
