"""The gazetteer: the names of states, people, organisations, regions and cities, as data.

The data lives in YAML files beside this module (``countries.yaml``, ``organizations.yaml``,
``regions.yaml``, ``cities.yaml``, ``persons.yaml``, ``titles.yaml``); each file's comment header
explains its fields. Users extend it without touching code: a folder holding any of the same
file names, in the same schema, is passed to :meth:`Gazetteer.load` (``--gazetteer DIR``).

Merging. The packaged data is read first, then each extra folder in order. An entry whose type
and canonical name match an earlier one replaces it, unless it says ``extend: true``: then its
list fields are appended to the earlier entry's (duplicates dropped) and its scalar fields
override. ``titles.yaml`` entries merge the same way, keyed by ``role``.

Validation. Any problem is a :class:`GazetteerError` whose ``str()`` is the single line
``path:line: problem`` (unknown key, missing name, wrong type, bad ISO code/QID/date, an office
whose state or role is unknown, a duplicate name or surface form within one type, ...).

Surface forms. ``Entry.aliases`` holds every form naming the entry besides its canonical name:
official names, short names, abbreviations (also listed in ``case_sensitive_aliases``: they must
match with exact case) and, generated here, spellings without diacritics ("Erdoğan" ->
"Erdogan", "Côte d'Ivoire" -> "Cote d'Ivoire") and with a typographic apostrophe
("People's" -> "People’s"). Capitals, adjectives and demonyms are kept in their own fields.
:meth:`Gazetteer.surface_forms` lists every form with its entry and kind, for a matcher's index.

Dated offices. ``holder(role, state, on)`` answers who held a role for a state on a date given
as YYYY, YYYY-MM or YYYY-MM-DD (None: the latest known holder). An office's ``start`` is the
first day in office and its ``end`` the day the successor took over (so on a handover day the
successor holds the office). Partial dates in the data stand for their whole period (an end
of "2019-03" may be any day of March 2019). For a query period (a year, a month) the holder is
the one whose term covers most of that period; on a tie (including overlaps caused by partial
dates) the later-starting holder wins, i.e. the one in office at the end of the period. The
roles "Head of State", "Head of Government" and "Leader" are generic: they resolve through the
roles a country lists in ``head_of_state`` / ``head_of_government`` / ``leader``, tried in
order (Turkey's head of government: the Prime Minister, and from 2018 the President).

Speed. Parsing and validating the packaged files takes about 130 ms; the validated result is
therefore cached as JSON under the user's cache folder (``cache_dir()``; AMITY_CACHE_DIR to
move it, AMITY_NO_CACHE=1 to switch it off), keyed by a hash of every source file's bytes and
of this module, so a cached load (about 25 ms) can never serve stale data.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import astuple, dataclass, field
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "ACTOR_TYPES",
    "FILES",
    "Entry",
    "Gazetteer",
    "GazetteerError",
    "KnownOffice",
    "SurfaceForm",
    "TitleForm",
    "load",
]

_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_NULL_TAG = "tag:yaml.org,2002:null"


class _Resolving:
    """Only null needs resolving here (every other scalar is read as its raw text, so that
    "NO" stays Norway's ISO code and 2019-03-20 stays a string); skipping PyYAML's regex
    resolver for every scalar makes loading about a third faster."""

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode:
            if implicit[0] and value in _NULLS:
                return _NULL_TAG
            return "tag:yaml.org,2002:str"
        if kind is yaml.SequenceNode:
            return "tag:yaml.org,2002:seq"
        return "tag:yaml.org,2002:map"


class _Loader(_Resolving, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's parser where PyYAML has it (several times faster), with the resolver above."""

ACTOR_TYPES = ("Country", "Person", "Organization", "Region", "City")
TYPE_FILES = {
    "countries.yaml": "Country",
    "organizations.yaml": "Organization",
    "regions.yaml": "Region",
    "cities.yaml": "City",
    "persons.yaml": "Person",
}
FILES = (*TYPE_FILES, "titles.yaml")
#: get(name) without a type looks in this order.
_TYPE_PRIORITY = ("Country", "Organization", "Person", "Region", "City")
STATUSES = ("member", "observer", "other")
ORG_KINDS = ("intergovernmental", "media", "agency", "initiative", "company", "other")
TITLE_KINDS = ("dated", "generic", "other")
GENERIC_ROLES = ("Head of State", "Head of Government", "Leader")


class GazetteerError(Exception):
    """A malformed gazetteer file or entry; ``str()`` is one line: ``path:line: problem``."""

    def __init__(self, path: str | Path, line: int | None, problem: str):
        self.path = str(path)
        self.line = line
        self.problem = problem
        super().__init__(f"{self.path}:{line if line is not None else 1}: {problem}")


@dataclass(frozen=True, slots=True)
class Entry:
    """One named actor. ``aliases`` excludes ``name``; ``names`` is both."""

    name: str
    type: str  # "Country" | "Person" | "Organization" | "Region" | "City"
    aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()  # Country: names of its capital(s) used in news
    country: str | None = None  # City, Region: its country; Person: nationality; media: home
    iso_code: str | None = None  # ISO 3166-1 alpha-2 (Country)
    iso3: str | None = None  # ISO 3166-1 alpha-3 (Country)
    wikidata: str | None = None
    kind: str | None = None  # Organization: intergovernmental | media | agency | ...
    ambiguous: bool = False
    case_sensitive_aliases: tuple[str, ...] = ()
    ambiguous_aliases: tuple[str, ...] = ()  # the forms that need context (subset of names)
    official: tuple[str, ...] = ()  # Country: official names (also in aliases)
    status: str | None = None  # Country: member | observer | other
    capital: bool = False  # City: a capital (or seat of government) of `country`
    members: tuple[str, ...] = ()  # Region: the countries it is made of, where well defined

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class KnownOffice:
    """A dated office from persons.yaml. ``state`` is a Country or an Organization name."""

    person: str
    role: str
    state: str | None
    start: str | None
    end: str | None
    acting: bool = False
    note: str | None = None


@dataclass(frozen=True, slots=True)
class SurfaceForm:
    """One way of naming an entry, for a matcher's index."""

    text: str
    entry: Entry
    kind: str  # name | alias | abbreviation | adjective | demonym | capital
    case_sensitive: bool = False
    ambiguous: bool = False


@dataclass(frozen=True, slots=True)
class TitleForm:
    """A surface title ("Minister of Foreign Affairs") for a role; ``state`` limits it to one."""

    text: str
    role: str
    state: str | None = None
    case_sensitive: bool = False


# --------------------------------------------------------------------------- YAML with lines


class _Str(str):
    """A scalar's raw text with its line; `null` for an empty/~/null plain scalar."""

    line: int
    null: bool
    quoted: bool


class _Map(dict):
    line: int
    key_lines: dict[str, int]


class _Seq(list):
    line: int


def _plain(node: yaml.Node, path: str) -> Any:
    cls = node.__class__
    if cls is yaml.ScalarNode:
        s = _Str(node.value)
        s.line = node.start_mark.line + 1
        s.quoted = node.style in ("'", '"')
        s.null = node.tag == _NULL_TAG and not s.quoted
        return s
    if cls is yaml.SequenceNode:
        seq = _Seq([_plain(n, path) for n in node.value])
        seq.line = node.start_mark.line + 1
        return seq
    if cls is yaml.MappingNode:
        m = _Map()
        m.line = node.start_mark.line + 1
        m.key_lines = lines = {}
        for k, v in node.value:
            if k.__class__ is not yaml.ScalarNode:
                raise GazetteerError(path, k.start_mark.line + 1, "a key must be a plain word")
            key = k.value
            if key in m:
                raise GazetteerError(path, k.start_mark.line + 1, f"key {key!r} given twice")
            m[key] = _plain(v, path)
            lines[key] = k.start_mark.line + 1
        return m
    raise GazetteerError(path, node.start_mark.line + 1, "unsupported YAML node")  # pragma: no cover


def _read_bytes(path: Path | Any, label: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise GazetteerError(label, None, f"cannot read file: {exc.strerror or exc}") from exc


def _read_yaml(raw: bytes, label: str) -> list[_Map]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise GazetteerError(label, line, "not valid UTF-8") from exc
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise GazetteerError(label, line, f"YAML syntax: {exc.problem or exc.context}") from exc
    except yaml.YAMLError as exc:  # pragma: no cover - other scanner errors
        raise GazetteerError(label, None, f"YAML: {exc}") from exc
    if node is None:
        return []
    data = _plain(node, label)
    if isinstance(data, _Str) and data.null:
        return []
    if not isinstance(data, _Seq):
        raise GazetteerError(label, data.line, "the file must be a list of entries ('- name: ...')")
    for item in data:
        if not isinstance(item, _Map):
            raise GazetteerError(label, item.line, "each entry must be a mapping of fields")
    return list(data)


# --------------------------------------------------------------------------- field checks

_ISO2 = re.compile(r"^[A-Z]{2}$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_TRUE = {"true", "yes", "on"}
_FALSE = {"false", "no", "off"}


def _is_null(v: Any) -> bool:
    return v.__class__ is _Str and v.null


class _Checker:
    def __init__(self, path: str):
        self.path = path

    def fail(self, line: int | None, problem: str) -> GazetteerError:
        return GazetteerError(self.path, line, problem)

    def text(self, v: Any, key: str, line: int) -> str | None:
        if _is_null(v):
            return None
        if not isinstance(v, _Str):
            raise self.fail(line, f"{key!r} must be a single text, not a list or mapping")
        s = str(v).strip()
        if not s:
            return None
        if "\n" in s:
            raise self.fail(v.line, f"{key!r} must be on one line")
        return s

    def texts(self, v: Any, key: str, line: int) -> tuple[str, ...]:
        if _is_null(v):
            return ()
        if isinstance(v, _Str):  # a single form is accepted for a list field
            s = self.text(v, key, line)
            return (s,) if s else ()
        if not isinstance(v, _Seq):
            raise self.fail(line, f"{key!r} must be a list of texts")
        out = []
        for item in v:
            if not isinstance(item, _Str) or _is_null(item):
                raise self.fail(getattr(item, "line", line), f"{key!r} must be a list of texts")
            s = str(item).strip()
            if not s:
                raise self.fail(item.line, f"empty text in {key!r}")
            out.append(s)
        return tuple(out)

    def flag(self, v: Any, key: str, line: int) -> bool:
        if isinstance(v, _Str) and not v.quoted and v.lower() in _TRUE | _FALSE:
            return v.lower() in _TRUE
        raise self.fail(line, f"{key!r} must be true or false")

    def pattern(self, v: Any, key: str, line: int, rx: re.Pattern, what: str) -> str | None:
        s = self.text(v, key, line)
        if s is not None and not rx.match(s):
            raise self.fail(line, f"{key!r} must be {what}, not {s!r}")
        return s

    def choice(self, v: Any, key: str, line: int, allowed: Sequence[str]) -> str | None:
        s = self.text(v, key, line)
        if s is not None and s not in allowed:
            raise self.fail(line, f"{key!r} must be one of {', '.join(allowed)}; not {s!r}")
        return s

    def date(self, v: Any, key: str, line: int) -> str | None:
        s = self.text(v, key, line)
        if s is None:
            return None
        if _parse_date(s) is None:
            raise self.fail(line, f"{key!r} must be a date YYYY, YYYY-MM or YYYY-MM-DD; not {s!r}")
        return s


def _parse_date(s: str) -> tuple[int, int] | None:
    """A date or period as a half-open range of day ordinals [first, after_last)."""
    m = _DATE.match(s)
    if not m:
        return None
    y, mo, d = (int(g) if g else None for g in m.groups())
    try:
        if d is not None:
            first = date(y, mo, d).toordinal()
            return first, first + 1
        if mo is not None:
            ndays = calendar.monthrange(y, mo)[1]
            first = date(y, mo, 1).toordinal()
            return first, first + ndays
        return date(y, 1, 1).toordinal(), date(y + 1, 1, 1).toordinal()
    except ValueError:
        return None


# Which keys each file accepts: key -> kind of value.
_COMMON = {"name": "text", "aliases": "texts", "abbreviations": "texts", "wikidata": "qid",
           "ambiguous": "ambiguous", "note": "text", "extend": "flag"}
_SCHEMAS: dict[str, dict[str, str]] = {
    "Country": {**_COMMON, "official": "texts", "adjectives": "texts", "demonyms": "texts",
                "capitals": "texts", "iso": "iso2", "iso3": "iso3", "status": "status",
                "head_of_state": "texts", "head_of_government": "texts", "leader": "texts"},
    "Organization": {**_COMMON, "kind": "orgkind", "country": "text"},
    "Region": {**_COMMON, "adjectives": "texts", "country": "text", "countries": "texts"},
    "City": {**_COMMON, "country": "text", "capital": "flag"},
    "Person": {**_COMMON, "country": "text", "offices": "offices"},
}
_OFFICE_KEYS = {"role": "text", "state": "text", "start": "date", "end": "date", "acting": "flag",
                "note": "text"}
_TITLE_KEYS = {"role": "text", "kind": "titlekind", "forms": "texts", "abbreviations": "texts",
               "state_forms": "stateforms", "note": "text", "extend": "flag"}
_LIST_FIELDS = {"aliases", "abbreviations", "official", "adjectives", "demonyms", "capitals",
                "countries", "offices", "forms", "head_of_state", "head_of_government", "leader"}


@dataclass
class _Raw:
    """An entry as read, before merging and cross-checks; `where` maps a field to (path, line)."""

    type: str
    fields: dict[str, Any]
    path: str
    line: int
    where: dict[str, tuple[str, int]] = field(default_factory=dict)


def _read_fields(chk: _Checker, item: _Map, schema: dict[str, str], what: str
                 ) -> tuple[dict[str, Any], dict[str, tuple[str, int]]]:
    """Each key of `item` checked against `schema` and read by its kind; `where` keeps the line of
    every key so that later cross-checks can name it."""
    out: dict[str, Any] = {}
    where: dict[str, tuple[str, int]] = {}
    for key, value in item.items():
        line = item.key_lines[key]
        kind = schema.get(key)
        if kind is None:
            raise chk.fail(line, f"unknown key {key!r} in {what} "
                                 f"(allowed: {', '.join(sorted(schema))})")
        where[key] = (chk.path, line)
        out[key] = _read_value(chk, kind, value, key, line)
    return out, where


def _read_value(chk: _Checker, kind: str, value: Any, key: str, line: int) -> Any:
    if kind == "text":
        return chk.text(value, key, line)
    if kind == "texts":
        return chk.texts(value, key, line)
    if kind == "flag":
        return chk.flag(value, key, line)
    if kind == "date":
        return chk.date(value, key, line)
    if kind == "qid":
        return chk.pattern(value, key, line, _QID, "a Wikidata id like Q232")
    if kind == "iso2":
        return chk.pattern(value, key, line, _ISO2, "an ISO 3166-1 alpha-2 code like KZ")
    if kind == "iso3":
        return chk.pattern(value, key, line, _ISO3, "an ISO 3166-1 alpha-3 code like KAZ")
    if kind == "status":
        return chk.choice(value, key, line, STATUSES)
    if kind == "orgkind":
        return chk.choice(value, key, line, ORG_KINDS)
    if kind == "titlekind":
        return chk.choice(value, key, line, TITLE_KINDS)
    if kind == "ambiguous":
        if isinstance(value, _Str) and not value.quoted and value.lower() in _TRUE | _FALSE:
            return value.lower() in _TRUE
        return chk.texts(value, key, line)
    if kind == "offices":
        return _parse_offices(chk, value, line)
    if kind == "stateforms":
        return _parse_state_forms(chk, value, line)
    raise AssertionError(f"schema kind {kind!r} has no reader")


def _parse_entry(chk: _Checker, item: _Map, type_: str) -> _Raw:
    out, where = _read_fields(chk, item, _SCHEMAS[type_], f"a {type_} entry")
    if not out.get("name"):
        raise chk.fail(item.line, f"a {type_} entry needs a 'name'")
    return _Raw(type_, out, chk.path, item.line, where)


def _parse_offices(chk: _Checker, value: Any, line: int) -> tuple[dict[str, Any], ...]:
    if _is_null(value):
        return ()
    if not isinstance(value, _Seq):
        raise chk.fail(line, "'offices' must be a list of {role, state, start, end}")
    out = []
    for item in value:
        if not isinstance(item, _Map):
            raise chk.fail(getattr(item, "line", line), "each office must be a mapping "
                                                        "{role, state, start, end}")
        fields, _ = _read_fields(chk, item, _OFFICE_KEYS, "an office")
        office: dict[str, Any] = {"_path": chk.path, "_line": item.line, **fields}
        if not office.get("role"):
            raise chk.fail(item.line, "an office needs a 'role'")
        start, end = office.get("start"), office.get("end")
        if start and end and _parse_date(start)[0] >= _parse_date(end)[1]:
            raise chk.fail(item.line, f"office ends ({end}) before it starts ({start})")
        out.append(office)
    return tuple(out)


def _parse_state_forms(chk: _Checker, value: Any, line: int) -> dict[str, tuple[tuple[str, ...], int]]:
    if _is_null(value):
        return {}
    if not isinstance(value, _Map):
        raise chk.fail(line, "'state_forms' must map a country name to a list of forms")
    return {state: (chk.texts(v, f"state_forms.{state}", value.key_lines[state]), value.key_lines[state])
            for state, v in value.items()}


def _parse_title(chk: _Checker, item: _Map) -> _Raw:
    out, where = _read_fields(chk, item, _TITLE_KEYS, "a title entry")
    if not out.get("role"):
        raise chk.fail(item.line, "a title entry needs a 'role'")
    return _Raw("Title", out, chk.path, item.line, where)


# --------------------------------------------------------------------------- spelling variants

_FOLD = str.maketrans({"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d",
                       "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
                       "ʻ": "'", "ʼ": "'", "‘": "'", "’": "'"})


def _fold(s: str) -> str:
    """Drop diacritics: 'Erdoğan' -> 'Erdogan', 'Côte d’Ivoire' -> "Cote d'Ivoire"."""
    if s.isascii():
        return s
    s = s.translate(_FOLD)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _variants(forms: Iterable[str]) -> list[str]:
    """The forms, then their diacritic-free and typographic-apostrophe spellings, deduplicated."""
    out: list[str] = []
    seen: set[str] = set()

    def add(f: str) -> None:
        if f not in seen:
            seen.add(f)
            out.append(f)

    forms = list(forms)
    for f in forms:
        add(f)
    for f in forms:
        add(_fold(f))
    for f in list(out):
        if "'" in f:
            add(f.replace("'", "’"))
    return out


def _dedup(items: Iterable[str], exclude: Iterable[str] = ()) -> tuple[str, ...]:
    seen = set(exclude)
    out = []
    for i in items:
        if i not in seen:
            seen.add(i)
            out.append(i)
    return tuple(out)


# --------------------------------------------------------------------------- the gazetteer


def _data_root() -> Any:
    return files(__name__)


class Gazetteer:
    """Entries, dated offices and titles; build it with :meth:`load`."""

    entries: tuple[Entry, ...]
    offices: tuple[KnownOffice, ...]
    titles: dict[str, tuple[str, ...]]
    title_forms: tuple[TitleForm, ...]

    def __init__(self, entries: Sequence[Entry], offices: Sequence[KnownOffice],
                 titles: dict[str, tuple[str, ...]], title_forms: Sequence[TitleForm],
                 title_kinds: dict[str, str], role_sets: dict[str, dict[str, tuple[str, ...]]]):
        self.entries = tuple(entries)
        self.offices = tuple(offices)
        self.titles = dict(titles)
        self.title_forms = tuple(title_forms)
        self.title_kinds = dict(title_kinds)
        self._role_sets = role_sets
        self._by_name: dict[tuple[str, str], Entry] = {(e.type, e.name): e for e in self.entries}
        self._by_form: dict[str, list[Entry]] = {}
        self._by_fold: dict[str, list[Entry]] = {}
        for e in self.entries:
            for form in e.names:
                self._by_form.setdefault(form, []).append(e)
                if form not in e.case_sensitive_aliases:
                    self._by_fold.setdefault(form.casefold(), []).append(e)
        self._adjective: dict[str, Entry] = {}
        for e in self.entries:
            if e.type == "Country":
                for adj in (*e.adjectives, *e.demonyms):
                    self._adjective.setdefault(adj.casefold(), e)
        self._offices: dict[tuple[str, str | None], list[KnownOffice]] = {}
        self._person_offices: dict[str, list[KnownOffice]] = {}
        self._offices_cache: dict[str, tuple[KnownOffice, ...]] = {}
        for o in self.offices:
            self._offices.setdefault((o.role, o.state), []).append(o)
            self._person_offices.setdefault(o.person, []).append(o)
        self._roles_ci = {r.casefold(): r for r in self.title_kinds}
        self._title_ci: dict[str, list[TitleForm]] = {}
        for tf in self.title_forms:
            key = tf.text if tf.case_sensitive else tf.text.casefold()
            self._title_ci.setdefault(key, []).append(tf)

    # ---------------------------------------------------------------- loading

    @classmethod
    def load(cls, extra_dirs: Sequence[Path | str] = (), *, cache: bool = True) -> Gazetteer:
        """The packaged data plus each folder of ``extra_dirs`` (same file names and schema).

        With ``cache`` (the default) the validated result is kept as JSON in the user's cache
        folder, keyed by a hash of every source file's content and of this module, so that
        later loads skip parsing (see :func:`cache_dir`); any change to a file is a new key.
        """
        sources: list[tuple[Any, str]] = [(_data_root(), "")]
        for d in extra_dirs:
            p = Path(d)
            if not p.is_dir():
                raise GazetteerError(p, None, "gazetteer folder not found")
            sources.append((p, str(p)))
        found: list[tuple[str, str, bytes]] = []
        for root, label in sources:
            for fname in FILES:
                f = root / fname
                if not f.is_file():
                    continue
                shown = str(Path(label) / fname) if label else f"<amity>/extract/gazetteer/{fname}"
                found.append((shown, fname, _read_bytes(f, shown)))
        key = _cache_key(found) if cache else None
        if key is not None:
            cached = _cache_read(key)
            if cached is not None:
                return cached
        merged: dict[tuple[str, str], _Raw] = {}
        titles: dict[str, _Raw] = {}
        for shown, fname, raw in found:
            _merge_file(raw, shown, fname, merged, titles)
        gaz = _build(merged, titles)
        if key is not None:
            _cache_write(key, gaz)
        return gaz

    # ---------------------------------------------------------------- look-ups

    def get(self, name: str, type: str | None = None) -> Entry | None:  # noqa: A002
        """The entry named ``name`` (canonical name first, then any alias) of ``type``."""
        types = (type,) if type else _TYPE_PRIORITY
        for t in types:
            e = self._by_name.get((t, name))
            if e is not None:
                return e
        for pool in (self._by_form.get(name, ()), self._by_fold.get(name.casefold(), ())):
            for t in types:
                for e in pool:
                    if e.type == t:
                        return e
        return None

    def by_type(self, type: str) -> tuple[Entry, ...]:  # noqa: A002
        return tuple(e for e in self.entries if e.type == type)

    def country_of_adjective(self, word: str) -> Entry | None:
        """The country an adjective or demonym refers to ("Uzbek" -> Uzbekistan)."""
        return self._adjective.get(word.casefold())

    def surface_forms(self) -> tuple[SurfaceForm, ...]:
        """Every surface form of every entry, with its kind, for building a matcher's index."""
        out: list[SurfaceForm] = []
        for e in self.entries:
            amb = set(e.ambiguous_aliases)
            cs = set(e.case_sensitive_aliases)
            out.append(SurfaceForm(e.name, e, "name", e.name in cs, e.name in amb))
            for a in e.aliases:
                out.append(SurfaceForm(a, e, "abbreviation" if a in cs else "alias", a in cs, a in amb))
            for a in e.adjectives:
                out.append(SurfaceForm(a, e, "adjective", False, a in amb))
            for a in e.demonyms:
                out.append(SurfaceForm(a, e, "demonym", False, a in amb))
            for a in e.capitals:
                out.append(SurfaceForm(a, e, "capital", False, a in amb))
        return tuple(out)

    # ---------------------------------------------------------------- titles and offices

    def role_of(self, title: str, state: str | None = None) -> str | None:
        """The role a surface title names ("Minister of Foreign Affairs" -> "Foreign Minister").

        Forms valid for one state only ("Secretary of State" -> Foreign Minister, United States)
        count only when ``state`` is that state; a role's own name always counts.
        """
        canon = self._roles_ci.get(title.casefold())
        cands = self._title_ci.get(title, []) + self._title_ci.get(title.casefold(), [])
        st = self._state_name(state) if state else None
        for tf in cands:
            if tf.state is not None and st is not None and tf.state == st:
                return tf.role
        if canon:
            return canon
        for tf in cands:
            if tf.state is None:
                return tf.role
        return None

    def holders(self, role: str, state: str) -> tuple[KnownOffice, ...]:
        """Every known office of ``role`` for ``state``, in order of start."""
        st = self._state_name(state)
        if st is None:
            return ()
        pool = [o for r in self._roles_for(role, st) for o in self._offices.get((r, st), ())]
        return tuple(sorted(pool, key=lambda o: _span(o)[0]))

    def holder(self, role: str, state: str, on: str | None = None) -> str | None:
        """Who held ``role`` for ``state`` on ``on`` (YYYY, YYYY-MM, YYYY-MM-DD; None = latest).

        A generic role ("Head of Government") tries the state's roles for it in their order
        (Turkey: Prime Minister, then President) and answers with the first that has a holder.
        """
        st = self._state_name(state)
        if st is None:
            return None
        for r in self._roles_for(role, st):
            who = self._holder_of(tuple(self._offices.get((r, st), ())), on)
            if who is not None:
                return who
        return None

    def _holder_of(self, pool: tuple[KnownOffice, ...], on: str | None) -> str | None:
        if not pool:
            return None
        if on is None:
            open_ = [o for o in pool if o.end is None]
            if open_:
                return max(open_, key=lambda o: _span(o)[0]).person
            return max(pool, key=lambda o: (_span(o)[1], _span(o)[0])).person
        period = _parse_date(on)
        if period is None:
            raise ValueError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {on!r}")
        lo, hi = period
        best: tuple[int, int] | None = None
        who = None
        for o in pool:
            s, e = _span(o)
            overlap = min(hi, e) - max(lo, s)
            if overlap <= 0:
                continue
            score = (overlap, s)
            if best is None or score > best:
                best, who = score, o.person
        return who

    def offices_of(self, person: str) -> tuple[KnownOffice, ...]:
        """The person's offices in time order, remembered per name: assembly asks for the same
        people for every event and goal of a document (the gazetteer does not change once loaded)."""
        known = self._offices_cache.get(person)
        if known is None:
            e = self.get(person, "Person")
            known = () if e is None else tuple(sorted(self._person_offices.get(e.name, ()), key=lambda o: _span(o)[0]))
            if len(self._offices_cache) < 100_000:
                self._offices_cache[person] = known
        return known

    def in_office_on(self, person: str, on: str) -> bool:
        """Whether the person held any recorded office at some time in ``on`` (YYYY, YYYY-MM, YYYY-MM-DD)."""
        return _parse_date(on) is not None and self._holder_of(self.offices_of(person), on) is not None

    def _state_name(self, state: str) -> str | None:
        e = self.get(state, "Country") or self.get(state, "Organization")
        if e is None:
            e = self.country_of_adjective(state)
        return e.name if e else None

    def _roles_for(self, role: str, state: str) -> tuple[str, ...]:
        r = self._roles_ci.get(role.casefold()) or self.role_of(role, state)
        if r is None:
            return ()
        if r in GENERIC_ROLES:
            sets = self._role_sets.get(state, {})
            hos = sets.get("head_of_state") or ("President",)
            if r == "Head of State":
                return hos
            if r == "Head of Government":
                return sets.get("head_of_government") or ("Prime Minister",)
            return sets.get("leader") or hos
        return (r,)


_FAR = date(9999, 12, 31).toordinal()


def _span(o: KnownOffice) -> tuple[int, int]:
    """An office as [first day, day after the last) in ordinals (see the module docstring)."""
    s = _parse_date(o.start)[0] if o.start else 0
    if o.end is None:
        e = _FAR
    else:
        lo, hi = _parse_date(o.end)
        e = lo if hi - lo == 1 else hi
    return s, e


# --------------------------------------------------------------------------- merge and build


def _merge_file(raw: bytes, shown: str, fname: str, merged: dict, titles: dict) -> None:
    items = _read_yaml(raw, shown)
    chk = _Checker(shown)
    type_ = TYPE_FILES.get(fname)
    seen: dict[str, int] = {}
    for item in items:
        raw = _parse_title(chk, item) if type_ is None else _parse_entry(chk, item, type_)
        key_name = raw.fields["role"] if type_ is None else raw.fields["name"]
        if key_name in seen:
            what = "role" if type_ is None else f"{type_} name"
            raise chk.fail(raw.line, f"duplicate {what} {key_name!r} (first at line {seen[key_name]})")
        seen[key_name] = raw.line
        table, key = (titles, key_name) if type_ is None else (merged, (type_, key_name))
        old = table.get(key)
        if old is not None and raw.fields.get("extend"):
            _extend(old, raw)
        else:
            if raw.fields.get("extend") and old is None:
                raise chk.fail(raw.line, f"'extend: true' but no earlier entry {key_name!r} to extend")
            table[key] = raw


def _extend(old: _Raw, new: _Raw) -> None:
    for key, value in new.fields.items():
        if key in ("name", "role", "extend"):
            continue
        if key in _LIST_FIELDS:
            old.fields[key] = tuple(old.fields.get(key, ())) + tuple(value)
        elif key == "state_forms":
            sf = dict(old.fields.get("state_forms", {}))
            for st, (forms, line) in value.items():
                prev = sf.get(st, ((), line))[0]
                sf[st] = (tuple(prev) + tuple(forms), line)
            old.fields[key] = sf
        else:
            old.fields[key] = value
        old.where[key] = new.where[key]


def _build(merged: dict[tuple[str, str], _Raw], titles_raw: dict[str, _Raw]) -> Gazetteer:
    # Titles first: roles are what offices and countries refer to.
    title_kinds: dict[str, str] = {}
    titles: dict[str, tuple[str, ...]] = {}
    title_forms: list[TitleForm] = []
    for role, raw in titles_raw.items():
        f = raw.fields
        title_kinds[role] = f.get("kind") or "other"
        forms = _variants(f.get("forms", ()))
        abbrs = list(f.get("abbreviations", ()))
        all_forms = [role, *forms, *abbrs]
        for text in forms:
            title_forms.append(TitleForm(text, role))
        for text in abbrs:
            title_forms.append(TitleForm(text, role, case_sensitive=True))
        for st, (sforms, _line) in f.get("state_forms", {}).items():
            for text in _variants(sforms):
                title_forms.append(TitleForm(text, role, st))
                all_forms.append(text)
        titles[role] = _dedup(all_forms)

    raws = list(merged.values())
    # Names of countries (and aliases) for resolving references.
    countries = {r.fields["name"]: r for r in raws if r.type == "Country"}
    orgs = {r.fields["name"]: r for r in raws if r.type == "Organization"}

    def names_of(r: _Raw) -> list[str]:
        f = r.fields
        return [f["name"], *f.get("official", ()), *f.get("aliases", ()), *f.get("abbreviations", ())]

    country_alias: dict[str, str] = {}
    for name, r in countries.items():
        for n in _variants(names_of(r)):
            country_alias.setdefault(n, name)
    org_alias: dict[str, str] = {}
    for name, r in orgs.items():
        for n in _variants(names_of(r)):
            org_alias.setdefault(n, name)

    def country_ref(r: _Raw, key: str, value: str) -> str:
        c = country_alias.get(value)
        if c is None:
            path, line = r.where.get(key, (r.path, r.line))
            raise GazetteerError(path, line, f"{key!r}: unknown country {value!r}")
        return c

    # Fix the state-specific title forms to canonical country names.
    for raw in titles_raw.values():
        for st, (_forms, line) in raw.fields.get("state_forms", {}).items():
            if st not in country_alias:
                raise GazetteerError(raw.path, line, f"state_forms: unknown country {st!r}")
    title_forms = [TitleForm(t.text, t.role, country_alias[t.state], t.case_sensitive) if t.state else t
                   for t in title_forms]

    role_sets: dict[str, dict[str, tuple[str, ...]]] = {}
    entries: list[Entry] = []
    offices: list[KnownOffice] = []
    for r in raws:
        f = r.fields
        name = f["name"]
        official = f.get("official", ())
        abbrs = f.get("abbreviations", ())
        aliases = _dedup(_variants([*official, *f.get("aliases", ())]) + list(abbrs), exclude=[name])
        folded_name = [v for v in _variants([name]) if v != name]
        aliases = _dedup([*folded_name, *aliases], exclude=[name])
        amb = f.get("ambiguous", False)
        if amb is True:
            amb_forms: tuple[str, ...] = (name, *folded_name)
        elif amb:
            amb_forms = tuple(amb)
            for a in amb_forms:
                known = (*aliases, *f.get("adjectives", ()), *f.get("demonyms", ()), *f.get("capitals", ()))
                if a != name and a not in known:
                    path, line = r.where["ambiguous"]
                    raise GazetteerError(path, line, f"'ambiguous' lists {a!r}, which is not one of "
                                                     "this entry's names, adjectives, demonyms or capitals")
        else:
            amb_forms = ()
        country = None
        members: tuple[str, ...] = ()
        capital = False
        if r.type in ("City", "Region", "Organization") and f.get("country"):
            country = country_ref(r, "country", f["country"])
        if r.type == "City":
            if country is None:
                raise GazetteerError(r.path, r.line, f"city {name!r} needs a 'country'")
            capital = bool(f.get("capital", False))
        if r.type == "Region":
            members = tuple(country_ref(r, "countries", c) for c in f.get("countries", ()))
        if r.type == "Country":
            sets = {}
            for key in ("head_of_state", "head_of_government", "leader"):
                roles = f.get(key, ())
                for role in roles:
                    if title_kinds.get(role) != "dated":
                        path, line = r.where[key]
                        raise GazetteerError(path, line, f"{key!r}: {role!r} is not a dated role "
                                                         "of titles.yaml")
                if roles:
                    sets[key] = tuple(roles)
            role_sets[name] = sets
        if r.type == "Person":
            person_states: list[str] = []
            for o in f.get("offices", ()):
                role = o["role"]
                if title_kinds.get(role) != "dated":
                    dated = ", ".join(k for k, v in title_kinds.items() if v == "dated")
                    raise GazetteerError(o["_path"], o["_line"], f"office role {role!r} is not a "
                                                                 f"dated role of titles.yaml ({dated})")
                st = o.get("state")
                st_name = None
                if st:
                    st_name = country_alias.get(st) or org_alias.get(st)
                    if st_name is None:
                        raise GazetteerError(o["_path"], o["_line"],
                                             f"office state {st!r} is not a known country or organization")
                    if st_name in countries:
                        person_states.append(st_name)
                offices.append(KnownOffice(name, role, st_name, o.get("start"), o.get("end"),
                                           bool(o.get("acting", False)), o.get("note")))
            if f.get("country"):
                country = country_ref(r, "country", f["country"])
            elif person_states:
                country = max(person_states, key=lambda s: (person_states.count(s), -person_states.index(s)))
        entries.append(Entry(
            name=name,
            type=r.type,
            aliases=aliases,
            adjectives=_dedup(_variants(f.get("adjectives", ()))),
            demonyms=_dedup(_variants(f.get("demonyms", ()))),
            capitals=_dedup(_variants(f.get("capitals", ()))),
            country=country,
            iso_code=f.get("iso"),
            iso3=f.get("iso3"),
            wikidata=f.get("wikidata"),
            kind=f.get("kind"),
            ambiguous=bool(amb_forms),
            case_sensitive_aliases=tuple(abbrs),
            ambiguous_aliases=amb_forms,
            official=tuple(official),
            status=f.get("status"),
            capital=capital,
            members=members,
        ))
    _check_collisions(entries, merged)
    entries.sort(key=lambda e: (ACTOR_TYPES.index(e.type), e.name))
    return Gazetteer(entries, offices, titles, title_forms, title_kinds, role_sets)


def _check_collisions(entries: list[Entry], merged: dict[tuple[str, str], _Raw]) -> None:
    """Within one type, no two entries may share a surface form (it would be unresolvable), except
    people who both list the form as `ambiguous`: a title two leaders bear ("Leader of the Nation")
    is read as the one whose states the text names (mentions._settle_shared_names)."""
    owner: dict[tuple[str, str], Entry] = {}
    for e in entries:
        for form in e.names:
            key = (e.type, form if form in e.case_sensitive_aliases else form.casefold())
            previous = owner.get(key)
            other = previous.name if previous is not None else None
            if previous is not None and e.type == "Person" and form in e.ambiguous_aliases and any(
                    a.casefold() == form.casefold() for a in previous.ambiguous_aliases):
                continue
            if other is not None and other != e.name:
                r = merged[(e.type, e.name)]
                raise GazetteerError(r.path, r.line, f"{e.type} {e.name!r}: the form {form!r} also "
                                                     f"names {other!r}")
            owner[key] = e


# --------------------------------------------------------------------------- cache

_CACHE_FORMAT = 1


def cache_dir() -> Path | None:
    """Where validated gazetteers are cached: $AMITY_CACHE_DIR, else $XDG_CACHE_HOME/amity,
    else ~/.cache/amity. None (no caching) when AMITY_NO_CACHE is set to a non-empty value."""
    if os.environ.get("AMITY_NO_CACHE"):
        return None
    if os.environ.get("AMITY_CACHE_DIR"):
        return Path(os.environ["AMITY_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "amity"


def _cache_key(found: list[tuple[str, str, bytes]]) -> str | None:
    if cache_dir() is None:
        return None
    h = hashlib.sha256(f"amity-gazetteer/{_CACHE_FORMAT}\n".encode())
    try:
        h.update(Path(__file__).read_bytes())
    except OSError:
        return None
    for shown, fname, raw in found:
        h.update(f"\0{shown}\0{fname}\0{len(raw)}\0".encode())
        h.update(raw)
    return h.hexdigest()[:40]


def _cache_read(key: str) -> Gazetteer | None:
    d = cache_dir()
    try:
        data = json.loads((d / f"gazetteer-{key}.json").read_text(encoding="utf-8"))
        if data.get("format") != _CACHE_FORMAT or data.get("key") != key:
            return None
        return Gazetteer(
            [Entry(*(tuple(v) if isinstance(v, list) else v for v in e)) for e in data["entries"]],
            [KnownOffice(*o) for o in data["offices"]],
            {k: tuple(v) for k, v in data["titles"].items()},
            [TitleForm(*t) for t in data["title_forms"]],
            data["title_kinds"],
            {s: {k: tuple(v) for k, v in sets.items()} for s, sets in data["role_sets"].items()},
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _cache_write(key: str, gaz: Gazetteer) -> None:
    """Best effort: a cache that cannot be written is simply not used."""
    d = cache_dir()
    data = {
        "format": _CACHE_FORMAT,
        "key": key,
        "entries": [astuple(e) for e in gaz.entries],
        "offices": [astuple(o) for o in gaz.offices],
        "titles": gaz.titles,
        "title_forms": [astuple(t) for t in gaz.title_forms],
        "title_kinds": gaz.title_kinds,
        "role_sets": gaz._role_sets,
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    write_cache_file(d / f"gazetteer-{key}.json", text.encode("utf-8"), keep=8)


def write_cache_file(path: Path, data: bytes, keep: int) -> None:
    """Best effort, for every cache of the folder: `data` written to a temporary file and renamed
    to `path`, then only the `keep` newest files named like it (same prefix before the key, same
    suffix) are kept, as several user folders may be in use. A cache that cannot be written is
    simply not used."""
    prefix = path.name.split("-", 1)[0]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{prefix}-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        old = sorted(path.parent.glob(f"{prefix}-*{path.suffix}"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in old[keep:]:
            stale.unlink(missing_ok=True)
    except OSError:
        pass


_DEFAULT: Gazetteer | None = None


def load(extra_dirs: Sequence[Path | str] = ()) -> Gazetteer:
    """:meth:`Gazetteer.load`, with the packaged-only gazetteer cached for the process."""
    global _DEFAULT
    if extra_dirs:
        return Gazetteer.load(extra_dirs)
    if _DEFAULT is None:
        _DEFAULT = Gazetteer.load()
    return _DEFAULT
