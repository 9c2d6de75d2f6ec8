"""Opening graphs for querying: any graph file (or an Oxigraph folder) into a pyoxigraph Store.

pyoxigraph parses and queries in Rust, fast enough for the million-triple graphs the named queries
are benchmarked on. Errors become one-line `GraphFileError`s that name the file and, for syntax
errors, the line and column.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from amity.graph.errors import GraphFileError
from amity.graph.serialize import FORMATS, Quad, format_of

# Formats read but not written by amity.
_READ_ONLY_FORMATS = {".rdf": ox.RdfFormat.RDF_XML, ".owl": ox.RdfFormat.RDF_XML, ".n3": ox.RdfFormat.N3}


def read_format(path: Path) -> tuple[ox.RdfFormat, bool]:
    """The pyoxigraph format of a graph file by its name, and whether it is gzipped."""
    name = path.name.lower()
    gz = name.endswith(".gz")
    ext = Path(name[:-3] if gz else name).suffix
    if ext in _READ_ONLY_FORMATS:
        return _READ_ONLY_FORMATS[ext], gz
    ext, gz = format_of(path)
    return FORMATS[ext][0], gz


def syntax_message(path: Path, error: SyntaxError) -> str:
    """A parser's SyntaxError as one line: `<path>:<line>:<column>: invalid RDF: ...`."""
    text = " ".join(str(error.msg if error.msg else error).split())
    if error.lineno:
        return f"{path}:{error.lineno}:{error.offset or 0}: invalid RDF: {text}"
    return f"{path}: invalid RDF: {text}"


def open_store(path: str | os.PathLike[str]) -> ox.Store:
    """A store holding the graph in `path`.

    A file (.ttl, .nt, .nq, .trig, .jsonld, .rdf, optionally .gz) is loaded into an in-memory
    store; a folder is opened read-only as an on-disk Oxigraph store. Named graphs (TriG, N-Quads)
    are kept, and their union is also put in the default graph (see `add_union_graph`), so Turtle
    and TriG answer the same queries alike.
    """
    target = Path(path)
    if target.is_dir():
        try:
            return ox.Store.read_only(str(target))
        except OSError as error:
            raise GraphFileError(f"{target}: not an Oxigraph store folder: {error}") from error
    if not target.exists():
        raise GraphFileError(f"{target}: graph file not found")
    fmt, gz = read_format(target)
    store = ox.Store()
    try:
        if gz:
            store.load(gzip.decompress(target.read_bytes()), format=fmt)
        else:
            store.load(path=str(target), format=fmt)
    except SyntaxError as error:
        raise GraphFileError(syntax_message(target, error)) from None
    except (OSError, EOFError, gzip.BadGzipFile) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise GraphFileError(f"{target}: cannot read: {reason}") from error
    add_union_graph(store)
    return store


def add_union_graph(store: ox.Store) -> ox.Store:
    """Copies the triples of all named graphs into the default graph (a set: each triple once).

    A fact stated by two documents sits in two named graphs; querying with Oxigraph's "default
    graph as union" would see it twice (bag semantics) and count it twice. With the union
    materialised, queries read the default graph and GRAPH patterns still see the documents.
    """
    if next(iter(store.named_graphs()), None) is not None:
        store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    return store


def has_default_graph(store: ox.Store) -> bool:
    """Whether the default graph holds any triple (if not, queries read the union of graphs)."""
    return next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None


def store_from_quads(quads: Iterable[Quad]) -> ox.Store:
    """An in-memory store holding `quads` (N-Triples terms), e.g. straight from a build."""
    store = ox.Store()
    data = "".join(f"{s} {p} {o} {g} .\n" if g else f"{s} {p} {o} .\n" for s, p, o, g in quads).encode()
    store.load(data, format=ox.RdfFormat.N_QUADS, lenient=True)
    return add_union_graph(store)


# Names used before they became public (amity.exports imports them).
_read_format = read_format
_syntax_message = syntax_message
