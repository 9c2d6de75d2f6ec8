"""Building a graph from the extractor's output: map each document, then write or query.

`GraphBuilder` is what the `amity build` command and notebooks use: add `DocumentFacts` one by one
(as the extractor yields them), then write one or several files, or get a store to query. A
document whose facts cannot be mapped raises `MappingError` from `add` without leaving any of its
triples behind, so the caller can report it and go on with the rest of the corpus.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox

from amity.extract.model import DocumentFacts
from amity.graph.errors import MappingError
from amity.graph.mapping import DocumentGraph, Mapper, Quad
from amity.graph.namespaces import DEFAULT_BASE
from amity.graph.serialize import Grouped, WriteResult, union_size, write_graphs
from amity.graph.store import store_from_quads


@dataclass(slots=True)
class BuildStats:
    """The build summary: documents, facts by kind, triples, what was dropped or skipped."""

    documents: int = 0
    sentences: int = 0
    facts: Counter[str] = field(default_factory=Counter)
    triples: int = 0  # distinct triples of the union graph
    quads: int = 0  # triples summed over the per-document graphs
    warnings: list[str] = field(default_factory=list)  # fields or facts dropped, one line each
    skipped: list[str] = field(default_factory=list)  # documents not mapped, one line each
    written: list[WriteResult] = field(default_factory=list)


class GraphBuilder:
    """Collects the named graphs of a corpus. Adding a document id again replaces its graph."""

    def __init__(self, base: str = DEFAULT_BASE, *, strict: bool = False) -> None:
        self.base = base
        self.mapper = Mapper(base, strict=strict)
        self.graphs: dict[str, DocumentGraph] = {}
        self.sentences: dict[str, int] = {}
        self.skipped: list[str] = []

    def add(self, facts: DocumentFacts) -> DocumentGraph:
        """Maps one document's facts (raises MappingError if it cannot be mapped)."""
        graph = self.mapper.map(facts)
        self.graphs[graph.doc_id] = graph
        self.sentences[graph.doc_id] = facts.sentence_count
        return graph

    def add_all(self, documents: Iterable[DocumentFacts]) -> None:
        """Adds every document; in non-strict mode unmappable ones are recorded in `skipped`."""
        for facts in documents:
            try:
                self.add(facts)
            except MappingError as error:
                if self.mapper.strict:
                    raise
                self.skipped.append(str(error))

    def quads(self) -> Iterator[Quad]:
        """Every quad, document by document (in document id order)."""
        for doc_id in sorted(self.graphs):
            yield from self.graphs[doc_id].quads()

    def grouped(self) -> dict[str, Grouped]:
        """Graph IRI term -> subject -> {(predicate, object)}: what the writers take."""
        return {graph.graph: graph.nodes for graph in self.graphs.values()}

    def stats(self) -> BuildStats:
        """Counts over what has been added so far."""
        stats = BuildStats(documents=len(self.graphs), skipped=list(self.skipped))
        for doc_id in sorted(self.graphs):
            graph = self.graphs[doc_id]
            stats.facts.update(graph.facts)
            stats.quads += len(graph)
            stats.warnings.extend(graph.warnings)
        stats.triples = union_size(self.grouped().values())
        stats.sentences = sum(self.sentences.values())
        return stats

    def write(self, path: str | os.PathLike[str]) -> WriteResult:
        """Writes the graph to `path` (format by extension, see graph.serialize), atomically."""
        return write_graphs(self.grouped(), path, base=self.base)

    def store(self) -> ox.Store:
        """An in-memory pyoxigraph store with one named graph per document."""
        return store_from_quads(self.quads())


def write_graph(
    documents: Iterable[DocumentFacts],
    path: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    base: str = DEFAULT_BASE,
    strict: bool = False,
) -> BuildStats:
    """Maps `documents` and writes the graph to `path` (or to each of several paths)."""
    builder = GraphBuilder(base, strict=strict)
    builder.add_all(documents)
    paths = [path] if isinstance(path, str | os.PathLike) else list(path)
    written = [builder.write(p) for p in paths]
    stats = builder.stats()
    stats.written = written
    return stats


def build_store(
    documents: Iterable[DocumentFacts], *, base: str = DEFAULT_BASE, strict: bool = False
) -> ox.Store:
    """Maps `documents` straight into an in-memory store (no file), e.g. for tests and notebooks."""
    builder = GraphBuilder(base, strict=strict)
    builder.add_all(documents)
    return builder.store()
