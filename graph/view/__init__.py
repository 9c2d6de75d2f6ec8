"""The network view: a graph file or store -> one self-contained, offline, safe HTML page.

    from amity.graph.view import write_view
    stats = write_view("graph.ttl", "network.html", focus="Kazakhstan", depth=2)

The steps are separate modules, each usable alone: `projection` (RDF -> networkx), `restrict`
(documents, neighbourhood, kinds), `group` (facts folded per pair for large graphs), `layout`
(positions in Python), `payload` (compact, escaped JSON) and `html` (the page with everything
inline). `amity view` is a thin command over `write_view`.
"""

from __future__ import annotations

from typing import Any

__all__ = ["GROUP_ABOVE", "KINDS", "ViewError", "ViewStats", "prepare", "project", "render_view", "write_view"]


def __getattr__(name: str) -> Any:
    """Load the view's machinery (networkx, pyoxigraph) on first use, not on import: the command
    line imports this package for its option list on every `amity` call."""
    if name in __all__:
        from amity.graph.view import api

        return getattr(api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
