"""`amity explain`: the sentences, documents and rules behind an actor or a fact.

    explanation = explain("graph.ttl", "Tokayev")
    print(render(explanation))

A TERM is an IRI (`<https://…>`, `https://…` or prefixed like `country:kazakhstan-057131befcf7`)
or a name: an actor's canonical name or alias, an event's label, a goal's or figure's words, a
topic, a threat, a relation ("strategic partnership"). Names are matched exactly first, then
ignoring case, then as a part of a name ("turnover" finds every figure and goal worded with it),
so a user need not know the exact wording; the output says which kind of match it used. Matches
are actors and facts only (not documents, evidence or actor sets), the most documented first.

For each match: its kind, IRI and other names, then per document (id, title, date) each sentence
with its character span and the ids of the rules that read it. A node stated by a document
without a sentence of its own (an actor named only inside a fact) is listed under that document
with no sentences.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from amity.graph.errors import QueryError
from amity.graph.namespaces import AMITY_NS, DEFAULT_BASE, all_prefixes

StoreLike = ox.Store | str | os.PathLike[str]
"""A store, or where a graph lives: a file, an Oxigraph store folder or a SPARQL endpoint's URL."""

# Classes whose instances can be explained (most specific class is reported as the kind).
_EXPLAINABLE = ("Actor", "Fact", "OfficeHolding", "Event", "Goal", "Figure", "Cooperation", "Threat",
                "RelationCharacterisation")
_GENERIC = ("Actor", "Event", "Fact")
_PREFIXED = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*):([^\s<>\"]+)$")


class NothingToExplain(QueryError):
    """No actor or fact matches the term."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One evidence span of a document and the rules that read a fact from it."""

    start: int
    end: int
    text: str
    rules: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DocumentEvidence:
    """What one document says about a node."""

    doc: str
    title: str
    published: str
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True)
class ExplainedNode:
    """An actor or fact with its evidence, grouped by document."""

    iri: str
    label: str
    kind: str
    names: tuple[str, ...]  # other labels and surface forms
    documents: tuple[DocumentEvidence, ...]


@dataclass(frozen=True, slots=True)
class Explanation:
    """The nodes a term matched (at most `limit` of them) and how it matched."""

    term: str
    match: str  # "IRI", "exact", "ignoring case" or "partial"
    nodes: tuple[ExplainedNode, ...]
    more: int = 0  # matches left out by the limit


def _store(source: StoreLike) -> Any:  # a pyoxigraph Store or a SparqlEndpoint: what select() takes
    from amity.graph.location import open_for_query

    return source if isinstance(source, ox.Store) else open_for_query(source)


def _rows(store: Any, query: str) -> list[list[str]]:
    from amity.queries.runner import select

    return select(store, query).rows


def as_iri(term: str, base: str = DEFAULT_BASE) -> str | None:
    """The IRI a term names (`<…>`, an absolute http(s)/urn IRI, or a known prefix), else None."""
    text = term.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    elif match := _PREFIXED.match(text):
        namespace = all_prefixes(base).get(match.group(1))
        if namespace is not None:
            text = namespace + match.group(2)
        elif match.group(1).lower() not in ("http", "https", "urn"):
            return None
    else:
        return None
    try:
        return ox.NamedNode(text).value
    except ValueError:
        return None


def _string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


_CLASSES = " ".join(f"<{AMITY_NS}{c}>" for c in _EXPLAINABLE)


def find_nodes(store: Any, term: str) -> tuple[str, list[str]]:
    """(how the term matched, the IRIs of the actors and facts it names, most documented first)."""
    iri = as_iri(term)
    if iri is not None:
        found = _rows(store, f"SELECT DISTINCT ?node WHERE {{ VALUES ?node {{ <{iri}> }} "
                             f"VALUES ?class {{ {_CLASSES} }} ?node a ?class }}")
        return "IRI", [row[0] for row in found]
    names = "{ ?node rdfs:label ?name } UNION { ?occ amity:surfaceForm ?name ; amity:occurrenceOf ?node }"
    lowered = _string(term.strip().lower())
    attempts = (
        ("exact", f"VALUES ?name {{ {_string(term.strip())} }} {names}"),
        ("ignoring case", f"{names} FILTER(LCASE(STR(?name)) = {lowered})"),
        ("partial", f"{names} FILTER(CONTAINS(LCASE(STR(?name)), {lowered}))"),
    )
    for how, pattern in attempts:
        if not term.strip() and how == "partial":
            break
        query = f"""
        SELECT ?node (COUNT(DISTINCT ?d) AS ?documents) WHERE {{
          {{ SELECT DISTINCT ?node WHERE {{ {pattern} VALUES ?class {{ {_CLASSES} }} ?node a ?class }} }}
          OPTIONAL {{ ?o amity:occurrenceOf ?node ; amity:document ?d }}
        }} GROUP BY ?node ORDER BY DESC(?documents) ?node"""
        found = _rows(store, query)
        if found:
            return how, [row[0] for row in found]
    return "none", []


