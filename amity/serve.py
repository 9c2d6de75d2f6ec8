"""A read-only SPARQL 1.1 Protocol endpoint over one graph, and a small page to try queries.

    server = make_server("graph.ttl", port=8765)   # 127.0.0.1 unless told otherwise
    server.serve_forever()                          # `amity serve` does this

- `/sparql`: GET `?query=...`, POST `application/x-www-form-urlencoded` (`query=...`) or
  `application/sparql-query` (the query as the body); `default-graph-uri` / `named-graph-uri`
  select graphs as the protocol says. Results follow the Accept header (or a `format` parameter:
  json, xml, csv, tsv, html; for CONSTRUCT/DESCRIBE ttl, nt, jsonld, rdfxml): SPARQL JSON, XML,
  CSV and TSV for SELECT and ASK, Turtle, N-Triples, JSON-LD and RDF/XML for graphs, and an HTML
  table for browsers. Evaluation and serialisation are pyoxigraph's.
- `/`: a form and the list of named queries (`/?name=timeline` puts one in the form).
- Read-only: an update (`update=` form field, `application/sparql-update`, or update text sent
  as a query) gets 403 and nothing else can change the in-memory store. Other methods get 405.
- Each query has a time limit (503 when exceeded). pyoxigraph cannot cancel a query, so an
  abandoned one keeps running in its thread until it ends; at most `max_running` queries run at
  once and further ones get 503 rather than piling up.
- Bound to 127.0.0.1 by default. Bound to loopback, it also refuses requests whose Host header
  is not a loopback name, so a web page cannot reach it through DNS rebinding.
- Everything from the request or the graph that goes into HTML is escaped, and pages carry a
  Content-Security-Policy that allows no script.
"""

from __future__ import annotations

import html
import ipaddress
import os
import socket
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import pyoxigraph as ox

from amity.graph.namespaces import VOCABULARY_PREFIXES

QRF = ox.QueryResultsFormat
RESULT_TYPES: dict[str, Any] = {  # media type -> format, for SELECT and ASK; first = default
    "application/sparql-results+json": QRF.JSON,
    "application/json": QRF.JSON,
    "application/sparql-results+xml": QRF.XML,
    "application/xml": QRF.XML,
    "text/xml": QRF.XML,
    "text/csv": QRF.CSV,
    "text/tab-separated-values": QRF.TSV,
    "text/html": "html",
}
GRAPH_TYPES: dict[str, Any] = {  # media type -> format, for CONSTRUCT and DESCRIBE; first = default
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "text/html": "html",
}
FORMAT_NAMES = {  # the `format` parameter -> media type
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml", "csv": "text/csv",
    "tsv": "text/tab-separated-values", "html": "text/html", "ttl": "text/turtle", "turtle": "text/turtle",
    "nt": "application/n-triples", "jsonld": "application/ld+json", "rdfxml": "application/rdf+xml",
}
_LOOPBACK_NAMES = {"localhost", "localhost.", "127.0.0.1", "::1", "[::1]"}
_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"


class HttpError(Exception):
    """A request answered with an error status and a one-line plain-text message."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


@dataclass(frozen=True, slots=True)
class Answer:
    """A response body with its media type."""

    body: bytes
    media_type: str
    status: int = 200


def is_loopback(host: str) -> bool:
    """Whether `host` (a name or address as given to --host) only listens on this machine."""
    if host.strip("[]").lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def negotiate(accept: str | None, offered: dict[str, Any]) -> str | None:
    """The media type of `offered` that the Accept header prefers (q-values, then order, then the
    first offered for wildcards); None if it accepts none of them."""
    if not accept or not accept.strip():
        return next(iter(offered))
    choices: list[tuple[float, int, str]] = []
    for position, item in enumerate(accept.split(",")):
        parts = [p.strip() for p in item.split(";")]
        media = parts[0].lower()
        quality = 1.0
        for param in parts[1:]:
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality <= 0 or not media:
            continue
        if media in offered:
            choices.append((-quality, position, media))
        elif media == "*/*" or (media.endswith("/*") and any(m.startswith(media[:-1]) for m in offered)):
            first = next(m for m in offered if media == "*/*" or m.startswith(media[:-1]))
            choices.append((-quality, position + 1000, first))  # wildcards lose ties to explicit types
    return min(choices)[2] if choices else None


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server: holds the store, the limits and the page's data for its handlers."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], store: ox.Store, *, graph_name: str = "graph",
                 timeout: float = 30.0, max_running: int = 4, max_body: int = 1_000_000,
                 quiet: bool = False) -> None:
        self.store = store
        self.graph_name = graph_name
        self.query_timeout = timeout
        self.max_body = max_body
        self.quiet = quiet
        self.running = threading.BoundedSemaphore(max_running)
        # a store of named graphs only (a read-only store folder) is queried as their union
        self.union = next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is None
        count = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", use_default_graph_as_union=self.union)
        self.triples = int(next(iter(count))[0].value)
        self.loopback_only = is_loopback(address[0])
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        super().__init__(address, SparqlHandler)

    @property
    def url(self) -> str:
        """The endpoint's URL (with the port actually bound, e.g. after port 0)."""
        host, port = self.server_address[:2]
        shown = f"[{host}]" if ":" in str(host) else host
        return f"http://{shown}:{port}/sparql"


