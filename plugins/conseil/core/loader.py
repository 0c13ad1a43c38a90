"""From a set of files to a checked index and a resolved graph: the core's front door.

The MkDocs plugin and the command-line tools both call `load`; neither parses
a record any other way.
"""

from __future__ import annotations

import gc
import hashlib
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Iterable

from .graph.composition import Registre, public_register
from .graph.graph import Graph, build_graph
from .model import schema
from .model.diagnostics import Diagnostic, count_errors, sort_key
from .model.records import Record
from .reading.membres import MEMBRES_URI, Membre, Options, read_membres
from .reading.parse import parse_record
from .reading.rules import Index, Settings, check_all


@dataclass(frozen=True)
class SourceFile:
    """A Markdown file of `content/`: its path there (`contributions/x.md`) and how to show it."""

    uri: str  # relative to content/, with forward slashes
    display_path: str  # shown in messages: relative to the working directory when possible
    read: object  # callable returning bytes, so that unchanged files need not be read twice


@dataclass
class Corpus:
    """The outcome of a load: the index of every parsed record, the graph, the problems."""

    index: Index
    graph: Graph | None = None  # None after `validate`, which checks without linking
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sources: dict[str, list[str]] = field(default_factory=dict)  # display path -> lines, for quoting
    failed: dict[str, str] = field(default_factory=dict)  # uri -> display path of records that did not parse
    membres: list[Membre] | None = None  # lines of membres.csv, every name: never given to pages

    @property
    def error_count(self) -> int:
        return count_errors(self.diagnostics)

    def diagnostics_for(self, display_path: str) -> list[Diagnostic]:
        return self._diagnostics_by_path.get(display_path, [])

    @cached_property
    def _diagnostics_by_path(self) -> dict[str, list[Diagnostic]]:
        """Built once: the preview asks for every page, and a scan per page grows as pages × problems."""
        by_path: dict[str, list[Diagnostic]] = {}
        for diagnostic in self.diagnostics:
            by_path.setdefault(diagnostic.path, []).append(diagnostic)
        return by_path


class ParseCache:
    """Records parsed by an earlier load, by file and content: a preview rebuild parses only the files that changed.

    Parsing depends on nothing but the record's type, id, shown path and bytes, and nothing changes a record
    once parsed: the same file gives the same record object, and the same problems. Each load keeps only the
    entries of its own files.
    """

    def __init__(self) -> None:
        self.entries: dict[tuple, tuple[Record | None, list[Diagnostic]]] = {}
        self._current: dict[tuple, tuple[Record | None, list[Diagnostic]]] = {}

    def parse(self, record_type: schema.RecordType, record_id: str, display_path: str,
              raw: bytes | str) -> tuple[Record | None, list[Diagnostic]]:
        content = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
        key = (record_type.name, record_id, display_path, hashlib.blake2b(content, digest_size=16).digest())
        parsed = self.entries.get(key)
        if parsed is None:
            parsed = _parse(record_type, record_id, display_path, raw)
        self._current[key] = parsed
        return parsed

    def end_load(self) -> None:
        """What this load parsed is the next one's reference; files gone since are forgotten."""
        self.entries, self._current = self._current, {}


def _parse(record_type: schema.RecordType, record_id: str, display_path: str,
           raw: bytes | str) -> tuple[Record | None, list[Diagnostic]]:
    """One record file, read as far as it goes: a record with errors is kept, marked incomplete."""
    return parse_record(record_type, record_id, display_path, raw, partial=True)


def record_location(uri: str) -> tuple[str, str] | None:
    """(type, id) when `uri` is a record file: `contributions/x.md`; None for ordinary pages."""
    # String operations, not PurePosixPath: this runs once per file of the site.
    parts = uri.split("/")
    name = parts[-1]
    if not name.endswith(".md") or name == ".md" or len(parts) < 2 or parts[0] not in schema.RECORD_TYPES:
        return None
    if name == "index.md" and len(parts) == 2:
        return None  # the section's own page
    return parts[0], name[:-3]


def load(files: Iterable[SourceFile], settings: Settings, *, cache: ParseCache | None = None) -> Corpus:
    """Parse, check and link every record among `files`; every problem is collected, none raised.

    With a `cache` (the preview's, from one rebuild to the next), unchanged files are not parsed again.
    """
    with collector_paused():
        corpus = _validate(files, settings, cache)
        corpus.graph = build_graph(corpus.index, settings)
        if corpus.membres is not None:
            corpus.graph.registre = register_of(corpus.membres, corpus.graph, settings)
        return corpus


def register_of(membres: list[Membre], graph: Graph, settings: Settings) -> Registre:
    """What the graph gets of membres.csv: the lines without the names nobody agreed to publish."""
    return public_register(membres, instances={n.id: n for n in graph.instances},
                           colleges=settings.colleges, communes=settings.communes,
                           population_tranches_age=settings.population_tranches_age,
                           renouvellement=settings.renouvellement)


