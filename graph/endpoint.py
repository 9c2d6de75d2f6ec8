"""A SPARQL 1.1 endpoint over HTTP: queries in, pyoxigraph results out; updates sent as they are.

Only the SPARQL 1.1 Protocol is assumed (queries and updates POSTed as forms to the query and update
URLs), so Oxigraph, Fuseki, GraphDB or Virtuoso serve alike. Results are read by pyoxigraph's own
parsers (SPARQL JSON results, N-Triples) into the very objects a local store returns, so the query
runner renders a remote answer exactly as it renders a local one. The standard library's urllib is
enough: one request per query or update batch, no connection pool to manage.

Every failure is one `EndpointError` line naming the URL: the server's own message for an HTTP
error (its first lines, shortened), the reason for a connection that failed.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from amity.graph.errors import GraphError, QueryTimeoutError

RESULTS_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"
_ACCEPT = f"{RESULTS_JSON}, {N_TRIPLES};q=0.9"
_FORM = "application/x-www-form-urlencoded; charset=utf-8"
_MESSAGE_LIMIT = 300
Answer = ox.QuerySolutions | ox.QueryBoolean | list[ox.Triple]
_TRIPLE_FORMATS = {N_TRIPLES: ox.RdfFormat.N_TRIPLES, "text/plain": ox.RdfFormat.N_TRIPLES,
                   "text/turtle": ox.RdfFormat.TURTLE, "application/turtle": ox.RdfFormat.TURTLE}


class EndpointError(GraphError):
    """A SPARQL endpoint could not be reached, refused a request or sent an unreadable answer."""


def default_update_url(query_url: str) -> str:
    """Where updates go when not said: `.../query` becomes `.../update` (Oxigraph and Fuseki lay
    their services out so); any other URL takes updates itself, as the protocol allows."""
    head, sep, tail = query_url.rpartition("/query")
    if sep and tail in ("", "/"):
        return head + "/update" + tail
    return query_url


@dataclass(frozen=True, slots=True)
class SparqlEndpoint:
    """One endpoint: where queries go, where updates go, and how long to wait for an answer."""

    query_url: str
    update_url: str | None = None
    timeout: float | None = None

    @property
    def updates_to(self) -> str:
        return self.update_url or default_update_url(self.query_url)

    def query(self, text: str, *, timeout: float | None = None) -> Answer:
        """Runs a query: SELECT/ASK answers as pyoxigraph results, CONSTRUCT/DESCRIBE as triples."""
        data, content_type = self._post(self.query_url, {"query": text}, _ACCEPT, timeout)
        try:
            if content_type in _TRIPLE_FORMATS:
                return [quad.triple for quad in ox.parse(data, format=_TRIPLE_FORMATS[content_type])]
            return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
        except (SyntaxError, ValueError) as error:
            shown = content_type or "no content type"
            raise EndpointError(f"{self.query_url}: unreadable answer ({shown}): {_one_line(str(error))}") from None

    def update(self, text: str, *, timeout: float | None = None) -> None:
        """Runs a SPARQL update (one request: the server applies it whole or not at all)."""
        self._post(self.updates_to, {"update": text}, "*/*", timeout)

    def _post(self, url: str, form: dict[str, str], accept: str, timeout: float | None) -> tuple[bytes, str]:
        import urllib.error  # here, not at the top: urllib.request costs the command line 40 ms to import
        import urllib.parse
        import urllib.request

        body = urllib.parse.urlencode(form).encode("utf-8")
        request = urllib.request.Request(url, data=body, method="POST",
                                         headers={"Content-Type": _FORM, "Accept": accept})
        wait = timeout if timeout is not None else self.timeout
        try:
            with urllib.request.urlopen(request, timeout=wait) as response:
                content_type = response.headers.get_content_type()
                return response.read(), content_type
        except urllib.error.HTTPError as error:
            detail = _one_line(error.read().decode("utf-8", "replace")) or error.reason
            raise EndpointError(f"{url}: HTTP {error.code}: {detail}") from None
        except TimeoutError:
            raise QueryTimeoutError(f"{url}: no answer within {wait:g} s") from None
        except urllib.error.URLError as error:
            reason = error.reason
            if isinstance(reason, TimeoutError):
                raise QueryTimeoutError(f"{url}: no answer within {wait:g} s") from None
            text = getattr(reason, "strerror", None) or str(reason)
            raise EndpointError(f"{url}: cannot reach the SPARQL endpoint: {text}") from None
        except OSError as error:
            raise EndpointError(f"{url}: cannot reach the SPARQL endpoint: {error.strerror or error}") from None


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MESSAGE_LIMIT else text[: _MESSAGE_LIMIT - 1] + "…"
