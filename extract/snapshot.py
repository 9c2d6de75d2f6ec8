"""A loaded Extractor kept on disk, so that the next process starts in a few tens of milliseconds.

Loading an extractor reads the gazetteer and the rules, rewrites every rule pattern into its scan
twin (extract.lead), builds the gazetteer tries and analyses every rule for the prefilter: about
1.3 s of CPU, paid by every process that extracts. A build with two jobs pays it in each worker
before the first document is done, which alone held two jobs below 1.7 times the speed of one.
The loaded extractor is plain data apart from its compiled patterns, which are stored as the
regex engine's own code (extract.regex_code): taking it back is one unpickling.

The snapshot's key is a SHA-256 over everything loading reads or runs: the source files of this
package (code, packaged rules and gazetteer), the user's rule and gazetteer folders, the Python
version and the regex engine's `_sre.MAGIC`. Any change is a new key, so a stale snapshot is never
used. Snapshots live in the user's cache folder (extract.gazetteer.cache_dir: AMITY_CACHE_DIR,
XDG_CACHE_HOME, ~/.cache/amity; AMITY_NO_CACHE=1 turns caching off), written to a temporary file
and renamed; one that cannot be read or written is simply not used. Like any pickle, a snapshot
runs code when loaded: it is read only from that folder, which belongs to the user.
"""

from __future__ import annotations

import _sre
import hashlib
import io
import os
import pickle
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .gazetteer import cache_dir, write_cache_file
from .regex_code import code_args, from_code

FORMAT = 1
"""Bumped when the layout of a snapshot file changes."""
KEEP = 4
"""Snapshots kept in the cache folder (several rule folders may be in use)."""
_PACKAGE = Path(__file__).resolve().parent


class _Pickler(pickle.Pickler):
    """Stores each compiled pattern as its code (see the module docstring)."""

    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, re.Pattern):
            return from_code, code_args(obj)
        return NotImplemented


def add_files(digest: Any, root: Path, files: Sequence[Path]) -> None:
    """Feeds each file's path under `root` and its content to `digest`, in path order."""
    for path in sorted(files):
        digest.update(f"\x00{path.relative_to(root).as_posix()}\x00".encode())
        digest.update(path.read_bytes())


def fingerprint(rules_dirs: Sequence[str | os.PathLike[str]] = (),
                gazetteer_dirs: Sequence[str | os.PathLike[str]] = (), *, paths: bool = True) -> str:
    """A SHA-256 over this package's code and data and the user's rule and gazetteer folders:
    what decides the extractor a load gives, read in a millisecond or two. With `paths` the
    folders' locations count too (the rules carry the paths of their files, for messages)."""
    digest = hashlib.sha256()
    add_files(digest, _PACKAGE, [p for p in _PACKAGE.rglob("*") if p.suffix in (".py", ".yaml") and p.is_file()])
    for kind, folders in (("rules", rules_dirs), ("gazetteer", gazetteer_dirs)):
        for folder in folders:
            root = Path(folder)
            digest.update(f"\x01{kind}\x01{root.resolve() if paths else ''}\x01".encode())
            if root.is_dir():
                add_files(digest, root, [p for p in root.rglob("*") if p.is_file() and not p.name.startswith(".")])
    return digest.hexdigest()


def snapshot_path(rules_dirs: Sequence[str | os.PathLike[str]] = (),
                  gazetteer_dirs: Sequence[str | os.PathLike[str]] = ()) -> Path | None:
    """Where the snapshot of the extractor for these folders is kept; None without a cache
    folder, or when a folder is missing (loading then reports it, as it always does)."""
    folder = cache_dir()
    if folder is None or not all(Path(d).is_dir() for d in (*rules_dirs, *gazetteer_dirs)):
        return None
    digest = hashlib.sha256(f"amity-extractor/{FORMAT}\0{sys.version}\0{_sre.MAGIC}\0".encode())
    try:
        digest.update(fingerprint(rules_dirs, gazetteer_dirs).encode())
    except OSError:
        return None
    return folder / f"extractor-{digest.hexdigest()[:40]}.pickle"


def cached(make: Callable[[], Any], path: Path | None) -> Any:
    """The object stored at `path`, else `make()`, stored there for the next process."""
    if path is not None:
        try:
            with path.open("rb") as fh:
                return pickle.load(fh)
        except FileNotFoundError:
            pass
        except Exception:  # noqa: BLE001 - a damaged or foreign snapshot is made again
            path.unlink(missing_ok=True)
    made = make()
    if path is not None:
        _store(made, path)
    return made


def _store(obj: Any, path: Path) -> None:
    """Best effort: a snapshot that cannot be made or written is simply not used."""
    buffer = io.BytesIO()
    try:
        _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(obj)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError, re.error):
        return
    write_cache_file(path, buffer.getvalue(), keep=KEEP)
