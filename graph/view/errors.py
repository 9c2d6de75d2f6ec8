"""The view's own error: bad view options, in the project's one-line GraphError style."""

from __future__ import annotations

from amity.graph.errors import GraphError


class ViewError(GraphError):
    """A view option does not fit the graph: an unknown focus actor, document or node kind."""
