"""The page: one self-contained HTML file with vis-network, the view's script and style inline.

Nothing is fetched when the page opens (it works from file:// with no network): vis-network's
standalone build and stylesheet are read from the installed pyvis package and inlined, and the
page's Content-Security-Policy forbids every request and allows only the page's own two scripts,
by hash. So even if some document text were ever misplaced into markup, an injected `<script>` or
`onerror=` handler could not run, and nothing could be loaded.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import re
from importlib import resources
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from amity.graph.view.payload import script_json

VIS_VERSION = "9.1.2"
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
_UNSAFE_IN_SCRIPT = re.compile(r"</script|<!--", re.IGNORECASE)


class AssetError(RuntimeError):
    """A packaged asset (template, vis-network) is missing or cannot be inlined safely."""


@functools.cache
def _asset(package: str, *parts: str) -> str:
    resource = resources.files(package).joinpath(*parts)
    try:
        return resource.read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as error:
        raise AssetError(f"{package}/{'/'.join(parts)}: cannot read: {error}") from error


def vis_assets() -> tuple[str, str]:
    """vis-network's standalone script and stylesheet, as shipped inside the pyvis package."""
    return (
        _asset("pyvis", "lib", f"vis-{VIS_VERSION}", "vis-network.min.js"),
        _asset("pyvis", "lib", f"vis-{VIS_VERSION}", "vis-network.css"),
    )


def _script_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def _checked_script(name: str, text: str) -> str:
    if _UNSAFE_IN_SCRIPT.search(text):
        raise AssetError(f"{name} contains '</script' or '<!--' and cannot be inlined")
    return text


def _amity_version() -> str:
    try:
        return version("amity")
    except PackageNotFoundError:
        return ""


def render_page(payload: dict[str, Any], *, title: str) -> str:
    """The whole HTML page for a payload (see payload.build_payload)."""
    vis_js, vis_css = vis_assets()
    view_js = _asset(__package__, "view.js")
    view_css = _asset(__package__, "view.css")
    scripts = [_checked_script("vis-network.min.js", vis_js), _checked_script("view.js", view_js)]
    for name, css in (("vis-network.css", vis_css), ("view.css", view_css)):
        if "</style" in css.lower():
            raise AssetError(f"{name} contains '</style' and cannot be inlined")
    csp = "; ".join(
        (
            "default-src 'none'",
            "script-src " + " ".join(_script_hash(s) for s in scripts),
            "style-src 'unsafe-inline'",
            "img-src data:",
            "font-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        )
    )
    values = {
        "csp": csp,
        "version": html.escape(_amity_version()),
        "title": html.escape(title),
        "vis_css": vis_css,
        "view_css": view_css,
        "data": script_json(payload),
        "vis_js": scripts[0],
        "view_js": scripts[1],
    }
    template = _asset(__package__, "template.html")
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], template)
