"""Deterministic IRIs for everything amity writes.

An IRI is minted from the canonical content of what it names, never from the document it was read
in, the order of facts or a counter. So rebuilding a corpus gives the same IRIs, and the same fact
stated in two documents is one node (with two pieces of evidence).

Shape: `<base><folder>/<slug>-<hash>`, e.g. `…/id/person/kassym-jomart-tokayev-3fa2c1d0e4b5`.
The slug is readable ASCII (accents folded, anything else dropped) and may be empty for names in
other scripts; the hash (48 bits of BLAKE2b over the exact canonical key) keeps distinct keys apart
whatever their slugs. Documents, named graphs, evidence and occurrences are keyed by the document
id, which is percent-encoded (injective and readable for ordinary file stems) rather than hashed.

What identifies each kind (the canonical key) is documented on its method: it decides what merges.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import quote

from amity.extract.model import ACTOR_TYPES
from amity.graph.errors import GraphError
from amity.graph.namespaces import DEFAULT_BASE

SLUG_MAX = 48
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_SPACES = re.compile(r"\s+")
_ACTOR_FOLDERS = {t: t.lower() for t in ACTOR_TYPES}
# What an IRI base may look like: absolute http(s) IRI ending in / or #, no characters that would
# need escaping (so that minted IRIs are valid as they are).
_BASE = re.compile(r"^https?://[^\s<>\"{}|\\^`]+[/#]$")


@functools.lru_cache(maxsize=65536)
def slugify(text: str, max_len: int = SLUG_MAX) -> str:
    """Readable lowercase ASCII for an IRI: 'Kassym-Jomart Tokayev' -> 'kassym-jomart-tokayev'.

    Accents are folded (é -> e); other characters with no ASCII form (’, Cyrillic, CJK, emoji)
    separate words, so the slug may be empty. Cut at a word boundary to at most `max_len` characters.
    """
    if text.isascii():  # ASCII is its own NFKD form and keeps every character: no per-character pass
        folded = text.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        # accents (combining marks) go; any other non-ASCII character separates words like a space
        folded = "".join(c if c.isascii() else "" if unicodedata.combining(c) else " " for c in decomposed).lower()
    slug = _NON_ALNUM.sub("-", folded).strip("-")
    if len(slug) > max_len:
        slug = slug[:max_len]
        cut = slug.rfind("-")
        slug = slug[:cut] if cut > max_len // 2 else slug
        slug = slug.strip("-")
    return slug


@functools.lru_cache(maxsize=65536)
def canonical_name(text: str) -> str:
    """A name as it is compared: NFC, surrounding space removed, inner whitespace collapsed."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def normalize_text(text: str) -> str:
    """Free text as it is compared: canonical_name, case-folded, outer punctuation removed."""
    return canonical_name(text).casefold().strip(" .,;:!?\"'()[]«»“”‘’")


def short_hash(*key: object) -> str:
    """12 hex digits of BLAKE2b over an injective encoding of the key parts.

    The encoding is `repr` of the tuple: unambiguous for the str, None, bool and list parts used
    here, stable across Python versions, and several times faster than JSON.
    """
    data = repr(key).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=6).hexdigest()


def local_name(readable: str, *key: object) -> str:
    """`<slug of readable>-<hash of key>`, or just the hash when the slug is empty."""
    slug = slugify(readable)
    digest = short_hash(*key)
    return f"{slug}-{digest}" if slug else digest


@functools.lru_cache(maxsize=8192)
def percent_encode(text: str) -> str:
    """An injective, IRI-safe form of a document id or rule id: RFC 3986 unreserved characters
    but '.' stay as they are, everything else is %XX-encoded (UTF-8). '.' is encoded so that it
    can separate the parts of evidence and occurrence IRIs unambiguously."""
    return quote(text, safe="-_~").replace(".", "%2E")


@functools.lru_cache(maxsize=4096)
def rule_name(rule: str) -> str:
    """The last segment of evidence IRIs: slug and hash of a rule id."""
    return local_name(rule, rule)


def _sorted_unique(items: Iterable[str]) -> list[str]:
    return sorted(set(items))


