"""Positions for every node, computed in Python so the browser only draws.

A force simulation in the browser takes tens of seconds to settle on thousands of nodes and never
looks the same twice. Here the layout is computed once, deterministically (seeded), in pure
Python (no NumPy, so no extra dependency), in time roughly linear in the number of nodes:

1. facts are grouped by the states they hang on (a pair's goals, figures and events; one state's
   own facts), and each group becomes one disc big enough for a sunflower spiral of its members;
2. states and these discs are laid out together by a size-aware Fruchterman–Reingold simulation
   (forces act on the gaps between rims, so nothing overlaps and a pair's disc settles between
   its two states), started from a plain force layout of the states weighted by shared facts;
3. cooperation topics and threats, which join many states, are placed afterwards into free spots
   near their states: laid out with the states they would pull every state together;
4. the groups' members go on their spirals, nodes hanging on those further out, and a few passes
   push apart whatever still overlaps;
5. connected components are laid out alone; the largest is on top, the rest in rows beneath it.

Small components (up to 40 nodes) are laid out node by node with the same simulation. The result
maps node -> (x, y) in vis-network's pixel units.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping

import networkx as nx

Point = tuple[float, float]

HUB_KINDS = frozenset({"topic", "threat"})
SPACING = 70.0  # distance between neighbouring satellites on a spiral, in pixels
GAP = 60.0  # space between the rims of linked discs (a state and the facts it shares), in pixels
_GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
_LABEL_RADIUS = {"topic": 34.0, "threat": 34.0, "summary": 30.0, "country": 90.0}  # room for labels


def layout(
    graph: nx.MultiDiGraph, *, seed: int = 7, sizes: Mapping[Hashable, float] | None = None
) -> dict[Hashable, Point]:
    """x, y for every node of `graph` (which needs a `kind` attribute per node).

    `sizes` are the nodes' drawn radii (default: 12); they keep big states clear of their
    satellites. The same graph and seed always give the same positions.
    """
    adjacency: dict[Hashable, set[Hashable]] = {node: set() for node in graph}
    for u, v in graph.edges():
        if u != v:
            adjacency[u].add(v)
            adjacency[v].add(u)
    kinds = {node: graph.nodes[node]["kind"] for node in graph}
    radius = {node: _radius(kinds[node], (sizes or {}).get(node, 12.0)) for node in graph}
    components = sorted(
        (sorted(c, key=str) for c in nx.connected_components(nx.Graph(adjacency))),
        key=lambda c: (-len(c), str(c[0])),
    )
    rng = random.Random(seed)
    placed = [_component(c, adjacency, kinds, radius, rng) for c in components]
    return _pack(placed, radius)


def _sorted(nodes: Iterable[Hashable]) -> list[Hashable]:
    """Nodes in a fixed order. Sets of strings iterate in an order that changes from one process to
    the next (hash randomisation); summing floats in another order gives other positions."""
    return sorted(nodes, key=str)


def _radius(kind: str, size: float) -> float:
    return max(size, _LABEL_RADIUS.get(kind, 0.0), 8.0)


# --- one connected component ------------------------------------------------------------------


def _component(
    nodes: list[Hashable],
    adjacency: Mapping[Hashable, set[Hashable]],
    kinds: Mapping[Hashable, str],
    radius: Mapping[Hashable, float],
    rng: random.Random,
) -> dict[Hashable, Point]:
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    states = [n for n in nodes if kinds[n] == "country"]
    hubs: list[Hashable] = []
    if states and len(nodes) > 40:
        backbone = states
        hubs = [n for n in nodes if kinds[n] in HUB_KINDS]
    elif len(nodes) <= 150:
        backbone = nodes
    else:  # no states: the best connected nodes carry the structure
        ranked = sorted(nodes, key=lambda n: (-len(adjacency[n]), str(n)))
        backbone = sorted(ranked[: max(10, int(2 * math.sqrt(len(nodes))))], key=str)
    in_backbone = set(backbone)
    levels = _satellite_levels(nodes, in_backbone, adjacency, skip=set(hubs))
    groups = sorted((levels[0] if levels else {}).items(), key=lambda item: [str(a) for a in item[0]])
    # Discs to lay out: each backbone node, and each group of first-level satellites as one disc
    # big enough for its spiral, tied to the backbone nodes the group hangs on.
    index = {n: i for i, n in enumerate(backbone)}
    radii = [radius[n] for n in backbone]
    links = [
        (index[a], index[b], 1.0) for a in backbone for b in _sorted(adjacency[a]) if b in index and index[a] < index[b]
    ]
    for anchors, members in groups:
        disc = len(radii)
        radii.append(_group_extent(len(members), max(radius[m] for m in members)))
        links.extend((index[a], disc, 1.0) for a in anchors)
    unit = _force_layout(backbone, _backbone_weights(backbone, in_backbone, nodes, adjacency), rng)
    start = [unit[n] for n in backbone]
    for anchors, _ in groups:  # a group starts between its anchors, nudged apart from the others
        xs = [unit[a][0] for a in anchors]
        ys = [unit[a][1] for a in anchors]
        start.append((sum(xs) / len(xs) + rng.uniform(-0.3, 0.3), sum(ys) / len(ys) + rng.uniform(-0.3, 0.3)))
    centres = _disc_layout(start, radii, links, scale_start=True)
    if hubs:
        centres = _place_hubs(hubs, index, centres, radii, adjacency, radius, rng)
    positions = {n: centres[i] for n, i in index.items()}
    positions.update(zip(hubs, centres[len(radii) :], strict=True))
    for (_, members), centre in zip(groups, centres[len(backbone) : len(radii)], strict=True):
        _spiral(sorted(members, key=str), centre, positions)
    _place_satellites(levels[1:], positions, adjacency, radius)
    rest = [n for n in nodes if n not in positions]  # hanging only on hubs
    if rest:
        _place_satellites(_satellite_levels(nodes, set(positions), adjacency), positions, adjacency, radius)
    _separate(positions, radius)
    return positions


def _place_hubs(
    hubs: list[Hashable],
    index: Mapping[Hashable, int],
    centres: list[Point],
    radii: list[float],
    adjacency: Mapping[Hashable, set[Hashable]],
    radius: Mapping[Hashable, float],
    rng: random.Random,
) -> list[Point]:
    """Topics and threats placed after the states and their facts, which stay where they are: each
    starts amid its states and settles in a free spot near them. Laid out with the states, a topic
    named for a dozen states would pull them all together and push every pair's facts outwards."""
    start = list(centres)
    all_radii = list(radii)
    hub_links = []
    for hub in hubs:
        disc = len(all_radii)
        anchors = [index[a] for a in _sorted(adjacency[hub]) if a in index]
        if anchors:
            x = sum(centres[a][0] for a in anchors) / len(anchors)
            y = sum(centres[a][1] for a in anchors) / len(anchors)
        else:
            x, y = centres[0]
        start.append((x + rng.uniform(-GAP, GAP), y + rng.uniform(-GAP, GAP)))
        all_radii.append(radius[hub])
        hub_links.extend((a, disc, 1.0) for a in anchors)
    movable = [False] * len(radii) + [True] * len(hubs)
    return _disc_layout(start, all_radii, hub_links, movable=movable, iterations=80)


