"""Atomic file writes: a reader sees the old file or the new one, never half of one.

A build that fails halfway (an exception, Ctrl-C, a full disk) must leave the previous graph file
intact, so every file amity writes goes to a temporary file in the same folder (same file system,
so the rename is atomic) and is `os.replace`d into place only once it is complete and flushed.
"""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from collections.abc import Iterator
from typing import IO, Any


@contextlib.contextmanager
def atomic_write(
    path: str | os.PathLike[str], mode: str = "w", *, encoding: str = "utf-8"
) -> Iterator[IO[Any]]:
    """Open a temporary file beside `path` for writing; on success it replaces `path`.

    `mode` is "w" (text, `encoding`) or "wb" (binary). On any exception the temporary file is
    removed and `path` is left as it was. The new file gets the usual permissions (0666 minus the
    umask), not mkstemp's 0600, since graph files are meant to be shared.
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"atomic_write mode must be 'w' or 'wb', not {mode!r}")
    target = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(target))
    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, mode, **({} if "b" in mode else {"encoding": encoding, "newline": ""})) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@functools.cache
def _umask() -> int:
    """The process umask, read once (reading it means setting it, which is not thread-safe)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
