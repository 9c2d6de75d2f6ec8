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
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TextIO

RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"

Quad = tuple[str, str, str, str]
Grouped = dict[str, set[tuple[str, str]]]  # subject -> {(predicate, object)}

_LOCAL = re.compile(r"^(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})(?:[A-Za-z0-9_.\-]|%[0-9A-Fa-f]{2})*$")


class Abbreviator:
    """Turns IRI terms into prefixed names where that is safe; caches per term."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        # Longest namespace first, so `amity:` data folders win over a shorter base namespace.
        self.namespaces = sorted(((ns, name) for name, ns in prefixes.items()), key=lambda x: -len(x[0]))
        self.cache: dict[str, str] = {RDF_TYPE: "a"}

    def iri(self, term: str) -> str:
        """A subject/predicate/object IRI term (`<...>`) as a prefixed name if possible."""
        short = self.cache.get(term)
        if short is None:
            short = term
            value = term[1:-1]
            for ns, name in self.namespaces:
                if value.startswith(ns):
                    local = value[len(ns) :]
                    if local and _LOCAL.match(local) and not local.endswith("."):
                        short = f"{name}:{local}"
                    break
            self.cache[term] = short
        return short

    def term(self, term: str) -> str:
        """Any term: IRIs and the datatype of typed literals abbreviated, the rest as is."""
        first = term[0]
        if first == "<":
            return self.iri(term)
        if first == '"' and term[-1] == ">":
            cut = term.rfind("^^<")
            if cut > 0:
                datatype = term[cut + 2 :]
                return f"{term[:cut]}^^{self.cache.get(datatype) or self.iri(datatype)}"
        return term


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


def _pair_key(pair: tuple[str, str]) -> tuple[bool, str, str]:
    return (pair[0] != RDF_TYPE, pair[0], pair[1])


def sorted_pairs(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """A subject's (predicate, object) pairs in writing order: rdf:type first, then sorted."""
    ordered = sorted(pairs)
    # Plain sorting already puts rdf:type first unless a predicate sorts before it (nif:...);
    # only then pay for the keyed sort.
    if ordered and ordered[0][0] < RDF_TYPE and any(p == RDF_TYPE for p, _ in ordered):
        ordered.sort(key=_pair_key)
    return ordered


def prefix_header(prefixes: dict[str, str]) -> str:
    """`@prefix` lines, sorted by prefix name."""
    return "".join(f"@prefix {name}: <{ns}> .\n" for name, ns in sorted(prefixes.items()))


def write_turtle_block(out: TextIO, grouped: Grouped, ab: Abbreviator, indent: str = "") -> int:
    """Writes grouped triples as Turtle statements; returns how many triples were written."""
    count = 0
    write = out.write
    cache = ab.cache
    iri = ab.iri
    term = ab.term
    same_predicate = " ,\n" + indent + "\t\t"
    next_predicate = " ;\n" + indent + "\t"
    for subject in sorted(grouped):
        pairs = sorted_pairs(grouped[subject])
        count += len(pairs)
        parts = [indent, iri(subject) if subject[0] == "<" else subject]
        previous = None
        for predicate, obj in pairs:
            if predicate == previous:
                parts.append(same_predicate)
            else:
                parts.append(" " if previous is None else next_predicate)
                parts.append(cache.get(predicate) or iri(predicate))
                parts.append(" ")
                previous = predicate
            first = obj[0]
            if first == "<":
                parts.append(cache.get(obj) or iri(obj))
            elif first == '"' and obj[-1] == ">":
                parts.append(term(obj))
            else:
                parts.append(obj)
        parts.append(" .\n")
        write("".join(parts))
    return count


def write_lines(out: TextIO, grouped: Grouped, graph: str = "") -> int:
    """Writes grouped triples as sorted N-Triples (or N-Quads with `graph`) lines."""
    count = 0
    tail = f" {graph} .\n" if graph else " .\n"
    for subject in sorted(grouped):
        pairs = sorted(grouped[subject])
        count += len(pairs)
        out.write("".join(f"{subject} {p} {o}{tail}" for p, o in pairs))
    return count


def write_trig(out: TextIO, graphs: dict[str, Grouped], ab: Abbreviator) -> int:
    """Writes named graphs as TriG blocks, graphs sorted; "" is the default graph (no braces)."""
    count = 0
    for name in sorted(graphs):
        if name:
            out.write(f"{ab.iri(name)} {{\n")
            count += write_turtle_block(out, graphs[name], ab, "\t")
            out.write("}\n")
        else:
            count += write_turtle_block(out, graphs[name], ab)
    return count
