"""Where a graph lives: a file, an on-disk Oxigraph store (a folder) or a SPARQL endpoint (a URL).

Every command names its graph the same way (`--out` for `amity build`, `--graph` for the others),
and this module is the one place that tells the three apart:

- `http://…` or `https://…`: the query URL of a SPARQL 1.1 endpoint; updates go to `update_url`,
  by default the query URL with a final `/query` replaced by `/update` (Oxigraph, Fuseki);
- an existing folder, a path ending in `/`, or a new path without an extension: an Oxigraph store
  folder, created by the first build;
- anything else: a graph file whose extension names its syntax (.ttl .nt .nq .trig .jsonld,
  optionally .gz; see graph.serialize; .rdf .owl .n3 are read but not written).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from amity.graph.errors import GraphFileError

if TYPE_CHECKING:
    import pyoxigraph as ox

    from amity.graph.endpoint import SparqlEndpoint
    from amity.graph.incremental import GraphTarget

Kind = Literal["file", "store", "endpoint"]
STORE_MARKER = "CURRENT"
"""A file every Oxigraph (RocksDB) store folder holds: how a store is told from any other folder."""


@dataclass(frozen=True, slots=True)
class GraphLocation:
    """A parsed graph location: its kind, and its path (file, store) or URLs (endpoint)."""

    kind: Kind
    text: str
    path: Path | None = None
    update_url: str | None = None

    @classmethod
    def parse(cls, text: str | os.PathLike[str], *, update_url: str | None = None) -> GraphLocation:
        """The location `text` names (see the module docstring). A file of an unknown extension is a
        GraphFileError here already, so a command fails before doing any work."""
        raw = os.fspath(text)
        if not raw.strip():
            raise GraphFileError("no graph given: name a file, a store folder or a SPARQL endpoint URL")
        if raw.lower().startswith(("http://", "https://")):
            return cls("endpoint", raw, update_url=update_url)
        if "://" in raw:
            raise GraphFileError(f"{raw}: only http(s) SPARQL endpoints are supported")
        path = Path(raw)
        if path.is_dir() or raw.endswith(("/", os.sep)) or (not path.exists() and not path.suffix):
            return cls("store", raw, path=path)
        from amity.graph.store import read_format

        try:
            read_format(path)
        except GraphFileError as error:
            raise GraphFileError(f"{error}, or a folder (no extension) for an Oxigraph store") from None
        return cls("file", raw, path=path)

    @property
    def url(self) -> str:
        """The query URL of an endpoint."""
        if self.kind != "endpoint":
            raise GraphFileError(f"{self.text}: not a SPARQL endpoint URL")
        return self.text

    def endpoint(self, timeout: float | None = None) -> SparqlEndpoint:
        """The endpoint object for an endpoint location."""
        from amity.graph.endpoint import SparqlEndpoint

        return SparqlEndpoint(self.url, self.update_url, timeout)

    def __str__(self) -> str:
        return self.text


def is_store(path: Path) -> bool:
    """Whether `path` is an Oxigraph store folder (not merely some folder)."""
    return (path / STORE_MARKER).is_file()


def open_for_query(location: GraphLocation | str | os.PathLike[str]) -> ox.Store | SparqlEndpoint:
    """What queries run against: a pyoxigraph Store for a file (loaded in memory) or a store folder
    (opened read-only, so a running build or server is not disturbed), a SparqlEndpoint for a URL."""
    if not isinstance(location, GraphLocation):
        location = GraphLocation.parse(location)
    if location.kind == "endpoint":
        return location.endpoint()
    from amity.graph.store import open_store

    assert location.path is not None
    if location.kind == "store" and not location.path.is_dir():
        raise GraphFileError(f"{location.path}: no such store folder (build one first: amity build ... "
                             f"--out {location.path})")
    return open_store(location.path)


def open_for_build(location: GraphLocation | str | os.PathLike[str], *, base: str,
                   batch_triples: int | None = None) -> GraphTarget:
    """The target a build writes to (graph.incremental): it knows which documents the location
    holds already and replaces document graphs without ever leaving one half-written."""
    from amity.graph import incremental

    if not isinstance(location, GraphLocation):
        location = GraphLocation.parse(location)
    return incremental.target_for(location, base=base, batch_triples=batch_triples)
