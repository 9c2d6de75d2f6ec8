"""Keeping a generated file (vocabulary.py, context.jsonld) in step with the ontology it comes from."""

from __future__ import annotations

import sys
from pathlib import Path


def refresh(target: Path, text: str, command: str, *, check: bool) -> int:
    """Write `text` to `target` if it differs (atomically); with `check`, only report staleness.

    Returns the exit status: 1 when checking a stale file, else 0."""
    current = target.read_text(encoding="utf-8") if target.is_file() else ""
    if check:
        if current != text:
            print(f"{target} is stale: run python -m {command}", file=sys.stderr)
            return 1
        return 0
    if current != text:
        from amity.graph.atomic import atomic_write

        with atomic_write(str(target), "w") as fh:
            fh.write(text)
        print(f"wrote {target}")
    return 0
