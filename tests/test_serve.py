"""`amity serve`: a real SPARQL 1.1 Protocol endpoint on a free port, read-only, with a safe page."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from amity.extract.model import Actor, Document, DocumentFacts, Event, Evidence
from amity.graph.build import GraphBuilder
from amity.serve import SparqlServer, is_loopback, make_server, negotiate

HOSTILE = '<script>alert("x")</script> & "quotes"'
COUNTRIES = "SELECT ?name WHERE { ?c a amity:Country ; rdfs:label ?name } ORDER BY ?name"


def _store() -> ox.Store:
    from conftest import build_document

    text = "hello world\n"
    ev = (Evidence("h", 0, 5, "hello", "r"),)
    hostile = DocumentFacts(Document("h", text, "t"), actors=[Actor("Kazakhstan", "Country", evidence=ev)],
                            events=[Event("Meeting", HOSTILE, "2020", None, ("Kazakhstan",), ev)])
    builder = GraphBuilder(strict=True)
    builder.add_all([build_document("kz-uz-1"), build_document("kz-uz-2", wording=2), hostile])
    return builder.store()


def _start(server: SparqlServer) -> Iterator[SparqlServer]:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return _store()


@pytest.fixture(scope="module")
def server(store) -> Iterator[SparqlServer]:
    yield from _start(make_server(store, "127.0.0.1", 0, quiet=True))


def request(server: SparqlServer, path: str = "/sparql", *, query: str | None = None, data: bytes | None = None,
            headers: dict[str, str] | None = None, method: str | None = None) -> tuple[int, str, str]:
    """(status, content type, body) of one request; error statuses are returned, not raised."""
    url = server.url[: -len("/sparql")] + path
    if query is not None:
        url += "?" + urllib.parse.urlencode({"query": query})
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=10) as response:
            return response.status, response.headers["Content-Type"], response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read().decode("utf-8")


def test_get_answers_sparql_json_by_default(server):
    status, media, body = request(server, query=COUNTRIES)
    assert status == 200 and media.startswith("application/sparql-results+json")
    bindings = json.loads(body)["results"]["bindings"]
    assert [b["name"]["value"] for b in bindings] == ["Kazakhstan", "Uzbekistan"]


@pytest.mark.parametrize("accept,media", [
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
    ("application/foo, */*;q=0.1", "application/sparql-results+json"),
])
def test_results_follow_the_accept_header(server, accept, media):
    status, got, body = request(server, query=COUNTRIES, headers={"Accept": accept})
    assert status == 200 and got.split(";")[0] == media
    if media == "text/csv":
        assert list(csv.reader(io.StringIO(body))) == [["name"], ["Kazakhstan"], ["Uzbekistan"]]
    elif media == "text/tab-separated-values":
        assert body.splitlines() == ["?name", '"Kazakhstan"', '"Uzbekistan"']
    elif media.endswith("xml"):
        ns = {"r": "http://www.w3.org/2005/sparql-results#"}
        names = [e.text for e in ET.fromstring(body).findall(".//r:literal", ns)]
        assert names == ["Kazakhstan", "Uzbekistan"]


def test_post_form_and_post_query_body(server):
    form = urllib.parse.urlencode({"query": COUNTRIES}).encode()
    status, _, body = request(server, data=form, headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 2
    status, _, body = request(server, data=COUNTRIES.encode(), headers={"Content-Type": "application/sparql-query",
                                                                        "Accept": "text/csv"})
    assert status == 200 and body.splitlines()[1:] == ["Kazakhstan", "Uzbekistan"]


def test_ask_and_construct(server):
    status, _, body = request(server, query="ASK { ?e a amity:Visit }")
    assert status == 200 and json.loads(body)["boolean"] is True
    construct = "CONSTRUCT { ?c rdfs:label ?n } WHERE { ?c a amity:Country ; rdfs:label ?n }"
    status, media, body = request(server, query=construct, headers={"Accept": "text/turtle"})
    assert status == 200 and media.startswith("text/turtle")
    parsed = {str(t.object) for t in ox.parse(body.encode(), format=ox.RdfFormat.TURTLE)}
    assert parsed == {'"Kazakhstan"', '"Uzbekistan"'}


def test_named_graphs_are_there_and_selectable(server):
    query = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert json.loads(request(server, query=query)[2])["results"]["bindings"][0]["n"]["value"] == "3"
    graph = "https://w3id.org/amity/id/graph/h"
    url = "/sparql?" + urllib.parse.urlencode({"query": "SELECT ?e WHERE { ?e a amity:Event }",
                                               "default-graph-uri": graph})
    bindings = json.loads(request(server, url)[2])["results"]["bindings"]
    assert len(bindings) == 1


@pytest.mark.parametrize("how", ["update-body", "update-form", "update-as-query", "update-get"])
def test_updates_are_refused_and_change_nothing(server, store, how):
    before = len(store)
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    if how == "update-body":
        result = request(server, data=update.encode(), headers={"Content-Type": "application/sparql-update"})
    elif how == "update-form":
        result = request(server, data=urllib.parse.urlencode({"update": update}).encode(),
                         headers={"Content-Type": "application/x-www-form-urlencoded"})
    elif how == "update-as-query":
        result = request(server, query="DELETE WHERE { ?s ?p ?o }")
    else:
        result = request(server, "/sparql?" + urllib.parse.urlencode({"update": update}))
    status, _, body = result
    assert status == 403 and "read-only" in body
    assert len(store) == before


@pytest.mark.parametrize("kwargs,status,words", [
    ({"query": "SELECT ?x WHERE { ?x"}, 400, "SPARQL syntax error"),
    ({"query": "ASK {}", "headers": {"Accept": "image/png"}}, 406, "available"),
    ({"method": "PUT", "data": b"x"}, 405, "read-only"),
    ({"method": "DELETE"}, 405, "read-only"),
    ({"data": b"x", "headers": {"Content-Type": "text/plain"}}, 415, "application/sparql-query"),
    ({}, 400, "give a SPARQL query"),
])
def test_bad_requests_get_a_status_and_one_line(server, kwargs, status, words):
    got, media, body = request(server, **kwargs)
    assert got == status and media.startswith("text/plain")
    assert words in body and body.count("\n") == 1


def test_unknown_paths_and_oversized_bodies(server):
    assert request(server, "/nothing")[0] == 404
    big = b"x" * (server.max_body + 1)
    assert request(server, data=big, headers={"Content-Type": "application/sparql-query"})[0] == 413


def test_a_foreign_host_header_is_refused_on_loopback(server):
    status, _, body = request(server, query="ASK {}", headers={"Host": "attacker.example"})
    assert status == 403 and "Host" in body
    assert request(server, query="ASK {}", headers={"Host": f"localhost:{server.server_address[1]}"})[0] == 200


def test_the_page_lists_the_named_queries_and_escapes(server):
    status, media, page = request(server, "/?name=" + urllib.parse.quote('<script>"'))
    assert status == 200 and media.startswith("text/html")
    for name in ("goal-progress", "timeline", "evidence", "conflicts", "offices", "actors"):
        assert f'href="/?name={name}"' in page
    assert "<script" not in page
    status, _, page = request(server, "/?name=timeline")
    assert "Timeline of a pair of states" in page and "&lt;https://w3id.org/amity/ontology#&gt;" in page


def test_html_results_escape_every_cell(server, store):
    query = "SELECT ?label WHERE { ?e a amity:Meeting ; rdfs:label ?label }"
    status, media, page = request(server, query=query, headers={"Accept": "text/html"})
    assert status == 200 and media.startswith("text/html")
    assert "<script>" not in page and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;" in page
    status, _, _ = request(server, "/sparql?" + urllib.parse.urlencode({"query": query, "format": "html"}))
    assert status == 200


def test_pages_forbid_scripts(server):
    url = server.url[: -len("/sparql")] + "/"
    with urllib.request.urlopen(url, timeout=10) as response:
        assert "default-src 'none'" in response.headers["Content-Security-Policy"]
        assert response.headers["X-Content-Type-Options"] == "nosniff"


class SlowStore:
    """A store whose queries containing SLOW take `delay` seconds, to test the time limit."""

    def __init__(self, store: ox.Store, delay: float) -> None:
        self.store, self.delay = store, delay
        self.started = threading.Event()

    def query(self, text: str, **kwargs):
        if "SLOW" in text:
            self.started.set()
            time.sleep(self.delay)
        return self.store.query(text, **kwargs)

    def quads_for_pattern(self, *args):
        return self.store.quads_for_pattern(*args)


def test_a_query_over_the_time_limit_gets_503_and_others_wait_their_turn(store):
    slow = SlowStore(store, delay=1.0)
    for server in _start(SparqlServer(("127.0.0.1", 0), slow, timeout=0.2, max_running=1, quiet=True)):
        started = time.monotonic()
        status, _, body = request(server, query="ASK { # SLOW\n }")
        assert status == 503 and "did not finish within 0.2 s" in body
        assert time.monotonic() - started < 0.9
        # the abandoned query still holds the only slot
        status, _, body = request(server, query="ASK {}")
        assert status == 503 and "busy" in body
        time.sleep(1.0)
        assert request(server, query="ASK {}")[0] == 200


def test_negotiation_and_loopback_helpers():
    offered = {"application/sparql-results+json": 1, "text/csv": 2}
    assert negotiate(None, offered) == "application/sparql-results+json"
    assert negotiate("text/*", offered) == "text/csv"
    assert negotiate("text/csv;q=0", offered) is None
    assert negotiate("image/png", offered) is None
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")


def test_the_command_serves_until_sigterm(tmp_path):
    """`amity serve` in its own process: prints its URL, answers, stops cleanly on SIGTERM."""
    from conftest import build_document

    graph = tmp_path / "graph.ttl"
    builder = GraphBuilder(strict=True)
    builder.add_all([build_document("kz-uz-1")])
    builder.write(graph)
    # the installed console script, run outside the checkout (whose amity/ folder would shadow the package)
    amity = Path(sys.executable).with_name("amity")
    proc = subprocess.Popen([str(amity), "serve", "-g", str(graph), "--port", "0", "-q"], cwd=tmp_path,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        line = proc.stderr.readline()
        match = re.search(r"at (http://127\.0\.0\.1:\d+/sparql)", line)
        assert match, line
        url = match.group(1) + "?" + urllib.parse.urlencode({"query": COUNTRIES})
        with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "text/csv"}), timeout=10) as r:
            assert r.read().decode().splitlines() == ["name", "Kazakhstan", "Uzbekistan"]
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stderr.close()


def test_the_command_refuses_a_missing_graph(tmp_path):
    from click.testing import CliRunner

    from amity.cli import main

    result = CliRunner().invoke(main, ["serve", "-g", str(tmp_path / "nope.ttl")])
    assert result.exit_code == 1 and result.stderr.startswith("amity: ") and result.stderr.count("\n") == 1


def test_amity_reads_its_own_endpoint(server, store, tmp_path):
    """The named queries, explain and the table and network exports work over the endpoint."""
    from amity.explain import explain
    from amity.exports import export_graph
    from amity.graph.errors import GraphFileError
    from amity.queries.runner import run_query

    for name in ("events", "goal-progress", "timeline"):
        assert run_query(server.url, name, "csv") == run_query(store, name, "csv"), name
    assert explain(server.url, "Tokayev").nodes == explain(store, "Tokayev").nodes
    remote, local = tmp_path / "remote.zip", tmp_path / "local.zip"
    export_graph(server.url, "csv", remote)
    from amity.graph.export_tables import write_tables

    write_tables(store, local)
    assert remote.read_bytes() == local.read_bytes()
    with pytest.raises(GraphFileError, match="SPARQL endpoint"):
        export_graph(server.url, "ttl", tmp_path / "x.ttl")
