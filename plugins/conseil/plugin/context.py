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

from ..core import Corpus
from ..core.graph.figures import ChiffresCles, Suivi, follow_up, key_figures
from ..core.graph.graph import Graph
from ..core.graph.report import Rapport
from ..core.model import schema
from ..core.outputs.calendar import AGENDA, event_path
from ..core.outputs.feeds import FEEDS
from ..core.outputs.sharing import Sharing
from .charts import chart_of_age_classes, chart_of_attendance, chart_of_counts, chart_of_rates
from .meta import head_context, tags
from .pages import GeneratedPage, RecordPage, Route


# The order of /concertations/: where one can take part now, then soon, then what came out of the others.
CONCERTATION_STATUS_ORDER = (schema.EN_COURS, schema.A_VENIR, schema.BILAN_ATTENDU, schema.BILAN_PUBLIE, schema.HORS_SUIVI)


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

    def concertations_by_status(self) -> list[tuple[str, list[Any]]]:
        """The concertations grouped by derived status, open ones first; empty groups left out."""
        groups: dict[str, list[Any]] = {status: [] for status in CONCERTATION_STATUS_ORDER}
        for concertation in self.graph.concertations:
            groups[concertation.statut].append(concertation)
        return [(status, nodes) for status, nodes in groups.items() if nodes]

    def open_concertations(self) -> list[Any]:
        """Where one can take part: the open concertations, then the announced ones."""
        groups = dict(self.concertations_by_status())
        return [*groups.get(schema.EN_COURS, []), *groups.get(schema.A_VENIR, [])]


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
        "graphique_effectifs": chart_of_attendance,
        "agenda_assemblee": event_path,
        "agenda_general": AGENDA,
        # `statut.en_retard`…: templates name the derived statuses as the schema declares them
        "statut": SimpleNamespace(**{value.replace("-", "_"): value for value in schema.STATUTS}),
    }