def describe(store: Any, nodes: list[str]) -> list[ExplainedNode]:
    """The evidence of `nodes` grouped by document and sentence, in the order given."""
    if not nodes:
        return []
    values = " ".join(f"<{n}>" for n in nodes)
    info = _rows(store, f"""
        SELECT ?node ?name ?class WHERE {{
          VALUES ?node {{ {values} }}
          {{ ?node rdfs:label ?name }} UNION {{ ?occ amity:occurrenceOf ?node ; amity:surfaceForm ?name }}
          UNION {{ ?node a ?class FILTER(STRSTARTS(STR(?class), STR(amity:))) }}
        }}""")
    evidence = _rows(store, f"""
        SELECT ?node ?doc ?start ?end ?rule ?sentence WHERE {{
          VALUES ?node {{ {values} }}
          ?node prov:wasDerivedFrom ?ev .
          ?ev amity:document ?d ; nif:beginIndex ?start ; nif:endIndex ?end ;
              amity:rule ?rule ; nif:anchorOf ?sentence .
          ?d amity:documentId ?doc .
        }}""")
    documents = _rows(store, f"""
        SELECT ?node ?doc ?title ?published WHERE {{
          VALUES ?node {{ {values} }}
          {{ ?node prov:wasDerivedFrom ?ev . ?ev amity:document ?d }}
          UNION {{ ?o amity:occurrenceOf ?node ; amity:document ?d }}
          ?d amity:documentId ?doc .
          OPTIONAL {{ ?d amity:title ?title }}
          OPTIONAL {{ ?d amity:published ?published }}
        }}""")
    labels: dict[str, set[str]] = defaultdict(set)
    names: dict[str, set[str]] = defaultdict(set)
    classes: dict[str, set[str]] = defaultdict(set)
    for node, name, cls in info:
        if cls:
            classes[node].add(cls[len(AMITY_NS):])
        elif name:
            names[node].add(name)
    label_query = f"SELECT ?node ?name WHERE {{ VALUES ?node {{ {values} }} ?node rdfs:label ?name }}"
    for node, name in _rows(store, label_query):
        labels[node].add(name)
    spans: dict[str, dict[str, dict[tuple[int, int], tuple[str, set[str]]]]] = defaultdict(lambda: defaultdict(dict))
    for node, doc, start, end, rule, sentence in evidence:
        key = (int(start), int(end))
        text, rules = spans[node][doc].setdefault(key, (sentence, set()))
        rules.add(rule)
    meta: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)
    for node, doc, title, published in documents:
        meta[node][doc] = (title, published)
    out = []
    for node in nodes:
        label = min(labels[node]) if labels[node] else node
        specific = sorted(classes[node] - set(_GENERIC)) or sorted(classes[node] & set(_GENERIC)) or ["Actor"]
        kind = "Other event" if specific[0] == "OtherEvent" else specific[0]
        docs = tuple(
            DocumentEvidence(doc, title, published, tuple(
                Sentence(start, end, text, tuple(sorted(rules)))
                for (start, end), (text, rules) in sorted(spans[node][doc].items())
            ))
            for doc, (title, published) in sorted(meta[node].items())
        )
        others = tuple(sorted((names[node] | labels[node]) - {label}, key=str.casefold))
        out.append(ExplainedNode(node, label, kind, others, docs))
    return out


def explain(source: StoreLike, term: str, *, limit: int = 10) -> Explanation:
    """The evidence behind the actors and facts `term` names (at most `limit` of them).

    `source` is a store, a graph file, an Oxigraph store folder or a SPARQL endpoint's URL (the
    queries are plain SPARQL 1.1). Raises NothingToExplain if nothing matches, GraphError
    subclasses for a graph that cannot be read.
    """
    store = _store(source)
    how, nodes = find_nodes(store, term)
    if not nodes:
        hint = "an IRI" if how == "IRI" or as_iri(term) else "a name"
        raise NothingToExplain(f"no actor or fact matches {term!r} ({hint}); "
                               "amity query actor-profile lists the actors")
    shown = nodes[: max(limit, 1)]
    return Explanation(term, how, tuple(describe(store, shown)), len(nodes) - len(shown))


def render(explanation: Explanation) -> str:
    """The explanation as plain text, one block per node, grouped by document."""
    lines: list[str] = []
    count = len(explanation.nodes) + explanation.more
    if explanation.match not in ("IRI", "exact"):
        lines.append(f"{count} match{'es' if count != 1 else ''} for {explanation.term!r} ({explanation.match})")
        lines.append("")
    for node in explanation.nodes:
        sentences = sum(len(d.sentences) for d in node.documents)
        rules = sorted({r for d in node.documents for s in d.sentences for r in s.rules})
        lines.append(f"{node.label} — {node.kind} <{node.iri}>")
        if node.names:
            lines.append(f"  also: {'; '.join(node.names)}")
        lines.append(f"  {_plural(len(node.documents), 'document')}, {_plural(sentences, 'sentence')}"
                     + (f"; rules: {', '.join(rules)}" if rules else ""))
        for doc in node.documents:
            about = "; ".join(part for part in (doc.title, doc.published) if part)
            lines.append(f"  {doc.doc}" + (f" — {about}" if about else ""))
            if not doc.sentences:
                lines.append("    (mentioned; no sentence recorded for it alone)")
            for s in doc.sentences:
                lines.append(f"    [{s.start}–{s.end}] {', '.join(s.rules)}: {' '.join(s.text.split())}")
        lines.append("")
    if explanation.more:
        lines.append(f"… and {explanation.more} more; give a more specific term, an IRI, or a larger --limit")
    return "\n".join(lines).rstrip("\n") + "\n"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
