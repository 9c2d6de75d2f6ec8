"""The embedded sample corpus: every document is well formed and has a valid sidecar."""

from __future__ import annotations

import json
import re
from datetime import date
from importlib.resources import files
from importlib.resources.abc import Traversable

import pytest

GENRES = {"news", "interview", "joint-statement", "press-release", "overview"}
META_KEYS = {"id", "title", "published", "source_url", "genre", "pair"}
PUBLISHED = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _sample() -> Traversable:
    return files("amity") / "sample"


def _texts() -> list[Traversable]:
    return sorted((p for p in _sample().iterdir() if p.name.endswith(".txt")), key=lambda p: p.name)


def _stem(doc: Traversable) -> str:
    return doc.name.removesuffix(".txt")


def _meta(doc: Traversable) -> dict:
    return json.loads((_sample() / f"{_stem(doc)}.meta.json").read_text(encoding="utf-8"))


def _valid_published(value: str) -> bool:
    m = PUBLISHED.match(value)
    if not m:
        return False
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return False
    return True


def test_sample_has_enough_documents() -> None:
    assert len(_texts()) >= 8


@pytest.mark.parametrize("doc", _texts(), ids=_stem)
def test_document_is_utf8_with_a_title(doc: Traversable) -> None:
    text = doc.read_bytes().decode("utf-8")
    lines = text.splitlines()
    assert lines and lines[0].strip(), "first line must be the title"
    assert len(lines) > 1 and any(line.strip() for line in lines[1:]), "document has no body"
    assert 150 <= len(text.split()) <= 450, "sample documents are short: 150-450 words"


@pytest.mark.parametrize("doc", _texts(), ids=_stem)
def test_document_has_a_valid_sidecar(doc: Traversable) -> None:
    sidecar = _sample() / f"{_stem(doc)}.meta.json"
    assert sidecar.is_file(), f"missing {sidecar.name}"
    meta = _meta(doc)
    assert set(meta) >= META_KEYS
    assert meta["id"] == _stem(doc)
    assert isinstance(meta["title"], str) and meta["title"].strip()
    assert meta["title"] == doc.read_text(encoding="utf-8").splitlines()[0].strip()
    assert isinstance(meta["published"], str) and _valid_published(meta["published"]), meta["published"]
    assert meta["source_url"] is None or isinstance(meta["source_url"], str)
    assert meta["genre"] in GENRES
    pair = meta["pair"]
    assert isinstance(pair, list) and len(pair) == 2
    assert all(isinstance(s, str) and s.strip() for s in pair) and pair[0] != pair[1]


def test_sidecars_have_documents() -> None:
    stems = {_stem(d) for d in _texts()}
    sidecars = {
        p.name.removesuffix(".meta.json") for p in _sample().iterdir() if p.name.endswith(".meta.json")
    }
    assert sidecars == stems


def test_sample_covers_several_pairs_and_genres() -> None:
    metas = [_meta(d) for d in _texts()]
    assert len({frozenset(m["pair"]) for m in metas}) >= 4
    assert {m["genre"] for m in metas} >= {"news", "interview", "joint-statement", "press-release"}


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("2023", True),
        ("2023-09", True),
        ("2023-09-30", True),
        ("2023-13", False),
        ("2023-02-30", False),
        ("23-09-30", False),
        ("2023/09/30", False),
    ],
)
def test_published_check(value: str, ok: bool) -> None:
    assert _valid_published(value) is ok
