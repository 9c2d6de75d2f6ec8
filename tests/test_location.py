"""Where a graph lives: files, store folders and SPARQL endpoints, named the same way everywhere."""

import socket

import pyoxigraph as ox
import pytest

from amity.graph.endpoint import EndpointError, SparqlEndpoint, default_update_url
from amity.graph.errors import GraphFileError
from amity.graph.location import GraphLocation, open_for_query
from amity.queries.runner import select


@pytest.mark.parametrize(("text", "kind"), [
    ("graph.ttl", "file"), ("graph.nq.gz", "file"), ("x/graph.jsonld", "file"), ("onto.rdf", "file"),
    ("graphdb", "store"), ("graphdb/", "store"),
    ("http://localhost:7878/query", "endpoint"), ("HTTPS://example.org/sparql", "endpoint"),
])
def test_kinds_by_name(text, kind):
    location = GraphLocation.parse(text)
    assert location.kind == kind and str(location) == text


def test_an_existing_folder_is_a_store_whatever_its_name(tmp_path):
    folder = tmp_path / "graph.ttl"
    folder.mkdir()
    assert GraphLocation.parse(folder).kind == "store"


@pytest.mark.parametrize(("text", "message"), [
    ("graph.xyz", "unknown graph format '.xyz'"),
    ("ftp://host/x", r"only http\(s\) SPARQL endpoints"),
    ("  ", "no graph"),
])
def test_bad_locations_are_one_line_errors(text, message):
    with pytest.raises(GraphFileError, match=message) as caught:
        GraphLocation.parse(text)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(("query", "update"), [
    ("http://h:7878/query", "http://h:7878/update"),
    ("http://h:3030/ds/query", "http://h:3030/ds/update"),
    ("http://h/ds/query/", "http://h/ds/update/"),
    ("http://h:3030/ds", "http://h:3030/ds"),
    ("http://h/queryable", "http://h/queryable"),
])
def test_updates_go_beside_the_query_url(query, update):
    assert default_update_url(query) == update
    assert GraphLocation.parse(query).endpoint().updates_to == update


def test_an_update_url_given_wins():
    location = GraphLocation.parse("http://h/sparql", update_url="http://h/sparql-update")
    assert location.endpoint().updates_to == "http://h/sparql-update"


def test_open_for_query_gives_a_store_or_an_endpoint(tmp_path):
    ttl = tmp_path / "g.ttl"
    ttl.write_text("<http://a/s> <http://a/p> <http://a/o> .\n", encoding="utf-8")
    assert isinstance(open_for_query(str(ttl)), ox.Store)
    assert isinstance(open_for_query("http://localhost:1/query"), SparqlEndpoint)
    with pytest.raises(GraphFileError, match="no such store folder"):
        open_for_query(tmp_path / "missing")
    assert select(GraphLocation.parse(ttl), "SELECT ?o WHERE { ?s ?p ?o }").rows == [["http://a/o"]]


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_an_unreachable_endpoint_is_a_one_line_error():
    url = f"http://127.0.0.1:{_closed_port()}/query"
    with pytest.raises(EndpointError, match="cannot reach the SPARQL endpoint") as caught:
        select(url, "SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    assert url in str(caught.value) and "\n" not in str(caught.value)


def test_bad_sparql_is_refused_before_any_request():
    # nothing listens on that port: a syntax error or an update must be reported without a request
    from amity.graph.errors import QuerySyntaxError, ReadOnlyQueryError

    url = f"http://127.0.0.1:{_closed_port()}/query"
    with pytest.raises(QuerySyntaxError):
        select(url, "SELECT ?s WHERE { ?s ?p }")
    with pytest.raises(ReadOnlyQueryError):
        select(url, "DROP ALL")
