"""The incremental preview: in `serve`, pages whose inputs did not change reuse the previous build's work.

MkDocs 1.6 runs the whole `build()` on every change, so every page still goes through MkDocs (the
served folder is kept and only changed files are written: `served_site`). What is skipped is the work:

- the Markdown of a page whose source is unchanged is not converted again: the page is given the
  previous conversion (`_ReplayedPage`), sanitised body included;
- the template of a record page is not rendered again when none of the records it read changed,
  nor its problems: it gets a template that writes the previous output (`conseil/_reprise.html`).

What a record page depends on is logged while it renders (`core.reads`): every record field read
through a graph node, whatever the record type. A record counts as changed when its fingerprint does
(its fields, derived values and links). Other pages (indexes, reports, home, data) are rendered again
whenever a record changed. Anything the tracking cannot bound — mkdocs.yml, templates, overrides, the
plugin's code, a page that is not a record, a plugin it does not know — starts over from a full build.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import zlib
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from jinja2.bccache import Bucket, BytecodeCache
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..core.graph import reads
from ..core.loader import ParseCache

log = logging.getLogger("mkdocs.plugins.conseil")
REPLAY_TEMPLATE = "conseil/_reprise.html"
# Plugins whose work on a page depends only on that page's content: another plugin could read anything.
KNOWN_PLUGINS = {"conseil", "search", "material/search"}


@dataclass
class _Conversion:
    """A page's Markdown conversion, as the previous build left it."""

    source: bytes  # digest of the page's source
    markdown: bytes  # packed (`_pack`): a large council's pages would otherwise hold hundreds of MB in the preview
    meta: dict[str, Any]
    content: bytes  # packed, after our on_page_content (sanitised)
    toc: Any
    title_from_render: str | None
    anchors: set[str]
    has_links: bool
    anchor_links: dict[str, dict[str, str]]  # what `Page.links_to_anchors` holds, by uri: its File objects die with the build


@dataclass
class _Output:
    """A record page's final HTML, the records it read and the problems it showed."""

    html: bytes  # packed
    keys: set[str]
    problems: list[str]


@dataclass
class Incremental:
    """What one serve session keeps from build to build, and this build's view of what changed."""

    conversions: dict[str, _Conversion] = field(default_factory=dict)
    outputs: dict[str, _Output] = field(default_factory=dict)
    fingerprints: dict[str, tuple] = field(default_factory=dict)
    environment: str = ""
    record_files: frozenset[str] = frozenset()
    # This build's view, set by `start`:
    changed: set[str] = field(default_factory=set)
    same_files: bool = False
    replaying: set[str] = field(default_factory=set)  # uris whose output is the previous one
    sources: dict[str, bytes] = field(default_factory=dict)  # uri -> source digest of the pages converted again
    nav_holds_records: bool = False  # a record's title in the nav shows on every page: no output is replayed
    search_entries: dict[str, list] = field(default_factory=dict)  # uri -> the search index's entries for it
    templates: TemplateCache = field(default_factory=lambda: TemplateCache())
    parsed: ParseCache = field(default_factory=ParseCache)  # records of unchanged files are not parsed again
    _pending: tuple = ()

    def start(self, files: Files, config: MkDocsConfig, graph: Any, routes: dict[str, str]) -> None:
        """Compare this build's inputs with the previous one's; forget everything if they cannot be compared."""
        environment = _environment_digest(files, config, routes, settings=repr(graph.settings))
        record_files = frozenset(routes)
        fingerprints = reads.fingerprints(graph.by_key)
        if environment != self.environment or not set(config.plugins) <= KNOWN_PLUGINS:
            self._clear()
            self.fingerprints = {}
        self.changed = {key for key in fingerprints.keys() | self.fingerprints.keys()
                        if fingerprints.get(key) != self.fingerprints.get(key)}
        self.same_files = record_files == self.record_files
        self.replaying = set()
        self.sources = {}
        self._pending = (environment, record_files, fingerprints)
        reads.end()

    def finish(self) -> None:
        """The build succeeded: its inputs are the next build's reference."""
        if self.environment and self.environment == self._pending[0]:
            log.info(f"conseil : aperçu incrémental, {len(self.changed)} fiche(s) modifiée(s), "
                     f"{len(self.replaying)} page(s) reprise(s) telles quelles")
        self.environment, self.record_files, self.fingerprints = self._pending

    def forget(self) -> None:
        """A failed build leaves pages half-made: the next build starts over."""
        self._clear()
        self.environment = ""
        reads.end()

    def _clear(self) -> None:
        self.conversions.clear()
        self.outputs.clear()
        self.search_entries.clear()

    # -- search ----------------------------------------------------------------

    def watch_search(self, config: MkDocsConfig) -> None:
        """The search plugins index a page by parsing its HTML: a replayed page gets its previous entries."""
        for name in ("search", "material/search"):
            index = getattr(config.plugins.get(name), "search_index", None)
            entries = getattr(index, "entries", getattr(index, "_entries", None))
            if index is not None and isinstance(entries, list):
                index.add_entry_from_context = partial(self._index_page, index.add_entry_from_context, entries)

    def _index_page(self, add: Any, entries: list, page: Page) -> None:
        uri = page.file.src_uri
        if is_replayed(page) and uri in self.search_entries:
            entries.extend(self.search_entries[uri])
            return
        start = len(entries)
        add(page)
        self.search_entries[uri] = entries[start:]

    def check_nav(self, nav: Any, routes: dict[str, str]) -> None:
        """A nav that lists records puts their titles on every page: then no page output is reused."""
        self.nav_holds_records = any(page.file.src_uri in routes for page in nav.pages)

    # -- Markdown --------------------------------------------------------------

    def replay_conversion(self, page: Page) -> None:
        """Give `page` its previous conversion when its source is unchanged and its links still resolve alike."""
        source = hashlib.sha1(page.file.content_string.encode("utf-8", "surrogatepass")).digest()
        cached = self.conversions.get(page.file.src_uri)
        if cached is not None and source == cached.source and (self.same_files or not cached.has_links):
            page.__class__ = _ReplayedPage
            page._conversion = cached  # type: ignore[attr-defined]
        else:
            self.sources[page.file.src_uri] = source

    def remember_conversion(self, page: Page, content: str) -> None:
        """Keep a freshly converted page's result for the next build."""
        source = self.sources.pop(page.file.src_uri, None)
        if source is None:
            return
        self.conversions[page.file.src_uri] = _Conversion(
            source=source, markdown=_pack(page.markdown or ""), meta=dict(page.meta), content=_pack(content), toc=page.toc,
            title_from_render=page._title_from_render, anchors=set(page.present_anchor_ids or ()),
            has_links=_has_links(content),
            anchor_links={file.src_uri: dict(links) for file, links in (page.links_to_anchors or {}).items()})

    # -- template --------------------------------------------------------------

    def choose_template(self, page: Page, key: str, problems: list[str]) -> None:
        """A record page none of whose inputs changed writes its previous output."""
        cached = self.outputs.get(page.file.src_uri)
        if (cached is None or self.nav_holds_records or not isinstance(page, _ReplayedPage) or cached.problems != problems
                or not cached.keys.isdisjoint(self.changed)):
            return
        page.meta["template"] = REPLAY_TEMPLATE
        self.replaying.add(page.file.src_uri)

    def context_for(self, page: Page, key: str) -> dict[str, Any]:
        """The replayed output for the replay template; otherwise start logging what the page reads."""
        if page.file.src_uri in self.replaying:
            return {"sortie": Markup(_unpack(self.outputs[page.file.src_uri].html))}
        reads.begin()
        reads.note(key)
        return {}

    def replays(self, page: Page) -> bool:
        """Whether the page's output is its previous one, written again by the replay template."""
        return page.file.src_uri in self.replaying

    def remember_output(self, page: Page, html: str, problems: list[str]) -> str:
        """The page's final HTML, kept for the next rebuild."""
        self.outputs[page.file.src_uri] = _Output(_pack(html), reads.end(), problems)
        return html


