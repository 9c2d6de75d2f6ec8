"""Running queries: a named query, a .rq file or SPARQL text against a store, read-only.

    run_query(store_or_path, "figures", "csv")                       # a named query
    run_query("http://localhost:7878/query", "events", "csv")        # on a SPARQL endpoint
    run_query(store, "timeline", params={"a": "Kazakhstan", "b": "Uzbekistan"})
    select(store, "SELECT ?s WHERE { ?s a amity:Country }")          # -> Table

Queries read the default graph, which holds the union of the documents' graphs (graph.store puts
it there when it loads TriG or N-Quads), so a Turtle file and a TriG file answer alike and a fact
stated twice is seen once; GRAPH patterns still reach the per-document graphs. The usual prefixes (amity, rdfs,
prov, skos, xsd, ...) are predeclared for ad-hoc SPARQL. Parameters (`--param actor=Kazakhstan`)
are bound with a VALUES block where the named query marks it (see `bind_params`), rather than
with pyoxigraph's substitutions, which filter the whole result and are much slower on big graphs.
Result rows are read from pyoxigraph's TSV serialization (render.parse_tsv), several times faster
than converting solution objects one term at a time.

A graph is named as everywhere else (graph.location): a file, an Oxigraph store folder, or the URL
of a SPARQL endpoint, which gets the same query text over HTTP and whose answer is turned into the
same Table, so every output format reads the same whatever holds the graph.

Timeouts: pyoxigraph cannot cancel a running query, but it releases the GIL while evaluating, so
with `timeout` the query runs in a daemon worker thread and the caller gets QueryTimeoutError when
time is up. The abandoned evaluation keeps a core busy until it ends or the process exits, which is
what the command line does right after printing the error.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Mapping

import pyoxigraph as ox

from amity.graph.endpoint import SparqlEndpoint
from amity.graph.errors import GraphError, QueryError, QueryTimeoutError
from amity.graph.location import GraphLocation, open_for_query
from amity.graph.namespaces import VOCABULARY_PREFIXES
from amity.graph.store import has_default_graph
from amity.queries.catalog import NamedQuery, list_queries, named_query, resolve
from amity.queries.guard import refuse_update, syntax_error
from amity.queries.render import FORMATS, Table, cell, parse_tsv, render

__all__ = [
    "FORMATS",
    "GraphError",
    "Table",
    "describe_queries",
    "list_queries",
    "named_query",
    "resolve",
    "run_query",
    "select",
]

StoreLike = ox.Store | SparqlEndpoint | GraphLocation | str | os.PathLike[str]
"""A store, a SPARQL endpoint, or where a graph lives: a file, a store folder or an endpoint URL."""


def _store(store: StoreLike) -> ox.Store | SparqlEndpoint:
    return store if isinstance(store, ox.Store | SparqlEndpoint) else open_for_query(store)


_VARIABLE = re.compile(r"^[A-Za-z0-9_]+$")
_VALUES_MARKER = re.compile(r"^([ \t]*)#[ \t]*@values[ \t]*$", re.MULTILINE)


def sparql_term(value: str) -> str:
    """A parameter value as SPARQL: `<iri>` stays an IRI (if valid), anything else becomes a
    string literal with the characters SPARQL requires escaped."""
    if len(value) > 2 and value.startswith("<") and value.endswith(">"):
        try:
            return str(ox.NamedNode(value[1:-1]))
        except ValueError as error:
            raise QueryError(f"parameter value {value} is not a valid IRI: {error}") from None
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def bind_params(query: NamedQuery, params: Mapping[str, str] | None) -> str:
    """The query text with `params` bound by a VALUES block.

    Named queries mark where the bindings go with `# @values` lines (at the start of the groups
    that use them, so the engine starts its joins there: a bound name answers in milliseconds
    where a filter on the whole result would take seconds). Without a marker the block is
    appended as the query's trailing VALUES clause, which SPARQL allows after any query form.
    """
    if not params:
        return query.text
    values = dict(params)
    if query.params:
        unknown = sorted(set(values) - set(query.params))
        if unknown:
            known = ", ".join(query.params)
            raise QueryError(f"{query.name} has no parameter {', '.join(unknown)}; its parameters: {known}")
    if query.unordered and all(name in values for name in query.unordered):
        first, second = query.unordered
        values[first], values[second] = sorted((values[first], values[second]))
    for name in values:
        if not _VARIABLE.match(name.lstrip("?$")):
            raise QueryError(f"parameter name {name!r} is not a SPARQL variable name")
    variables = " ".join(f"?{name.lstrip('?$')}" for name in values)
    terms = " ".join(sparql_term(value) for value in values.values())
    block = f"VALUES ({variables}) {{ ({terms}) }}"
    if _VALUES_MARKER.search(query.text):
        return _VALUES_MARKER.sub(lambda match: match.group(1) + block, query.text)
    return f"{query.text.rstrip()}\n{block}\n"


def _table(result: object) -> Table:
    if isinstance(result, ox.QuerySolutions):
        return parse_tsv(result.serialize(format=ox.QueryResultsFormat.TSV))
    if isinstance(result, ox.QueryBoolean):
        return Table(["result"], [["true" if bool(result) else "false"]])
    if isinstance(result, ox.QueryTriples | list):  # a list: CONSTRUCT/DESCRIBE from an endpoint
        rows = [[cell(t.subject), cell(t.predicate), cell(t.object)] for t in result]
        return Table(["subject", "predicate", "object"], rows)
    raise QueryError(f"unexpected query result {type(result).__name__}")


def _evaluate(store: ox.Store, query: NamedQuery, text: str) -> Table:
    where = query.name if query.source == "named" else (query.source or "query")
    try:
        union = not has_default_graph(store)  # only a store of named graphs alone (read-only folder)
        result = store.query(text, use_default_graph_as_union=union, prefixes=VOCABULARY_PREFIXES)
        return _table(result)
    except SyntaxError as error:
        refuse_update(query.text)
        raise syntax_error(error, where) from None
    except (RuntimeError, OSError, ValueError, TypeError) as error:
        raise QueryError(f"{where}: {' '.join(str(error).split())}") from None


_PROLOGUE = "".join(f"PREFIX {name}: <{ns}>\n" for name, ns in VOCABULARY_PREFIXES.items())


def _evaluate_remote(endpoint: SparqlEndpoint, query: NamedQuery, text: str, timeout: float | None) -> Table:
    """The query on an endpoint. It is parsed here first (against an empty store, which costs
    nothing), so syntax errors and refused updates read exactly as for a local graph; the usual
    prefixes go along as a prologue (a query's own PREFIX lines, coming later, still win)."""
    try:
        ox.Store().query(text, prefixes=VOCABULARY_PREFIXES)
    except SyntaxError as error:
        refuse_update(query.text)
        raise syntax_error(error, query.name if query.source == "named" else (query.source or "query")) from None
    except (RuntimeError, OSError, ValueError, TypeError):
        pass  # what it takes to evaluate the query is the endpoint's to judge
    return _table(endpoint.query(_PROLOGUE + text, timeout=timeout))


def select(
    store: StoreLike,
    query: str | NamedQuery,
    *,
    params: Mapping[str, str] | None = None,
    timeout: float | None = None,
) -> Table:
    """Runs a query (name, .rq path, SPARQL text or NamedQuery) and returns its cells.

    Raises QueryError subclasses: UnknownQueryError, QuerySyntaxError (one line, with position),
    ReadOnlyQueryError for updates, QueryTimeoutError; GraphFileError if `store` is a bad path.
    """
    named = query if isinstance(query, NamedQuery) else resolve(query)
    text = bind_params(named, params)
    db = _store(store)
    if isinstance(db, SparqlEndpoint):
        return _evaluate_remote(db, named, text, timeout)
    if timeout is None:
        return _evaluate(db, named, text)
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            outcome["table"] = _evaluate(db, named, text)
        except BaseException as error:  # handed to the caller's thread below
            outcome["error"] = error

    worker = threading.Thread(target=work, name=f"amity-query-{named.name}", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise QueryTimeoutError(f"{named.name}: query did not finish within {timeout:g} s")
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["table"]  # type: ignore[return-value]


def run_query(
    store: StoreLike,
    query: str | NamedQuery,
    fmt: str = "table",
    *,
    params: Mapping[str, str] | None = None,
    timeout: float | None = None,
) -> str:
    """Runs a query and renders the result as "table", "csv", "tsv" or "json" text."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown output format {fmt!r}; use one of {', '.join(FORMATS)}")
    return render(select(store, query, params=params, timeout=timeout), fmt)


def describe_queries() -> str:
    """One line per named query, `name  description`, for `amity query --list`."""
    queries = list_queries()
    width = max((len(q.name) for q in queries), default=0)
    lines = []
    for q in queries:
        params = f" [params: {', '.join(q.params)}]" if q.params else ""
        lines.append(f"{q.name.ljust(width)}  {q.description}{params}")
    return "\n".join(lines) + "\n"
