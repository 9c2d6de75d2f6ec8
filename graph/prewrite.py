"""A document's own nodes written where the document is mapped: in the build's workers.

A build's final write is serial (it comes after the last document), and a worker's graph travels
to the writing process as terms that must be unpickled there, millions of strings for a large
corpus. Most of a document's triples, though, are about its evidence and occurrence nodes, whose
IRIs name the document (graph.iris): no other document's graph holds them, so their statements in a
graph file, Turtle, TriG, N-Triples or N-Quads, do not depend on the rest of the corpus. A worker
writes them as it maps the document and sends the text instead of their terms; the writers put
each run of them where it sorts (graph.turtle.Block). What another document may hold too (actors,
facts, and the document node, which gets its build key in the writing process) still travels as
terms, for the union a file holds; for a union file (Turtle, N-Triples) the worker also writes
their statements as this graph alone holds them, which the writing process takes for every
subject that no other graph turns out to hold (graph.turtle.Ahead).
"""

from __future__ import annotations

import io
from dataclasses import replace

from amity.graph import turtle
from amity.graph.iris import IriFactory
from amity.graph.mapping import DocumentGraph
from amity.graph.namespaces import all_prefixes

SYNTAXES = (".ttl", ".trig", ".nt", ".nq")
"""The file syntaxes whose statements a worker can write (JSON-LD is written by pyoxigraph)."""
TERMS_KEPT = 200_000
"""Abbreviated terms a worker keeps (some 50 MB): most of a document's terms are its own literals
and evidence IRIs, which no later document repeats."""


class Prewriter:
    """Writes the own nodes of each document graph in one file syntax, under one IRI base."""

    def __init__(self, syntax: str, base: str) -> None:
        if syntax not in SYNTAXES:
            raise ValueError(f"cannot write {syntax!r} per document; one of {', '.join(SYNTAXES)}")
        self.syntax = syntax
        self.iris = IriFactory(base)
        self.abbreviator = turtle.Abbreviator(all_prefixes(base))
        self.statement = turtle.union_statement(syntax, self.abbreviator)
        """The union file's statement (as graph.serialize.ahead_for writes it); None for syntaxes
        without a union file."""

    def split(self, graph: DocumentGraph) -> tuple[DocumentGraph, tuple[turtle.Block, ...]]:
        """`graph` without the evidence and occurrence nodes of its document, and those nodes
        written: one block for the evidence, one for the occurrences (each is one run in any
        sorted list of subjects, since their IRIs share a prefix no other document's IRIs have)."""
        own = ("<" + self.iris.evidence_prefix(graph.doc_id), "<" + self.iris.occurrence_prefix(graph.doc_id))
        rest: dict[str, frozenset[tuple[str, str]]] = {}
        runs: tuple[turtle.Grouped, ...] = ({}, {})
        for subject, pairs in graph.nodes.items():
            if subject.startswith(own):
                runs[0 if subject.startswith(own[0]) else 1][subject] = pairs  # type: ignore[assignment]
            else:
                rest[subject] = pairs
        blocks = tuple(self._write(run, graph.graph) for run in runs if run)
        if len(self.abbreviator.cache) > TERMS_KEPT:
            self.abbreviator.forget()
        return replace(graph, nodes=rest), blocks

    def statements(self, graph: DocumentGraph) -> dict[str, str]:
        """The statement of each subject of `graph` as this graph alone holds it, for the union
        file's writer (graph.turtle.Ahead), but that of the document node, which the writing
        process completes with its build key."""
        statement = self.statement
        if statement is None:
            return {}
        document = "<" + self.iris.document(graph.doc_id) + ">"
        return {subject: statement(subject, pairs) for subject, pairs in graph.nodes.items() if subject != document}

    def _write(self, run: turtle.GroupedView, graph: str) -> turtle.Block:
        out = io.StringIO()
        if self.syntax == ".ttl":
            triples = turtle.write_turtle_block(out, run, self.abbreviator)
        elif self.syntax == ".trig":
            triples = turtle.write_turtle_block(out, run, self.abbreviator, "\t")
        else:
            triples = turtle.write_lines(out, run, graph if self.syntax == ".nq" else "")
        return turtle.Block(min(run), out.getvalue().encode("utf-8"), triples)
