"""What the site publishes beside the record pages: activity reports, open data, feeds and calendars.

Pages are added as virtual Markdown files with our templates; CSV, JSON, Atom and iCalendar files
as generated files. Everything is computed from the graph, so nothing unpublished can leak.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils.meta import get_data

from ..core import Corpus, schema
from ..core.calendar import AGENDA, calendar_files, event_path
from ..core.feeds import FEEDS, feed_files
from ..core.opendata import DATASETS, LIST_SEPARATOR, export_files
from ..core.report import Period, Rapport, build_reports
from .charts import chart_of_age_classes, chart_of_counts, chart_of_rates
from .pages import Section, front_matter

log = logging.getLogger("mkdocs.plugins.conseil")

REPORTS = Section("rapport/index.md", "Rapports d'activité", "conseil/rapports.html",
                  "Les rapports d'activité du conseil de développement, chiffres calculés à partir des fiches publiées.")
OPEN_DATA = Section("donnees/index.md", "Données ouvertes", "conseil/donnees.html",
                    "Les données ouvertes du conseil de développement : CSV et JSON avec leurs schémas, flux Atom et "
                    "agenda.")
NARRATIVES = "rapports/"  # content/rapports/<période>.md: the team's text for a report
PRINT_STYLESHEET = "assets/conseil/rapport.css"


@dataclass
class Outputs:
    """The reports of the site and the page each one is shown on."""

    rapports: list[Rapport] = field(default_factory=list)
    pages: dict[str, Rapport] = field(default_factory=dict)  # uri -> report

    def context_for(self, uri: str) -> dict[str, Any]:
        """What a page of ours needs beside `conseil`."""
        if uri in self.pages:
            return {"rapport": self.pages[uri]}
        if uri == REPORTS.uri:
            return {"rapports": self.rapports}
        if uri == OPEN_DATA.uri:
            return {"jeux": DATASETS, "separateur_liste": LIST_SEPARATOR, "flux": FEEDS, "agenda": AGENDA}
        return {}


def report_page(period: Period) -> str:
    return f"rapport/{period.slug}/index.md"


def configured_periods(options: list[Any]) -> list[Period]:
    """The plugin's `rapports:` option as periods."""
    periods = []
    for option in options:
        slug = option.id or f"{option.debut.year}-{option.fin.year}"
        periods.append(Period(slug, option.titre, option.debut, option.fin))
    return periods


def add_outputs(files: Files, corpus: Corpus, config: MkDocsConfig, options: Any) -> Outputs:
    graph = corpus.graph
    site_url = config.site_url or ""
    narratives = _take_narratives(files)
    outputs = Outputs(rapports=build_reports(graph, configured_periods(options.rapports)))
    for rapport in outputs.rapports:
        uri = report_page(rapport.period)
        title = f"Rapport d'activité — {rapport.period.titre}"
        text = narratives.pop(rapport.period.slug, "")
        description = (f"Rapport d'activité du conseil de développement ({rapport.period.titre}) : réunions, "
                       "contributions, réponses des élus et engagements, chiffres calculés à partir des fiches publiées.")
        files.append(File.generated(config, uri, content=front_matter(title, "conseil/rapport.html", description) + text))
        outputs.pages[uri] = rapport
    for slug in sorted(narratives):
        log.warning(f"conseil : content/{NARRATIVES}{slug}.md ne correspond à aucune période de rapport "
                    "(une année qui a des fiches publiées, ou une période de « rapports: » dans mkdocs.yml)")
    for section in (REPORTS, OPEN_DATA):
        if files.get_file_from_path(section.uri) is None:
            files.append(File.generated(config, section.uri, content=front_matter(section.title, section.template,
                                                                                   section.description)))
    generated = {
        **export_files(graph, site_url),
        **feed_files(graph, nom=options.nom, site_url=site_url),
        **calendar_files(graph, nom=options.nom, site_url=site_url),
    }
    for path, text in generated.items():
        files.append(File.generated(config, path, content=text))
    return outputs


def _take_narratives(files: Files) -> dict[str, str]:
    """Remove content/rapports/*.md from the pages; return each one's body by period."""
    narratives = {}
    for file in list(files.documentation_pages()):
        if file.src_uri.startswith(NARRATIVES) and file.src_uri.count("/") == 1:
            files.remove(file)
            body, _ = get_data(file.content_string)
            narratives[file.src_uri[len(NARRATIVES):-3]] = body
    return narratives


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
