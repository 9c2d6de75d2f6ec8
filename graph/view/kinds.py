"""The vocabulary of the network view: node kinds, how each is drawn, and the edge relations.

One table, read by the projection (which kind a class becomes), the page (shape, colour and legend
text) and the command line (which `--kinds` are valid), so a new kind is added in one place.
Shapes are vis-network shape names; every kind has its own shape *and* colour so the legend still
reads for colour-blind analysts and in greyscale print.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Kind:
    """How one kind of node is named in the legend and drawn."""

    name: str  # the id used in data, filters and `--kinds`
    legend: str  # what the legend says
    shape: str  # vis-network shape
    color: str  # fill colour (border is derived in the page)
    size: int  # base size in pixels (states grow with their degree)


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("country", "State", "dot", "#2563eb", 16),
        Kind("person", "Person", "triangle", "#7c3aed", 11),
        Kind("organization", "Organisation", "square", "#0891b2", 10),
        Kind("place", "Region or city", "triangleDown", "#64748b", 10),
        Kind("event", "Event", "diamond", "#ea580c", 10),
        Kind("goal", "Goal", "star", "#16a34a", 12),
        Kind("figure", "Figure", "hexagon", "#ca8a04", 10),
        Kind("topic", "Cooperation topic", "box", "#0d9488", 12),
        Kind("threat", "Shared threat", "ellipse", "#dc2626", 12),
        Kind("summary", "Facts of a pair (grouped)", "database", "#475569", 14),
    )
}

ACTOR_KINDS = frozenset({"country", "person", "organization", "place"})
FACT_KINDS = frozenset({"event", "goal", "figure", "topic", "threat"})
# Kinds folded into one summary node per pair of states when a graph is too large to draw whole.
GROUPABLE_KINDS = frozenset({"goal", "figure", "topic", "threat"})

# Edge relations, as the labels drawn on the edges.
VISITED = "visited"
TOOK_PART = "took part"
SIGNED = "signed"
HELD_IN = "held in"
SET_GOAL = "set goal"
MEASURED = "measured"
COOPERATES_ON = "cooperates on"
CONCERNED_ABOUT = "concerned about"
HOLDS_OFFICE = "holds office"
RELATIONS = "relations"  # a characterisation of a pair's relations; the edge label is the wording
GROUPS = "facts"  # a state to the summary node of its pairs' facts

RELATION_LABELS: tuple[str, ...] = (
    VISITED,
    TOOK_PART,
    SIGNED,
    HELD_IN,
    SET_GOAL,
    MEASURED,
    COOPERATES_ON,
    CONCERNED_ABOUT,
    HOLDS_OFFICE,
    RELATIONS,
    GROUPS,
)

# Event type (the fact model's name) -> the label of its participants' edges.
PARTICIPATION = {"Visit": VISITED, "Agreement": SIGNED}


def parse_kinds(values: str | list[str] | tuple[str, ...] | None) -> frozenset[str] | None:
    """Kind names from `--kinds` values ("event,goal" or several values; plurals accepted).

    None or nothing given means every kind. Raises ValueError naming the valid kinds otherwise.
    """
    if values is None:
        return None
    items = [values] if isinstance(values, str) else list(values)
    names: set[str] = set()
    for item in items:
        for raw in item.split(","):
            name = raw.strip().lower()
            if not name:
                continue
            if name not in KINDS and name.endswith("s") and name[:-1] in KINDS:
                name = name[:-1]
            if name in ("state", "states", "countries"):
                name = "country"
            if name not in KINDS:
                raise ValueError(f"unknown node kind {raw.strip()!r}; kinds: {', '.join(KINDS)}")
            names.add(name)
    return frozenset(names) if names else None


def node_size(kind: str, degree: int) -> int:
    """A node's drawn size: states grow with the number of their neighbours (so the busiest
    relations stand out), other kinds keep their base size."""
    base = KINDS[kind].size
    if kind != "country":
        return base
    return min(44, round(base + 3 * degree**0.5))
