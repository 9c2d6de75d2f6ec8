"""Compact JSON-LD: the graph as node objects under amity's context (ontology/context.jsonld).

    {"@context": {... the shipped context ..., "@base": "https://w3id.org/amity/id/"},
     "@graph": [
      {"@id": "country/kazakhstan-…", "@type": ["Actor", "Country"], "isoCode": "KZ",
       "label": "Kazakhstan", "sameAs": "wd:Q232"},
      …]}

The context names every ontology class and property by its local name (`Visit`, `participant`),
says which properties hold IRIs (`"@type": "@id"`) and which numbers (`value` is xsd:decimal), and
declares the usual prefixes; it ships as package data so that other tools can use it to compact
or frame amity data themselves. It is embedded in the output rather than referenced by URL, so the
file reads offline and no processor needs to fetch anything. Data IRIs are written relative to
the graph's base (`@base`, found from its document nodes).

Why not a JSON-LD library's compaction: the node objects follow directly from the statements
grouped by subject (one pass, sorted, byte-stable), whereas general compaction (pyld) is
algorithmic and several orders of magnitude slower on large graphs. Every choice here is the
plain reading of JSON-LD 1.0 expansion, and the tests expand the output with pyld, rdflib and
pyoxigraph and compare the triples with the Turtle.
"""

from __future__ import annotations

import functools
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, TextIO

import pyoxigraph as ox

from amity.graph.namespaces import DEFAULT_BASE, RDF_NS, XSD_NS

CONTEXT_FILE = "context.jsonld"
_RDF_TYPE = RDF_NS + "type"
_XSD_STRING = XSD_NS + "string"
_LANG_STRING = RDF_NS + "langString"
# What may follow a base or a prefix so that expansion gives back exactly the IRI: no colon (it
# would read as a prefix or scheme), no '.' or '..' segments, no query or fragment, no leading '/'.
_SAFE_TAIL = re.compile(r"^[A-Za-z0-9_~%-][A-Za-z0-9._~%/-]*$")
_DOCUMENT = "https://w3id.org/amity/ontology#Document"


@functools.cache
def context() -> dict[str, Any]:
    """The shipped JSON-LD context (the value of its "@context")."""
    from amity.ontology import read_resource

    return json.loads(read_resource(CONTEXT_FILE))["@context"]


class _Compactor:
    """Chooses the shortest faithful form of IRIs, keys and values under the context and base."""

    def __init__(self, ctx: dict[str, Any], base: str) -> None:
        self.base = base
        self.prefixes = sorted(
            ((iri, name) for name, iri in ctx.items() if isinstance(iri, str) and iri.endswith(("#", "/"))),
            key=lambda item: -len(item[0]),
        )
        self.terms: dict[str, tuple[str, str | None]] = {}  # IRI -> (term, its @type coercion)
        for name, definition in ctx.items():
            if name.startswith("@"):
                continue
            iri, coercion = (definition, None) if isinstance(definition, str) else (
                definition.get("@id"), definition.get("@type"))
            if iri is None or iri.endswith(("#", "/")):
                continue
            expanded = self.prefixed_to_iri(iri)
            self.terms.setdefault(expanded, (name, self.prefixed_to_iri(coercion) if coercion else None))

    def prefixed_to_iri(self, value: str) -> str:
        if value.startswith("@"):
            return value
        prefix, sep, rest = value.partition(":")
        for iri, name in self.prefixes:
            if sep and name == prefix:
                return iri + rest
        return value

    def prefixed(self, iri: str) -> str | None:
        for namespace, name in self.prefixes:
            if iri.startswith(namespace) and _SAFE_TAIL.match(iri[len(namespace):]):
                return f"{name}:{iri[len(namespace):]}"
        return None

    def node_id(self, term: ox.NamedNode | ox.BlankNode) -> str:
        """An IRI in @id position (resolved against @base): relative, prefixed or absolute."""
        if isinstance(term, ox.BlankNode):
            return f"_:{term.value}"
        iri = term.value
        if iri.startswith(self.base):
            tail = iri[len(self.base):]
            if _SAFE_TAIL.match(tail) and all(seg not in (".", "..") for seg in tail.split("/")):
                return tail
        return self.prefixed(iri) or iri

    def vocab(self, iri: str) -> str:
        """An IRI in @type or key position (resolved against the vocabulary): term, prefixed or absolute."""
        known = self.terms.get(iri)
        if known is not None:
            return known[0]
        return self.prefixed(iri) or iri

    def key(self, predicate: str) -> tuple[str, str | None]:
        known = self.terms.get(predicate)
        if known is not None:
            return known
        return self.prefixed(predicate) or predicate, None

    def value(self, term: Any, coercion: str | None) -> Any:
        if isinstance(term, ox.NamedNode | ox.BlankNode):
            ref = self.node_id(term)
            return ref if coercion == "@id" else {"@id": ref}
        literal: ox.Literal = term
        if literal.language:
            return {"@value": literal.value, "@language": literal.language}
        datatype = literal.datatype.value
        if datatype == _XSD_STRING:
            return literal.value if coercion is None else {"@value": literal.value}
        if datatype == coercion:
            return literal.value
        return {"@value": literal.value, "@type": self.prefixed(datatype) or datatype}


