"""The activity report: its periods and every figure it shows, computed from the graph.

What counts in a period: assemblies held on a day of the period (upcoming ones are not yet held),
contributions handed to the élus in the period, answers and commitments dated in the period.
Response figures (rate, delays, overdue) are those of the period's contributions, as of the build date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from statistics import median
from typing import Any, Iterable

from ..model import schema
from ..model.dates import date_fr, is_approximate
from .composition import Composition
from .figures import Approximations, Count, Participation, approximations, attendance, by_deadline, breakdown
from .graph import Graph
from .nodes import AssembleeNode, ContributionNode, EluNode, EngagementNode, ReponseNode, ThemeNode
from .tally import Tally, tally


@dataclass(frozen=True)
class Period:
    """A span of days a report covers, both ends included; `slug` is its URL segment."""

    slug: str
    titre: str
    debut: date
    fin: date

    def contains(self, day: date) -> bool:
        return self.debut <= day <= self.fin

    @property
    def url(self) -> str:
        return f"rapport/{self.slug}/"

    def previous(self) -> Period:
        """The period just before: as many whole years back for a span of whole years, else as many days."""
        if self == year_period(self.debut.year):
            return year_period(self.debut.year - 1)
        years = _whole_years(self.debut, self.fin)
        if years:
            debut = _add_years(self.debut, -years)
        else:
            debut = self.debut - (self.fin - self.debut) - timedelta(days=1)
        fin = self.debut - timedelta(days=1)
        return Period(f"{debut.isoformat()}-{fin.isoformat()}", f"du {date_fr(debut)} au {date_fr(fin)}", debut, fin)


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _whole_years(debut: date, fin: date) -> int | None:
    """N when the period runs from `debut` to the eve of its N-th anniversary, else None."""
    for years in range(1, fin.year - debut.year + 2):
        if _add_years(debut, years) - timedelta(days=1) == fin:
            return years
    return None


def year_period(year: int) -> Period:
    return Period(str(year), f"Année {year}", date(year, 1, 1), date(year, 12, 31))


def report_periods(graph: Graph, configured: Iterable[Period] = ()) -> list[Period]:
    """Every calendar year with a published record up to the build date, then the configured periods.

    A concertation counts in the year it ended, a bilan in the year it is dated: the report's section
    « Les concertations » counts them there, even in a year with no meeting, contribution or answer.
    """
    days = [n.date for n in (*graph.assemblees, *graph.contributions, *graph.reponses, *graph.bilans)]
    days += [c.fin for c in graph.concertations if c.fin is not None]
    years = sorted({d.year for d in days if d <= graph.build_date})
    return [year_period(y) for y in years] + list(configured)


@dataclass
class LigneElu:
    """An élu's figures over a period: contributions received and answers signed."""

    elu: EluNode
    chiffres: Tally
    reponses: int


@dataclass
class LigneTheme:
    theme: ThemeNode
    assemblees: int
    chiffres: Tally


@dataclass(frozen=True)
class Comparaison:
    """One figure of the period beside the same figure of the previous period."""

    label: str
    valeur: float | int | None
    precedente: float | int | None
    kind: str = "nombre"  # nombre, pourcent, jours

    @property
    def evolution(self) -> float | int | None:
        if self.valeur is None or self.precedente is None:
            return None
        return self.valeur - self.precedente


