"""Compiled patterns as the regex engine's own code, so that a loaded extractor can be stored and
taken back without compiling anything again (extract.snapshot).

Python pickles a compiled pattern as its text and flags, and unpickling compiles it again: for
the extractor's few hundred patterns, most of them large (gazetteer tries, rewritten rules), that
is nearly all of a second of start-up. Worse, a scan twin (extract.lead) is compiled from a
rewritten tree but carries its original's text, so compiling that text again gives back the
original, slower pattern. What `_sre.compile` is handed, the code that `re._compiler` makes, is
plain data: kept here for every pattern lead compiles from a tree, and recomputed from the text
for any other pattern when it is first stored. The code is private to the Python version that
made it: extract.snapshot keys stored extractors by that version and `_sre.MAGIC`.
"""

from __future__ import annotations

import _sre
import re
from re import _compiler as sre_compile  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

CodeArgs = tuple[str, int, list[int], int, dict[str, int], tuple[str | None, ...]]
"""The arguments of `_sre.compile`: text, flags, code, groups - 1, group index, index group."""

_KNOWN: dict[int, tuple[re.Pattern[str], CodeArgs]] = {}
"""Patterns compiled from a tree, by id (the pattern is held, so its id is never reused)."""


def compile_tree(source: str, flags: int, tree: Any) -> re.Pattern[str]:
    """The pattern with text `source` and flags `flags` whose code is compiled from `tree`, a
    parsed tree (re._parser.SubPattern) equivalent to the text's. Raises what compiling raises."""
    return from_code(*_args(source, flags, tree, tree.state.flags))


def code_args(pattern: re.Pattern[str]) -> CodeArgs:
    """What `_sre.compile` needs to make `pattern` again, exactly as it runs."""
    known = _KNOWN.get(id(pattern))
    if known is not None and known[0] is pattern:
        return known[1]
    tree = sre_parse.parse(pattern.pattern, pattern.flags)
    return _args(pattern.pattern, pattern.flags | tree.state.flags, tree, pattern.flags)


def _args(source: str, flags: int, tree: Any, code_flags: int) -> CodeArgs:
    """re._compiler.compile's arguments to _sre.compile, for a parsed tree (the code as plain ints)."""
    state = tree.state
    indexgroup: list[str | None] = [None] * state.groups
    for name, number in state.groupdict.items():
        indexgroup[number] = name
    code = [int(op) for op in sre_compile._code(tree, code_flags)]
    return source, flags, code, state.groups - 1, dict(state.groupdict), tuple(indexgroup)


def from_code(*args: Any) -> re.Pattern[str]:
    """The pattern `code_args` described (the unpickling side), remembered for the next snapshot."""
    pattern = _sre.compile(*args)
    _KNOWN[id(pattern)] = (pattern, args)  # type: ignore[assignment]
    return pattern