class TemplateCache(BytecodeCache):
    """Compiled templates kept across serve rebuilds: MkDocs makes a new Jinja environment for each build.

    Jinja keys each entry by the template's source checksum: an edited template is compiled again.
    """

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


class _ReplayedPage(Page):
    """A page whose Markdown is not read nor converted again: the previous build's result is put back."""

    _conversion: _Conversion

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown, self.meta = _unpack(self._conversion.markdown), dict(self._conversion.meta)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        cached = self._conversion
        self.content, self.toc = _unpack(cached.content), cached.toc
        self._title_from_render = cached.title_from_render
        self.present_anchor_ids = set(cached.anchors)
        # Replayed only when the site has the same files, or when the page links to none of them.
        self.links_to_anchors = {files.get_file_from_path(uri): dict(links)
                                 for uri, links in cached.anchor_links.items()}


def _pack(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 1)


def _unpack(packed: bytes) -> str:
    return zlib.decompress(packed).decode("utf-8", "surrogatepass")


def is_replayed(page: Page) -> bool:
    return isinstance(page, _ReplayedPage)


_LINK = re.compile(r'(?:href|src)="(?!#)')  # a link within the page (a heading's permalink) resolves alike


def _has_links(html: str) -> bool:
    """Links and images are resolved against the site's files: with another set of files they may change."""
    return _LINK.search(html) is not None


def _environment_digest(files: Files, config: MkDocsConfig, routes: dict[str, str], *, settings: str) -> str:
    """What every page may depend on, apart from the records: configuration (the build date included),
    templates, code, other files."""
    digest = hashlib.sha256(settings.encode())
    digest.update(repr(config.nav).encode())  # this build's navigation: an optional part comes with its first record
    if config.config_file_path and os.path.exists(config.config_file_path):
        digest.update(Path(config.config_file_path).read_bytes())
    package = str(Path(__file__).resolve().parent.parent)
    for directory in [*config.theme.dirs, package]:
        for root, dirs, names in os.walk(directory):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")  # bytecode is rewritten by any import
            for name in sorted(names):
                _add_stat(digest, os.path.join(root, name))
    for file in sorted(files, key=lambda f: f.src_uri):
        if file.src_uri in routes:
            continue
        if file.abs_src_path:
            digest.update(file.src_uri.encode())
            _add_stat(digest, file.abs_src_path)
        elif file.is_documentation_page():  # generated pages: exports, feeds and calendars are not linked from nav
            digest.update(file.src_uri.encode())
    return digest.hexdigest()


def _add_stat(digest: Any, path: str) -> None:
    try:
        stat = os.stat(path)
    except OSError:
        return
    digest.update(f"{path}\0{stat.st_mtime_ns}\0{stat.st_size}\n".encode())
