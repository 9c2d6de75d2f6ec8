"""`amity export`: a graph file to another RDF syntax, written atomically and byte-stable.

The output name need not end with the format's extension (`--format ttl --out graph.txt` is
fine): the file is written under a temporary name that does, in the same folder, then renamed.
"""

from __future__ import annotations

import os
from pathlib import Path

from amity.graph.errors import GraphFileError

RDF_FORMATS = {"ttl": ".ttl", "turtle": ".ttl", "nt": ".nt", "ntriples": ".nt", "nq": ".nq", "nquads": ".nq",
               "trig": ".trig", "jsonld": ".jsonld", "json-ld": ".jsonld"}


def read_quads(graph: str | os.PathLike[str]) -> list[tuple[str, str, str, str]]:
    """The statements of a graph file exactly as written (a parser, not a store: a store would
    normalise literal datatypes such as xsd:nonNegativeInteger); a folder is an Oxigraph store."""
    import gzip

    import pyoxigraph as ox

    from amity.graph.serialize import store_quads
    from amity.graph.store import _read_format, _syntax_message, open_store

    path = Path(graph)
    if path.is_dir():
        return store_quads(open_store(path))
    if not path.exists():
        raise GraphFileError(f"{path}: graph file not found")
    fmt, gz = _read_format(path)
    try:
        data = gzip.decompress(path.read_bytes()) if gz else path.read_bytes()
        quads = []
        for q in ox.parse(data, format=fmt):
            g = "" if isinstance(q.graph_name, ox.DefaultGraph) else str(q.graph_name)
            quads.append((str(q.subject), str(q.predicate), str(q.object), g))
        return quads
    except SyntaxError as error:
        raise GraphFileError(_syntax_message(path, error)) from None
    except (OSError, EOFError) as error:
        raise GraphFileError(f"{path}: cannot read: {getattr(error, 'strerror', None) or error}") from None


def export_graph(graph: str | os.PathLike[str], fmt: str, out: str | os.PathLike[str]) -> str:
    """Write the graph in `graph` to `out` in format `fmt`; returns a one-line description."""
    from amity.graph.serialize import write_quads

    ext = RDF_FORMATS.get(fmt.lower())
    if ext is None:
        known = ", ".join(sorted({k for k in RDF_FORMATS if len(k) <= 6}))
        raise GraphFileError(f"unknown export format {fmt!r}; use one of {known}")
    target = Path(out)
    quads = read_quads(graph)
    if target.name.lower().endswith((ext, ext + ".gz")):
        result = write_quads(quads, target)
        return f"{result.path} ({result.statements} statements, {result.bytes} bytes)"
    staging = target.with_name(f".{target.name}.export{ext}")
    try:
        result = write_quads(quads, staging)
        os.replace(staging, target)
    finally:
        if staging.exists():
            staging.unlink()
    return f"{target} ({result.statements} statements, {result.bytes} bytes)"
