"""YAML loading that remembers line numbers, so a data error can name the line to fix.

Analysts edit rule files by hand; "rules/events.yaml:48: rule visit.state: unknown key 'tpye'"
tells them where to look, a bare KeyError does not.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader


class DataError(Exception):
    """A data file is malformed; str() is one line `path:line: problem`."""

    def __init__(self, path: str | Path, line: int | None, problem: str) -> None:
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {problem}")
        self.path = str(path)
        self.line = line
        self.problem = problem


class LineDict(dict):
    """A mapping from YAML that knows the (1-based) line it started on."""

    line: int = 0


class LineList(list):
    """A sequence from YAML that knows the (1-based) line it started on."""

    line: int = 0


def _construct(node: yaml.Node, constructor: yaml.constructor.SafeConstructor) -> Any:
    if isinstance(node, yaml.MappingNode):
        out = LineDict()
        out.line = node.start_mark.line + 1
        for key_node, value_node in node.value:
            key = _construct(key_node, constructor)
            if not isinstance(key, str | int | float | bool) and key is not None:
                raise yaml.constructor.ConstructorError(None, None, "mapping keys must be plain words",
                                                        key_node.start_mark)
            if key in out:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}",
                                                        key_node.start_mark)
            out[key] = _construct(value_node, constructor)
        return out
    if isinstance(node, yaml.SequenceNode):
        seq = LineList(_construct(child, constructor) for child in node.value)
        seq.line = node.start_mark.line + 1
        return seq
    return constructor.construct_object(node, deep=True)


def load_yaml(path: str | Path, text: str | None = None) -> Any:
    """Parse one YAML file into LineDict/LineList/scalars, or raise DataError naming the line."""
    p = Path(path)
    try:
        source = p.read_text(encoding="utf-8-sig") if text is None else text
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(p, None, f"cannot read: {exc}") from None
    try:
        loader = _Loader(source)
        try:
            node = loader.get_single_node()
            if node is None:
                return None
            return _construct(node, loader)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = " ".join(str(part) for part in (exc.context, exc.problem) if part)
        raise DataError(p, line, f"invalid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise DataError(p, None, f"invalid YAML: {exc}") from None


def line_of(obj: Any, default: int | None = None) -> int | None:
    """The line a loaded mapping or sequence started on."""
    return getattr(obj, "line", default) or default
