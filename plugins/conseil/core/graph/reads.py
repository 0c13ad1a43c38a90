"""Which records a piece of work reads, and what each record shows: the incremental preview's dependencies.

Off by default, so that published builds keep their C getters. Once `track(True)` is called, every
record field read through a graph node (in a template, a filter or a node's own property) adds the
record's key to the log opened by `begin()`. `fingerprints` gives each node a value that changes when
anything a page could show of it changes: its record's text, its derived fields, the keys it links to
(to be taken before the plugin releases the records' texts).
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from datetime import date
from functools import lru_cache
from operator import attrgetter
from typing import Any

_log: set[str] | None = None
_read_through: list[tuple[type, list[str]]] = []  # node class, the record fields it reads through
_through_names: dict[type, set[str]] = {}


def read_through(node_class: type, names: list[str]) -> None:
    """Give `node_class` a property per record field, untracked unless tracking is on."""
    _read_through.append((node_class, names))
    _through_names.setdefault(node_class, set()).update(names)
    _install(node_class, names, tracked=_tracking)


_tracking = False


def track(enabled: bool) -> None:
    """Switch the logging of record reads on or off for every node class."""
    global _tracking
    _tracking = enabled
    for node_class, names in _read_through:
        _install(node_class, names, tracked=enabled)


def note(key: str) -> None:
    """Log a read of the record `key` (for reads that bypass the properties)."""
    if _log is not None:
        _log.add(key)


def begin() -> None:
    """Start logging the records read, until `end`."""
    global _log
    _log = set()


def end() -> set[str]:
    """Stop logging; the keys of the records read since `begin`."""
    global _log
    keys, _log = _log or set(), None
    return keys


def _install(node_class: type, names: list[str], *, tracked: bool) -> None:
    for name in names:
        setattr(node_class, name, _logged(name) if tracked else property(attrgetter(f"record.{name}")))


def _logged(name: str) -> property:
    def read(node: Any) -> Any:
        record = node.record
        if _log is not None:
            _log.add(record.key)
        return getattr(record, name)
    return property(read)


def fingerprints(nodes: dict[str, Any]) -> dict[str, tuple]:
    """key -> what a page could show of that node; equal fingerprints mean nothing shown has changed.

    Beside its fields, a node's computed properties count (a theme's answers, a contribution's
    timeline): they follow links a page does not read itself, so their values must be compared.
    """
    return {key: (_shape(node, set(), top=True), tuple(_computed_value(node, name) for name in _computed(type(node))))
            for key, node in nodes.items()}


def _computed_value(node: Any, name: str) -> Any:
    try:
        return _shape(getattr(node, name), set())
    except Exception as error:  # a broken link in the preview (an answer's élu deleted): the page shows the error
        return ("!", type(error).__name__)


@lru_cache(maxsize=None)
def _computed(node_class: type) -> list[str]:
    """The properties a node class computes (not the record fields it reads through)."""
    through = _through_names.get(node_class, set())
    return sorted({name for klass in node_class.__mro__ for name, member in vars(klass).items()
                   if isinstance(member, property) and name not in through})


def _shape(value: Any, path: set[int], top: bool = False) -> Any:
    if isinstance(value, (str, int, float, bool, date)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return tuple(_shape(item, path) for item in value)
    if isinstance(value, dict):
        return tuple((key, _shape(item, path)) for key, item in value.items())
    record = getattr(value, "record", None)
    if not top and record is not None and hasattr(record, "key"):
        return ("→", record.key)  # another node: its own fingerprint covers what it shows
    source = getattr(value, "__dict__", {}).get("source")  # a record's own field; nodes only read it through
    if getattr(source, "header", None):
        return (source.header, value.body)  # a record is its text: cheaper than walking every field it parsed
    if id(value) in path:
        return ("↺", type(value).__name__)  # a recommendation's answers point back to it
    if is_dataclass(value):
        path.add(id(value))
        # Fields kept out of repr (positions, raw source text) locate problems; they are not shown.
        shape = (type(value).__name__,
                 tuple(_shape(getattr(value, f.name), path) for f in fields(value) if f.repr))
        path.discard(id(value))
        return shape
    return repr(value)
