"""Grouping facts per pair of states, so a corpus-sized graph stays drawable and readable.

Thousands of goals, figures, topics and threats each drawn as a node hide the states they are
about and cost the browser seconds. Above a size threshold they are folded into one summary node
per pair of states (or per state, for facts about one), which keeps every folded fact, with its
evidence, in its tooltip. Events and actors stay as they are: they carry the network's structure.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

import networkx as nx

from amity.graph.view.kinds import GROUPABLE_KINDS, GROUPS, KINDS

SUMMARY_PREFIX = "summary:"


def group_pairs(graph: nx.MultiDiGraph, kinds: Iterable[str] = GROUPABLE_KINDS) -> nx.MultiDiGraph:
    """A copy of `graph` with facts of `kinds` folded into per-pair (or per-state) summary nodes.

    A fact about several pairs (a topic named for many) is listed in each pair's summary, with the
    evidence from the documents that name it for that pair. Facts about no state stay as nodes.
    Summary nodes have kind "summary", `items` (kind, label, evidence) and "facts" edges from
    their states.
    """
    foldable = set(kinds)
    result = graph.copy()
    groups: dict[tuple[str, ...], list[tuple[str, str, tuple[int, ...], tuple[str, ...]]]] = defaultdict(list)
    evidence = graph.graph.get("evidence", [])
    for node, attrs in graph.nodes(data=True):
        if attrs["kind"] not in foldable:
            continue
        if attrs["pairs"]:
            keys = {pair: attrs["pair_docs"].get(pair, attrs["docs"]) for pair in attrs["pairs"]}
        elif attrs["states"]:
            keys = {(state,): attrs["docs"] for state in attrs["states"]}
        else:
            continue
        for key, docs in keys.items():
            wanted = set(docs)
            ev = tuple(i for i in attrs["evidence"] if evidence[i].doc in wanted) if evidence else ()
            groups[key].append((attrs["kind"], attrs["label"], ev or attrs["evidence"], tuple(sorted(docs))))
        result.remove_node(node)
    for key, items in sorted(groups.items()):
        if not all(state in result for state in key):
            continue
        node = SUMMARY_PREFIX + "|".join(key)
        names = " – ".join(result.nodes[state]["label"] for state in key)
        items.sort(key=lambda item: (item[0], item[1].casefold()))
        counts = Counter(kind for kind, *_ in items)
        details = [(KINDS[kind].legend.lower() + "s", str(n)) for kind, n in sorted(counts.items())]
        result.add_node(
            node,
            kind="summary",
            type="Summary",
            label=f"{names} ({len(items)})",
            details=details,
            items=[(kind, label, ev) for kind, label, ev, _ in items],
            evidence=tuple(sorted({i for *_, ev, _ in items for i in ev})),
            docs=tuple(sorted({d for *_, docs in items for d in docs})),
            states=key,
            pairs=(key,) if len(key) == 2 else (),
            pair_docs={},
            aliases=[],
        )
        for state in key:
            result.add_edge(state, node, key=GROUPS, relation=GROUPS, label=GROUPS, evidence=(), details=[])
    return result
