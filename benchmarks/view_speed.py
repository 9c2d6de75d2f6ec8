"""How fast the network view opens: seconds from opening the page to a still, drawn network.

    .venv/bin/python benchmarks/view_speed.py [--sizes 500,2000,5000] [--repeat 3]

For each size, synthetic documents (one pair of states each, with a visit, an agreement, a goal, a
figure, a topic and a threat, every fact with its evidence sentence) are mapped to RDF, projected
and written as a view without grouping, so the page draws that many nodes. Each page is opened in
headless Debian Chromium (Playwright) from file://; the time is from navigation start to the
page's ready mark (first frame drawn; physics is off, so it is also still). `view s` is the time
`write_view` takes (projection, layout, page). Printed, not asserted.
Needs `pip install playwright` and `apt-get install chromium`.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from amity.extract.model import (
    TOPICS,
    Actor,
    Document,
    DocumentFacts,
    Event,
    Evidence,
    Figure,
    Goal,
    Office,
    Threat,
    Topic,
)
from amity.graph.build import build_store

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
THREATS = ("terrorism", "drug trafficking", "extremism", "cybercrime", "smuggling", "organised crime")
FACTS_PER_DOCUMENT = 4  # event, agreement, goal, figure: the nodes each document adds


def synthetic_documents(nodes: int, *, seed: int = 1) -> Iterator[DocumentFacts]:
    """Documents whose projection has about `nodes` nodes: states, leaders and per-pair facts."""
    rng = random.Random(seed)
    states = max(4, int(nodes**0.5 * 1.5))
    docs = max(1, (nodes - 2 * states - len(TOPICS) - len(THREATS)) // FACTS_PER_DOCUMENT)
    names = [f"State {i:04d}" for i in range(states)]
    leaders = [f"Leader {i:04d}" for i in range(states)]
    for d in range(docs):
        a, b = rng.sample(range(states), 2)
        doc_id = f"synthetic-{d:05d}"
        lines = [
            f"{names[a]} and {names[b]} met.",
            f"{leaders[a]} paid a visit to {names[b]} (meeting {d}).",
            f"They signed agreement number {d}.",
            f"They aim to raise trade to {d + 1} billion dollars.",
            f"Trade reached {d + 0.5} billion dollars, with cooperation in {rng.choice(TOPICS)}.",
            f"Both are concerned about {rng.choice(THREATS)}.",
        ]
        text = "\n".join(lines) + "\n"
        starts = [sum(len(line) + 1 for line in lines[:i]) for i in range(len(lines))]

        def ev(i: int, rule: str, starts: list[int] = starts, lines: list[str] = lines, doc_id: str = doc_id):
            return (Evidence(doc_id, starts[i], starts[i] + len(lines[i]), lines[i], rule),)

        pair = (names[a], names[b])
        yield DocumentFacts(
            document=Document(id=doc_id, text=text, title=lines[0], published="2024"),
            sentence_count=len(lines),
            actors=[
                Actor(names[a], "Country", evidence=ev(0, "mention")),
                Actor(names[b], "Country", evidence=ev(0, "mention")),
                Actor(leaders[a], "Person", evidence=ev(1, "mention")),
            ],
            offices=[Office(leaders[a], f"President of {names[a]}", names[a], evidence=ev(1, "office"))],
            events=[
                Event("Visit", f"Visit {d}", "2024", None, (leaders[a], names[b]), ev(1, "event.visit")),
                Event("Agreement", f"Agreement {d}", "2024", None, pair, ev(2, "event.agreement")),
            ],
            goals=[Goal(lines[3], "trade turnover", (d + 1) * 1e9, "USD", "2030", pair, ev(3, "goal"))],
            figures=[Figure(lines[4], "trade turnover", (d + 0.5) * 1e9, "USD", False, "2023", pair, ev(4, "figure"))],
            topics=[Topic(lines[4].rsplit(" ", 1)[-1].rstrip("."), ev(4, "topic"))],
            threats=[Threat(lines[5].split("about ", 1)[1].rstrip("."), evidence=ev(5, "threat"))],
        )


def open_seconds(page, html: Path) -> float:  # noqa: ANN001 - a Playwright page
    """Seconds from navigation to the page's ready mark (first frame of the final drawing)."""
    started = time.perf_counter()
    page.goto(html.resolve().as_uri(), wait_until="commit")
    page.wait_for_selector("body[data-ready='true']", state="attached", timeout=120_000)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    from playwright.sync_api import sync_playwright

    from amity.graph.view import write_view

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,2000,5000", help="node counts, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="page opens per size (median reported)")
    parser.add_argument("--group-above", type=int, default=None, metavar="N",
                        help="group facts per pair above N nodes, as `amity view` does by default (1500)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    header = ("target", "nodes", "edges", "build s", "view s", "HTML MB", "open s (median)")
    print(" ".join(f"{name:>{width}}" for name, width in zip(header, (7, 7, 7, 8, 7, 8, 16), strict=True)) + "  runs")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for size in sizes:
                started = time.perf_counter()
                store = build_store(synthetic_documents(size))
                built = time.perf_counter() - started
                html = Path(tmp) / f"view-{size}.html"
                stats = write_view(store, html, group_above=args.group_above)
                runs = []
                for _ in range(args.repeat):
                    page = browser.new_page(viewport={"width": 1400, "height": 900})
                    runs.append(open_seconds(page, html))
                    drawn = int(page.evaluate("() => window.amityNetwork.body.nodeIndices.length"))
                    page.close()
                    if drawn != stats.nodes:
                        raise SystemExit(f"drew {drawn} nodes of {stats.nodes}")
                print(
                    f"{size:>7} {stats.nodes:>7} {stats.edges:>7} {built:>8.2f} {stats.seconds:>7.2f} "
                    f"{stats.bytes / 1e6:>8.2f} {statistics.median(runs):>16.2f}  "
                    + " ".join(f"{r:.2f}" for r in runs)
                )
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
