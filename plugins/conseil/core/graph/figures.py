"""Derived figures: the follow-up board and the home page's key figures.

Every number a page shows is computed here from the graph; templates only lay them out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable

from ..model import schema
from ..model.dates import is_approximate
from .counts import Count, Participation, breakdown, total
from .graph import Graph
from .nodes import AssembleeNode, ContributionNode, EngagementNode
from .tally import Tally, tally


def attendance(assemblees: Iterable[AssembleeNode]) -> Participation:
    """The sum of the meetings' attendance, and how sure it is: « environ » wins over « au moins »."""
    return total(a.participants for a in assemblees)


@dataclass(frozen=True)
class Approximations:
    """How many records of a set some figures leave out, because only their month or year is known."""

    contributions: int  # with an approximate date: no computed deadline, no delay
    reponses: int  # with an approximate date: no delay

    @property
    def total(self) -> int:
        return self.contributions + self.reponses


def approximations(contributions: Iterable[ContributionNode], reponses: Iterable) -> Approximations:
    return Approximations(sum(1 for c in contributions if is_approximate(c.date)),
                          sum(1 for r in reponses if is_approximate(r.date)))


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
    reponses: int  # official answers (interventions are not answers)
    interventions: int
    hors_suivi: list[ContributionNode]  # before `suivi_depuis`, unanswered: never late, never in the rates
    approximations: Approximations
    suivi_depuis: date | None = None


def follow_up(graph: Graph) -> Suivi:
    contributions = graph.contributions
    engagements = graph.engagements
    recommandations = graph.recommandations
    officielles = graph.reponses_officielles
    return Suivi(
        chiffres=tally(contributions),
        en_retard=sorted((c for c in contributions if c.statut == schema.EN_RETARD),
                         key=lambda c: (-c.retard_jours, c.id)),
        en_attente=sorted((c for c in contributions if c.statut == schema.EN_ATTENTE), key=by_deadline),
        repondues_hors_delai=[c for c in contributions if c.repondue_dans_les_delais is False],
        reponses_par_position=breakdown((r.position for r in officielles), schema.POSITIONS),
        recommandations_par_position=breakdown((r.position for r in recommandations),
                                               schema.RECOMMANDATION_POSITIONS),
        engagements_par_etat=breakdown((e.etat for e in engagements), schema.ETATS),
        engagements_en_retard=sorted((e for e in engagements if e.en_retard), key=lambda e: e.echeance),
        recommandations=len(recommandations),
        engagements=len(engagements),
        reponses=len(officielles),
        interventions=len(graph.reponses) - len(officielles),
        hors_suivi=[c for c in contributions if c.statut == schema.HORS_SUIVI],
        approximations=approximations(contributions, officielles),
        suivi_depuis=graph.suivi_depuis,
    )


@dataclass
class ChiffresCles:
    """What the home page says in four numbers."""

    assemblees: int
    participants: Participation
    contributions: int
    reponses: int
    taux_reponse: float | None
    en_retard: int


def key_figures(graph: Graph) -> ChiffresCles:
    chiffres = tally(graph.contributions)
    return ChiffresCles(
        assemblees=len(graph.assemblees_passees),
        participants=attendance(graph.assemblees_passees),
        contributions=len(graph.contributions),
        reponses=len(graph.reponses_officielles),
        taux_reponse=chiffres.taux_reponse,
        en_retard=chiffres.en_retard,
    )


def by_deadline(contribution: ContributionNode) -> tuple:
    """Nearest deadline first; a contribution known by its month or year has none, and comes last."""
    return (contribution.echeance or date.max, contribution.id)