def _group_extent(count: int, member_radius: float) -> float:
    """The radius of the disc a spiral of `count` satellites fills."""
    return SPACING * 0.62 * math.sqrt(max(count - 0.5, 0.0)) + member_radius + 6.0


def _spiral(members: list[Hashable], centre: Point, positions: dict[Hashable, Point]) -> None:
    """Members on a sunflower spiral around `centre` (the first one at the centre itself)."""
    cx, cy = centre
    for i, node in enumerate(members):
        r = SPACING * 0.62 * math.sqrt(i)
        angle = i * _GOLDEN_ANGLE
        positions[node] = (cx + r * math.cos(angle), cy + r * math.sin(angle))


def _disc_layout(
    start: list[Point],
    radii: list[float],
    links: list[tuple[int, int, float]],
    *,
    scale_start: bool = False,
    movable: list[bool] | None = None,
    iterations: int | None = None,
) -> list[Point]:
    """Size-aware Fruchterman–Reingold in pixels: forces act on the gap between two discs' rims,
    so linked discs settle about GAP apart whatever their sizes and no two discs overlap.

    With `scale_start`, `start` is in backbone units (edge length about 1) and is first scaled to
    the discs' sizes. Discs not `movable` stay where they start (they still push the others).
    """
    n = len(radii)
    if n == 1:
        return [(0.0, 0.0)]
    gap = GAP
    area = sum((r + gap) ** 2 for r in radii)
    scale = math.sqrt(area) / max(1.0, max(math.hypot(x, y) for x, y in start)) if scale_start else 1.0
    xs = [x * scale for x, _ in start]
    ys = [y * scale for _, y in start]
    moves = movable or [True] * n
    if iterations is None:
        iterations = 160 if n <= 200 else 100 if n <= 400 else 40
    temperature = math.sqrt(area) / 4 if scale_start else gap * 2
    cooling = (temperature - gap * 0.1) / iterations
    gravity = 0.03
    k2 = gap * gap
    reach = [r + 0.75 * gap for r in radii]  # discs whose rims are over 1.5 gaps apart ignore each other
    movers = [i for i in range(n) if moves[i]]
    few_movers = len(movers) * 4 < n
    near: dict[int, list[int]] = {}
    for step in range(iterations):
        dx = [0.0] * n
        dy = [0.0] * n
        if few_movers and step % 8 == 0:  # a mover moves at most 2 gaps per step
            near = _window(movers, xs, ys, reach, 16 * gap + 2 * temperature)
        pairs = _mover_pairs(movers, xs, ys, reach, moves, near) if few_movers else _near_pairs(xs, ys, reach)
        for i, j in pairs:
            if not (moves[i] or moves[j]):
                continue
            ddx, ddy = xs[i] - xs[j], ys[i] - ys[j]
            d = math.sqrt(ddx * ddx + ddy * ddy)
            if d < 1e-6:
                ddx, ddy, d = 1e-3 * (1 + i - j), 1e-3, 1e-3
            rim = d - radii[i] - radii[j]
            if rim > 1.5 * gap:
                continue
            f = k2 / max(rim, gap * 0.05) / d
            dx[i] += ddx * f
            dy[i] += ddy * f
            dx[j] -= ddx * f
            dy[j] -= ddy * f
        for i, j, strength in links:
            ddx, ddy = xs[i] - xs[j], ys[i] - ys[j]
            d = math.sqrt(ddx * ddx + ddy * ddy)
            rim = d - radii[i] - radii[j]
            if rim <= 0 or d < 1e-6:
                continue
            f = strength * rim * rim / gap / d
            dx[i] -= ddx * f
            dy[i] -= ddy * f
            dx[j] += ddx * f
            dy[j] += ddy * f
        cx = sum(xs) / n
        cy = sum(ys) / n
        for i in range(n):
            if not moves[i]:
                continue
            fx = dx[i] - gravity * (xs[i] - cx)
            fy = dy[i] - gravity * (ys[i] - cy)
            length = math.sqrt(fx * fx + fy * fy)
            if length > 0:
                step = min(length, temperature) / length
                xs[i] += fx * step
                ys[i] += fy * step
        temperature = max(temperature - cooling, gap * 0.1)
    return list(zip(xs, ys, strict=True))