@dataclass
class Rapport:
    """Every figure of the activity report of one period."""

    period: Period
    build_date: date
    assemblees: list[AssembleeNode]
    participants: Participation
    assemblees_par_type: list[Count]
    contributions: list[ContributionNode]
    contributions_par_nature: list[Count]
    contributions_par_origine: list[Count]
    contributions_par_theme: list[Count]
    chiffres: Tally
    en_attente: list[ContributionNode]  # awaiting an answer, within the deadline
    en_retard: list[ContributionNode]  # awaiting an answer, past the deadline
    reponses: list[ReponseNode]
    reponses_par_position: list[Count]
    engagements: list[EngagementNode]
    engagements_par_etat: list[Count]
    par_elu: list[LigneElu]
    par_theme: list[LigneTheme]
    interventions: list[ReponseNode] = field(default_factory=list)  # shown, never counted as answers
    hors_suivi: list[ContributionNode] = field(default_factory=list)  # before `suivi_depuis`, unanswered
    approximations: Approximations = field(default_factory=lambda: Approximations(0, 0))
    suivi_depuis: date | None = None
    comparaison: list[Comparaison] = field(default_factory=list)
    precedente: Period | None = None
    composition: Composition | None = None  # on the period's last day (or the build date, if earlier)
    concertations: Concertations | None = None  # None when the site publishes no concertation

    @property
    def taux_par_elu(self) -> list[tuple[str, float]]:
        """(name, response rate) of each élu who had contributions expecting an answer."""
        return [(ligne.elu.nom, ligne.chiffres.taux_reponse) for ligne in self.par_elu if ligne.chiffres.attendues]

    @property
    def en_cours(self) -> bool:
        """True while the period is not over: its figures will still change."""
        return self.period.fin >= self.build_date


def _in(nodes: Iterable, period: Period) -> list:
    return [n for n in nodes if period.contains(n.date)]


def build_report(graph: Graph, period: Period, *, compare: bool = True) -> Rapport:
    """The report of `period`, with the previous period's figures beside it when `compare`."""
    assemblees = [a for a in _in(graph.assemblees, period) if not a.a_venir]
    contributions = _in(graph.contributions, period)
    reponses = _in(graph.reponses_officielles, period)
    interventions = [r for r in _in(graph.reponses, period) if r.intervention]
    engagements = [e for r in reponses for e in r.engagements]
    themes_labels = {t.id: t.titre for t in graph.themes}
    rapport = Rapport(
        period=period,
        build_date=graph.build_date,
        assemblees=assemblees,
        participants=attendance(assemblees),
        assemblees_par_type=breakdown((a.type_assemblee for a in assemblees), schema.ASSEMBLEE_TYPES),
        contributions=contributions,
        contributions_par_nature=breakdown((c.nature for c in contributions), schema.NATURES),
        contributions_par_origine=breakdown((c.origine for c in contributions), schema.ORIGINES),
        contributions_par_theme=breakdown((t.id for c in contributions for t in c.themes), themes_labels),
        chiffres=tally(contributions),
        en_attente=sorted((c for c in contributions if c.statut == schema.EN_ATTENTE), key=by_deadline),
        en_retard=sorted((c for c in contributions if c.statut == schema.EN_RETARD), key=lambda c: (-c.retard_jours, c.id)),
        reponses=reponses,
        reponses_par_position=breakdown((r.position for r in reponses), schema.POSITIONS),
        engagements=engagements,
        engagements_par_etat=breakdown((e.etat for e in engagements), schema.ETATS),
        par_elu=[LigneElu(e, tally(c for c in e.contributions if period.contains(c.date)),
                          len([r for r in _in(e.reponses, period) if not r.intervention])) for e in graph.elus],
        par_theme=[LigneTheme(t, len([a for a in _in(t.assemblees, period) if not a.a_venir]),
                              tally(_in(t.contributions, period))) for t in graph.themes],
        interventions=interventions,
        hors_suivi=[c for c in contributions if c.statut == schema.HORS_SUIVI],
        approximations=approximations(contributions, reponses),
        suivi_depuis=graph.suivi_depuis,
    )
    if graph.concertations:
        rapport.concertations = concertation_figures(graph, period)
    if graph.registre is not None:
        rapport.composition = graph.registre.au(min(period.fin, graph.build_date))
    if compare:
        rapport.precedente = period.previous()
        rapport.comparaison = compare_reports(rapport, build_report(graph, rapport.precedente, compare=False))
    return rapport


