"""Derived figures: the follow-up board and the home page's key figures.

Every number a page shows is computed here from the graph; templates only lay them out.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Iterable

from . import schema
from .graph import ContributionNode, EngagementNode, Graph, Tally, tally


@dataclass(frozen=True)
class Count:
    """One row of a breakdown: a value, its label and how many."""

    value: str
    label: str
    count: int
    share: float  # of the breakdown's total, 0 to 1


def breakdown(values: Iterable[str], labels: dict[str, str]) -> list[Count]:
    """Counts in the order of `labels`, every value present even at zero."""
    counter = Counter(values)
    total = sum(counter.values())
    return [Count(value, label, counter[value], counter[value] / total if total else 0.0)
            for value, label in labels.items()]


@dataclass
class Suivi:
    """The follow-up board: what awaits an answer, what is late, what became of what was asked."""

    chiffres: Tally
    en_retard: list[ContributionNode]  # most overdue first
    en_attente: list[ContributionNode]  # nearest deadline first
    repondues_hors_delai: list[ContributionNode]
    reponses_par_position: list[Count]
    recommandations_par_position: list[Count]
    engagements_par_etat: list[Count]
    engagements_en_retard: list[EngagementNode]
    recommandations: int
    engagements: int


def follow_up(graph: Graph) -> Suivi:
    contributions = graph.contributions
    engagements = graph.engagements
    recommandations = graph.recommandations
    return Suivi(
        chiffres=tally(contributions),
        en_retard=sorted((c for c in contributions if c.statut == schema.EN_RETARD),
                         key=lambda c: (-c.retard_jours, c.id)),
        en_attente=sorted((c for c in contributions if c.statut == schema.EN_ATTENTE), key=by_deadline),
        repondues_hors_delai=[c for c in contributions if c.repondue_dans_les_delais is False],
        reponses_par_position=breakdown((r.position for r in graph.reponses), schema.POSITIONS),
        recommandations_par_position=breakdown((r.position for r in recommandations),
                                               schema.RECOMMANDATION_POSITIONS),
        engagements_par_etat=breakdown((e.etat for e in engagements), schema.ETATS),
        engagements_en_retard=sorted((e for e in engagements if e.en_retard), key=lambda e: e.echeance),
        recommandations=len(recommandations),
        engagements=len(engagements),
    )


@dataclass
class ChiffresCles:
    """What the home page says in four numbers."""

    assemblees: int
    participants: int
    contributions: int
    reponses: int
    taux_reponse: float | None
    en_retard: int


def key_figures(graph: Graph) -> ChiffresCles:
    chiffres = tally(graph.contributions)
    return ChiffresCles(
        assemblees=len(graph.assemblees_passees),
        participants=sum(a.participants or 0 for a in graph.assemblees_passees),
        contributions=len(graph.contributions),
        reponses=len(graph.reponses),
        taux_reponse=chiffres.taux_reponse,
        en_retard=chiffres.en_retard,
    )


def by_deadline(contribution: ContributionNode) -> tuple:
    """Nearest deadline first; a contribution known by its month or year has none, and comes last."""
    return (contribution.echeance or date.max, contribution.id)