def _near_pairs(xs: list[float], ys: list[float], reach: list[float]) -> Iterable[tuple[int, int]]:
    """Pairs of discs whose reach boxes overlap (each pair once), by a sweep along x: linear in
    the number of discs for the evenly spread layouts here, whatever the discs' sizes."""
    order = sorted(range(len(xs)), key=lambda i: xs[i] - reach[i])
    active: list[int] = []
    for i in order:
        left = xs[i] - reach[i]
        active = [j for j in active if xs[j] + reach[j] >= left]
        yi, ri = ys[i], reach[i]
        for j in active:
            if abs(ys[j] - yi) <= ri + reach[j]:
                yield j, i
        active.append(i)


def _mover_pairs(
    movers: list[int],
    xs: list[float],
    ys: list[float],
    reach: list[float],
    moves: list[bool],
    near: dict[int, list[int]],
) -> Iterable[tuple[int, int]]:
    """Pairs with at least one movable disc whose reach boxes overlap (each pair once).

    `near` caches, per mover, the discs within a wide window of it; it is refreshed by the caller
    now and then, since a mover travels at most a few gaps between refreshes.
    """
    for i in movers:
        xi, yi, ri = xs[i], ys[i], reach[i]
        for j in near[i]:
            if moves[j] and j < i:
                continue
            limit = ri + reach[j]
            if abs(xs[j] - xi) <= limit and abs(ys[j] - yi) <= limit:
                yield i, j


