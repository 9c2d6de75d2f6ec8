"""The exceptions of amity's graph and query layers.

Every message is one line that names what failed (the file, the document, the query position), so
the command line can print `str(error)` as it is. Catch `GraphError` for any of them.
"""

from __future__ import annotations


class GraphError(Exception):
    """Base class: anything that went wrong building, reading, writing or querying a graph."""


class MappingError(GraphError):
    """A document's facts break the fact model's contract (a bad date, an unknown event type).

    Raised for one document before any of its triples are kept, so a caller can skip that
    document and build the rest of the corpus.
    """


class GraphFileError(GraphError):
    """A graph file is missing, unreadable, of an unknown format or not valid RDF."""


class ValidationError(GraphError):
    """A graph does not conform to the SHACL shapes, or the validator is not installed."""


class QueryError(GraphError):
    """A query could not be found, parsed or run."""


class UnknownQueryError(QueryError):
    """Neither a named query, nor a readable .rq file, nor SPARQL text."""


class QuerySyntaxError(QueryError):
    """The SPARQL text does not parse; the message carries the line and column."""


class ReadOnlyQueryError(QueryError):
    """The text is a SPARQL update (INSERT, DELETE, LOAD, CLEAR...): amity queries are read-only."""


class QueryTimeoutError(QueryError):
    """The query ran longer than the given timeout."""
