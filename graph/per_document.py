"""Per-document named graphs rebuilt from a graph that has none (Turtle, N-Triples, JSON-LD).

A build writes one named graph per document to TriG and N-Quads, but Turtle holds only the union.
Exporting such a file to TriG or N-Quads should still give one graph per document, and the graph
keeps what is needed to say which document states what: every document's amity:Occurrence nodes
(`amity:occurrenceOf` the actor or fact, `amity:document` the document) and amity:Evidence nodes
(`amity:document`). A document's graph is rebuilt as the mapping (graph.mapping) writes it:

- the document node, its evidence nodes and its occurrence nodes;
- every actor or fact it has an occurrence of, with all its statements except
  `prov:wasDerivedFrom` links to other documents' evidence; where a node has several labels (an
  event worded differently by two documents), the labels this document uses as surface forms;
- the actor sets (amity:ActorSet) those facts point to.

Statements about a node that the mapping writes identically in every document (types, names, ISO
codes) are repeated in each document that mentions the node, exactly as a build does. What belongs
to no document (hand-added triples, or a graph amity did not write) stays in the default graph.
Rebuilding the graphs of a Turtle file gives the same quads as writing TriG from the build, for any
corpus whose documents agree on what they say about a shared node (tests/test_exports.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from amity.graph.mapping import (
    C_DOCUMENT,
    C_EVIDENCE,
    C_OCCURRENCE,
    P_ACTOR_SET,
    P_DOCUMENT,
    P_OCCURRENCE_OF,
    P_SURFACE_FORM,
    PROV_DERIVED,
    RDF_TYPE,
    RDFS_LABEL,
)

Quad = tuple[str, str, str, str]


def graph_term(document: str) -> str:
    """The named graph's IRI term for a document's IRI term: `…/document/x` -> `…/graph/x`."""
    head, sep, tail = document.rpartition("/document/")
    if sep:
        return f"{head}/graph/{tail}"
    return document[:-1] + "#graph>"  # not an amity document IRI: still one graph per document


def _split_amity_graph(nodes: dict[str, set[tuple[str, str]]], documents: list[str]) -> list[Quad] | None:
    """The fast path: a graph amity wrote, split by graph.incremental.split_union (linear in the
    graph); None when some triple belongs to no document, for the general walk below."""
    from amity.graph.incremental import split_union

    bases = {doc[1:doc.rindex("document/")] for doc in documents if "document/" in doc}
    if len(bases) != 1:
        return None
    graphs = split_union(dict(nodes), bases.pop())
    if graphs is None:
        return None
    return sorted((s, p, o, g) for g, grouped in graphs.items() for s, pairs in grouped.items() for p, o in pairs)


def has_named_graphs(quads: Iterable[Quad]) -> bool:
    """Whether any quad sits in a named graph."""
    return any(g for _, _, _, g in quads)


def split_by_document(quads: Iterable[Quad]) -> list[Quad]:
    """The triples of `quads` (the graph name is ignored) distributed over per-document graphs.

    Returns quads with graph terms as the build would write them; triples that belong to no
    document come back in the default graph ("").
    """
    nodes: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for s, p, o, _ in quads:
        nodes[s].add((p, o))

    documents = [s for s, pairs in nodes.items() if (RDF_TYPE, C_DOCUMENT) in pairs]
    split = _split_amity_graph(nodes, documents)
    if split is not None:
        return split
    evidence_of: dict[str, str] = {}  # evidence term -> document term
    occurrences: dict[str, list[str]] = defaultdict(list)  # document term -> its occurrence terms
    for s, pairs in nodes.items():
        doc = next((o for p, o in pairs if p == P_DOCUMENT), None)
        if doc is None:
            continue
        if (RDF_TYPE, C_EVIDENCE) in pairs:
            evidence_of[s] = doc
        elif (RDF_TYPE, C_OCCURRENCE) in pairs:
            occurrences[doc].append(s)

    out: set[Quad] = set()
    placed: set[tuple[str, str, str]] = set()

    def put(graph: str, s: str, p: str, o: str) -> None:
        out.add((s, p, o, graph))
        placed.add((s, p, o))

    evidence_by_doc: dict[str, list[str]] = defaultdict(list)
    for ev, doc in evidence_of.items():
        evidence_by_doc[doc].append(ev)

    for doc in documents:
        graph = graph_term(doc)
        for s in (doc, *evidence_by_doc.get(doc, ()), *occurrences.get(doc, ())):
            for p, o in nodes[s]:
                put(graph, s, p, o)
        forms: dict[str, set[str]] = defaultdict(set)  # node -> this document's surface forms
        for occ in occurrences.get(doc, ()):
            pairs = nodes[occ]
            target = next((o for p, o in pairs if p == P_OCCURRENCE_OF), None)
            if target is not None:
                forms[target].update(o for p, o in pairs if p == P_SURFACE_FORM)
        for target, words in forms.items():
            pairs = nodes.get(target, set())
            labels = {o for p, o in pairs if p == RDFS_LABEL}
            mine = labels & words if len(labels) > 1 else labels
            for p, o in pairs:
                if p == PROV_DERIVED and evidence_of.get(o, doc) != doc:
                    continue  # another document's evidence
                if p == RDFS_LABEL and mine and o not in mine:
                    continue  # another document's wording
                put(graph, target, p, o)
                if p == P_ACTOR_SET:
                    for sp, so in nodes.get(o, ()):
                        put(graph, o, sp, so)

    for s, pairs in nodes.items():
        for p, o in pairs:
            if (s, p, o) not in placed:
                out.add((s, p, o, ""))
    return sorted(out)