class SparqlHandler(BaseHTTPRequestHandler):
    """One request: route, check, evaluate with a time limit, answer."""

    server: SparqlServer
    server_version = "amity-sparql/1"
    protocol_version = "HTTP/1.1"

    # --- routing --------------------------------------------------------------------------------

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._handle(self._get)

    def do_POST(self) -> None:  # noqa: N802
        self._handle(self._post)

    def do_HEAD(self) -> None:  # noqa: N802 - GET's headers without the body (see _send)
        self._handle(self._get)

    def _refuse_method(self) -> None:
        self._handle(self._not_allowed)

    do_PUT = do_DELETE = do_PATCH = _refuse_method  # noqa: N815

    def _not_allowed(self) -> Answer:
        raise HttpError(405, "read-only endpoint: use GET or POST", {"Allow": "GET, POST"})

    def _handle(self, route: Callable[[], Answer]) -> None:
        try:
            self._check_host()
            answer = route()
        except HttpError as error:
            self.close_connection = True  # a body the error left unread must not pass for the next request
            self._send(Answer((error.message + "\n").encode("utf-8"), "text/plain", error.status), error.headers)
            return
        except Exception as error:  # noqa: BLE001 - the server must answer, never hang up
            message = " ".join(f"internal error: {type(error).__name__}: {error}".split())
            self._send(Answer((message + "\n").encode("utf-8"), "text/plain", 500))
            return
        self._send(answer)

    def _check_host(self) -> None:
        if not self.server.loopback_only:
            return
        host = (self.headers.get("Host") or "").strip().lower()
        name = host.rsplit(":", 1)[0] if not host.startswith("[") else host.split("]")[0] + "]"
        if host and name not in _LOOPBACK_NAMES:
            raise HttpError(403, f"refused: Host {host!r} is not this machine (the endpoint listens on loopback)")

    def _get(self) -> Answer:
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path == "/":
            return Answer(self._page(_first(params, "name")).encode("utf-8"), "text/html")
        if url.path == "/sparql":
            if "update" in params:
                raise HttpError(403, "refused: updates are not allowed; this endpoint is read-only")
            query = _first(params, "query")
            if query is None:
                raise HttpError(400, "give a SPARQL query: /sparql?query=... (the form is at /)")
            return self._query(query, params)
        raise HttpError(404, f"not found: {url.path} (the endpoint is /sparql, the form is /)")

    def _post(self) -> Answer:
        url = urlsplit(self.path)
        if url.path != "/sparql":
            raise HttpError(404, f"not found: {url.path} (the endpoint is /sparql)")
        params = parse_qs(url.query, keep_blank_values=True)
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        body = self._body()
        if media == "application/sparql-update":
            raise HttpError(403, "refused: updates are not allowed; this endpoint is read-only")
        if media == "application/sparql-query":
            return self._query(body.decode("utf-8", errors="replace"), params)
        if media == "application/x-www-form-urlencoded":
            form = parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)
            if "update" in form:
                raise HttpError(403, "refused: updates are not allowed; this endpoint is read-only")
            query = _first(form, "query")
            if query is None:
                raise HttpError(400, "the form has no 'query' field")
            return self._query(query, {**params, **form})
        raise HttpError(415, "send application/sparql-query or application/x-www-form-urlencoded")

    def _body(self) -> bytes:
        try:
            length = int(self.headers.get("Content-Length") or "0")
        except ValueError:
            raise HttpError(400, "bad Content-Length") from None
        if length < 0:
            raise HttpError(400, "bad Content-Length")
        if length > self.server.max_body:
            self.close_connection = True
            if length <= 16 * self.server.max_body:  # read it, so the client sees the answer, not a reset
                remaining = length
                while remaining > 0:
                    chunk = self.rfile.read(min(65536, remaining))
                    if not chunk:
                        break
                    remaining -= len(chunk)
            raise HttpError(413, f"request body over {self.server.max_body} bytes")
        return self.rfile.read(length)

    # --- queries --------------------------------------------------------------------------------

    def _query(self, text: str, params: dict[str, list[str]]) -> Answer:
        kwargs: dict[str, Any] = {"prefixes": VOCABULARY_PREFIXES}
        try:
            default = [ox.NamedNode(g) for g in params.get("default-graph-uri", [])]
            named = [ox.NamedNode(g) for g in params.get("named-graph-uri", [])]
        except ValueError as error:
            raise HttpError(400, f"bad graph IRI: {' '.join(str(error).split())}") from None
        if default:
            kwargs["default_graph"] = default
        else:
            kwargs["use_default_graph_as_union"] = self.server.union
        if named:
            kwargs["named_graphs"] = named
        wanted = _first(params, "format")
        if wanted is not None and wanted.lower() not in FORMAT_NAMES:
            raise HttpError(400, f"unknown format {wanted!r}; use one of {', '.join(FORMAT_NAMES)}")
        accept = FORMAT_NAMES[wanted.lower()] if wanted else self.headers.get("Accept")
        if not self.server.running.acquire(blocking=False):
            raise HttpError(503, "busy: too many queries running; try again later", {"Retry-After": "5"})
        outcome: dict[str, Any] = {}

        def work() -> None:
            try:
                outcome["answer"] = _evaluate(self.server, text, kwargs, accept)
            except BaseException as error:  # handed to the request thread below
                outcome["error"] = error
            finally:
                self.server.running.release()

        # The whole evaluation runs in the worker: pyoxigraph evaluates ASK at once and SELECT
        # lazily while serialising, and both must be under the time limit.
        worker = threading.Thread(target=work, name="amity-sparql-query", daemon=True)
        worker.start()
        worker.join(self.server.query_timeout)
        if worker.is_alive():
            raise HttpError(503, f"query did not finish within {self.server.query_timeout:g} s")
        error = outcome.get("error")
        if isinstance(error, HttpError):
            raise error
        if error is not None:
            raise HttpError(400, "query failed: " + " ".join(str(error).split())) from None
        return outcome["answer"]

    # --- the page -------------------------------------------------------------------------------

    def _page(self, name: str | None) -> str:
        from amity.queries.catalog import list_queries

        queries = list_queries()
        chosen = next((q for q in queries if q.name == name), None)
        text = chosen.text if chosen else "SELECT ?actor ?type WHERE {\n  ?a a amity:Country ; rdfs:label ?actor .\n" \
            "  BIND(\"Country\" AS ?type)\n}\nORDER BY ?actor\nLIMIT 20\n"
        items = "\n".join(
            f'<li><a href="/?name={quote(q.name)}">{html.escape(q.name)}</a> — {html.escape(q.description)}'
            + (f" <small>(parameters: {html.escape(', '.join(q.params))})</small>" if q.params else "")
            + "</li>"
            for q in queries
        )
        prefixes = ", ".join(html.escape(p) for p in sorted(VOCABULARY_PREFIXES))
        options = "".join(f'<option value="{f}">{f}</option>' for f in ("html", "json", "csv", "tsv", "xml", "ttl"))
        return _PAGE.format(
            graph=html.escape(self.server.graph_name), triples=self.server.triples, query=html.escape(text),
            items=items, prefixes=prefixes, options=options,
        )

    # --- output ---------------------------------------------------------------------------------

    def _send(self, answer: Answer, headers: dict[str, str] | None = None) -> None:
        media = answer.media_type
        if media.startswith("text/") or media.endswith(("json", "xml")):
            media += "; charset=utf-8"
        self.send_response(answer.status)
        self.send_header("Content-Type", media)
        self.send_header("Content-Length", str(len(answer.body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Referrer-Policy", "no-referrer")
        if answer.media_type == "text/html":
            self.send_header("Content-Security-Policy", _CSP)
        if self.close_connection:
            self.send_header("Connection", "close")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(answer.body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - http.server's signature
        if not self.server.quiet:
            sys.stderr.write(f"amity serve: {self.address_string()} {format % args}\n")


def _first(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name)
    return values[0] if values else None


def _evaluate(server: SparqlServer, text: str, kwargs: dict[str, Any], accept: str | None) -> Answer:
    """Parses, evaluates and serialises a query in the negotiated format (raises HttpError)."""
    from amity.queries.guard import syntax_error, update_operations

    try:
        result = server.store.query(text, **kwargs)
    except SyntaxError as error:
        if update_operations(text):
            raise HttpError(403, "refused: updates are not allowed; this endpoint is read-only") from None
        raise HttpError(400, str(syntax_error(error, "query"))) from None
    offered = GRAPH_TYPES if isinstance(result, ox.QueryTriples) else RESULT_TYPES
    media = negotiate(accept, offered)
    if media is None:
        raise HttpError(406, f"cannot answer in {accept}; available: {', '.join(offered)}")
    if offered[media] == "html":
        return Answer(_result_page(result, server).encode("utf-8"), "text/html")
    return Answer(result.serialize(format=offered[media]), media)


def _result_page(result: Any, server: SparqlServer) -> str:
    """A result as an HTML table, every cell escaped."""
    from amity.queries.render import parse_tsv

    if isinstance(result, ox.QueryBoolean):
        columns, rows = ["result"], [["true" if bool(result) else "false"]]
    elif isinstance(result, ox.QueryTriples):
        columns = ["subject", "predicate", "object"]
        rows = [[str(t.subject), str(t.predicate), str(t.object)] for t in result]
    else:
        table = parse_tsv(result.serialize(format=QRF.TSV))
        columns, rows = table.columns, table.rows
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "\n".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return _RESULTS.format(graph=html.escape(server.graph_name), count=len(rows), head=head, body=body)


def make_server(graph: ox.Store | str | os.PathLike[str], host: str = "127.0.0.1", port: int = 0, *,
                timeout: float = 30.0, infer: bool = False, quiet: bool = False,
                max_running: int = 4) -> SparqlServer:
    """A server bound to (host, port) over `graph` (a store, or a graph file / Oxigraph folder,
    loaded once into memory). Port 0 picks a free port (see `server.url`). Call serve_forever()."""
    from amity.graph.store import open_store

    name = "store" if isinstance(graph, ox.Store) else os.fspath(graph)
    if "://" in name:
        from amity.graph.errors import GraphFileError

        raise GraphFileError(f"{name}: a SPARQL endpoint already; amity serve serves a graph file or store folder")
    store = graph if isinstance(graph, ox.Store) else open_store(graph)
    if infer:
        from amity.graph.inference import infer as add_entailments

        store = add_entailments(store)
    return SparqlServer((host, port), store, graph_name=name, timeout=timeout, quiet=quiet,
                        max_running=max_running)


_STYLE = """body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;padding:0 1em;color:#1f2937}
textarea{width:100%;height:16em;font:13px monospace}table{border-collapse:collapse;font-size:13px}
td,th{border:1px solid #d1d5db;padding:.2em .5em;vertical-align:top;text-align:left}th{background:#f3f4f6}
code,small{color:#4b5563}"""

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>amity SPARQL endpoint</title>
<style>""" + _STYLE.replace("{", "{{").replace("}", "}}") + """</style></head>
<body>
<h1>amity SPARQL endpoint</h1>
<p>Graph <code>{graph}</code>, {triples} triples. Read-only SPARQL 1.1: send queries to <code>/sparql</code>
(GET <code>?query=</code>, or POST). Predeclared prefixes: {prefixes}.</p>
<form method="post" action="/sparql">
<textarea name="query" spellcheck="false">{query}</textarea>
<p><label>Results as <select name="format">{options}</select></label> <button type="submit">Run</button></p>
</form>
<h2>Named queries</h2>
<ul>
{items}
</ul>
</body></html>
"""

_RESULTS = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>amity query results</title>
<style>""" + _STYLE.replace("{", "{{").replace("}", "}}") + """</style></head>
<body>
<p><a href="/">Back to the form</a> — graph <code>{graph}</code>, {count} rows.</p>
<table><thead><tr>{head}</tr></thead>
<tbody>
{body}
</tbody></table>
</body></html>
"""
