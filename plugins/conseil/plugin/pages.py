"""Every page the plugin generates, declared once, and the loops that add them as virtual files.

Record pages replace the record files MkDocs found (`replace_records`); every other generated page
(home, section indexes, follow-up board, composition, reports, open data) is a `GeneratedPage` of the
registry (`generated_pages`), added by `add_pages`. Nothing is ever written into content/.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any, Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..core import Corpus
from ..core.graph.report import Rapport
from ..core.model import schema
from ..core.outputs.calendar import AGENDA
from ..core.outputs.feeds import FEEDS
from ..core.outputs.opendata import DATASETS, LIST_SEPARATOR
from ..core.outputs.sharing import describe
from .search import search_choices

if TYPE_CHECKING:
    from .context import Site


def _nothing(site: Site) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class GeneratedPage:
    """A page the plugin adds: its path, title, template, description, and what its template gets beside `conseil`."""

    uri: str
    title: str
    template: str
    description: str | None = None  # what search engines and shared links show; the site's by default
    context: Callable[[Site], dict[str, Any]] = _nothing
    body: str = ""  # Markdown under the front matter: the team's text of a report
    yields_to_site_page: bool = True  # a page the site writes at this address is kept (else replaced)
    template_for_site_page: bool = False  # that page of the site's gets this template when it names none

    @property
    def content(self) -> str:
        return front_matter(self.title, self.template, self.description) + self.body


@dataclass(frozen=True)
class RecordPage:
    """The page of a published record: `key` is its graph key (`contributions/x`)."""

    key: str


@dataclass(frozen=True)
class ErrorPage:
    """Preview only: a record that failed its checks, shown as its problems. `key` is its file's, not in the graph."""

    key: str
    template = "conseil/erreurs.html"


Route = RecordPage | ErrorPage

HOME = GeneratedPage("index.md", "Accueil", "conseil/accueil.html")
SECTIONS = tuple(
    GeneratedPage(f"{t.name}/index.md", t.section_title, f"conseil/{t.name}.html", t.index_description,
                  template_for_site_page=True)
    for t in schema.RECORD_TYPES.values())
SUIVI = GeneratedPage(
    "suivi/index.md", "Suivi des réponses", "conseil/suivi.html",
    "Le suivi des réponses des élus : textes en attente, en retard, taux de réponse et délais.",
    context=lambda site: {"delai_reponse_jours": site.delai_reponse_jours}, template_for_site_page=True)
COMPOSITION = GeneratedPage("composition/index.md", "Composition du conseil", "conseil/composition.html")
REPORTS = GeneratedPage(
    "rapport/index.md", "Rapports d'activité", "conseil/rapports.html",
    "Les rapports d'activité du conseil de développement, chiffres calculés à partir des fiches publiées.",
    context=lambda site: {"rapports": site.rapports})
OPEN_DATA = GeneratedPage(
    "donnees/index.md", "Données ouvertes", "conseil/donnees.html",
    "Les données ouvertes du conseil de développement : CSV et JSON avec leurs schémas, flux Atom et agenda.",
    context=lambda site: {"jeux": DATASETS, "separateur_liste": LIST_SEPARATOR, "flux": FEEDS, "agenda": AGENDA})

SEARCH = GeneratedPage(
    "recherche/index.md", "Rechercher", "conseil/recherche.html",
    "Rechercher dans les avis, contributions, réponses des élus, réunions et dossiers du conseil de développement.",
    context=lambda site: {"recherche_choix": search_choices(site.graph), "recherche_disponible": site.search})


# The optional parts of a site, by the address of their page: each is in the navigation only while it has content,
# so that the navigation a site declares holds for an empty council as for the demo (`prune_navigation`).
OPTIONAL_PARTS: dict[str, Callable[[Site], bool]] = {
    COMPOSITION.uri: lambda site: site.graph.composition is not None,
    "instances/index.md": lambda site: bool(site.graph.instances),
    "organes/index.md": lambda site: bool(site.graph.organes),
    "dossiers/index.md": lambda site: bool(site.graph.dossiers),
    "concertations/index.md": lambda site: bool(site.graph.concertations),
    "outils/index.md": lambda site: bool(site.graph.outils),
    REPORTS.uri: lambda site: bool(site.rapports),
}


