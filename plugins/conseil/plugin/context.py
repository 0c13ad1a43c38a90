"""What a template receives: the site-wide `conseil`, each page's own values, and the Jinja globals.

Templates get every value they show by name: they never reach into the settings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from types import SimpleNamespace
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from ..core import Corpus, schema
from ..core.calendar import event_path
from ..core.feeds import FEEDS
from ..core.figures import ChiffresCles, Suivi, follow_up, key_figures
from ..core.graph import Graph
from ..core.report import Rapport
from ..core.sharing import Sharing
from .charts import chart_of_age_classes, chart_of_counts, chart_of_rates
from .meta import head_context, tags
from .pages import GeneratedPage, RecordPage, Route


@dataclass
class Site:
    """The context every page of the plugin gets as `conseil`."""

    nom: str
    graph: Graph
    suivi: Suivi
    chiffres: ChiffresCles
    rapports: list[Rapport] = field(default_factory=list)
    preview: bool = False
    search: bool = False  # this build writes the search index (its page says when it does not)

    @property
    def today(self) -> date:
        return self.graph.build_date

    @property
    def delai_reponse_jours(self) -> int:
        """Days an élu has to answer when a contribution sets no deadline."""
        return self.graph.settings.delai_reponse_jours

    def contributions_by_year(self) -> list[tuple[int, list[Any]]]:
        return _by_year(self.graph.contributions)

    def reponses_by_year(self) -> list[tuple[int, list[Any]]]:
        return _by_year(self.graph.reponses)

    def assemblees_passees_by_year(self) -> list[tuple[int, list[Any]]]:
        return _by_year(self.graph.assemblees_passees)


def _by_year(nodes: list[Any]) -> list[tuple[int, list[Any]]]:
    years: dict[int, list[Any]] = {}
    for node in nodes:  # already newest first
        years.setdefault(node.date.year, []).append(node)
    return list(years.items())


def build_site(corpus: Corpus, nom: str, rapports: list[Rapport], *, preview: bool, search: bool) -> Site:
    return Site(nom=nom, graph=corpus.graph, suivi=follow_up(corpus.graph), chiffres=key_figures(corpus.graph),
                rapports=rapports, preview=preview, search=search)


def page_context(site: Site, page: Page, route: Route | None, generated: GeneratedPage | None, *,
                 config: MkDocsConfig, problems: list[str] | None) -> dict[str, Any]:
    """What the template of `page` gets beside MkDocs' own context: `conseil`, `fiche` on a record's page,
    the head's sharing tags, the values its registry entry declares, and (preview) its problems."""
    context: dict[str, Any] = {"conseil": site}
    node = site.graph.by_key[route.key] if isinstance(route, RecordPage) else None
    if node is not None:
        context["fiche"] = node
    context.update(head_context(node, page.title, page.url, page.meta, config=config, nom=site.nom))
    if generated is not None:
        context.update(generated.context(site))
    if problems is not None:
        context["problemes"] = problems
    return context


def not_found_context(config: MkDocsConfig, nom: str) -> dict[str, Any]:
    """The 404 page is a theme template, not a page: it gets the site's description."""
    sharing = Sharing(title="Page introuvable", description=config.site_description or config.site_name,
                      path="404.html")
    return {"conseil_partage": tags(sharing, config, nom)}


def template_globals(nom: str) -> dict[str, Any]:
    """Jinja globals: the feeds every page links to, the chart helpers, the per-assembly calendar path."""
    return {
        "conseil_flux": [(feed.path, f"{nom} — {feed.titre}") for feed in FEEDS],
        "graphique_decompte": chart_of_counts,
        "graphique_taux": chart_of_rates,
        "graphique_ages": chart_of_age_classes,
        "agenda_assemblee": event_path,
        # `statut.en_retard`…: templates name the derived statuses as the schema declares them
        "statut": SimpleNamespace(**{value.replace("-", "_"): value for value in schema.STATUTS}),
    }
