"""Nothing lost: a build killed at any moment leaves the previous graph intact and parseable;
a refused update leaves the graph untouched."""

import os
import signal
import subprocess
import sys
import time

import pyoxigraph as ox
from click.testing import CliRunner

from amity.cli import main

SCRIPT = """
import sys
sys.path.insert(0, {bench!r})
from corpus_generator import generate
from amity.pipeline import build
from pathlib import Path
folder = Path({folder!r})
for doc in generate({sentences}, per_document=30, seed={seed}):
    (folder / (doc.id + ".txt")).write_text(doc.text, encoding="utf-8")
build([folder], {out!r})
"""


def start_build(tmp_path, out, seed, sentences=6000):
    folder = tmp_path / f"texts-{seed}"
    folder.mkdir()
    bench = os.path.join(os.path.dirname(__file__), "..", "benchmarks")
    code = SCRIPT.format(bench=bench, folder=str(folder), sentences=sentences, seed=seed, out=str(out))
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def parses(path) -> int:
    return sum(1 for _ in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))


def test_a_build_killed_at_any_moment_leaves_the_previous_graph(tmp_path):
    out = tmp_path / "graph.ttl"
    assert CliRunner().invoke(main, ["build", "--out", str(out), "-q"]).exit_code == 0
    previous = out.read_bytes()
    for seed, delay in enumerate((0.2, 0.8, 1.5, 2.5, 4.0)):
        proc = start_build(tmp_path, out, seed + 1)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert out.exists()
        if out.read_bytes() != previous:  # the kill came after the rename: a complete new graph
            previous = out.read_bytes()
        assert parses(out) > 0
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".graph.ttl")]
    assert all(name.endswith(".tmp") or ".tmp" in name for name in leftovers)


def test_a_refused_update_changes_nothing(tmp_path):
    out = tmp_path / "graph.ttl"
    assert CliRunner().invoke(main, ["build", "--out", str(out), "-q"]).exit_code == 0
    before = out.read_bytes()
    for update in ("DELETE WHERE { ?s ?p ?o }", "CLEAR DEFAULT", "INSERT DATA { <a:b> <a:c> <a:d> }"):
        result = CliRunner().invoke(main, ["query", update, "-g", str(out)])
        assert result.exit_code != 0
    assert out.read_bytes() == before


def test_a_query_timeout_is_one_line(tmp_path):
    out = tmp_path / "graph.ttl"
    assert CliRunner().invoke(main, ["build", "--out", str(out), "-q"]).exit_code == 0
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    result = CliRunner().invoke(main, ["query", slow, "-g", str(out), "--timeout", "0.5"])
    assert result.exit_code == 1
    assert "0.5 s" in result.stderr and len(result.stderr.strip().splitlines()) == 1