def _window(
    movers: list[int], xs: list[float], ys: list[float], reach: list[float], margin: float
) -> dict[int, list[int]]:
    """For each mover, the other discs whose reach boxes come within `margin` of its own."""
    n = len(xs)
    return {
        i: [j for j in range(n) if j != i and abs(xs[j] - xs[i]) <= reach[i] + reach[j] + margin
            and abs(ys[j] - ys[i]) <= reach[i] + reach[j] + margin]
        for i in movers
    }  # fmt: skip


def _backbone_weights(
    backbone: list[Hashable],
    in_backbone: set[Hashable],
    nodes: Iterable[Hashable],
    adjacency: Mapping[Hashable, set[Hashable]],
) -> dict[tuple[int, int], float]:
    """Spring strength between backbone nodes: direct edges, plus one per fact (non-backbone node)
    attached to both, on a log scale so a pair with 200 shared facts is not 200 times closer."""
    index = {n: i for i, n in enumerate(backbone)}
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for node in backbone:
        for other in adjacency[node]:
            if other in in_backbone and index[node] < index[other]:
                counts[(index[node], index[other])] += 1
    for node in nodes:
        if node in in_backbone:
            continue
        anchors = sorted(index[a] for a in adjacency[node] if a in in_backbone)
        if len(anchors) > 8:  # a fact naming many states says little about any two of them
            continue
        for i, a in enumerate(anchors):
            for b in anchors[i + 1 :]:
                counts[(a, b)] += 1
    return {pair: 1.0 + math.log(count) for pair, count in counts.items()}


def _force_layout(
    nodes: list[Hashable], weights: Mapping[tuple[int, int], float], rng: random.Random
) -> dict[Hashable, Point]:
    """Fruchterman–Reingold with ideal edge length 1, gravity towards the origin, and (above 200
    nodes) repulsion only between nodes in neighbouring grid cells, which keeps it linear."""
    n = len(nodes)
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    spread = math.sqrt(n)
    xs = [rng.uniform(-spread, spread) for _ in range(n)]
    ys = [rng.uniform(-spread, spread) for _ in range(n)]
    edges = sorted((a, b, w) for (a, b), w in weights.items())
    iterations = 250 if n <= 60 else 100 if n <= 200 else 60
    temperature = spread * 0.5
    cooling = temperature / (iterations + 1)
    gravity = 0.08 if n > 1 else 0.0
    use_grid = n > 200
    for _ in range(iterations):
        dx = [0.0] * n
        dy = [0.0] * n
        if use_grid:
            _grid_repulsion(xs, ys, dx, dy, 2.5)
        else:
            for i in range(n):
                xi, yi = xs[i], ys[i]
                for j in range(i + 1, n):
                    ddx, ddy = xi - xs[j], yi - ys[j]
                    d2 = ddx * ddx + ddy * ddy
                    if d2 < 1e-9:
                        ddx, ddy, d2 = 0.01 * (i - j), 0.01, 1e-4 + 1e-4 * (i - j) ** 2
                    ddx /= d2
                    ddy /= d2
                    dx[i] += ddx
                    dy[i] += ddy
                    dx[j] -= ddx
                    dy[j] -= ddy
        for a, b, w in edges:
            ddx, ddy = xs[a] - xs[b], ys[a] - ys[b]
            d = math.sqrt(ddx * ddx + ddy * ddy)
            f = d * w
            dx[a] -= ddx * f
            dy[a] -= ddy * f
            dx[b] += ddx * f
            dy[b] += ddy * f
        for i in range(n):
            fx = dx[i] - gravity * xs[i] * spread ** 0.5
            fy = dy[i] - gravity * ys[i] * spread ** 0.5
            length = math.sqrt(fx * fx + fy * fy)
            if length > 0:
                step = min(length, temperature) / length
                xs[i] += fx * step
                ys[i] += fy * step
        temperature = max(temperature - cooling, 0.01)
    return {node: (xs[i], ys[i]) for i, node in enumerate(nodes)}


