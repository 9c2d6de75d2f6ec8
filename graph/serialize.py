"""Writing quads to files: Turtle, N-Triples, N-Quads, TriG and JSON-LD, byte-stable and atomic.

The format follows the file name: `.ttl` (Turtle: the union of the named graphs), `.nt`
(N-Triples, union), `.nq` and `.trig` (named graphs kept: one per document), `.jsonld` (JSON-LD,
union, expanded form). A trailing `.gz` compresses any of them (reproducibly: no timestamp).

Determinism: the same set of quads gives the same bytes whatever the order of documents or facts:
subjects, predicate-object pairs and graphs are sorted before writing and the prefix header is
sorted (graph.turtle). Turtle, TriG, N-Triples and N-Quads are written directly from the terms,
which is several times faster than a pyoxigraph round trip; JSON-LD is produced by pyoxigraph.
Every file is written through graph.atomic, so a failure leaves the previous file intact.
"""

from __future__ import annotations

import gzip
import io
import os
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import pyoxigraph as ox

from amity.graph import turtle
from amity.graph.atomic import atomic_write
from amity.graph.errors import GraphFileError
from amity.graph.namespaces import DEFAULT_BASE, all_prefixes

Quad = tuple[str, str, str, str]
Grouped = turtle.Grouped
Block = turtle.Block

# extension -> (pyoxigraph format, keeps named graphs)
FORMATS: dict[str, tuple[ox.RdfFormat, bool]] = {
    ".ttl": (ox.RdfFormat.TURTLE, False),
    ".nt": (ox.RdfFormat.N_TRIPLES, False),
    ".nq": (ox.RdfFormat.N_QUADS, True),
    ".trig": (ox.RdfFormat.TRIG, True),
    ".jsonld": (ox.RdfFormat.JSON_LD, False),
}


@dataclass(frozen=True, slots=True)
class WriteResult:
    """What one write produced: the file, how many statements it holds, its size."""

    path: str
    statements: int  # triples for union formats, quads for .nq/.trig
    bytes: int


def format_of(path: str | os.PathLike[str]) -> tuple[str, bool]:
    """The extension that decides the syntax of `path` (".ttl", ...) and whether it is gzipped."""
    name = Path(path).name.lower()
    gz = name.endswith(".gz")
    if gz:
        name = name[:-3]
    ext = Path(name).suffix
    if ext not in FORMATS:
        known = ", ".join(FORMATS)
        shown = ext or "(none)"
        raise GraphFileError(f"{os.fspath(path)}: unknown graph format {shown!r}; use one of {known}")
    return ext, gz


def union(graphs: Iterable[Grouped]) -> Mapping[str, AbstractSet[tuple[str, str]]]:
    """The union of several grouped graphs, to be read only: a subject held by one graph keeps
    that graph's set (most nodes of a corpus, evidence and occurrences, belong to one document),
    only subjects held by several get a new set. Several times cheaper than copying every set."""
    view: dict[str, AbstractSet[tuple[str, str]]] = {}
    owned: set[str] = set()  # subjects whose set was made here (and may be added to)
    for grouped in graphs:
        if not view:
            view.update(grouped)
            continue
        for subject, pairs in grouped.items():
            existing = view.get(subject)
            if existing is None:
                view[subject] = pairs
            elif subject in owned:
                existing |= pairs  # type: ignore[operator] - a set made below
            elif existing is not pairs:
                view[subject] = {*existing, *pairs}
                owned.add(subject)
    return view


def union_size(graphs: Iterable[Grouped]) -> int:
    """How many distinct triples the union of `graphs` holds."""
    return sum(map(len, union(graphs).values()))


def group_quads(quads: Iterable[Quad]) -> dict[str, Grouped]:
    """Quads grouped by graph ("" for the default graph), then by subject."""
    graphs: dict[str, Grouped] = {}
    for s, p, o, g in quads:
        grouped = graphs.get(g)
        if grouped is None:
            grouped = graphs[g] = {}
        pairs = grouped.get(s)
        if pairs is None:
            grouped[s] = {(p, o)}
        else:
            pairs.add((p, o))
    return graphs