def compare_reports(current: Rapport, previous: Rapport) -> list[Comparaison]:
    def row(label: str, pick, kind: str = "nombre") -> Comparaison:
        return Comparaison(label, pick(current), pick(previous), kind)

    return [
        row("Réunions tenues", lambda r: len(r.assemblees)),
        row("Participations aux réunions", lambda r: r.participants.total),
        row("Contributions remises aux élus", lambda r: len(r.contributions)),
        row("Réponses des élus reçues", lambda r: len(r.reponses)),
        row("Taux de réponse", lambda r: r.chiffres.taux_reponse, "pourcent"),
        row("Délai médian de réponse", lambda r: r.chiffres.delai_median, "jours"),
        row("Contributions en retard", lambda r: r.chiffres.en_retard),
        row("Engagements pris", lambda r: len(r.engagements)),
    ]


def build_reports(graph: Graph, configured: Iterable[Period] = ()) -> list[Rapport]:
    """One report per period, newest calendar year first, configured periods last."""
    periods = report_periods(graph, configured)
    years = [p for p in periods if p.slug.isdigit()]
    others = [p for p in periods if not p.slug.isdigit()]
    return [build_report(graph, p) for p in [*reversed(years), *others]]


@dataclass
class Concertations:
    """The concertations of a period: those that ended in it, and the bilans published in it."""

    terminees: list[Any]  # ConcertationNode whose public participation ended in the period, oldest end first
    participants: Participation  # their dispositifs' attendance
    bilans: list[Any]  # BilanNode dated in the period, every type, oldest first
    delais_bilan: list[int]  # days from a concertation's end to its first bilan, for first bilans of the period
    suites: int  # topics the period's bilans decide on
    retenues: int
    autres: int  # decisions other than `retenue`
    autres_avec_motif: int
    sans_delai: int = 0  # first bilans of the period whose delay is not computed (a date known by its month or year)

    @property
    def delai_median_bilan(self) -> float | None:
        return median(self.delais_bilan) if self.delais_bilan else None

    @property
    def part_retenues(self) -> float | None:
        return self.retenues / self.suites if self.suites else None

    @property
    def part_motif(self) -> float | None:
        return self.autres_avec_motif / self.autres if self.autres else None


def concertation_figures(graph: Graph, period: Period) -> Concertations:
    """Concertations ended in `period` (by their last day, the start of it when known by month or year), the bilans
    dated in it, and for each concertation whose first bilan (its own or its garant's) is of the period, the days
    from its end to that bilan: exact dates only, as for answers."""
    ended = sorted((c for c in graph.concertations if c.fin is not None and c.fin <= graph.build_date
                    and period.contains(c.fin)), key=lambda c: (c.fin, c.id))
    bilans = sorted(_in(graph.bilans, period), key=lambda b: (b.date, b.id))
    first_bilans = {}
    for bilan in sorted(graph.bilans, key=lambda b: (b.date, b.id)):
        if bilan.type_bilan != schema.REPONSE_MAITRE_OUVRAGE:  # the answer to the garant is no bilan of its own
            first_bilans.setdefault(bilan.record.concertation, bilan)
    delays, undated = [], 0
    for bilan in first_bilans.values():
        concertation = graph.get("concertations", bilan.record.concertation)
        if not period.contains(bilan.date) or concertation is None or concertation.fin is None:
            continue
        if is_approximate(bilan.date) or is_approximate(concertation.fin):
            undated += 1
        else:
            delays.append((bilan.date - concertation.fin).days)
    suites = [s for b in bilans for s in b.record.suites]
    others = [s for s in suites if s.position != schema.RETENUE]
    return Concertations(
        terminees=ended,
        participants=attendance(d for c in ended for d in c.record.dispositifs),
        bilans=bilans,
        delais_bilan=sorted(delays),
        suites=len(suites),
        retenues=len(suites) - len(others),
        autres=len(others),
        autres_avec_motif=sum(1 for s in others if s.motif),
        sans_delai=undated,
    )
