"""A fast, deterministic writer for Turtle, TriG, N-Triples and N-Quads from N-Triples terms.

Why not let pyoxigraph serialize: on a million triples the round trip (join the lines, encode,
parse them back in Rust, serialize) costs several times more than writing the text directly, since
the terms are already valid N-Triples and Turtle is a superset of N-Triples. This writer only
groups and abbreviates:

- triples are grouped by subject; subjects are sorted, and each subject's predicate-object pairs
  are sorted with rdf:type first (`a`), so the output depends on the set of triples only;
- an IRI is written as a prefixed name when a prefix matches and the rest is a conservative
  subset of Turtle's PN_LOCAL (letters, digits, `_`, `-`, `.` inside, %XX escapes); any other IRI
  stays in angle brackets, which is always valid. Datatypes of typed literals are abbreviated the
  same way; literal bodies are written exactly as given (their N-Triples escapes are valid Turtle).

Speed: a build writes hundreds of thousands of triples, so the per-triple work is kept out of
Python bytecode. Terms are rendered through a dictionary whose misses compute the rendering
(`dict.__missing__`), so `map(render, objects)` runs in C for every term seen before; a subject's
statement is assembled from iterators; text is written in large chunks.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import chain
from typing import TextIO

RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"

Quad = tuple[str, str, str, str]
Grouped = dict[str, set[tuple[str, str]]]  # subject -> {(predicate, object)}
GroupedView = Mapping[str, AbstractSet[tuple[str, str]]]  # what the writers read: sets or frozensets

_LOCAL = re.compile(r"^(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})(?:[A-Za-z0-9_.\-]|%[0-9A-Fa-f]{2})*$")
# The common case of _LOCAL without %XX escapes: a regex without alternation is several times
# faster; whatever it accepts, _LOCAL accepts too, and only what it rejects is tried with _LOCAL.
_PLAIN_LOCAL = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.\-]*").fullmatch
# Pairs with this predicate sort first among the pairs of one predicate, and before them only
# predicates smaller than rdf:type (bisect bounds, see `sorted_pairs`).
_TYPE_LOW = (RDF_TYPE,)
_TYPE_HIGH = (RDF_TYPE + "\x00",)
_CHUNK_STATEMENTS = 4096  # statements gathered before one write to the stream


@dataclass(frozen=True, slots=True)
class Block:
    """A run of consecutive subjects (in writing order) already written, by whoever had their
    triples at hand (a build's workers, see graph.prewrite): the writers put `data` where `first`
    sorts among the other subjects. No other subject of what is written may sort between the
    run's first and last subject.

    `data` is the text encoded as UTF-8, as it goes into the file: bytes travel between processes
    and into the file as they are, where text would be decoded and encoded again (a second or so
    for a few hundred megabytes). The writers send it to the binary stream under their text
    stream (`out.buffer`), which must therefore pass each write straight on (write_through)."""

    first: str
    data: bytes
    triples: int


class _Terms(dict[str, str]):
    """Term -> its text in Turtle: an IRI as a prefixed name where that is safe, the datatype of a
    typed literal likewise, anything else as it is. A miss works the text out (in `__missing__`,
    one Python call) and keeps it; every later use is a dictionary lookup in C, which is what lets
    the writer render a subject's objects with `map`."""

    __slots__ = ("namespaces", "by_namespace", "split_lookup")

    def __init__(self, namespaces: list[tuple[str, str]]) -> None:
        super().__init__()
        self.namespaces = namespaces  # (namespace, prefix name), longest namespace first
        # When every namespace ends in "/" or "#", the longest one an IRI starts with ends at one of
        # the IRI's own "/" or "#": a dictionary lookup per such position (from the right) finds
        # it, instead of trying every namespace in turn.
        self.by_namespace: dict[str, str] = {}
        for ns, name in namespaces:
            self.by_namespace.setdefault(ns, name)  # the one the longest-first scan meets first
        self.split_lookup = all(ns.endswith(("/", "#")) for ns, _ in namespaces)

    def __missing__(self, term: str) -> str:
        first = term[0]
        if first == "<":
            value = term[1:-1]
            # The common case inline: the namespace ends at the last "/" and no "#" follows.
            cut = value.rfind("/") + 1
            if cut and self.split_lookup and value.find("#", cut) < 0:
                name = self.by_namespace.get(value[:cut])
                if name is not None:
                    local = value[cut:]
                    if local and (_PLAIN_LOCAL(local) or _LOCAL.match(local)) and local[-1] != ".":
                        text = self[term] = f"{name}:{local}"
                    else:
                        text = self[term] = term
                    return text
            text = self.abbreviate(term)
        elif first == '"' and term[-1] == ">" and (cut := term.rfind("^^<")) > 0:
            text = f"{term[:cut]}^^{self[term[cut + 2 :]]}"
        else:
            text = term
        self[term] = text
        return text

    def namespace(self, value: str) -> tuple[str, str] | None:
        """(namespace, prefix name) of the longest namespace `value` starts with, if any."""
        if self.split_lookup:
            by_namespace = self.by_namespace
            end = len(value)
            while True:
                cut = max(value.rfind("/", 0, end), value.rfind("#", 0, end))
                if cut < 0:
                    return None
                ns = value[: cut + 1]
                name = by_namespace.get(ns)
                if name is not None:
                    return ns, name
                end = cut
        for ns, name in self.namespaces:
            if value.startswith(ns):
                return ns, name
        return None

    def abbreviate(self, term: str) -> str:
        """The IRI term `term` as a prefixed name if possible (uncached: see `__missing__`)."""
        value = term[1:-1]
        found = self.namespace(value)
        if found is not None:
            ns, name = found
            local = value[len(ns) :]
            if local and (_PLAIN_LOCAL(local) or _LOCAL.match(local)) and not local.endswith("."):
                return f"{name}:{local}"
        return term


class Abbreviator:
    """Turns IRI terms into prefixed names where that is safe; caches per term."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        # Longest namespace first, so `amity:` data folders win over a shorter base namespace.
        self.namespaces = sorted(((ns, name) for name, ns in prefixes.items()), key=lambda x: -len(x[0]))
        # One cache for every term: IRIs (subjects, predicates, objects, datatypes) and literals.
        self.cache = _Terms(self.namespaces)
        self.cache[RDF_TYPE] = "a"
        self._separators: dict[str, _Separators] = {}  # by indent: TriG writes hundreds of blocks

    def separators(self, indent: str) -> _Separators:
        """The statement separators for `indent`, kept across the blocks written with it."""
        separators = self._separators.get(indent)
        if separators is None:
            separators = self._separators[indent] = _Separators(self.cache, indent)
        return separators

    def forget(self) -> None:
        """Drops the terms worked out so far (a writer that lives for a whole corpus keeps its
        memory bounded this way; what it writes does not change)."""
        self.cache.clear()
        self.cache[RDF_TYPE] = "a"

    def iri(self, term: str) -> str:
        """A subject/predicate/object IRI term (`<...>`) as a prefixed name if possible."""
        return self.cache[term] if term[0] == "<" else self.cache.abbreviate(term)

    def term(self, term: str) -> str:
        """Any term: IRIs and the datatype of typed literals abbreviated, the rest as is."""
        return self.cache[term]


def group(triples: Iterable[tuple[str, str, str]], into: Grouped | None = None) -> Grouped:
    """Triples grouped by subject (added to `into` if given)."""
    grouped: Grouped = {} if into is None else into
    for s, p, o in triples:
        pairs = grouped.get(s)
        if pairs is None:
            grouped[s] = {(p, o)}
        else:
            pairs.add((p, o))
    return grouped


def sorted_pairs(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """A subject's (predicate, object) pairs in writing order: rdf:type first, then sorted."""
    ordered = sorted(pairs)
    # Plain sorting already puts rdf:type first unless a predicate sorts before it (nif:...);
    # then the rdf:type pairs, one run in the sorted list, move to the front.
    if ordered and ordered[0][0] < RDF_TYPE:
        low = bisect_left(ordered, _TYPE_LOW)
        high = bisect_left(ordered, _TYPE_HIGH, low)
        if high > low:
            ordered = ordered[low:high] + ordered[:low] + ordered[high:]
    return ordered


def prefix_header(prefixes: dict[str, str]) -> str:
    """`@prefix` lines, sorted by prefix name."""
    return "".join(f"@prefix {name}: <{ns}> .\n" for name, ns in sorted(prefixes.items()))


class _Separators(dict[tuple[str, ...], tuple[str, ...]]):
    """A subject's predicates (in writing order) -> what goes before each of its objects: the
    abbreviated predicate for the first, then ` ,` and an indent when the predicate repeats, ` ;`,
    an indent and the next predicate when it changes. Subjects of one kind (all evidence nodes,
    all occurrences of actors...) share their predicates, so this is worked out once per kind."""

    __slots__ = ("iri", "same", "next")

    def __init__(self, iri: dict[str, str], indent: str) -> None:
        super().__init__()
        self.iri = iri
        self.same = " ,\n" + indent + "\t\t"
        self.next = " ;\n" + indent + "\t"

    def __missing__(self, predicates: tuple[str, ...]) -> tuple[str, ...]:
        iri = self.iri
        separators = [f" {iri[predicates[0]]} "]
        separators.extend(self.same if predicate == previous else f"{self.next}{iri[predicate]} "
                          for previous, predicate in zip(predicates, predicates[1:], strict=False))
        self[predicates] = texts = tuple(separators)
        return texts


Statement = Callable[[str, AbstractSet[tuple[str, str]]], str]
"""Writes the statement of one subject with these (predicate, object) pairs."""


def turtle_statement(ab: Abbreviator, indent: str = "") -> Statement:
    """One subject's Turtle statement: its pairs sorted, terms abbreviated (a closure over its
    lookups: it runs once per subject of a graph)."""
    iri = ab.cache
    render = ab.cache.__getitem__
    separators = ab.separators(indent)

    def statement(subject: str, pairs: AbstractSet[tuple[str, str]]) -> str:
        ordered = sorted_pairs(pairs)
        parts = [indent, iri[subject] if subject[0] == "<" else subject]
        if ordered:
            # Equal lengths by construction; strict=True would cost a tenth of the statement.
            predicates, objects = zip(*ordered, strict=False)
            parts += chain.from_iterable(zip(separators[predicates], map(render, objects), strict=False))
        parts.append(" .\n")
        return "".join(parts)

    return statement


def union_statement(ext: str, ab: Abbreviator) -> Statement | None:
    """The statement of a union file's subject in the syntax `ext` (.ttl: Turtle with `ab`'s
    prefixed names; .nt: N-Triples lines); None for syntaxes that write each graph apart."""
    if ext == ".ttl":
        return turtle_statement(ab)
    if ext == ".nt":
        return line_statement()
    return None


def line_statement(graph: str = "") -> Statement:
    """One subject's N-Triples lines (or N-Quads lines in `graph`), sorted."""
    tail = f" {graph} .\n" if graph else " .\n"

    def statement(subject: str, pairs: AbstractSet[tuple[str, str]]) -> str:
        return "".join([f"{subject} {p} {o}{tail}" for p, o in sorted(pairs)])

    return statement


class Ahead:
    """Statements written while a build still extracts, for the final write to take as they are.

    A subject's statement depends on the union of every graph that holds it, known only at the
    end; but most subjects are held by one document, and the union keeps that document's set
    (graph.serialize.union). So each subject is written when its first graph arrives and kept with
    that set; the final write takes the text while the union holds that very set (an identity
    test: the sets of arriving graphs are frozen). A subject a second graph holds too is written
    at the end, its terms abbreviated ahead (with `ab`, the Abbreviator `statement` uses)."""

    def __init__(self, statement: Statement, ab: Abbreviator | None = None) -> None:
        self.statement = statement
        self.render = ab.cache.__getitem__ if ab is not None else None
        self.kept: dict[str, tuple[AbstractSet[tuple[str, str]], str] | None] = {}

    def add(self, grouped: Mapping[str, frozenset[tuple[str, str]]], written: Mapping[str, str] | None = None) -> None:
        """Keeps the statement of each subject `grouped` holds for the first time: as `written`
        has it (by a worker, from these very pairs: graph.prewrite) or written now."""
        kept, statement, render = self.kept, self.statement, self.render
        written = written or {}
        for subject, pairs in grouped.items():
            if subject not in kept:
                text = written.get(subject)
                kept[subject] = (pairs, text if text is not None else statement(subject, pairs))
                continue
            kept[subject] = None
            if render is not None:
                deque(map(render, [o for _, o in pairs]), maxlen=0)

    def __call__(self, subject: str, pairs: AbstractSet[tuple[str, str]]) -> str:
        """The statement of `subject` with these pairs: as kept if written from them, else now."""
        entry = self.kept.get(subject)
        if entry is not None and entry[0] is pairs:
            return entry[1]
        return self.statement(subject, pairs)


def write_statements(out: TextIO, grouped: GroupedView, statement: Statement | Ahead,
                     blocks: Sequence[Block] = ()) -> int:
    """Writes the statement of every subject of `grouped` in writing order, and `blocks` (written
    the same way) in their place among them; returns how many triples were written."""
    count = 0
    chunk: list[str] = []
    add = chunk.append
    written = {block.first: block for block in blocks}
    for subject in sorted(chain(grouped, written)) if written else sorted(grouped):
        block = written.get(subject) if written else None
        if block is not None:
            out.write("".join(chunk))
            chunk.clear()
            out.buffer.write(block.data)
            count += block.triples
            continue
        pairs = grouped[subject]
        count += len(pairs)
        add(statement(subject, pairs))
        if len(chunk) >= _CHUNK_STATEMENTS:
            out.write("".join(chunk))
            chunk.clear()
    out.write("".join(chunk))
    return count


def write_turtle_block(out: TextIO, grouped: GroupedView, ab: Abbreviator, indent: str = "",
                       blocks: Sequence[Block] = ()) -> int:
    """Writes grouped triples as Turtle statements, and `blocks` (written with the same `indent`)
    in their place among them; returns how many triples were written."""
    return write_statements(out, grouped, turtle_statement(ab, indent), blocks)


def write_lines(out: TextIO, grouped: GroupedView, graph: str = "", blocks: Sequence[Block] = ()) -> int:
    """Writes grouped triples as sorted N-Triples (or N-Quads with `graph`) lines, and `blocks`
    (written for the same `graph`) in their place among them."""
    return write_statements(out, grouped, line_statement(graph), blocks)


def write_trig(out: TextIO, graphs: Mapping[str, GroupedView], ab: Abbreviator,
               blocks: Mapping[str, Sequence[Block]] | None = None) -> int:
    """Writes named graphs as TriG blocks, graphs sorted; "" is the default graph (no braces).
    `blocks` holds, by graph, the runs of its subjects already written (indented with a tab)."""
    count = 0
    blocks = blocks or {}
    for name in sorted(graphs):
        if name:
            out.write(f"{ab.iri(name)} {{\n")
            count += write_turtle_block(out, graphs[name], ab, "\t", blocks.get(name, ()))
            out.write("}\n")
        else:
            count += write_turtle_block(out, graphs[name], ab)
    return count
