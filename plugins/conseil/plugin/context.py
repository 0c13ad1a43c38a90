"""What templates receive: the site context every page of the plugin gets as `conseil`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..core import Corpus
from ..core.figures import ChiffresCles, Suivi, follow_up, key_figures
from ..core.graph import Graph


@dataclass
class Site:
    """The context every page of the plugin gets as `conseil`."""

    nom: str
    graph: Graph
    suivi: Suivi
    chiffres: ChiffresCles
    preview: bool = False

    @property
    def today(self) -> date:
        return self.graph.build_date

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


def build_site(corpus: Corpus, nom: str, *, preview: bool) -> Site:
    return Site(nom=nom, graph=corpus.graph, suivi=follow_up(corpus.graph), chiffres=key_figures(corpus.graph),
                preview=preview)