def empty_parts(site: Site, files: Files) -> set[str]:
    """The addresses of the optional parts with nothing to show, unless the site writes that page itself."""
    return {uri for uri, has_content in OPTIONAL_PARTS.items() if not has_content(site)
            and not _site_page(files, uri)}


def prune_navigation(nav: list[Any], dropped: set[str]) -> list[Any]:
    """The `nav:` of mkdocs.yml without its entries for `dropped` pages (a section left empty goes too)."""
    kept: list[Any] = []
    for item in nav:
        if isinstance(item, dict) and len(item) == 1:
            (title, target), = item.items()
            if isinstance(target, list):
                children = prune_navigation(target, dropped)
                if children:
                    kept.append({title: children})
                continue
            if isinstance(target, str) and target.lstrip("/") in dropped:
                continue
        elif isinstance(item, str) and item.lstrip("/") in dropped:
            continue
        kept.append(item)
    return kept


def _site_page(files: Files, uri: str) -> bool:
    file = files.get_file_from_path(uri)
    return file is not None and file.abs_src_path is not None


def report_page(rapport: Rapport, narrative: str) -> GeneratedPage:
    """/rapport/<période>/: the report's figures, after the team's text for the period if there is one."""
    period = rapport.period
    return GeneratedPage(
        f"rapport/{period.slug}/index.md", f"Rapport d'activité — {period.titre}", "conseil/rapport.html",
        f"Rapport d'activité du conseil de développement ({period.titre}) : réunions, contributions, réponses des "
        "élus et engagements, chiffres calculés à partir des fiches publiées.",
        context=lambda site: {"rapport": rapport, "delai_reponse_jours": site.delai_reponse_jours},
        body=narrative, yields_to_site_page=False)


def generated_pages(site: Site, narratives: dict[str, str]) -> list[GeneratedPage]:
    """This build's registry, in the order the pages are added (the order of the site's files)."""
    return [
        HOME, *SECTIONS, SUIVI,
        *([COMPOSITION] if site.graph.composition is not None else []),
        *(report_page(rapport, narratives.get(rapport.period.slug, "")) for rapport in site.rapports),
        REPORTS, OPEN_DATA, SEARCH,
    ]


def add_pages(files: Files, config: MkDocsConfig, pages: list[GeneratedPage]) -> None:
    """Add each page of the registry, unless the site writes its own."""
    for page in pages:
        if page.yields_to_site_page and files.get_file_from_path(page.uri) is not None:
            continue
        files.append(File.generated(config, page.uri, content=page.content))


def front_matter(title: str, template: str, description: str | None = None) -> str:
    # JSON strings are valid YAML scalars: titles with colons or quotes stay intact. The title is
    # HTML-escaped: Material prints page titles as they are (<title>, header, search results), and
    # the description inside an attribute (<meta name="description">).
    title = escape(title, quote=False)
    described = f"description: {json.dumps(escape(description), ensure_ascii=False)}\n" if description else ""
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n{described}template: {template}\n---\n\n"


def record_template(record_type: str) -> str:
    return f"conseil/{schema.RECORD_TYPES[record_type].singular}.html"


def replace_records(files: Files, corpus: Corpus, config: MkDocsConfig, *, preview: bool) -> dict[str, Route]:
    """Swap each record file for a virtual page holding its body; drop unpublished ones.

    Returns the routing of the pages made: uri -> the record's page, or (preview) the page of its problems.
    """
    routes: dict[str, Route] = {}
    for file in list(files.documentation_pages()):
        key = file.src_uri[:-3]  # contributions/x.md -> contributions/x
        node = corpus.graph.by_key.get(key)
        if node is not None:
            files.remove(file)
            files.append(File.generated(config, file.src_uri,
                                        content=front_matter(node.titre, record_template(node.type),
                                                             describe(node)) + node.body))
            routes[file.src_uri] = RecordPage(key)
        elif file.src_uri in corpus.failed and preview:
            files.remove(file)
            files.append(File.generated(config, file.src_uri, content=front_matter(file.src_uri, ErrorPage.template)))
            routes[file.src_uri] = ErrorPage(key)
        elif _is_record(key, corpus):
            files.remove(file)  # draft, embargoed or broken: no page, no search entry, no sitemap line
    return routes


def _is_record(key: str, corpus: Corpus) -> bool:
    record_type, _, record_id = key.partition("/")
    return record_id in corpus.index.files.get(record_type, {})
