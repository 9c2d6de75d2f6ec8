"""`amity export`: a graph file to another RDF syntax, a network format or CSV tables.

    export_graph("graph.ttl", "trig", "graph.trig")          # one named graph per document
    export_graph("graph.ttl", "jsonld", "graph.jsonld")      # compact, under ontology/context.jsonld
    export_graph("graph.ttl", "graphml", "graph.graphml")    # actors and facts for Gephi, yEd
    export_graph("graph.ttl", "csv", "tables.zip")           # actors.csv, events.csv, ... (or a folder)
    export_graph("graph.ttl", "nt", "inferred.nt", infer=True)

Formats: ttl, nt (the union of the documents' graphs), nq and trig (one named graph per document:
kept from a TriG/N-Quads input, rebuilt from the occurrence and evidence links of a Turtle,
N-Triples or JSON-LD input, see graph.per_document), jsonld (compact, graph.export_jsonld), graphml
and gexf (graph.export_network), csv (graph.export_tables). RDF output is byte-stable; every file
is written atomically. The output name need not end with the format's extension (`--format ttl
--out graph.txt` is fine): RDF is written under a temporary name that does, in the same folder,
then renamed.

With `infer=True` the entailments of the ontology are added first (graph.inference): a bigger
output, with the entailed triples in the default graph of TriG and N-Quads.
"""

from __future__ import annotations

import gzip
import io
import os
from pathlib import Path
from typing import TYPE_CHECKING

from amity.graph.errors import GraphFileError

if TYPE_CHECKING:
    import pyoxigraph as ox

    from amity.graph.endpoint import SparqlEndpoint

RDF_FORMATS = {"ttl": ".ttl", "turtle": ".ttl", "nt": ".nt", "ntriples": ".nt", "nq": ".nq", "nquads": ".nq",
               "trig": ".trig"}
JSONLD_FORMATS = {"jsonld", "json-ld"}
NETWORK_FORMATS = {"graphml", "gexf"}
TABLE_FORMATS = {"csv"}
EXPORT_FORMATS = ("ttl", "nt", "nq", "trig", "jsonld", "graphml", "gexf", "csv")


def read_quads(graph: str | os.PathLike[str]) -> list[tuple[str, str, str, str]]:
    """The statements of a graph file exactly as written (a parser, not a store: a store would
    normalise literal datatypes such as xsd:nonNegativeInteger); a folder is an Oxigraph store."""
    import pyoxigraph as ox

    from amity.graph.serialize import store_quads
    from amity.graph.store import open_store, read_format, syntax_message

    if "://" in os.fspath(graph):
        raise GraphFileError(f"{os.fspath(graph)}: a SPARQL endpoint; RDF exports read a graph file or an Oxigraph "
                             "store folder (graphml, gexf and csv also work on an endpoint)")
    path = Path(graph)
    if path.is_dir():
        return store_quads(open_store(path))
    if not path.exists():
        raise GraphFileError(f"{path}: graph file not found")
    fmt, gz = read_format(path)
    try:
        data = gzip.decompress(path.read_bytes()) if gz else path.read_bytes()
        quads = []
        for q in ox.parse(data, format=fmt):
            g = "" if isinstance(q.graph_name, ox.DefaultGraph) else str(q.graph_name)
            quads.append((str(q.subject), str(q.predicate), str(q.object), g))
        return quads
    except SyntaxError as error:
        raise GraphFileError(syntax_message(path, error)) from None
    except (OSError, EOFError, gzip.BadGzipFile) as error:
        raise GraphFileError(f"{path}: cannot read: {getattr(error, 'strerror', None) or error}") from None


def export_graph(graph: str | os.PathLike[str], fmt: str, out: str | os.PathLike[str], *, infer: bool = False) -> str:
    """Write the graph in `graph` to `out` in format `fmt`; returns a one-line description.

    Raises GraphFileError for an unknown format or an unreadable graph, OSError if `out` cannot
    be written.
    """
    name = fmt.lower()
    if name in RDF_FORMATS:
        return _export_rdf(graph, RDF_FORMATS[name], out, infer)
    if name in JSONLD_FORMATS:
        return _export_jsonld(graph, out, infer)
    if name in NETWORK_FORMATS:
        from amity.graph.export_network import export_network

        nodes, edges = export_network(_store(graph, infer), out, name)
        return f"{out} ({nodes} nodes, {edges} edges, {os.path.getsize(out)} bytes)"
    if name in TABLE_FORMATS:
        from amity.graph.export_tables import write_tables

        return write_tables(_store(graph, infer), out)[0]
    raise GraphFileError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")


def _store(graph: str | os.PathLike[str], infer: bool) -> ox.Store | SparqlEndpoint:
    """What the network and table exports query: they only need SELECT, so a SPARQL endpoint works."""
    if infer:
        from amity.graph.inference import infer as add_entailments

        return add_entailments(graph)
    from amity.graph.location import open_for_query

    return open_for_query(graph)


def _quads(graph: str | os.PathLike[str], ext: str, infer: bool) -> list[tuple[str, str, str, str]]:
    """The statements to write: per-document graphs rebuilt if the format keeps graphs and the
    input has none, then the entailments if asked for."""
    from amity.graph.per_document import has_named_graphs, split_by_document

    quads = read_quads(graph)
    if ext in (".nq", ".trig") and not has_named_graphs(quads):
        quads = split_by_document(quads)
    if infer:
        from amity.graph.inference import infer as add_entailments
        from amity.graph.serialize import store_quads
        from amity.graph.store import store_from_quads

        quads = store_quads(add_entailments(store_from_quads(quads)))
    return quads


def _export_rdf(graph: str | os.PathLike[str], ext: str, out: str | os.PathLike[str], infer: bool) -> str:
    from amity.graph.serialize import write_quads

    target = Path(out)
    quads = _quads(graph, ext, infer)
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


def _export_jsonld(graph: str | os.PathLike[str], out: str | os.PathLike[str], infer: bool) -> str:
    import pyoxigraph as ox

    from amity.graph.atomic import atomic_write
    from amity.graph.export_jsonld import write_jsonld

    triples = sorted({f"{s} {p} {o} .\n" for s, p, o, _ in _quads(graph, ".jsonld", infer)})
    parsed = list(ox.parse("".join(triples).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))
    text = io.StringIO()
    count = write_jsonld(text, parsed)
    data = text.getvalue().encode("utf-8")
    if Path(out).name.lower().endswith(".gz"):
        data = gzip.compress(data, mtime=0)
    with atomic_write(out, "wb") as fh:
        fh.write(data)
    return f"{out} ({count} statements, {len(data)} bytes)"
