"""Read-only guard and one-line syntax errors for SPARQL text.

Queries run through `pyoxigraph.Store.query`, which only evaluates query forms (SELECT, ASK,
CONSTRUCT, DESCRIBE), so an update can never change a store through the runner. What this module
adds is the explanation: when pyoxigraph rejects the text, it is parsed again as a SPARQL update
(rdflib's grammar, then a prologue-aware keyword reader as a fallback) and, if it is one, refused
with a message naming the operation. Parsing, not substring search: a query that merely contains
the word "delete" in a string literal, an IRI or a comment is a query and runs.
"""

from __future__ import annotations

import re

from amity.graph.errors import QuerySyntaxError, ReadOnlyQueryError

UPDATE_KEYWORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")

# rdflib's names for update operations -> the SPARQL keywords a user wrote.
_OPERATIONS = {
    "InsertData": "INSERT DATA",
    "DeleteData": "DELETE DATA",
    "DeleteWhere": "DELETE WHERE",
    "Modify": "DELETE/INSERT",
    "Load": "LOAD",
    "Clear": "CLEAR",
    "Drop": "DROP",
    "Create": "CREATE",
    "Add": "ADD",
    "Move": "MOVE",
    "Copy": "COPY",
}

# The prologue of a SPARQL request: whitespace, comments, BASE and PREFIX declarations.
_PROLOGUE_ITEM = re.compile(
    r"""\s+|\#[^\n]*|(?i:BASE)\s*<[^>]*>|(?i:PREFIX)\s*[^\s:]*:\s*<[^>]*>""",
)
_WORD = re.compile(r"[A-Za-z]+")


def update_operations(text: str) -> list[str] | None:
    """The update operations `text` consists of, or None if it is not a SPARQL update."""
    try:
        from rdflib.plugins.sparql.parser import parseUpdate

        parsed = parseUpdate(text)
    except Exception:  # any parse failure means: not an update rdflib understands
        parsed = None
    if parsed is not None:
        operations = [_OPERATIONS.get(op.name, op.name.upper()) for op in parsed.request or []]
        return operations or None
    keyword = first_keyword(text)
    return [keyword] if keyword in UPDATE_KEYWORDS else None


def first_keyword(text: str) -> str:
    """The first keyword after the prologue (comments, BASE, PREFIX), upper-cased, or ""."""
    position = 0
    while match := _PROLOGUE_ITEM.match(text, position):
        if match.end() == position:
            break
        position = match.end()
    word = _WORD.match(text, position)
    return word.group().upper() if word else ""


def refuse_update(text: str) -> None:
    """Raises ReadOnlyQueryError if `text` is a SPARQL update."""
    operations = update_operations(text)
    if operations:
        names = ", ".join(dict.fromkeys(operations))
        raise ReadOnlyQueryError(
            f"refused: {names} is a SPARQL update; amity queries are read-only "
            "(SELECT, ASK, CONSTRUCT or DESCRIBE)"
        )


def syntax_error(error: SyntaxError, source: str) -> QuerySyntaxError:
    """pyoxigraph's syntax error as one line: `<source>: SPARQL syntax error at 3:14: expected ...`."""
    message = " ".join(str(error.msg if error.msg else error).split())
    where = source if source not in ("", "text") else "query"
    if message.startswith("error at "):
        return QuerySyntaxError(f"{where}: SPARQL syntax {message}")
    return QuerySyntaxError(f"{where}: SPARQL syntax error: {message}")
