"""A real SPARQL endpoint: an Oxigraph server on a free local port, built into and queried over HTTP.

The `oxigraph` command comes with `pip install oxigraph` (the test extra). Without it the tests are
skipped with the reason, except under CI=true, where they fail: CI must run them.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from amity.cli import main
from amity.graph.endpoint import EndpointError, SparqlEndpoint

SAMPLE = Path(__file__).resolve().parents[1] / "amity" / "sample"
DOCS = ["kz-uz-state-visit-2022", "uz-kg-state-visit-2023", "tm-az-foreign-ministers-2023",
        "kg-tj-joint-statement-2025"]
CONTRACT = ("actors", "events", "goals", "figures", "topics", "threats")


def oxigraph_binary() -> str | None:
    beside_python = Path(sys.executable).parent / "oxigraph"
    return str(beside_python) if beside_python.is_file() else shutil.which("oxigraph")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The query URL of an Oxigraph server of its own, stopped (by its PID) at the end."""
    binary = oxigraph_binary()
    if binary is None:
        reason = "the oxigraph server is not installed (pip install oxigraph, or .[test])"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    folder = tmp_path_factory.mktemp("oxigraph")
    port = free_port()
    log = (folder / "server.log").open("wb")
    process = subprocess.Popen([binary, "serve", "--location", str(folder / "data"), "--bind", f"127.0.0.1:{port}"],
                               stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}/query"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                ask = urllib.request.Request(f"{url}?query=ASK%7B%7D",
                                             headers={"Accept": "application/sparql-results+json"})
                with urllib.request.urlopen(ask, timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"oxigraph serve did not start: {(folder / 'server.log').read_text(errors='replace')}")
                time.sleep(0.1)
        yield url
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()


def corpus(folder: Path) -> Path:
    folder.mkdir()
    for name in DOCS:
        for suffix in (".txt", ".meta.json"):
            shutil.copy(SAMPLE / f"{name}{suffix}", folder / f"{name}{suffix}")
    return folder


def amity(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.stderr
    return result


def contract(graph: str) -> dict[str, str]:
    return {name: amity("query", name, "--graph", graph, "--format", "csv").stdout for name in CONTRACT}


def test_build_query_rebuild_and_prune_on_a_server(server, tmp_path):
    texts = corpus(tmp_path / "texts")
    first = amity("build", str(texts), "--out", server)
    assert "documents: 4 built, 0 skipped" in first.stderr
    file_graph = str(tmp_path / "g.ttl")
    amity("build", str(texts), "--out", file_graph, "-q")
    assert contract(server) == contract(file_graph)

    again = amity("build", str(texts), "--out", server)
    assert "documents: 0 built, 0 skipped, 4 unchanged" in again.stderr

    changed = texts / f"{DOCS[1]}.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Bishkek", "Osh"), encoding="utf-8")
    for suffix in (".txt", ".meta.json"):
        (texts / f"{DOCS[3]}{suffix}").unlink()
    third = amity("build", str(texts), "--out", server, "--prune")
    assert "documents: 1 built, 0 skipped, 2 unchanged, 1 removed" in third.stderr
    fresh = str(tmp_path / "fresh.ttl")
    fresh_build = amity("build", str(texts), "--out", fresh)
    assert contract(server) == contract(fresh)
    triples = [line for line in fresh_build.stderr.splitlines() if line.startswith("triples:")]
    assert triples and triples[0] in third.stderr  # the server's union holds nothing stale

    endpoint = SparqlEndpoint(server)
    graphs = endpoint.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert len(list(graphs)) == 3


def test_construct_and_ask_over_http(server):
    endpoint = SparqlEndpoint(server)
    assert bool(endpoint.query("ASK { }"))
    assert isinstance(endpoint.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 2"), list)
    result = amity("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--graph", server, "--format", "csv")
    assert result.stdout.splitlines()[0] == "n"


def test_a_server_error_is_one_line(server):
    endpoint = SparqlEndpoint(server)
    with pytest.raises(EndpointError, match="HTTP 400") as caught:
        endpoint.query("SELECT nonsense")
    assert "\n" not in str(caught.value)
    bad = CliRunner().invoke(main, ["build", "--out", server.replace("/query", "/nowhere"), "-q"])
    assert bad.exit_code == 1 and bad.stderr.startswith("amity: ") and len(bad.stderr.strip().splitlines()) == 1
