"""RDF terms as N-Triples text: the cheap currency of the mapping and the writers.

The mapping produces hundreds of thousands of triples per second; building rdflib or pyoxigraph
term objects for each would dominate the build. Terms here are plain `str` already in N-Triples
syntax (`<iri>`, `"text"`, `"2019"^^<…#gYear>`), so a triple is a tuple of three strings that can be
deduplicated in a set, sorted for byte-stable output and joined into N-Triples/N-Quads lines
directly; pyoxigraph parses those lines when another syntax or a store is wanted.

Literal escaping follows canonical N-Triples: `"` `\\` and the ECHAR controls are escaped, the other
C0 controls and DEL become \\uXXXX, everything else (any Unicode) is written as is. Lone surrogates
cannot be encoded as UTF-8 and become U+FFFD.
"""

from __future__ import annotations

import re

from amity.graph.namespaces import XSD_NS

_NEEDS_ESCAPE = re.compile('[\x00-\x1f"\\\\\x7f\ud800-\udfff]')
_ECHAR = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}

XSD_STRING = f"<{XSD_NS}string>"
XSD_DECIMAL = f"<{XSD_NS}decimal>"
XSD_BOOLEAN = f"<{XSD_NS}boolean>"
XSD_INTEGER = f"<{XSD_NS}integer>"
XSD_ANY_URI = f"<{XSD_NS}anyURI>"
XSD_GYEAR = f"<{XSD_NS}gYear>"
XSD_GYEARMONTH = f"<{XSD_NS}gYearMonth>"
XSD_DATE = f"<{XSD_NS}date>"

TRUE = f'"true"^^{XSD_BOOLEAN}'
FALSE = f'"false"^^{XSD_BOOLEAN}'


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    if char in _ECHAR:
        return _ECHAR[char]
    if "\ud800" <= char <= "\udfff":
        return "\ufffd"
    return f"\\u{ord(char):04X}"


def escape(text: str) -> str:
    """The body of an N-Triples string literal for `text` (without the quotes)."""
    # Fast path: a printable string holds no control character (Cc) and no surrogate (Cs), so
    # only `"` and `\` could need escaping; three C calls beat one regex search on short texts.
    if text.isprintable() and '"' not in text and "\\" not in text:
        return text
    if _NEEDS_ESCAPE.search(text) is None:
        return text
    return _NEEDS_ESCAPE.sub(_escape_char, text)


def iri(value: str) -> str:
    """An IRI term. The caller guarantees a valid IRI (amity mints them; see graph.iris)."""
    return f"<{value}>"


def literal(text: str) -> str:
    """A plain (xsd:string) literal term for any text."""
    if text.isprintable() and '"' not in text and "\\" not in text:  # escape's fast path, inline
        return f'"{text}"'
    return f'"{escape(text)}"'


def typed(lexical: str, datatype: str) -> str:
    """A typed literal; `datatype` is an IRI term such as XSD_DECIMAL, `lexical` any text."""
    return f'"{escape(lexical)}"^^{datatype}'


def boolean(value: bool) -> str:
    """An xsd:boolean literal term."""
    return TRUE if value else FALSE


def triple_line(subject: str, predicate: str, obj: str) -> str:
    """One N-Triples line, newline included."""
    return f"{subject} {predicate} {obj} .\n"


def quad_line(subject: str, predicate: str, obj: str, graph: str) -> str:
    """One N-Quads line; an empty `graph` means the default graph."""
    if graph:
        return f"{subject} {predicate} {obj} {graph} .\n"
    return f"{subject} {predicate} {obj} .\n"