def write_text(out: TextIO, graphs: Mapping[str, Grouped], ext: str, prefixes: dict[str, str],
               blocks: Mapping[str, Sequence[Block]] | None = None, ahead: turtle.Ahead | None = None) -> int:
    """Writes graphs (graph term -> grouped triples) to a text stream in the syntax of `ext`;
    returns the number of statements written (triples, or quads for .nq/.trig).

    `blocks` holds, by graph, runs of the graph's subjects already written in that syntax
    (graph.prewrite); those subjects are not in `graphs`, and their bytes go to `out.buffer`
    (`out` must then be write-through, see turtle.Block). `ahead` (from `ahead_for`, for .ttl and
    .nt) holds statements written as the graphs arrived."""
    blocks = blocks or {}
    if ext == ".ttl":
        out.write(turtle.prefix_header(prefixes))
        statement = ahead or turtle.turtle_statement(turtle.Abbreviator(prefixes))
        return turtle.write_statements(out, union(graphs.values()), statement, _all(blocks))
    if ext == ".nt":
        statement = ahead or turtle.line_statement()
        return turtle.write_statements(out, union(graphs.values()), statement, _all(blocks))
    if ext == ".trig":
        out.write(turtle.prefix_header(prefixes))
        return turtle.write_trig(out, graphs, turtle.Abbreviator(prefixes), blocks)
    if ext == ".nq":
        return sum(turtle.write_lines(out, graphs[g], g, blocks.get(g, ())) for g in sorted(graphs))
    if blocks:
        raise GraphFileError(f"{ext} cannot be written from blocks of statements written per document")
    if ext == ".jsonld":
        # JSON-LD comes from pyoxigraph, fed with the union as sorted N-Triples.
        lines = io.StringIO()
        count = turtle.write_lines(lines, union(graphs.values()))
        parsed = ox.parse(lines.getvalue().encode("utf-8"), format=ox.RdfFormat.N_TRIPLES, lenient=True)
        out.write(ox.serialize(parsed, format=ox.RdfFormat.JSON_LD).decode("utf-8"))
        return count
    raise GraphFileError(f"unknown graph format {ext!r}; use one of {', '.join(FORMATS)}")


def ahead_for(ext: str, base: str) -> turtle.Ahead | None:
    """Where statements of a union file (.ttl, .nt) are kept as its graphs arrive (turtle.Ahead);
    None for the other syntaxes, which write every graph apart."""
    ab = turtle.Abbreviator(all_prefixes(base))
    statement = turtle.union_statement(ext, ab)
    if statement is None:
        return None
    return turtle.Ahead(statement, ab if ext == ".ttl" else None)


def _all(blocks: Mapping[str, Sequence[Block]]) -> list[Block]:
    return [block for written in blocks.values() for block in written]


def serialize(quads: Iterable[Quad], ext: str, *, base: str = DEFAULT_BASE) -> bytes:
    """`quads` (N-Triples terms, graph "" for the default graph) in the syntax of extension `ext`."""
    buffer = io.StringIO()
    write_text(buffer, group_quads(quads), ext, all_prefixes(base))
    return buffer.getvalue().encode("utf-8")


def write_graphs(
    graphs: Mapping[str, Grouped], path: str | os.PathLike[str], *, base: str = DEFAULT_BASE,
    blocks: Mapping[str, Sequence[Block]] | None = None, ahead: turtle.Ahead | None = None,
) -> WriteResult:
    """Writes graphs (graph IRI term -> subject -> {(predicate, object)}) to `path`, atomically,
    in the syntax its extension names (see the module docstring), with the `blocks` and `ahead`
    statements already written (see write_text)."""
    ext, gz = format_of(path)
    try:
        with atomic_write(path, "wb") as raw:
            stream = gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) if gz else raw
            # write_through: blocks written per document go to `stream` itself, after the text
            text = io.TextIOWrapper(stream, encoding="utf-8", newline="\n", write_through=True)
            count = write_text(text, graphs, ext, all_prefixes(base), blocks, ahead)
            text.flush()
            text.detach()
            if gz:
                stream.close()
    except OSError as error:
        raise GraphFileError(f"{os.fspath(path)}: cannot write: {error.strerror or error}") from error
    return WriteResult(os.fspath(path), count, os.path.getsize(path))


def write_quads(
    quads: Iterable[Quad], path: str | os.PathLike[str], *, base: str = DEFAULT_BASE
) -> WriteResult:
    """Writes `quads` (N-Triples terms, graph "" for the default graph) to `path`, atomically."""
    return write_graphs(group_quads(quads), path, base=base)


def store_quads(store: ox.Store) -> list[Quad]:
    """All quads of a pyoxigraph store as N-Triples terms (for export through write_quads).

    Default-graph triples that are also in a named graph are left out: they are the union copy
    graph.store.open_store adds for querying, not statements of their own.
    """
    data = store.dump(format=ox.RdfFormat.N_QUADS)
    named: list[Quad] = []
    default: list[Quad] = []
    for quad in ox.parse(data, format=ox.RdfFormat.N_QUADS):
        if isinstance(quad.graph_name, ox.DefaultGraph):
            default.append((str(quad.subject), str(quad.predicate), str(quad.object), ""))
        else:
            named.append((str(quad.subject), str(quad.predicate), str(quad.object), str(quad.graph_name)))
    if named:
        in_named = {(s, p, o) for s, p, o, _ in named}
        default = [q for q in default if q[:3] not in in_named]
    return default + named


def export_store(store: ox.Store, path: str | os.PathLike[str], *, base: str = DEFAULT_BASE) -> WriteResult:
    """Writes what a store holds to `path` (any extension of FORMATS), byte-stable like write_quads.

    A store loaded from Turtle has no named graphs, so its .trig/.nq export has none either:
    to keep one graph per document, write .trig/.nq from the facts (GraphBuilder.write).
    """
    return write_quads(store_quads(store), path, base=base)
