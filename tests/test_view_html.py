"""The network page as a file: self-contained, nothing to fetch, and document text kept inert.

These read the HTML without a browser (test_view_browser.py runs it). They check the contract
that makes the page safe: the only place data appears is one JSON block in which `<`, `>`, `&`,
U+2028 and U+2029 are escaped, the only scripts are vis-network and the view's own (allowed by
hash in the Content-Security-Policy), and no element refers to anything outside the file.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_view_projection import HOSTILE, HOSTILE_LABEL, hostile_corpus, small_corpus

from amity.graph.build import build_store
from amity.graph.view import write_view
from amity.graph.view.html import AssetError, _checked_script, vis_assets
from amity.graph.view.payload import script_json
from amity.graph.view.projection import project


class _Page(HTMLParser):
    """Collects the page's elements, their attributes, and the text of each <script>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._in_script: dict[str, str | None] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._in_script, self._text = dict(attrs), []

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_script is not None:
            self.scripts.append((self._in_script, "".join(self._text)))
            self._in_script = None


def _write(tmp_path: Path, docs) -> str:
    out = tmp_path / "network.html"
    write_view(build_store(docs), out)
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory) -> str:
    return _write(tmp_path_factory.mktemp("html"), hostile_corpus())


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def test_the_page_is_self_contained(hostile_page: str) -> None:
    parsed = _parse(hostile_page)
    tags = [tag for tag, _ in parsed.tags]
    assert "link" not in tags and "iframe" not in tags and "img" not in tags and "object" not in tags
    for tag, attrs in parsed.tags:
        assert "src" not in attrs and "href" not in attrs, (tag, attrs)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", hostile_page, re.IGNORECASE)
    assert "{{" not in hostile_page.split('<script type="application/json"', 1)[0]  # every placeholder filled


def test_only_the_json_block_and_the_two_own_scripts_exist(hostile_page: str) -> None:
    scripts = _parse(hostile_page).scripts
    assert [attrs.get("type") for attrs, _ in scripts] == ["application/json", None, None]
    vis_js, _ = vis_assets()
    assert scripts[1][1] == vis_js
    assert "amity network view" in scripts[2][1]


def test_the_csp_forbids_requests_and_allows_only_the_own_scripts(hostile_page: str) -> None:
    parsed = _parse(hostile_page)
    csp = next(a["content"] for t, a in parsed.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";"))
    assert directives["default-src"] == "'none'"
    assert "unsafe-inline" not in directives["script-src"] and "unsafe-eval" not in directives["script-src"]
    hashes = {
        "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"
        for attrs, text in parsed.scripts
        if attrs.get("type") is None
    }
    assert set(directives["script-src"].split()) == hashes
    assert "connect-src" not in directives  # falls back to default-src 'none'


def test_hostile_text_never_appears_as_markup(hostile_page: str) -> None:
    for needle in ("<img src=x", "<svg onload", "<b>an</b>", "<!-- -->", "\u2028", "\u2029"):
        assert needle not in hostile_page, needle
    assert "<script>window" not in hostile_page
    assert hostile_page.lower().count("</script") == 3  # the three script elements' own end tags


def test_the_data_round_trips_exactly(hostile_page: str) -> None:
    data_text = _parse(hostile_page).scripts[0][1]
    assert not set(data_text) & {"<", ">", "&", "\u2028", "\u2029"}
    data = json.loads(data_text)
    sentences = {row[4] for row in data["evidence"]}
    assert set(HOSTILE) <= sentences
    assert HOSTILE_LABEL in {node["l"] for node in data["nodes"]}
    assert len(data["nodes"]) == project(build_store(hostile_corpus())).number_of_nodes()


def test_script_json_escapes_what_could_end_the_script() -> None:
    value = {"a</script><!--": "x\u2028y\u2029 & <b>"}
    text = script_json(value)
    assert json.loads(text) == value
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}


def test_unsafe_assets_are_refused() -> None:
    with pytest.raises(AssetError, match="cannot be inlined"):
        _checked_script("evil.js", "var a = '</SCRIPT>';")
    _checked_script("fine.js", "var a = 1 < 2;")


def test_a_view_of_a_clean_corpus_is_small_and_names_its_documents(tmp_path: Path) -> None:
    page = _write(tmp_path, small_corpus())
    data = json.loads(_parse(page).scripts[0][1])
    assert [doc[0] for doc in data["docs"]] == ["kz-kg", "kz-uz"]
    assert data["docs"][1][1:] == ["Kazakhstan and Uzbekistan", "2019-04-14"]
    assert len(page.encode()) < 1_000_000  # vis-network is most of it
