"""Result tables: RDF terms to cells, and cells to table, CSV, TSV or JSON text.

Cells follow the named queries' contract: IRIs as they are, literals by their lexical form,
numbers plain (3000000000 not 3.0E9, 50 not 50.0, 28.6 stays 28.6), booleans `true`/`false`, and
multi-valued cells (GROUP_CONCAT with the U+001F separator the .rq files use) deduplicated,
sorted and joined with `|`, since SPARQL leaves the order of GROUP_CONCAT undefined.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox

from amity.graph.errors import QueryError

MULTI_SEPARATOR = "\u001f"
FORMATS = ("table", "csv", "tsv", "json")

_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMERIC = {
    _XSD + name
    for name in (
        "decimal", "double", "float", "integer", "int", "long", "short", "byte", "nonNegativeInteger",
        "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedLong", "unsignedInt",
        "unsignedShort", "unsignedByte",
    )
}
_BOOLEAN = _XSD + "boolean"
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.DOTALL)
_ECHAR = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


@dataclass(frozen=True, slots=True)
class Table:
    """A query result as text cells: a header and rows of the same width."""

    columns: list[str]
    rows: list[list[str]]


def plain_number(lexical: str) -> str:
    """A numeric lexical form without exponent or needless zeros; unparsable forms as they are."""
    try:
        number = Decimal(lexical.strip())
    except InvalidOperation:
        return lexical
    if not number.is_finite():
        return lexical
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")


def _unescape_match(match: re.Match[str]) -> str:
    short, long, char = match.groups()
    if short or long:
        return chr(int(short or long, 16))
    return _ECHAR.get(char, char)


def _unescape(body: str) -> str:
    return _ESCAPE.sub(_unescape_match, body) if "\\" in body else body


def _literal_cell(value: str, datatype: str) -> str:
    if datatype in _NUMERIC:
        return plain_number(value)
    if datatype == _BOOLEAN:
        return "true" if value.strip() in ("true", "1") else "false"
    if MULTI_SEPARATOR in value:
        return "|".join(sorted({part for part in value.split(MULTI_SEPARATOR) if part}))
    return value


def tsv_cell(text: str) -> str:
    """The cell for one term of SPARQL TSV results (Turtle syntax: <iri>, "literal"^^<type>,
    "text"@lang, _:blank, or a bare number or boolean)."""
    if not text:
        return ""
    first = text[0]
    if first == "<":
        return _unescape(text[1:-1])
    if first == '"':
        end = text.rfind('"')
        body = _unescape(text[1:end])
        rest = text[end + 1 :]
        if rest.startswith("^^<"):
            return _literal_cell(body, rest[3:-1])
        return _literal_cell(body, "")
    if text in ("true", "false"):
        return text
    if first == "_":
        return text
    return plain_number(text)


def parse_tsv(data: bytes) -> Table:
    """SPARQL 1.1 TSV results (as pyoxigraph serializes them) as a Table of cells.

    Much faster than walking pyoxigraph's solution objects from Python: the terms are read as
    text, and repeated terms (document ids, names, types) are converted once.
    """
    text = data.decode("utf-8")
    lines = (text[:-1] if text.endswith("\n") else text).split("\n")
    columns = [name[1:] if name[:1] in "?$" else name for name in lines[0].split("\t")] if lines[0] else []
    width = len(columns)
    cache: dict[str, str] = {}
    rows: list[list[str]] = []
    for line in lines[1:]:
        row = []
        for text in line.split("\t"):
            value = cache.get(text)
            if value is None:
                value = cache[text] = tsv_cell(text)
            row.append(value)
        if len(row) < width:
            row += [""] * (width - len(row))
        rows.append(row)
    return Table(columns, rows)


def cell(term: object) -> str:
    """The text of one result term (None for an unbound variable gives "")."""
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return _literal_cell(term.value, term.datatype.value if term.datatype is not None else "")
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)


def _table_text(table: Table) -> str:
    def flat(text: str) -> str:
        return text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ")

    rows = [[flat(c) for c in row] for row in table.rows]
    widths = [len(c) for c in table.columns]
    for row in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(table.columns, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    return "\n".join(lines) + "\n"


def _tsv_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def render(table: Table, fmt: str = "table") -> str:
    """`table` as text: "table" (aligned columns), "csv", "tsv" or "json" (a list of objects)."""
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(table.columns)
        writer.writerows(table.rows)
        return out.getvalue()
    if fmt == "tsv":
        lines = ["\t".join(_tsv_escape(c) for c in row) for row in [table.columns, *table.rows]]
        return "\n".join(lines) + "\n"
    if fmt == "json":
        records = [dict(zip(table.columns, row, strict=True)) for row in table.rows]
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    if fmt == "table":
        return _table_text(table)
    raise QueryError(f"unknown output format {fmt!r}; use one of {', '.join(FORMATS)}")
