"""Incremental builds: one named graph per document, replaced only when the document changed.

Every document node carries an `amity:buildKey`: a SHA-256 over the document's bytes (amity:sha256)
and metadata (id, title, date, source, genre) and over the code and data that turn a text into
triples (the extractor's code, rules and gazetteer, the mapping code). A build compares the key of
each input document with the key the target holds for that document's graph: equal means nothing
to do (no extraction), different or absent means extract and replace; with `prune`, graphs of
documents no longer in the input are removed. Since the key covers the extractor, a changed rule
or an upgraded amity rebuilds everything, rather than keeping stale facts next to fresh ones.

Targets (`target_for`), all with the same guarantee: a reader sees each document graph whole,
either as it was or as it is now, never half of it.

- A file is read (if it exists), its unchanged document graphs kept, and the result written
  through a temporary file renamed into place; an unchanged build does not rewrite it. TriG and
  N-Quads keep the named graphs; Turtle, N-Triples and JSON-LD hold their union only, which
  `split_union` takes apart again along the per-document nodes the mapping writes (evidence and
  occurrences name their document); a file that does not split whole is rebuilt.
- An Oxigraph store folder, like a SPARQL endpoint, holds each document's named graph and, in the
  default graph, the union of them all (what queries read, with each triple once; see
  graph.store.add_union_graph). Changes are SPARQL updates, applied in batches: each batch is one
  transaction (pyoxigraph `Store.update`, or one update request to an endpoint) that deletes the
  replaced graphs and the union triples no other graph holds, then inserts the new graphs and
  their triples into the union. A new store folder is bulk-loaded into a temporary folder that is
  renamed into place once complete.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import secrets
import shutil
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pyoxigraph as ox

from amity.extract.model import Document
from amity.graph.errors import GraphError, GraphFileError
from amity.graph.location import GraphLocation, is_store
from amity.graph.mapping import (
    C_DOCUMENT,
    P_ACTOR_SET,
    P_OCCURRENCE_OF,
    P_SURFACE_FORM,
    PROV_DERIVED,
    RDF_TYPE,
    RDFS_LABEL,
    DocumentGraph,
)
from amity.graph.ntriples import iri, literal
from amity.graph.prewrite import SYNTAXES as PREWRITTEN
from amity.graph.serialize import (
    FORMATS,
    Block,
    Grouped,
    ahead_for,
    format_of,
    group_quads,
    union_size,
    write_graphs,
)
from amity.ontology.vocabulary import AMITY

P_BUILD_KEY = iri(str(AMITY.buildKey))
DEFAULT_BATCH_TRIPLES = 200_000
"""Triples per store transaction or endpoint request: large enough to amortise each commit,
small enough that a request stays a few tens of megabytes."""

_MAPPING_MODULES = ("mapping.py", "iris.py", "ntriples.py", "namespaces.py")
_KEYS_QUERY = f"SELECT ?g ?key WHERE {{ GRAPH ?g {{ ?d a {C_DOCUMENT} OPTIONAL {{ ?d {P_BUILD_KEY} ?key }} }} }}"


# --- keys ---------------------------------------------------------------------------------------

def code_fingerprint(rules_dirs: Sequence[str | os.PathLike[str]] = (),
                     gazetteer_dirs: Sequence[str | os.PathLike[str]] = ()) -> str:
    """A SHA-256 over what turns a text into triples: amity's extraction package (code, packaged
    rules and gazetteer, the user's rule and gazetteer folders: extract.snapshot.fingerprint),
    its mapping modules and its vocabulary. Reading about 50 small files takes a millisecond or two."""
    import amity.graph
    import amity.ontology
    from amity.extract.snapshot import add_files, fingerprint

    digest = hashlib.sha256(fingerprint(rules_dirs, gazetteer_dirs, paths=False).encode())
    graph_dir = Path(amity.graph.__file__).parent
    add_files(digest, graph_dir, [graph_dir / name for name in _MAPPING_MODULES])
    ontology_dir = Path(amity.ontology.__file__).parent
    add_files(digest, ontology_dir, [ontology_dir / "vocabulary.py"])
    return digest.hexdigest()


def build_key(doc: Document, fingerprint: str) -> str:
    """The build key of `doc` (see the module docstring)."""
    parts = (fingerprint, doc.id, doc.sha256, doc.title, doc.published or "", doc.source_url or "", doc.genre or "")
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def with_build_key(graph: DocumentGraph, document: str, key: str) -> DocumentGraph:
    """`graph` with `key` stated on its document node (the IRI term `document`)."""
    nodes = dict(graph.nodes)
    nodes[document] = nodes.get(document, frozenset()) | {(P_BUILD_KEY, literal(key))}
    return replace(graph, nodes=nodes)


@dataclass(slots=True)
class Committed:
    """What a target holds after a build: distinct triples of the union, bytes on disk (files)."""

    triples: int
    bytes: int = 0
    written: bool = True


# --- targets ------------------------------------------------------------------------------------

class GraphTarget:
    """Where a build goes. `held` says what is there already (the IRI term of each document graph
    -> the build key on its document node, None for a graph built before keys); `put` adds or
    replaces a document graph, `remove` drops one, `commit` makes it all durable, `abort` leaves
    the target as it was before the build (as far as nothing was committed yet).

    `prewrite` names the syntax in which the target takes a document's own nodes already written
    (graph.prewrite), None when it wants every triple as terms."""

    held: dict[str, str | None]
    notes: list[str]
    prewrite: str | None = None

    def put(self, graph: DocumentGraph, blocks: Sequence[Block] = (),
            statements: Mapping[str, str] | None = None) -> None:
        """Adds or replaces `graph`; `blocks` are the rest of its subjects, written in the syntax
        `prewrite` names; `statements` the statements of its subjects as it alone holds them, in
        that syntax (graph.prewrite.Prewriter.statements), which a target may take or ignore."""
        raise NotImplementedError

    def remove(self, graph: str) -> None:
        raise NotImplementedError

    def commit(self) -> Committed:
        raise NotImplementedError

    def abort(self) -> None:
        """Drops what was not committed yet."""


def target_for(location: GraphLocation, *, base: str, batch_triples: int | None = None) -> GraphTarget:
    """The target for a location. `batch_triples` None means nothing is applied before `commit`
    (what --strict needs: a skipped input must leave the target untouched)."""
    if location.kind == "file":
        assert location.path is not None
        return FileTarget(location.path, base)
    if location.kind == "store":
        assert location.path is not None
        return StoreTarget(location.path, batch_triples)
    return EndpointTarget(location, batch_triples)


def _parse_keys(solutions: Iterable[ox.QuerySolution]) -> dict[str, str | None]:
    return {str(s["g"]): s["key"].value if s["key"] is not None else None for s in solutions}


class FileTarget(GraphTarget):
    """A graph file: read once, kept in memory per document graph, written atomically at commit."""

    def __init__(self, path: Path, base: str) -> None:
        self.path = path
        self.base = base
        self.ext, _ = format_of(path)
        self.notes = []
        self.graphs: dict[str, Grouped] = {}
        self.blocks: dict[str, Sequence[Block]] = {}  # graph -> its subjects written by the worker
        self.changed = not path.exists()
        self.union_triples: int | None = None
        if path.exists():
            self.graphs = self._read()
        # A document's own nodes are written apart only if no other graph holds one of them.
        if self.ext in PREWRITTEN and not holds_others_nodes(self.graphs, base):
            self.prewrite = self.ext
        self.ahead = ahead_for(self.ext, base)  # the other statements, written as graphs arrive
        self.held = {}
        for graph, nodes in self.graphs.items():
            for pairs in nodes.values():
                if (RDF_TYPE, C_DOCUMENT) in pairs:  # keys are hexadecimal: no escapes to undo
                    self.held[graph] = next((o.strip('"') for p, o in pairs if p == P_BUILD_KEY), None)

    def _read(self) -> dict[str, Grouped]:
        from amity.exports import read_quads

        try:
            grouped = group_quads(read_quads(self.path))
        except GraphError as error:
            self.notes.append(f"{error}; the file is rebuilt from the input")
            self.changed = True
            return {}
        if FORMATS[self.ext][1]:
            outside = grouped.pop("", {})
            if outside:
                self.notes.append(f"{self.path}: {sum(map(len, outside.values()))} triples outside the document "
                                  "graphs are dropped")
                self.changed = True
            return grouped
        union = grouped.get("", {})
        self.union_triples = sum(map(len, union.values()))
        graphs = split_union(union, self.base)
        if graphs is None:
            self.notes.append(f"{self.path}: does not split into amity document graphs (written by another "
                              "tool, or edited?); it is rebuilt from the input alone")
            self.changed = True
            return {}
        return graphs

    def put(self, graph: DocumentGraph, blocks: Sequence[Block] = (),
            statements: Mapping[str, str] | None = None) -> None:
        self.graphs[graph.graph] = graph.nodes  # type: ignore[assignment] - frozensets are only read
        if self.ahead is not None:
            self.ahead.add(graph.nodes, statements)
        if blocks:
            self.blocks[graph.graph] = blocks
        else:
            self.blocks.pop(graph.graph, None)
        self.changed = True

    def remove(self, graph: str) -> None:
        self.blocks.pop(graph, None)
        if self.graphs.pop(graph, None) is not None:
            self.changed = True

    def commit(self) -> Committed:
        if not self.changed:
            triples = self.union_triples if self.union_triples is not None else union_size(self.graphs.values())
            return Committed(triples, self.path.stat().st_size, written=False)
        result = write_graphs(self.graphs, self.path, base=self.base, blocks=self.blocks, ahead=self.ahead)
        if not FORMATS[self.ext][1]:
            return Committed(result.statements, result.bytes)
        # Written blocks hold nodes of one document only: their triples are in no other graph.
        written = sum(block.triples for blocks in self.blocks.values() for block in blocks)
        return Committed(union_size(self.graphs.values()) + written, result.bytes)


def holds_others_nodes(graphs: dict[str, Grouped], base: str) -> bool:
    """Whether a graph holds an evidence or occurrence node of another document (or some graph
    that is not a document's holds one): a file edited by hand, whose documents' own nodes cannot
    be written apart (graph.prewrite). Graphs amity wrote never do."""
    roots = (f"<{base}evidence/", f"<{base}occurrence/")
    graph_root = f"<{base}graph/"
    for graph, nodes in graphs.items():
        doc = graph[len(graph_root) : -1] if graph.startswith(graph_root) else None
        own = tuple(f"{root}{doc}." for root in roots) if doc is not None else ()
        if any(subject.startswith(roots) and not subject.startswith(own) for subject in nodes):
            return True
    return False


def split_union(union: Grouped, base: str) -> dict[str, Grouped] | None:
    """The document graphs whose union is `union`, as amity's mapping writes them, or None when some
    triple belongs to no document (a graph amity did not write, or one edited by hand).

    A document's graph is its document node, its evidence and occurrence nodes (their IRIs name the
    document) and, for each node one of its occurrences points to, that node's triples: all of them
    except other documents' evidence and, where documents gave the node different labels, the
    labels this document did not use (its occurrence records its words), plus the actor sets the
    node points to. Linear in the size of the graph: what a node has in common with every document
    that mentions it is worked out once per node, not once per mention (an actor mentioned by
    thousands of documents has thousands of evidence links).
    """
    doc_root, ev_root, occ_root = f"<{base}document/", f"<{base}evidence/", f"<{base}occurrence/"
    graph_of = {s[len(doc_root) : -1]: f"<{base}graph/{s[len(doc_root):]}" for s, pairs in union.items()
                if s.startswith(doc_root) and (RDF_TYPE, C_DOCUMENT) in pairs}

    def owner(term: str, root: str) -> str | None:
        # <base>evidence/<id>.… and <base>occurrence/<id>.…: a percent-encoded id holds no dot
        end = term.find(".", len(root))
        return graph_of.get(term[len(root) : end]) if end > 0 else None

    graphs: dict[str, Grouped] = {g: {} for g in graph_of.values()}
    mentions: dict[str, list[tuple[str, frozenset[str]]]] = {}  # node -> [(graph, its surface forms)]
    for subject, pairs in union.items():
        if subject.startswith(doc_root):
            graph = graph_of.get(subject[len(doc_root) : -1])
        elif subject.startswith(ev_root):
            graph = owner(subject, ev_root)
        elif subject.startswith(occ_root):
            graph = owner(subject, occ_root)
            if graph is not None:
                forms = frozenset(o for p, o in pairs if p == P_SURFACE_FORM)
                for target in (o for p, o in pairs if p == P_OCCURRENCE_OF):
                    mentions.setdefault(target, []).append((graph, forms))
        else:
            continue
        if graph is not None:
            graphs[graph][subject] = set(pairs)
    for node, mentioned in mentions.items():
        pairs = union.get(node, ())
        labels = {o for p, o in pairs if p == RDFS_LABEL}
        several = len(labels) > 1
        common: set[tuple[str, str]] = set()
        evidence: dict[str | None, set[tuple[str, str]]] = {}
        for p, o in pairs:
            if p == PROV_DERIVED and o.startswith(ev_root):
                evidence.setdefault(owner(o, ev_root), set()).add((p, o))
            elif not (several and p == RDFS_LABEL):
                common.add((p, o))
        sets = [o for p, o in common if p == P_ACTOR_SET and o in union]
        for graph, forms in mentioned:
            nodes = graphs[graph]
            mine = nodes.setdefault(node, set())
            mine |= common
            mine |= evidence.get(graph, set())
            if several:
                mine.update((RDFS_LABEL, label) for label in labels & forms)
            for actor_set in sets:
                nodes.setdefault(actor_set, set()).update(union[actor_set])
    if union_size(graphs.values()) != sum(map(len, union.values())):
        return None
    return graphs


class _SparqlTarget(GraphTarget):
    """What a store folder and an endpoint share: keys read by a query, changes as SPARQL updates
    in batches (one transaction each)."""

    def __init__(self, batch_triples: int | None) -> None:
        self.batch = batch_triples
        self.notes = []
        self.removals: list[str] = []
        self.inserts: list[DocumentGraph] = []
        self.pending = 0
        self.applied = False

    def _update(self, text: str) -> None:
        raise NotImplementedError

    def _count(self) -> int:
        raise NotImplementedError

    def put(self, graph: DocumentGraph, blocks: Sequence[Block] = (),
            statements: Mapping[str, str] | None = None) -> None:
        assert not blocks, "a SPARQL target takes every triple as terms (its prewrite is None)"
        if graph.graph in self.held:
            self.removals.append(graph.graph)
        self.inserts.append(graph)
        self.pending += len(graph)
        self._maybe_flush()

    def remove(self, graph: str) -> None:
        self.removals.append(graph)
        self.pending += 1
        self._maybe_flush()

    def _maybe_flush(self) -> None:
        if self.batch is not None and self.pending >= self.batch:
            self.flush()

    def flush(self) -> None:
        """Applies the pending changes as one update (one transaction)."""
        if self.removals or self.inserts:
            self._update(update_text(self.removals, self.inserts))
            self.applied = True
        self.removals, self.inserts, self.pending = [], [], 0

    def commit(self) -> Committed:
        self.flush()
        return Committed(self._count(), written=self.applied)

    def abort(self) -> None:
        self.removals, self.inserts, self.pending = [], [], 0


def update_text(removals: Sequence[str], inserts: Sequence[DocumentGraph]) -> str:
    """One SPARQL update that drops the `removals` graphs (and the union triples only they held)
    and inserts the `inserts` graphs with their triples added to the union (the default graph)."""
    operations = [
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != {g}) }} }} ;\n"
        f"DROP SILENT GRAPH {g}"
        for g in removals
    ]
    if inserts:
        body: list[str] = []
        union: set[str] = set()
        for graph in inserts:
            lines = [f"{s} {p} {o} .\n" for s, p, o in graph.triples()]
            body.append(f"GRAPH {graph.graph} {{\n")
            body.extend(lines)
            body.append("}\n")
            union.update(lines)
        body.extend(sorted(union))
        operations.append("INSERT DATA {\n" + "".join(body) + "}")
    return " ;\n".join(operations)


_COUNT_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


class StoreTarget(_SparqlTarget):
    """An on-disk Oxigraph store folder (pyoxigraph), opened for writing by this process alone."""

    def __init__(self, path: Path, batch_triples: int | None) -> None:
        super().__init__(batch_triples)
        self.path = path
        self.store: ox.Store | None = None
        self.fresh: _FreshStore | None = None
        self.held = {}
        if path.exists() and not path.is_dir():
            raise GraphFileError(f"{path}: not a folder, cannot hold an Oxigraph store")
        if path.is_dir() and any(path.iterdir()) and not is_store(path):
            raise GraphFileError(f"{path}: a folder that is not an Oxigraph store (and not empty); "
                                 "name a new or empty folder, or a graph file")
        if is_store(path):
            self.store = _open_store(path)
            self.held = _parse_keys(self.store.query(_KEYS_QUERY))
        else:
            self.fresh = _FreshStore(path)

    def put(self, graph: DocumentGraph, blocks: Sequence[Block] = (),
            statements: Mapping[str, str] | None = None) -> None:
        if self.fresh is not None:
            assert not blocks, "a store takes every triple as terms (its prewrite is None)"
            self.fresh.add(graph)
        else:
            super().put(graph, blocks)

    def _update(self, text: str) -> None:
        assert self.store is not None
        try:
            self.store.update(text)
        except (OSError, SyntaxError, ValueError) as error:
            raise GraphFileError(f"{self.path}: cannot update the store: {' '.join(str(error).split())}") from None

    def _count(self) -> int:
        assert self.store is not None
        return int(next(iter(self.store.query(_COUNT_QUERY)))["n"].value)

    def commit(self) -> Committed:
        if self.fresh is not None:
            self.store = self.fresh.finish()
            self.fresh = None
            return Committed(self._count())
        result = super().commit()
        self.store.flush()
        return result

    def abort(self) -> None:
        super().abort()
        if self.fresh is not None:
            self.fresh.discard()
            self.fresh = None


def _open_store(path: Path) -> ox.Store:
    try:
        return ox.Store(str(path))
    except OSError as error:
        text = " ".join(str(error).split())
        if "lock" in text.lower():
            raise GraphFileError(f"{path}: the store is open in another process (an Oxigraph server?); "
                                 "build to that server's SPARQL endpoint URL instead") from None
        raise GraphFileError(f"{path}: cannot open the Oxigraph store: {text}") from None


BULK_LINES = 250_000
"""N-Quads lines per bulk load of a new store: Oxigraph's bulk loader holds a call's data in memory
several times over (2 GiB for 2 million quads in one call, 0.6 GiB in chunks of 400,000)."""


class _FreshStore:
    """A new store folder: N-Quads gathered in a temporary file, bulk-loaded in chunks (several
    times faster than transactions) into a temporary folder beside the target, compacted (queries
    on a freshly bulk-loaded store are up to twice as slow), and renamed into place."""

    def __init__(self, path: Path) -> None:
        self.path = path
        parent = path.absolute().parent
        parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".nq.tmp", dir=parent)
        self.data = Path(name)
        self.out = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        self.folder = parent / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
        self.folder.mkdir(0o777)  # the umask applies, as for any folder the user makes

    def add(self, graph: DocumentGraph) -> None:
        g = graph.graph
        self.out.write("".join(f"{s} {p} {o} {g} .\n{s} {p} {o} .\n" for s, p, o in graph.triples()))

    def finish(self) -> ox.Store:
        try:
            self.out.close()
            store = ox.Store(str(self.folder))
            with self.data.open("rb") as lines:
                while chunk := b"".join(itertools.islice(lines, BULK_LINES)):
                    store.bulk_load(chunk, format=ox.RdfFormat.N_QUADS)
            store.optimize()
            store.flush()
            del store
            if self.path.is_dir():
                self.path.rmdir()  # an empty folder the user made for it
            os.replace(self.folder, self.path)
        except (OSError, SyntaxError) as error:
            self.discard()
            raise GraphFileError(f"{self.path}: cannot create the store: {' '.join(str(error).split())}") from None
        finally:
            self.data.unlink(missing_ok=True)
        return _open_store(self.path)

    def discard(self) -> None:
        if not self.out.closed:
            self.out.close()
        self.data.unlink(missing_ok=True)
        shutil.rmtree(self.folder, ignore_errors=True)


class EndpointTarget(_SparqlTarget):
    """A SPARQL 1.1 endpoint: keys read with a query, changes sent as update requests."""

    def __init__(self, location: GraphLocation, batch_triples: int | None) -> None:
        super().__init__(batch_triples)
        self.endpoint = location.endpoint()
        self.held = _parse_keys(self.endpoint.query(_KEYS_QUERY))

    def _update(self, text: str) -> None:
        self.endpoint.update(text)

    def _count(self) -> int:
        result = self.endpoint.query(_COUNT_QUERY)
        return int(next(iter(result))["n"].value)  # type: ignore[arg-type]