def graph_base(triples: Iterable[ox.Triple | ox.Quad]) -> str:
    """The data base of a graph: what its document IRIs start with before `document/`."""
    for t in triples:
        if t.predicate.value == _RDF_TYPE and isinstance(t.object, ox.NamedNode) and t.object.value == _DOCUMENT:
            head, sep, _ = t.subject.value.rpartition("/document/")
            if sep and isinstance(t.subject, ox.NamedNode):
                return head + "/"
    return DEFAULT_BASE


def _sort_key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def node_objects(triples: list[ox.Triple | ox.Quad], ctx: dict[str, Any], base: str) -> list[dict[str, Any]]:
    """The compact node objects of `triples` (graph names ignored), sorted by @id."""
    compactor = _Compactor(ctx, base)
    nodes: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    ids: dict[str, str] = {}
    for t in triples:
        subject = t.subject
        if not isinstance(subject, ox.NamedNode | ox.BlankNode):  # RDF-star quoted triples: not in JSON-LD 1.1
            continue
        sid = ids.get(str(subject))
        if sid is None:
            sid = ids[str(subject)] = compactor.node_id(subject)
        node = nodes[sid]
        predicate, obj = t.predicate.value, t.object
        if predicate == _RDF_TYPE and isinstance(obj, ox.NamedNode | ox.BlankNode):
            node["@type"].append(compactor.vocab(obj.value) if isinstance(obj, ox.NamedNode) else f"_:{obj.value}")
            continue
        key, coercion = compactor.key(predicate)
        node[key].append(compactor.value(obj, coercion))
    out = []
    for sid in sorted(nodes):
        node: dict[str, Any] = {"@id": sid}
        for key in sorted(nodes[sid], key=lambda k: (k != "@type", k)):
            values = sorted({_sort_key(v): v for v in nodes[sid][key]}.items())
            items = [v for _, v in values]
            node[key] = items[0] if len(items) == 1 else items
        out.append(node)
    return out


def write_jsonld(out: TextIO, triples: list[ox.Triple | ox.Quad], base: str | None = None) -> int:
    """Writes compact JSON-LD (one node object per line) to `out`; returns the number of triples."""
    ctx = dict(context())
    ctx["@base"] = base or graph_base(triples)
    out.write('{\n"@context": ')
    out.write(json.dumps(ctx, ensure_ascii=False, indent=1))
    out.write(',\n"@graph": [\n')
    nodes = node_objects(triples, ctx, ctx["@base"])
    for index, node in enumerate(nodes):
        out.write(json.dumps(node, ensure_ascii=False))
        out.write(",\n" if index < len(nodes) - 1 else "\n")
    out.write("]\n}\n")
    return len(triples)
