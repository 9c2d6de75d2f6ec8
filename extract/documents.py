"""Reading input texts and their sidecars into `Document`s.

Input comes from whatever an analyst's scraper produced, so every problem with one file becomes
an `InputError` naming that file and the reason; the caller skips the file and carries on.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .model import Document
from .timex import find_timexes

TEXT_SUFFIXES = (".txt", ".md")
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
"""Larger documents are refused: a bilateral-relations text is rarely over a few hundred KB, and
extraction keeps a document's text and mentions in memory at once."""

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
META_KEYS = {"id", "title", "published", "source_url", "genre", "pair", "language", "author", "notes"}


class InputError(Exception):
    """One input file could not be used; str() is a one-line `path: reason`."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


def normalise_date(value: object, *, where: str, path: str | os.PathLike[str]) -> str | None:
    """Check a YYYY, YYYY-MM or YYYY-MM-DD value (a full ISO timestamp is cut to its date)."""
    if value is None or value == "":
        return None
    if isinstance(value, int) and 1000 <= value <= 9999:
        return str(value)
    if not isinstance(value, str):
        raise InputError(path, f"{where} must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    text = value.strip()
    if re.match(r"^\d{4}-\d{2}-\d{2}T", text):
        text = text[:10]
    m = _DATE.match(text)
    if not m:
        raise InputError(path, f"{where} must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    month, day = m.group(2), m.group(3)
    if month and not 1 <= int(month) <= 12 or day and not 1 <= int(day) <= 31:
        raise InputError(path, f"{where} is not a real date: {value!r}")
    return text


def read_meta(text_path: Path) -> dict[str, object]:
    """The sidecar `<stem>.meta.json`, or {} when there is none."""
    meta_path = text_path.with_name(text_path.stem + ".meta.json")
    if not meta_path.exists():
        return {}
    try:
        raw = meta_path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(meta_path, f"cannot read sidecar: {exc}") from None
    try:
        meta = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(meta_path, f"line {exc.lineno}: invalid JSON: {exc.msg}") from None
    if not isinstance(meta, dict):
        raise InputError(meta_path, "a sidecar must be a JSON object")
    unknown = sorted(set(meta) - META_KEYS)
    if unknown:
        raise InputError(meta_path, f"unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(META_KEYS))}")
    for key in ("title", "source_url", "genre"):
        if meta.get(key) is not None and not isinstance(meta[key], str):
            raise InputError(meta_path, f"{key} must be a string")
    meta["published"] = normalise_date(meta.get("published"), where="published", path=meta_path)
    return meta


def decode_text(data: bytes, path: Path) -> str:
    """UTF-8 (a BOM is fine); binary or other encodings are refused rather than guessed."""
    if b"\x00" in data[:8192]:
        raise InputError(path, "looks binary (NUL bytes), not a text document")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r})") from None
    return text


def title_of(text: str) -> str:
    """The first non-empty line, stripped of Markdown heading marks."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line.lstrip("#").strip()[:500]
    return ""


DATELINE_REACH = 300
"""How far into a text a dateline may stand ("NAIROBI, 14 March 2024 –" under the headline)."""


def dateline_date(text: str) -> str | None:
    """The day a text gives for itself at its top, when no sidecar or --date does: without one,
    "on Wednesday" or "last year" in a press release would resolve to nothing. Only a full,
    absolute date counts ("14 March 2024", "2024-03-14"), and only near the start."""
    for timex in find_timexes(text[:DATELINE_REACH], None):
        if timex.granularity == "day" and not timex.relative:
            return timex.value
    return None


def read_document(path: str | os.PathLike[str], default_date: str | None = None) -> Document:
    """One file to a Document, or an InputError saying why not."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise InputError(p, f"cannot read: {exc.strerror or exc}") from None
    if size > MAX_DOCUMENT_BYTES:
        limit = MAX_DOCUMENT_BYTES // (1024 * 1024)
        raise InputError(p, f"too large ({size / 1024 / 1024:.1f} MB; the limit is {limit} MB)")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(p, f"cannot read: {exc.strerror or exc}") from None
    text = decode_text(data, p)
    if not text.strip():
        raise InputError(p, "empty document")
    meta = read_meta(p)
    published = meta.get("published") or normalise_date(default_date, where="--date", path=p) or dateline_date(text)
    return Document(
        id=str(meta.get("id") or p.stem),
        text=text,
        title=str(meta.get("title") or title_of(text)),
        published=published if isinstance(published, str) else None,
        source_url=meta.get("source_url") if isinstance(meta.get("source_url"), str) else None,
        genre=meta.get("genre") if isinstance(meta.get("genre"), str) else None,
        path=str(p),
        sha256=hashlib.sha256(data).hexdigest(),
    )


def document_from_text(doc_id: str, text: str, published: str | None = None, **meta: str | None) -> Document:
    """A Document built in memory (tests, notebooks, rule examples)."""
    return Document(
        id=doc_id,
        text=text,
        title=str(meta.get("title") or title_of(text)),
        published=published,
        source_url=meta.get("source_url"),
        genre=meta.get("genre"),
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


SKIPPED_NAMES = {"README.md", "CHANGELOG.md", "LICENSE.md", "CONTRIBUTING.md"}
"""Files that document a folder of texts rather than being one of them."""


def _walk(folder: Path) -> tuple[list[Path], list[InputError]]:
    """Every text file below `folder`, depth first without recursion (so no depth limit), never
    following links to folders (so a link loop cannot hang the walk); unreadable folders are
    reported, not fatal."""
    found: list[Path] = []
    problems: list[InputError] = []
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as entries:
                items = sorted(entries, key=lambda e: e.name)
        except OSError as error:
            problems.append(InputError(current, f"cannot read folder: {error.strerror or error}"))
            continue
        for entry in items:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if is_dir:
                stack.append(Path(entry.path))
            elif entry.name.endswith(TEXT_SUFFIXES) and entry.name not in SKIPPED_NAMES:
                found.append(Path(entry.path))
    return sorted(found), problems


def discover(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | InputError]:
    """Text files under the given files and folders, in a stable order; problems are yielded.

    A link to a file is read like the file; links to folders are not followed inside a folder.
    """
    for raw in paths:
        p = Path(raw)
        if not p.exists() and not p.is_symlink():
            yield InputError(p, "no such file or folder")
        elif p.is_dir():
            found, problems = _walk(p)
            yield from problems
            yield from found
        elif p.suffix not in TEXT_SUFFIXES:
            yield InputError(p, f"not a text document (expected {' or '.join(TEXT_SUFFIXES)})")
        else:
            yield p
