"""Response figures over a set of contributions: how many awaited an answer, got one, in time, and the delays."""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import median
from typing import TYPE_CHECKING, Iterable

from ..model import schema

if TYPE_CHECKING:
    from .nodes import ContributionNode


@dataclass
class Tally:
    """Response figures over a set of contributions (a whole site, an élu, a theme, a period)."""

    contributions: int = 0
    attendues: int = 0
    repondues: int = 0
    en_attente: int = 0
    en_retard: int = 0
    repondues_dans_les_delais: int = 0
    delais: list[int] = field(default_factory=list)
    hors_suivi: int = 0  # before `suivi_depuis`, unanswered: neither answered nor awaited
    delais_inconnus: int = 0  # answered, but a day is approximate: left out of the delays

    @property
    def taux_reponse(self) -> float | None:
        """Share of the contributions expecting an answer that have one (0 to 1)."""
        return self.repondues / self.attendues if self.attendues else None

    @property
    def delai_median(self) -> float | None:
        return median(self.delais) if self.delais else None

    @property
    def delai_max(self) -> int | None:
        return max(self.delais) if self.delais else None


def tally(contributions: Iterable[ContributionNode]) -> Tally:
    result = Tally()
    for contribution in contributions:
        result.contributions += 1
        if contribution.statut == schema.HORS_SUIVI:
            result.hors_suivi += 1
            continue
        if not contribution.record.reponse_attendue:
            continue
        result.attendues += 1
        if contribution.statut == schema.REPONDUE:
            result.repondues += 1
            if contribution.delai_jours is None:
                result.delais_inconnus += 1
            else:
                result.delais.append(contribution.delai_jours)
            if contribution.repondue_dans_les_delais:
                result.repondues_dans_les_delais += 1
        elif contribution.statut == schema.EN_RETARD:
            result.en_retard += 1
        else:
            result.en_attente += 1
    return result