def _grid_repulsion(xs: list[float], ys: list[float], dx: list[float], dy: list[float], cutoff: float) -> None:
    cells: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i in range(len(xs)):
        cells[(int(xs[i] // cutoff), int(ys[i] // cutoff))].append(i)
    limit = cutoff * cutoff
    for (cx, cy), members in cells.items():
        near = [j for ox in (-1, 0, 1) for oy in (-1, 0, 1) for j in cells.get((cx + ox, cy + oy), ())]
        for i in members:
            xi, yi = xs[i], ys[i]
            fx = fy = 0.0
            for j in near:
                if j == i:
                    continue
                ddx, ddy = xi - xs[j], yi - ys[j]
                d2 = ddx * ddx + ddy * ddy
                if d2 > limit:
                    continue
                if d2 < 1e-9:
                    ddx, ddy, d2 = 0.01 * (i - j), 0.01, 1e-4
                fx += ddx / d2
                fy += ddy / d2
            dx[i] += fx
            dy[i] += fy


# --- satellites ---------------------------------------------------------------------------------


def _satellite_levels(
    nodes: list[Hashable],
    in_backbone: set[Hashable],
    adjacency: Mapping[Hashable, set[Hashable]],
    skip: Iterable[Hashable] = (),
) -> list[dict[tuple[Hashable, ...], list[Hashable]]]:
    """Breadth-first levels of non-backbone nodes, each grouped by the nodes of earlier levels
    they hang on (their anchors), which decides where they go. `skip` nodes are placed elsewhere:
    the walk neither visits nor crosses them."""
    levels: list[dict[tuple[Hashable, ...], list[Hashable]]] = []
    done = set(in_backbone)
    skipped = set(skip)
    frontier = [n for n in nodes if n not in done and n not in skipped and adjacency[n] & done]
    while frontier:
        groups: dict[tuple[Hashable, ...], list[Hashable]] = defaultdict(list)
        for node in frontier:
            anchors = sorted(adjacency[node] & done, key=str)
            groups[tuple(anchors[:6])].append(node)
        levels.append(dict(groups))
        done.update(frontier)
        frontier = sorted({m for n in frontier for m in adjacency[n] if m not in done and m not in skipped}, key=str)
    return levels


def _place_satellites(
    levels: list[dict[tuple[Hashable, ...], list[Hashable]]],
    positions: dict[Hashable, Point],
    adjacency: Mapping[Hashable, set[Hashable]],
    radius: Mapping[Hashable, float],
) -> None:
    """Deeper satellites (hanging on other satellites): a spiral beside their anchor, on the side
    away from what the anchor hangs on, or between their anchors when they have several."""
    cx = sum(x for x, _ in positions.values()) / len(positions)
    cy = sum(y for _, y in positions.values()) / len(positions)
    for level in levels:
        placed: dict[Hashable, Point] = {}
        for anchors, members in sorted(level.items(), key=lambda item: [str(a) for a in item[0]]):
            points = [positions[a] for a in anchors]
            mx = sum(x for x, _ in points) / len(points)
            my = sum(y for _, y in points) / len(points)
            if len(anchors) == 1:
                ux, uy = _away(anchors[0], positions, adjacency, (cx, cy))
                extent = _group_extent(len(members), max(radius[m] for m in members))
                gap = radius[anchors[0]] + SPACING * 0.3 + extent
                mx, my = mx + ux * gap, my + uy * gap
            _spiral(sorted(members, key=str), (mx, my), placed)
        positions.update(placed)


def _away(
    node: Hashable, positions: Mapping[Hashable, Point], adjacency: Mapping[Hashable, set[Hashable]], centre: Point
) -> Point:
    """A unit vector pointing away from a node's placed neighbours (or from the centre)."""
    x, y = positions[node]
    near = [positions[m] for m in _sorted(adjacency[node]) if m in positions]
    if near:
        ox = sum(p[0] for p in near) / len(near)
        oy = sum(p[1] for p in near) / len(near)
    else:
        ox, oy = centre
    ux, uy = x - ox, y - oy
    norm = math.hypot(ux, uy)
    if norm < 1e-6:
        ux, uy = x - centre[0], y - centre[1]
        norm = math.hypot(ux, uy)
    if norm < 1e-6:
        angle = (sum(map(ord, str(node))) % 360) * math.pi / 180  # stable across runs, unlike hash()
        return math.cos(angle), math.sin(angle)
    return ux / norm, uy / norm


# --- overlaps and packing -----------------------------------------------------------------------


def _separate(positions: dict[Hashable, Point], radius: Mapping[Hashable, float], passes: int = 8) -> None:
    """Pushes apart nodes closer than their radii plus a margin, using a grid to find neighbours."""
    nodes = sorted(positions, key=str)
    xs = [positions[n][0] for n in nodes]
    ys = [positions[n][1] for n in nodes]
    rs = [radius[n] + 10.0 for n in nodes]
    cell = 2 * max(rs)
    for _ in range(passes):
        moved = False
        cells: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i in range(len(nodes)):
            cells[(int(xs[i] // cell), int(ys[i] // cell))].append(i)
        for (gx, gy), members in cells.items():
            others = [j for ox, oy in ((0, 1), (1, -1), (1, 0), (1, 1)) for j in cells.get((gx + ox, gy + oy), ())]
            for k, i in enumerate(members):
                for j in (*members[k + 1 :], *others):
                    ddx, ddy = xs[j] - xs[i], ys[j] - ys[i]
                    need = rs[i] + rs[j]
                    d2 = ddx * ddx + ddy * ddy
                    if d2 >= need * need:
                        continue
                    d = math.sqrt(d2)
                    if d < 1e-6:
                        ddx, ddy, d = 1.0, 0.0, 1.0
                    push = (need - d) / 2
                    ux, uy = ddx / d, ddy / d
                    xs[i] -= ux * push
                    ys[i] -= uy * push
                    xs[j] += ux * push
                    ys[j] += uy * push
                    moved = True
        if not moved:
            break
    for i, node in enumerate(nodes):
        positions[node] = (xs[i], ys[i])


def _pack(components: list[dict[Hashable, Point]], radius: Mapping[Hashable, float]) -> dict[Hashable, Point]:
    """The largest component on top; the others in rows beneath it (shelf packing), as wide as it
    is, so stray actors mentioned in no fact sit out of the way. Centred on the origin."""
    boxes = []
    for pos in components:
        xs = [x for x, _ in pos.values()]
        ys = [y for _, y in pos.values()]
        pad = max(radius[n] for n in pos) + SPACING * 0.4
        boxes.append((min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad))
    row_width = max(boxes[0][2] - boxes[0][0], SPACING * 8) if boxes else 0.0
    result: dict[Hashable, Point] = {}
    x = y = row_height = 0.0
    for number, (pos, (x0, y0, x1, y1)) in enumerate(zip(components, boxes, strict=True)):
        width, height = x1 - x0, y1 - y0
        if number == 1 or (x > 0 and x + width > row_width):
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (px, py) in pos.items():
            result[node] = (px - x0 + x, py - y0 + y)
        x += width
        row_height = max(row_height, height)
    if result:
        mx = (min(p[0] for p in result.values()) + max(p[0] for p in result.values())) / 2
        my = (min(p[1] for p in result.values()) + max(p[1] for p in result.values())) / 2
        result = {n: (round(px - mx, 1), round(py - my, 1)) for n, (px, py) in result.items()}
    return result
