"""Regenerates docs/network.png: the network view of the embedded sample corpus, as a browser shows it.

    .venv/bin/python scripts/screenshot.py [--out docs/network.png] [--html network.html]

Builds the sample corpus graph (the same extractor `amity build` uses), writes the view, opens it
in headless Debian Chromium through Playwright at 1400x900 and saves a PNG once the network is
drawn: the whole network with its legend (`--select '*'` also opens a goal's facts and evidence
in the details panel, which narrows the canvas). Needs `pip install playwright` and
`apt-get install chromium` (never `playwright install`: no browser is downloaded).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from importlib.resources import files
from pathlib import Path

from amity.extract.documents import read_document
from amity.extract.engine import Extractor
from amity.graph.build import write_graph
from amity.graph.view import write_view

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
VIEWPORT = {"width": 1400, "height": 900}


def build_sample_graph(path: Path) -> None:
    """The graph of the embedded sample corpus, written to `path`."""
    extractor = Extractor()
    texts = sorted((p for p in (files("amity") / "sample").iterdir() if p.name.endswith(".txt")), key=lambda p: p.name)
    write_graph((extractor.extract(read_document(str(p))) for p in texts), path)


def screenshot(html: Path, png: Path, *, select: str | None = None) -> None:
    """Opens `html` in headless Chromium and saves what it shows to `png`.

    `select` names a node to click, so that its facts and evidence are open in the details panel
    (by its label; "*" for the quantified goal with the shortest label; None for no node).
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport=VIEWPORT, device_scale_factor=1)
            page.goto(html.resolve().as_uri())
            page.wait_for_selector("body[data-ready='true']", state="attached", timeout=30_000)
            if select:
                point = page.evaluate(_POINT_OF, select)
                if point is None:
                    raise SystemExit(f"no node labelled {select!r} to select")
                page.mouse.click(point["x"], point["y"])
                page.wait_for_selector("#details:not([hidden])", timeout=5_000)
                page.evaluate("() => window.amity.fit()")  # the canvas narrowed: fit it again
            page.wait_for_timeout(300)
            png.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(png))
        finally:
            browser.close()


# Where on the page a node is (by label, or "*": the quantified goal with the shortest label).
_POINT_OF = """(label) => {
    const net = window.amityNetwork, data = window.amity.data;
    const kinds = data.kinds.map((k) => k[0]);
    const quantified = (n) => kinds[n.k] === "goal" && (n.d || []).some((d) => d[0] === "target");
    let id = -1;
    if (label === "*") {
        const goals = data.nodes.map((n, i) => [n, i]).filter(([n]) => quantified(n));
        goals.sort((a, b) => a[0].l.length - b[0].l.length || a[1] - b[1]);
        if (goals.length) id = goals[0][1];
    } else {
        id = data.nodes.findIndex((n) => n.l === label);
    }
    if (id < 0) return null;
    const p = net.canvasToDOM(net.getPosition(id));
    const box = document.getElementById("network").getBoundingClientRect();
    return {x: box.left + p.x, y: box.top + p.y};
}"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "network.png", help="the PNG to write")
    parser.add_argument("--html", type=Path, help="also keep the view's HTML here")
    parser.add_argument("--select", default="",
                        help="label of a node to open in the details panel ('*': a quantified goal; default: none)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        graph = Path(tmp) / "sample.ttl"
        build_sample_graph(graph)
        html = args.html or Path(tmp) / "network.html"
        stats = write_view(graph, html)
        screenshot(html, args.out, select=args.select or None)
    print(f"{args.out}: view of {stats.nodes} nodes, {stats.edges} edges from {stats.documents} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
