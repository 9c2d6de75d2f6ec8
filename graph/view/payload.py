"""The projection as the compact JSON the page reads, and how to embed it safely.

Nodes, edges and evidence become arrays with short keys and shared tables (documents, evidence
sentences, pairs), since a 5,000-node view must stay a few megabytes. Evidence sentences are
stored once and referred to by index: one sentence often backs several facts.

`script_json` is the only way data enters the page: JSON with `<`, `>`, `&`, U+2028 and U+2029
written as \\u escapes, so no document text can close the <script> element it sits in or start
an HTML comment, whatever it contains.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Hashable, Mapping
from typing import Any

import networkx as nx

from amity.graph.view.kinds import ACTOR_KINDS, KINDS, RELATION_LABELS
from amity.graph.view.layout import Point

_KIND_ORDER = {name: i for i, name in enumerate(KINDS)}
_RELATION_INDEX = {name: i for i, name in enumerate(RELATION_LABELS)}
_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def script_json(data: Any) -> str:
    """`data` as JSON that is safe inside <script type="application/json"> (see module doc)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.translate(_ESCAPES)


def node_order(graph: nx.MultiDiGraph) -> list[Hashable]:
    """Nodes in a stable order: by kind, then label, then IRI."""
    nodes = graph.nodes
    return sorted(graph, key=lambda n: (_KIND_ORDER[nodes[n]["kind"]], nodes[n]["label"].casefold(), str(n)))


def build_payload(
    graph: nx.MultiDiGraph,
    positions: Mapping[Hashable, Point],
    sizes: Mapping[Hashable, int],
    *,
    title: str,
    grouped: bool = False,
) -> dict[str, Any]:
    """The page's data: kinds, relations, documents, evidence, pairs, nodes and edges."""
    order = node_order(graph)
    index = {node: i for i, node in enumerate(order)}
    evidence = graph.graph.get("evidence", [])
    documents: Mapping[str, Mapping[str, str]] = graph.graph.get("documents", {})

    used_docs = sorted({d for n in order for d in graph.nodes[n]["docs"]})
    used_evidence = set()
    for n in order:
        attrs = graph.nodes[n]
        used_evidence.update(attrs["evidence"])
        for item in attrs.get("items", ()):
            used_evidence.update(item[2])
    for _, _, attrs in graph.edges(data=True):
        used_evidence.update(attrs["evidence"])
    used_docs = sorted(set(used_docs) | {evidence[i].doc for i in used_evidence})
    doc_index = {doc: i for i, doc in enumerate(used_docs)}
    evidence_order = sorted(used_evidence)
    evidence_index = {old: new for new, old in enumerate(evidence_order)}

    pair_counts: Counter[tuple[str, str]] = Counter()
    for n in order:
        attrs = graph.nodes[n]
        if attrs["kind"] not in ACTOR_KINDS:
            weight = len(attrs.get("items", ())) or 1
            for pair in attrs["pairs"]:
                if pair[0] in index and pair[1] in index:
                    pair_counts[pair] += weight
    pairs = sorted(pair_counts, key=lambda p: (index[p[0]], index[p[1]]))
    pair_index = {pair: i for i, pair in enumerate(pairs)}

    nodes = []
    for n in order:
        attrs = graph.nodes[n]
        x, y = positions[n]
        node: dict[str, Any] = {
            "k": _KIND_ORDER[attrs["kind"]],
            "l": attrs["label"],
            "t": attrs.get("type", ""),
            "x": x,
            "y": y,
            "s": sizes[n],
            "iri": str(n),
        }
        optional = {
            "d": [list(line) for line in attrs.get("details", ())],
            "e": [evidence_index[i] for i in attrs["evidence"]],
            "D": [doc_index[d] for d in attrs["docs"]],
            "p": [pair_index[p] for p in attrs["pairs"] if p in pair_index],
            "a": list(attrs.get("aliases", ())),
            "m": [[_KIND_ORDER[k], label, [evidence_index[i] for i in ev]] for k, label, ev in attrs.get("items", ())],
        }
        node.update({key: value for key, value in optional.items() if value})
        nodes.append(node)

    edges = []
    for u, v, attrs in sorted(graph.edges(data=True), key=lambda e: (index[e[0]], index[e[1]], e[2]["relation"])):
        label = attrs["label"] if attrs["label"] != attrs["relation"] else 0
        ev = [evidence_index[i] for i in attrs["evidence"]] or 0
        details = [list(line) for line in attrs.get("details", ())] or 0
        edges.append([index[u], index[v], _RELATION_INDEX[attrs["relation"]], label, ev, details])

    focus = graph.graph.get("focus")
    return {
        "version": 1,
        "title": title,
        "grouped": grouped,
        "focus": index.get(focus) if focus is not None else None,
        "kinds": [[k.name, k.legend, k.shape, k.color] for k in KINDS.values()],
        "relations": list(RELATION_LABELS),
        "docs": [[d, *(documents.get(d, {}).get(key, "") for key in ("title", "published"))] for d in used_docs],
        "evidence": [
            [doc_index[evidence[i].doc], evidence[i].start, evidence[i].end, evidence[i].rule, evidence[i].text]
            for i in evidence_order
        ],
        "pairs": [[index[a], index[b], pair_counts[(a, b)]] for a, b in pairs],
        "nodes": nodes,
        "edges": edges,
    }