def validate(files: Iterable[SourceFile], settings: Settings) -> Corpus:
    """Parse and check every record without building the graph: what `conseil check` needs.

    The problems are the same as `load`'s: the graph derives figures and links, it reports nothing.
    """
    with collector_paused():
        return _validate(files, settings)


@contextmanager
def collector_paused(*, freeze: bool = False):
    """Loading allocates millions of small objects that all stay alive: the cycle collector would
    scan them again and again for nothing (a quarter of the time at 10,000 records). Cycles made
    meanwhile are collected once it resumes; with `freeze`, what exists then is set apart from every
    later collection (`gc.freeze`, until `gc.unfreeze`): for objects that live as long as the process needs them."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()


def _validate(files: Iterable[SourceFile], settings: Settings, cache: ParseCache | None = None) -> Corpus:
    index = Index()
    diagnostics: list[Diagnostic] = []
    sources: dict[str, list[str]] = {}
    failed: dict[str, str] = {}
    pending = []
    membres_source = None
    for source in files:
        if source.uri == MEMBRES_URI:
            membres_source = source
            continue
        location = record_location(source.uri)
        if location is None:
            continue
        record_type, record_id = location
        if source.uri.count("/") > 1:
            diagnostics.append(Diagnostic(
                "dossier-inconnu", source.display_path, 1, 1,
                f"les fiches {record_type} se rangent directement dans content/{record_type}/",
                help=f"déplacez le fichier dans content/{record_type}/ (les sous-dossiers ne sont pas lus comme des fiches)"))
            continue
        index.add_file(record_type, record_id, source.display_path)
        pending.append((record_type, record_id, source))
    quotable = {}  # display path -> how to get its lines, should a diagnostic quote it
    parse = cache.parse if cache is not None else _parse
    for record_type, record_id, source in pending:
        raw = source.read()
        record, problems = parse(schema.RECORD_TYPES[record_type], record_id, source.display_path, raw)
        diagnostics.extend(problems)
        if record is None or not record.complete:
            failed[source.uri] = source.display_path
        if record is None:
            quotable[source.display_path] = lambda raw=raw: _lines(raw)
            continue
        (index.add if record.complete else index.partial.append)(record)
        quotable[source.display_path] = lambda text=record.source: text.lines
    if cache is not None:
        cache.end_load()
    diagnostics.extend(check_all(index, settings))
    membres = None
    if membres_source is not None:
        lecture = read_membres(membres_source.read(), membres_source.display_path, _membres_options(index, settings))
        diagnostics.extend(lecture.diagnostics)
        quotable[membres_source.display_path] = lambda lines=lecture.lines: lines
        membres = lecture.membres
    diagnostics.sort(key=sort_key)
    # Lines only for the files quoted: those of every file would double the memory a large site takes.
    sources.update((d.path, quotable[d.path]()) for d in diagnostics if d.path in quotable and d.path not in sources)
    return Corpus(index, None, diagnostics, sources, failed, membres)


def _membres_options(index: Index, settings: Settings) -> Options:
    """What membres.csv is checked against: configured lists, instance ids, élus' names."""
    return Options(colleges=settings.colleges, communes=settings.communes,
                   instances=dict(index.files["instances"]),
                   elus={r.nom: r.source.path for r in index.records["elus"].values()})


def _lines(raw: bytes | str) -> list[str]:
    try:
        return raw.decode("utf-8").splitlines() if isinstance(raw, bytes) else raw.splitlines()
    except UnicodeDecodeError:
        return []


def files_in(content_dir: Path, relative_to: Path | None = None) -> list[SourceFile]:
    """Every Markdown file under `content_dir`, for the command-line tools."""
    # Resolved once for the folder, not per file: resolving follows every path component (10,000 files: 0.7 s).
    try:
        prefix = content_dir.resolve().relative_to((relative_to or Path.cwd()).resolve()).as_posix() + "/"
    except ValueError:
        prefix = None
    if prefix == "./":
        prefix = ""
    found = []
    base = str(content_dir)  # paths found below content_dir start with it: slicing beats relative_to
    root = 0 if base == "." else len(base) + 1
    membres = content_dir / MEMBRES_URI
    for path in [*sorted(content_dir.rglob("*.md")), *([membres] if membres.is_file() else [])]:
        text = str(path)
        uri = text[root:].replace(os.sep, "/")
        display = prefix + uri if prefix is not None else text
        found.append(SourceFile(uri, display, path.read_bytes))
    return found


def summary(corpus: Corpus) -> str:
    errors = corpus.error_count
    notes = sum(1 for d in corpus.diagnostics if d.is_note)
    warnings = len(corpus.diagnostics) - errors - notes
    if not errors and not warnings:
        return "aucun problème" + (f" ({notes} note{'s' if notes > 1 else ''})" if notes else "")
    parts = []
    if errors:
        parts.append(f"{errors} erreur{'s' if errors > 1 else ''}")
    if warnings:
        parts.append(f"{warnings} avertissement{'s' if warnings > 1 else ''}")
    if notes:
        parts.append(f"{notes} note{'s' if notes > 1 else ''}")
    return ", ".join(parts[:-1]) + " et " + parts[-1] if len(parts) > 1 else parts[0]

