"""The MkDocs plugin: it feeds the core with the files MkDocs found and turns the graph into pages.

Each event does one step; the steps are named by what they do.
"""

from __future__ import annotations

import gc
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..core import Corpus, Settings, SourceFile, load, render
from ..core.graph import reads
from ..core.graph.report import build_reports
from ..core.loader import collector_paused, summary
from ..core.reading.rules import SettingsError
from .admin import add_admin
from .composition import member_list, withhold_member_list
from .config import ConseilConfig
from .context import Site, build_site, not_found_context, page_context, template_globals
from .filters import FILTERS
from .incremental import KNOWN_PLUGINS, Incremental, is_replayed
from .meta import add_share_image
from .outputs import add_data_files, configured_periods, take_narratives, warn_unmatched_narratives
from .pages import (COMPOSITION, GeneratedPage, RecordPage, Route, add_pages, empty_parts, generated_pages,
                    prune_navigation, replace_records)
from .partials import NavigationPartials
from .sanitise import sanitise
from .search import PagefindWriter, SearchIndexError, facets
from .served_site import ServedSite
from .tables import label_cells

log = logging.getLogger("mkdocs.plugins.conseil")
PACKAGE = Path(__file__).resolve().parent.parent
STYLESHEET = "assets/conseil/conseil.css"
PRINT_STYLESHEET = "assets/conseil/rapport.css"
SEARCH_SCRIPT = "assets/conseil/recherche.js"  # loaded by the search page only


