"""Atom feeds of what the site publishes, built with feedgen from the graph (published records only)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any, Callable

from feedgen.feed import FeedGenerator

from ..graph.graph import Graph
from ..model import schema
from ..model.dates import PARIS, date_fr, is_approximate, jours_fr, on_date_fr
from ..model.diagnostics import plural
from .opendata import public_url
from .sharing import describe

MAX_ENTRIES = 100


@dataclass(frozen=True)
class Feed:
    path: str  # under the site: flux/contributions.xml
    titre: str
    description: str
    nodes: Callable[[Graph], list[Any]]


FEEDS: tuple[Feed, ...] = (
    Feed("flux/publications.xml", "Toutes les publications",
         "Assemblées, contributions, réponses des élus, concertations et bilans, des plus récents aux plus anciens.",
         lambda g: [*g.assemblees, *g.contributions, *g.reponses, *g.concertations, *g.bilans]),
    Feed("flux/contributions.xml", "Contributions", "Les avis, contributions, alertes et questions adressés aux élus.",
         lambda g: list(g.contributions)),
    Feed("flux/reponses.xml", "Réponses des élus", "Les réponses des élus aux contributions du conseil.",
         lambda g: list(g.reponses)),
    Feed("flux/bilans.xml", "Bilans des concertations",
         "Les bilans des concertations, ceux des garants et les réponses des maîtres d'ouvrage.",
         lambda g: list(g.bilans)),
)


def _moment(day: date) -> datetime:
    """Records carry a day; feeds need an instant: noon in Paris, so the day is the same everywhere in France."""
    return datetime.combine(day, time(12, 0), tzinfo=PARIS)


def entry_day(node: Any, build_date: date) -> date:
    """When a record appeared: its embargo date when it had one, else its own date, never after the build.

    An assembly (a concertation) is announced before it takes place: its entry is not dated in the future.
    """
    day = node.publication or (node.debut if node.type == "concertations" else node.date)
    return min(day, build_date)


def summary_of(node: Any) -> str:
    """A short French summary of a record, for feed entries."""
    if node.type == "contributions":
        day = f"({date_fr(node.date)})" if is_approximate(node.date) else f"du {date_fr(node.date)}"
        lead = f"{schema.NATURES[node.nature]} {day} — {schema.STATUTS[node.statut]}."
        return f"{lead} {node.resume}" if node.resume else lead
    if node.type == "reponses":
        who = node.repondant.nom if node.repondant else "Un élu"
        answered = " ; ".join(c.titre for c in node.contributions)
        if node.intervention:
            return f"Intervention de {who} {on_date_fr(node.date)}, sur : {answered}."
        return f"{who} répond {on_date_fr(node.date)} ({schema.POSITIONS[node.position]}) : {answered}."
    if node.type == "bilans":
        of = f" de la concertation « {node.concertation.titre} »" if node.concertation else ""
        lead = f"{schema.BILAN_TYPES[node.type_bilan]}{of}, {on_date_fr(node.date)}."
        if node.ecart_apres_la_fin is not None and node.type_bilan != schema.REPONSE_MAITRE_OUVRAGE:
            lead += f" {jours_fr(node.ecart_apres_la_fin, space=' ')} après la fin de la concertation."
        if node.suites:
            retenus = sum(1 for s in node.suites if s.position == schema.RETENUE)
            lead += f" {plural(len(node.suites), 'sujet')}, dont {plural(retenus, 'retenu')}."
        return lead
    if node.type == "concertations":
        return describe(node)
    where = f", {node.lieu}" if node.lieu else ""
    return f"{schema.ASSEMBLEE_TYPES[node.type_assemblee]}, {date_fr(node.date, with_weekday=True)}{where}."


def build_feed(feed: Feed, graph: Graph, *, nom: str, site_url: str) -> str:
    """The Atom document of one feed; entries newest first, ids are the records' public URLs."""
    today = graph.build_date
    nodes = sorted(feed.nodes(graph), key=lambda n: (entry_day(n, today), n.type, n.id), reverse=True)[:MAX_ENTRIES]
    generator = FeedGenerator()
    generator.id(public_url(site_url, feed.path))
    generator.title(f"{nom} — {feed.titre}")
    generator.subtitle(feed.description)
    generator.author({"name": nom})
    generator.link(href=public_url(site_url, ""), rel="alternate")
    generator.link(href=public_url(site_url, feed.path), rel="self")
    generator.language("fr")
    generator.rights("Licence Ouverte 2.0")
    generator.generator("conseil")
    # The newest entry's day, not the build time: the same records give the same feed.
    generator.updated(_moment(max((entry_day(n, today) for n in nodes), default=today)))
    for node in reversed(nodes):  # feedgen prepends each entry
        entry = generator.add_entry()
        url = public_url(site_url, node.url)
        entry.id(url)
        entry.title(node.titre)
        entry.link(href=url, rel="alternate")
        entry.published(_moment(entry_day(node, today)))
        entry.updated(_moment(entry_day(node, today)))
        entry.summary(summary_of(node))
        entry.category(term=node.type, label=schema.RECORD_TYPES[node.type].label_plural.capitalize())
    return generator.atom_str(pretty=True).decode("utf-8")


def feed_files(graph: Graph, *, nom: str, site_url: str) -> dict[str, str]:
    return {feed.path: build_feed(feed, graph, nom=nom, site_url=site_url) for feed in FEEDS}
