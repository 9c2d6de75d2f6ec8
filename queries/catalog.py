"""The named queries: .rq files shipped in this package, and how a query argument is resolved.

A named query's header comment is its documentation: the first line says what it answers (shown
by `amity query --list`), `# @param NAME description` lines declare the variables a caller may
fix, and `# @unordered a b` says that two parameters form an unordered pair (the runner sorts
their values, so `a=Uzbekistan b=Kazakhstan` equals `a=Kazakhstan b=Uzbekistan`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from amity.graph.errors import UnknownQueryError

_PARAM = re.compile(r"^#\s*@param\s+(\w+)\s*(.*)$")
_UNORDERED = re.compile(r"^#\s*@unordered\s+(\w+)\s+(\w+)\s*$")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


@dataclass(frozen=True, slots=True)
class NamedQuery:
    """A SPARQL query with what its header comment declares."""

    name: str
    text: str
    description: str = ""
    params: dict[str, str] = field(default_factory=dict)
    unordered: tuple[str, ...] = ()
    source: str = ""  # where it came from: "named", a file path, or "text"


def parse_header(name: str, text: str, source: str) -> NamedQuery:
    """Reads the description, @param and @unordered lines of a query's leading comment."""
    description, params, unordered = "", {}, ()
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        if match := _PARAM.match(stripped):
            params[match.group(1)] = match.group(2).strip()
        elif match := _UNORDERED.match(stripped):
            unordered = (match.group(1), match.group(2))
        elif not description:
            description = stripped.lstrip("#").strip()
    return NamedQuery(name, text, description, params, unordered, source)


def _files():
    return resources.files(__package__)


def query_names() -> list[str]:
    """The names of the shipped queries, sorted."""
    return sorted(p.name[:-3] for p in _files().iterdir() if p.name.endswith(".rq"))


def named_query(name: str) -> NamedQuery:
    """A shipped query by name (without .rq)."""
    resource = _files().joinpath(f"{name}.rq")
    if not _NAME.match(name) or not resource.is_file():
        raise UnknownQueryError(f"unknown query {name!r}; named queries: {', '.join(query_names())}")
    return parse_header(name, resource.read_text(encoding="utf-8"), "named")


def list_queries() -> list[NamedQuery]:
    """Every shipped query with its description and parameters, sorted by name."""
    return [named_query(name) for name in query_names()]


def _is_file(text: str) -> bool:
    """Whether `text` names an existing file (False for text no file system accepts as a name)."""
    try:
        return Path(text).is_file()
    except (OSError, ValueError):
        return False


def resolve(query: str) -> NamedQuery:
    """A named query, a .rq file, or SPARQL text, in that order of preference.

    A bare word is a query name (an error lists the names if it is unknown); something ending in
    .rq or naming an existing file is read from disk; anything else is taken as SPARQL.
    """
    candidate = query.strip()
    if _NAME.match(candidate) and not _is_file(candidate):
        return named_query(candidate)
    if candidate.endswith(".rq") or ("\n" not in candidate and _is_file(candidate)):
        path = Path(candidate)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise UnknownQueryError(f"{path}: query file not found") from None
        except (OSError, UnicodeDecodeError) as error:
            raise UnknownQueryError(f"{path}: cannot read query file: {error}") from None
        return parse_header(path.stem, text, str(path))
    return parse_header("query", query, "text")