class ConseilPlugin(BasePlugin[ConseilConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.preview = False
        self.corpus: Corpus | None = None
        self.site: Site | None = None
        self.routes: dict[str, Route] = {}  # uri -> record page or (preview) error page
        self.pages: dict[str, GeneratedPage] = {}  # uri -> this build's registry entry
        self.display_paths: dict[str, str] = {}
        self.incremental: Incremental | None = None  # serve only: a published build is always a full one
        self.served_site: ServedSite | None = None  # serve only: the served folder is kept, unchanged files stay
        self.declared_nav: list | None = None  # the `nav:` of mkdocs.yml, before the empty optional parts left it
        self.pruned_nav: list | None = None
        self.search_index: PagefindWriter | None = None  # build only: this build's Pagefind index
        self.indexed: set[str] = set()  # uris of the pages whose article goes into the index

    # -- events ---------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.preview = command == "serve"
        self.incremental = Incremental() if self.preview else None
        self.served_site = ServedSite() if self.preview else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        gc.unfreeze()  # the previous build's graph (serve, or several builds in one process) can be collected again
        if not self.config.enabled:
            if self.incremental:
                self.incremental.forget()
            return None
        self._register_templates(config)
        reads.track(self.incremental is not None)  # per build: another site built in this process may have reset it
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if PRINT_STYLESHEET not in config.extra_css:
            config.extra_css.append(PRINT_STYLESHEET)
        return config

    @event_priority(-100)  # after every other plugin's own preparation, just before MkDocs empties the folder
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.served_site:
            self.served_site.begin(config.site_dir, known_plugins=self.config.enabled
                                   and set(config.plugins) <= KNOWN_PLUGINS)

    @event_priority(50)  # before search and other plugins see the files
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        if not self.config.enabled:
            return files
        # The records, the graph and the pages' inputs live until the end of the build: made with the collector
        # paused, then set apart from it until the next build starts (full collections scanned them all: a
        # sixth of a preview rebuild at 10,000 records).
        with collector_paused(freeze=True):
            self._add_files(files, config)
        return files

    def _add_files(self, files: Files, config: MkDocsConfig) -> None:
        """Load the records, then add their pages, the generated pages and the data files."""
        self.corpus = self._load_records(files, config)
        withhold_member_list(files)
        self._report_problems(self.corpus)
        narratives = take_narratives(files)
        rapports = build_reports(self.corpus.graph, configured_periods(self.config.rapports))
        self.site = build_site(self.corpus, self.config.nom, rapports, preview=self.preview,
                               search=self.config.recherche and not self.preview)
        self.routes = replace_records(files, self.corpus, config, preview=self.preview)
        self._add_pages(files, config, narratives)
        self._prune_navigation(config, files)
        add_data_files(files, self.corpus.graph, config, self.config.nom)
        add_admin(files, config, self.config.cms, preview=self.preview)
        if self.incremental:
            self.incremental.start(files, config, self.corpus.graph, self._routed_keys())
            self.incremental.watch_search(config)
        files.append(File.generated(config, STYLESHEET, abs_src_path=str(PACKAGE / "assets" / "conseil.css")))
        files.append(File.generated(config, PRINT_STYLESHEET, abs_src_path=str(PACKAGE / "assets" / "rapport.css")))
        files.append(File.generated(config, SEARCH_SCRIPT, abs_src_path=str(PACKAGE / "assets" / "recherche.js")))
        add_share_image(files, config, self.config.nom)
        self._start_search_index()

    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        if self.incremental:
            self.incremental.check_nav(nav, self._routed_keys())
        return nav

    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        env.filters.update(FILTERS)
        if self.incremental:
            env.bytecode_cache = self.incremental.templates
        if self.config.enabled:
            env.globals.update(template_globals(self.config.nom))
            NavigationPartials().install(env, config.theme.dirs, str(PACKAGE / "templates"))
        # Records are written by people: our templates escape every value (Material's own do not).
        env.autoescape = _escapes_template
        return env

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        if self.incremental:
            self.incremental.replay_conversion(page)
        return page

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self._assign_template(page)
        route = self.routes.get(page.file.src_uri)
        if self.incremental and isinstance(route, RecordPage):
            self.incremental.choose_template(page, route.key, self._problems_of(page))
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        routed = page.file.src_uri in self.routes
        if not is_replayed(page):  # a replayed page was sanitised when it was converted
            if routed:
                html = sanitise(html)
            if self.incremental:
                self.incremental.remember_conversion(page, html)
        if routed:
            _drop_copies_of_body(page)
        return html

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        if not self.config.enabled or self.site is None:
            return context
        uri = page.file.src_uri
        route = self.routes.get(uri)
        context.update(page_context(self.site, page, route, self.pages.get(uri), config=config,
                                    problems=self._problems_of(page) if self.preview else None))
        context.update(self._search_context(uri, route))
        if self.incremental and isinstance(route, RecordPage):  # last: it starts logging what the page reads
            context.update(self.incremental.context_for(page, route.key))
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if not self.config.enabled:
            return output
        if self.search_index is not None and page.file.src_uri in self.indexed:
            self.search_index.add(output, "/" + page.url)
        if self.incremental and isinstance(self.routes.get(page.file.src_uri), RecordPage):
            if self.incremental.replays(page):  # its previous output, already labelled
                return output
            return self.incremental.remember_output(page, label_cells(output), self._problems_of(page))
        return label_cells(output)

    def on_template_context(self, context, *, template_name: str, config: MkDocsConfig):
        if self.config.enabled and template_name == "404.html":
            context.update(not_found_context(config, self.config.nom))
        return context

    @event_priority(-100)  # after the search index and every other plugin's files are written
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._write_search_index(config)
        if self.incremental:
            self.incremental.finish()
        if self.served_site:
            self.served_site.finish()

    def on_build_error(self, *, error: Exception) -> None:
        if self.search_index is not None:
            self.search_index.close()
            self.search_index = None
        if self.incremental:
            self.incremental.forget()
        if self.served_site:
            self.served_site.forget()

    # -- steps ----------------------------------------------------------------

    def _register_templates(self, config: MkDocsConfig) -> None:
        """Our templates sit between the site's overrides/ and Material's own."""
        templates = str(PACKAGE / "templates")
        dirs = config.theme.dirs
        if templates not in dirs:
            position = 1 if config.theme.custom_dir else 0
            dirs.insert(position, templates)

    def _settings(self, config: MkDocsConfig) -> Settings:
        try:
            return Settings.from_options(self.config, Path(config.docs_dir),
                                         config_name=Path(config.config_file_path or "mkdocs.yml").name)
        except SettingsError as error:
            raise PluginError(f"conseil : {error}") from None

    def _load_records(self, files: Files, config: MkDocsConfig) -> Corpus:
        cwd = Path.cwd()
        docs_prefix = _display_path(config.docs_dir, cwd) + "/"  # resolved once, not once per file
        sources = []
        for file in files.documentation_pages():
            if file.abs_src_path is None:  # generated by another plugin
                display, read = file.src_uri, (lambda f=file: f.content_bytes)
            else:
                display = docs_prefix + file.src_uri if file.src_dir == config.docs_dir else \
                    _display_path(file.abs_src_path, cwd)
                read = lambda p=file.abs_src_path: Path(p).read_bytes()  # noqa: E731
            sources.append(SourceFile(file.src_uri, display, read))
        membres = member_list(files)
        if membres is not None:
            sources.append(SourceFile(membres.src_uri, docs_prefix + membres.src_uri,
                                      lambda p=membres.abs_src_path: Path(p).read_bytes()))
        self.display_paths = {s.uri: s.display_path for s in sources}
        if membres is not None:  # the preview shows the list's problems on the composition page
            self.display_paths[COMPOSITION.uri] = self.display_paths.pop(membres.src_uri)
        return load(sources, self._settings(config), cache=self.incremental.parsed if self.incremental else None)

    def _report_problems(self, corpus: Corpus) -> None:
        for diagnostic in corpus.diagnostics:
            text = render(diagnostic, corpus.sources.get(diagnostic.path))
            (log.error if diagnostic.is_error else log.info if diagnostic.is_note else log.warning)(text)
        if corpus.error_count and not self.preview:
            raise PluginError(f"conseil : {summary(corpus)} dans les fiches ; site non construit. "
                              "Corrigez les problèmes ci-dessus (ou lancez « conseil check content »).")
        if corpus.diagnostics:
            log.info(f"conseil : {summary(corpus)} dans les fiches")

    def _add_pages(self, files: Files, config: MkDocsConfig, narratives: dict[str, str]) -> None:
        """The registry's pages: home, section indexes, follow-up, composition, reports, open data."""
        pages = generated_pages(self.site, narratives)
        add_pages(files, config, pages)
        warn_unmatched_narratives(narratives, self.site.rapports)
        self.pages = {page.uri: page for page in pages}

    def _prune_navigation(self, config: MkDocsConfig, files: Files) -> None:
        """Drop from `nav:` the optional parts with nothing to show (composition without a members' list, no
        organe, no report…): the navigation of mkdocs.yml names them all, whatever the site holds today."""
        if config.nav is None:
            return
        if self.pruned_nav is None or config.nav is not self.pruned_nav:  # a new build's configuration
            self.declared_nav = config.nav
        self.pruned_nav = prune_navigation(self.declared_nav, empty_parts(self.site, files))
        config.nav = self.pruned_nav

    def _start_search_index(self) -> None:
        """A published build indexes its pages as they are written; the preview never does."""
        self.indexed = set()
        if self.search_index is not None:  # a previous build of this process failed before writing it
            self.search_index.close()
        self.search_index = None
        if self.config.recherche and not self.preview:
            try:
                self.search_index = PagefindWriter()
            except SearchIndexError as error:
                raise PluginError(f"conseil : l'index de recherche ne peut pas être construit : {error}. Installez "
                                  "les dépendances (make install), ou mettez « recherche: false » dans l'entrée "
                                  "conseil de mkdocs.yml pour construire le site sans recherche.") from None

    def _search_context(self, uri: str, route: Route | None) -> dict:
        """A record's page, or a page the site writes, puts its article in the index; lists and reports do not."""
        if not (isinstance(route, RecordPage) or (route is None and uri not in self.pages)):
            return {}
        self.indexed.add(uri)
        node = self.site.graph.by_key[route.key] if isinstance(route, RecordPage) else None
        return {"recherche_indexee": True, "recherche_facettes": facets(node) if node is not None else None}

    def _write_search_index(self, config: MkDocsConfig) -> None:
        if self.search_index is None:
            return
        writer, self.search_index = self.search_index, None
        try:
            writer.write(config.site_dir)
        except SearchIndexError as error:
            raise PluginError(f"conseil : l'index de recherche (Pagefind) n'a pas pu être écrit : {error}") from None
        log.info(f"conseil : index de recherche écrit ({writer.pages} pages)")

    def _routed_keys(self) -> dict[str, str]:
        """The routing as `Incremental` takes it: every routed page by uri (it compares their set, reads no key)."""
        return {uri: route.key for uri, route in self.routes.items()}

    def _assign_template(self, page: Page) -> None:
        """A section page the site writes uses our template when its front matter names none (record pages are
        ours: their front matter always names one)."""
        if "template" in page.meta:
            return
        generated = self.pages.get(page.file.src_uri)
        if generated is not None and generated.template_for_site_page:
            page.meta["template"] = generated.template

    def _problems_of(self, page: Page) -> list[str]:
        """The rendered diagnostics of the file behind `page`, for the preview banner."""
        path = self.display_paths.get(page.file.src_uri)
        if self.corpus is None or path is None:
            return []
        return [render(d, self.corpus.sources.get(d.path)) for d in self.corpus.diagnostics_for(path)]


def _drop_copies_of_body(page: Page) -> None:
    """Once a record's page is converted, its file's text and its Markdown are copies of the record's body
    that nothing reads again: without this, a build would hold every body three times until its end."""
    page.file.content_string = ""
    page.markdown = ""  # not None: MkDocs reads None as a page not read yet


def _escapes_template(name: str | None) -> bool:
    return name is not None and name.startswith("conseil/")


def _display_path(abs_path: str, cwd: Path) -> str:
    try:
        return Path(abs_path).resolve().relative_to(cwd.resolve()).as_posix()
    except ValueError:
        return abs_path
