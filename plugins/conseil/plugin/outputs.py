"""What the site publishes beside its pages: open data, feeds and calendars; and what reports are made of.

CSV, JSON, Atom and iCalendar files are generated files, computed from the graph, so nothing
unpublished can leak. The report pages themselves are in the registry (`pages.report_page`).
"""

from __future__ import annotations

import logging
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils.meta import get_data

from ..core.graph.graph import Graph
from ..core.graph.report import Period, Rapport
from ..core.outputs.calendar import calendar_files
from ..core.outputs.feeds import feed_files
from ..core.outputs.opendata import export_files

log = logging.getLogger("mkdocs.plugins.conseil")

NARRATIVES = "rapports/"  # content/rapports/<période>.md: the team's text for a report


def configured_periods(options: list[Any]) -> list[Period]:
    """The plugin's `rapports:` option as periods."""
    periods = []
    for option in options:
        slug = option.id or f"{option.debut.year}-{option.fin.year}"
        periods.append(Period(slug, option.titre, option.debut, option.fin))
    return periods


def take_narratives(files: Files) -> dict[str, str]:
    """Remove content/rapports/*.md from the pages; return each one's body by period."""
    narratives = {}
    for file in list(files.documentation_pages()):
        if file.src_uri.startswith(NARRATIVES) and file.src_uri.count("/") == 1:
            files.remove(file)
            body, _ = get_data(file.content_string)
            narratives[file.src_uri[len(NARRATIVES):-3]] = body
    return narratives


def warn_unmatched_narratives(narratives: dict[str, str], rapports: list[Rapport]) -> None:
    periods = {rapport.period.slug for rapport in rapports}
    for slug in sorted(set(narratives) - periods):
        log.warning(f"conseil : content/{NARRATIVES}{slug}.md ne correspond à aucune période de rapport "
                    "(une année qui a des fiches publiées, ou une période de « rapports: » dans mkdocs.yml)")


def add_data_files(files: Files, graph: Graph, config: MkDocsConfig, nom: str) -> None:
    """The open data exports, the Atom feeds and the iCalendar files."""
    site_url = config.site_url or ""
    generated = {
        **export_files(graph, site_url),
        **feed_files(graph, nom=nom, site_url=site_url),
        **calendar_files(graph, nom=nom, site_url=site_url),
    }
    for path, text in generated.items():
        files.append(File.generated(config, path, content=text))
