"""Extractor snapshots (extract.snapshot): a loaded extractor stored in the cache folder and taken
back by the next process must extract exactly what a freshly built one does, with the same
compiled scans (not their plain originals), and must never be used once anything it was built
from changes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from extract_fixtures import extractor

from amity.extract.engine import Extractor
from amity.extract.model import Document
from amity.extract.regex_code import code_args
from amity.extract.snapshot import fingerprint, snapshot_path

ROOT = Path(__file__).resolve().parent.parent
TEXTS = sorted((ROOT / "tests" / "corpus").rglob("*.txt"))[:12]

RULE = ("rules:\n  - id: test.snapshot.pilgrims\n    kind: topic\n    topic: tourism\n    pattern: pilgrims\n"
        "    examples:\n      match: ['Pilgrims travel to Turkistan.']\n")


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("AMITY_CACHE_DIR", str(folder))
    monkeypatch.delenv("AMITY_NO_CACHE", raising=False)
    return folder


def _load_in_new_process(cache: Path, *args: str) -> str:
    """Loads in a fresh interpreter, as a build's worker does; returns what it printed."""
    code = ("import sys; from amity.extract.engine import Extractor; "
            "Extractor.load(sys.argv[1:]); print('loaded')")
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True,
                          env={"AMITY_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin"})
    return done.stdout


def test_a_snapshot_extracts_what_a_fresh_extractor_extracts(cache):
    assert _load_in_new_process(cache) == "loaded\n"
    path = snapshot_path()
    assert path is not None and path.is_file(), "the first load leaves a snapshot"
    loaded = Extractor.load()
    fresh = extractor()
    for text in TEXTS:
        doc = Document(id=text.stem, text=text.read_text(encoding="utf-8"), title=text.stem, published="2024-05-01")
        assert repr(loaded.extract(doc)) == repr(fresh.extract(doc)), text.name


def test_scans_come_back_as_the_code_that_was_stored_not_recompiled_from_text(cache):
    _load_in_new_process(cache)
    loaded = Extractor.load()
    fresh = extractor()
    rewritten = 0
    for mine, theirs in zip(loaded.ruleset.rules, fresh.ruleset.rules, strict=True):
        assert code_args(mine.scan.twin) == code_args(theirs.scan.twin), mine.id
        assert code_args(mine.scan.regex) == code_args(theirs.scan.regex), mine.id
        from_text = re.compile(theirs.scan.twin.pattern, theirs.scan.twin.flags)
        rewritten += code_args(from_text) != code_args(theirs.scan.twin)
    assert rewritten > 50, "most rules scan with a rewritten twin, which compiling its text would lose"


def test_a_changed_rule_folder_is_a_new_snapshot(cache, tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "mine.yaml").write_text(RULE, encoding="utf-8")
    first = snapshot_path([rules])
    assert first is not None and first != snapshot_path()
    _load_in_new_process(cache, str(rules))
    assert first.is_file()
    (rules / "mine.yaml").write_text(RULE.replace("pattern: pilgrims", "pattern: pilgrimages"), encoding="utf-8")
    second = snapshot_path([rules])
    assert second != first
    loaded = Extractor.load([rules])
    assert "pilgrimages" in next(r for r in loaded.ruleset.rules if r.id == "test.snapshot.pilgrims").pattern


def test_a_moved_rule_folder_is_a_new_snapshot_but_the_same_build_fingerprint(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    for folder in (one, two):
        folder.mkdir()
        (folder / "mine.yaml").write_text(RULE, encoding="utf-8")
    assert fingerprint([one]) != fingerprint([two]), "rules name their files in messages"
    assert fingerprint([one], paths=False) == fingerprint([two], paths=False)


def test_a_damaged_snapshot_is_made_again(cache):
    path = snapshot_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a pickle")
    loaded = Extractor.load()
    assert loaded.ruleset.rules
    assert path.read_bytes() != b"not a pickle" and path.stat().st_size > 100_000


def test_no_snapshot_without_a_cache_folder_or_for_a_missing_folder(cache, monkeypatch, tmp_path):
    assert snapshot_path([tmp_path / "absent"]) is None, "loading reports the missing folder itself"
    monkeypatch.setenv("AMITY_NO_CACHE", "1")
    assert snapshot_path() is None