class IriFactory:
    """Mints the IRIs of one graph under `base` (default https://w3id.org/amity/id/).

    Methods return plain IRI strings. Keys that reference other nodes (participants, holders,
    places) take those nodes' IRIs, which already encode type and canonical name.
    """

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        if not _BASE.match(base):
            raise GraphError(f"IRI base must be an absolute http(s) IRI ending in '/' or '#': {base!r}")
        self.base = base
        self.actor = functools.lru_cache(maxsize=65536)(self._actor)
        self.document = functools.lru_cache(maxsize=4096)(self._document)
        # Actor sets, cooperation areas and threats recur in most documents (a few hundred distinct
        # ones over thousands of mentions): minting each once saves its hash and slug.
        self._actor_set = functools.lru_cache(maxsize=65536)(self._actor_set_of)
        self._cooperation = functools.lru_cache(maxsize=4096)(self._cooperation_of)
        self.threat = functools.lru_cache(maxsize=4096)(self._threat)

    def _mint(self, folder: str, readable: str, *key: object) -> str:
        return f"{self.base}{folder}/{local_name(readable, *key)}"

    # --- documents and provenance -------------------------------------------------------------

    def _document(self, doc_id: str) -> str:
        """A document, by its id (the file stem)."""
        return f"{self.base}document/{percent_encode(doc_id)}"

    def graph(self, doc_id: str) -> str:
        """The named graph holding what one document states, by the document id."""
        return f"{self.base}graph/{percent_encode(doc_id)}"

    def evidence(self, doc_id: str, start: int, end: int, rule: str) -> str:
        """A sentence span read by a rule: document id + span + rule id."""
        return f"{self.evidence_prefix(doc_id)}{start}-{end}.{rule_name(rule)}"

    def evidence_prefix(self, doc_id: str) -> str:
        """What all evidence IRIs of one document start with (mapping speed: computed once)."""
        return f"{self.base}evidence/{percent_encode(doc_id)}."

    def occurrence(self, doc_id: str, target: str) -> str:
        """One document's mention of a node minted by this factory: document id + that node."""
        if not target.startswith(self.base):
            raise GraphError(f"occurrence target is not an amity IRI under {self.base}: {target}")
        return f"{self.occurrence_prefix(doc_id)}{target[len(self.base):].replace('/', '.')}"

    def occurrence_prefix(self, doc_id: str) -> str:
        """What all occurrence IRIs of one document start with, before the target's folder."""
        return f"{self.base}occurrence/{percent_encode(doc_id)}."

    # --- actors -------------------------------------------------------------------------------

    def _actor(self, actor_type: str | None, name: str) -> str:
        """An actor: type + canonical name. An unknown type (a name no Actor describes) goes to
        the `actor/` folder."""
        folder = _ACTOR_FOLDERS.get(actor_type or "", "actor")
        name = canonical_name(name)
        return self._mint(folder, name, folder, name)

    def actor_set(self, members: Iterable[str]) -> str:
        """A set of actors: the sorted member IRIs."""
        return self._actor_set(tuple(_sorted_unique(members)))

    def _actor_set_of(self, keys: tuple[str, ...]) -> str:
        readable = "-".join(k.rsplit("/", 1)[-1].rsplit("-", 1)[0] for k in keys)
        return self._mint("actorset", readable, *keys)

    # --- facts --------------------------------------------------------------------------------

    def office(self, person: str, role: str, state: str | None, start: str | None, end: str | None) -> str:
        """An office holding: person + role + state + start + end."""
        role = canonical_name(role)
        return self._mint("office", role, person, role, state, start, end)

    def event(self, event_type: str, date: str | None, participants: Iterable[str], place: str | None,
              key: str | None = None) -> str:
        """An event: type + date + sorted participants + place (+ what tells it from another of the
        same, where something does: Event.key). The label is left out on purpose: two documents
        describing one visit in different words must meet in one node."""
        parts: tuple[object, ...] = (event_type, date, _sorted_unique(participants), place)
        return self._mint("event", f"{event_type}-{date or ''}", *parts, *((key,) if key else ()))

    def goal(
        self,
        text: str,
        metric: str | None,
        target: str | None,
        unit: str | None,
        deadline: str | None,
        holders: Iterable[str],
    ) -> str:
        """A goal. Quantified (a target): metric + target + unit + deadline + holders, so one target
        worded differently is one goal. Qualitative: normalised text + metric + deadline + holders."""
        holders_key = _sorted_unique(holders)
        if target is not None:
            return self._mint("goal", metric or text, "q", metric, target, unit, deadline, holders_key)
        return self._mint("goal", text, "t", normalize_text(text), metric, deadline, holders_key)

    def figure(
        self,
        metric: str | None,
        value: str,
        unit: str | None,
        approx: bool,
        date: str | None,
        subjects: Iterable[str],
    ) -> str:
        """A figure: metric + value + unit + approximate + date + sorted subjects (not its text)."""
        readable = "-".join(p for p in (metric, value, unit, date) if p)
        return self._mint("figure", readable, metric, value, unit, approx, date, _sorted_unique(subjects))

    def cooperation(self, topic: str, subjects: Iterable[str] = ()) -> str:
        """Cooperation in an area: topic notation + sorted subjects (none in the fact model yet)."""
        return self._cooperation(topic, tuple(_sorted_unique(subjects)))

    def _cooperation_of(self, topic: str, subjects: tuple[str, ...]) -> str:
        return self._mint("cooperation", topic, topic, list(subjects))

    def _threat(self, name: str) -> str:
        """A threat: its canonical name."""
        name = canonical_name(name)
        return self._mint("threat", name, name)

    def relation(self, kind: str, subjects: Iterable[str]) -> str:
        """A relation characterisation: kind + sorted subjects."""
        kind = canonical_name(kind)
        return self._mint("relation", kind, kind, _sorted_unique(subjects))
