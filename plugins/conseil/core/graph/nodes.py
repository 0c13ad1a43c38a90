"""The nodes of the graph: one class per record type, with its links resolved and what it derives from them.

A node reads its record's fields through (`node.titre`); `graph.py` builds and links them.

Version 3, what the pages use (every figure is computed here, templates only lay it out):
- `ConcertationNode`: the record's fields; `statut` (a-venir, en-cours, bilan-attendu, bilan-publie, hors-suivi),
  `maitre_ouvrage` (OrganeNode), `dossiers`, `themes`, `dispositifs` (DispositifNode), `contributions` (the
  council's), `bilans` (oldest first); `duree_jours`, `premier_bilan`, `jours_jusqu_au_bilan` (exact days only)
  and `ecart_jusqu_au_bilan` (`dates.Jours`: the days as known, a span when a date is approximate); with a CNDP garant
  and exact dates `echeance_bilan_garant`, `bilan_garant`, `retard_bilan_garant`, `echeance_reponse_maitre_ouvrage`,
  `reponse_maitre_ouvrage`, `retard_reponse_maitre_ouvrage`, `retard_jours` (None: nothing late); `avec_garant`;
  `participants_total`, `contributions_total` (Participation « environ / au moins », None when no count),
  `participation` (chart rows: label, value as written); `suites`, `suites_par_position` (Count), `motifs`
  (total, avec, sans, part); `recommandations` (the garant's), `recommandations_repondues`; `engagements`;
  `chronologie` (Evenement, kinds deliberation, debut, phase, dispositif, contribution, fin, bilan); `bornes` (its
  opening and close as `concertation` steps of a dossier's `chronologie`, which also holds their bilans).
- `DispositifNode`: the dispositif's fields; `concertation`, `outil` (OutilNode), `assemblee` (AssembleeNode),
  `libelle_ou_type`, `anchor`, `url` (its row on the concertation's page), `dans_l_agenda`.
- `BilanNode`: the record's fields; `concertation`, `jours_apres_la_fin`, `ecart_apres_la_fin`, `recommandations`
  (RecommandationGarantNode: id, texte, suite, position, suites, engagements), `recommandations_repondues`,
  `suites` (SuiteBilanNode: sujet, position, motif, recommandation, bilan, recommandation_garant), `suites_par_position`,
  `motifs`, `engagements` (EngagementBilanNode: texte, echeance, etat, en_retard, bilan).
- `OutilNode`: `dispositifs` (oldest first), `concertations`, `participants_total`, `contributions_total`.
- Back links: `OrganeNode.concertations` (as maître d'ouvrage), `DossierNode.concertations`,
  `ThemeNode.concertations`, `ContributionNode.concertations`, `AssembleeNode.dispositifs`;
  `Graph.concertations`, `Graph.bilans`, `Graph.outils`, `Graph.dispositifs`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from collections.abc import Iterable
from typing import Any, NamedTuple

from ..model import grammaire, schema
from ..model.dates import Jours, days_between, first_day, is_approximate, last_day
from ..model.records import Assemblee, Bilan, Concertation, Contribution, Dispositif, Dossier, Elu, Engagement, \
    Instance, Organe, Outil, Recommandation, Record, Reponse, Suite, SuiteBilan, Theme, garant_cndp, has_garant
from . import reads
from .counts import Count, Participation, breakdown, total_or_none
from .tally import Tally

# From this many recommendations, a contribution's page counts them by position before listing them.
MANY_RECOMMENDATIONS = 6


class Node:
    """A published record with its resolved links; its fields read through (`node.titre`)."""

    record: Record

    def __getattr__(self, name: str) -> Any:
        if name == "record":  # not yet set: avoid recursing
            raise AttributeError(name)
        reads.note(self.record.key)
        return getattr(self.record, name)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.record.key}>"


def _each_once(nodes: Iterable[Node]) -> list[Node]:
    """Each node once, where it first comes (an answer reached through two contributions, a meeting through two)."""
    seen: dict[str, Node] = {}
    for node in nodes:
        seen.setdefault(node.id, node)
    return list(seen.values())


@dataclass(eq=False, repr=False)
class ThemeNode(Node):
    record: Theme
    assemblees: list[AssembleeNode] = field(default_factory=list)
    contributions: list[ContributionNode] = field(default_factory=list)
    elus: list[EluNode] = field(default_factory=list)
    concertations: list[ConcertationNode] = field(default_factory=list)  # newest start first

    @property
    def reponses(self) -> list[ReponseNode]:
        return sorted(_each_once(r for c in self.contributions for r in c.reponses), key=newest_first)


@dataclass(eq=False, repr=False)
class InstanceNode(Node):
    """A body of the council; its members are in `Graph.composition`, named only with their consent."""

    record: Instance


@dataclass(eq=False, repr=False)
class AssembleeNode(Node):
    record: Assemblee
    a_venir: bool = False
    themes: list[ThemeNode] = field(default_factory=list)
    contributions: list[ContributionNode] = field(default_factory=list)
    reponses: list[ReponseNode] = field(default_factory=list)  # given or voted in this meeting (`seance`)
    dispositifs: list[DispositifNode] = field(default_factory=list)  # of concertations, held as this meeting

    @property
    def dans_l_agenda(self) -> bool:
        """Whether calendars hold it: a meeting known only by its month or year has no day to put there."""
        return not is_approximate(self.date) and not (self.date_fin and is_approximate(self.date_fin))


@dataclass(eq=False, repr=False)
class OrganeNode(Node):
    record: Organe
    contributions: list[ContributionNode] = field(default_factory=list)  # received, newest first
    reponses: list[ReponseNode] = field(default_factory=list)  # given, newest first
    chiffres: Tally = field(default_factory=Tally)
    concertations: list[ConcertationNode] = field(default_factory=list)  # as maître d'ouvrage, newest start first


@dataclass(eq=False, repr=False)
class DossierNode(Node):
    record: Dossier
    themes: list[ThemeNode] = field(default_factory=list)
    contributions: list[ContributionNode] = field(default_factory=list)  # oldest first
    concertations: list[ConcertationNode] = field(default_factory=list)  # newest start first

    @property
    def reponses(self) -> list[ReponseNode]:
        """Every answer and intervention on its contributions, oldest first."""
        return sorted(_each_once(r for c in self.contributions for r in [*c.reponses, *c.interventions]),
                      key=oldest_first)

    @property
    def assemblees(self) -> list[AssembleeNode]:
        """The meetings where its contributions were prepared, and where they were answered."""
        prepared = (a for c in self.contributions for a in c.assemblees)
        answered = (r.seance for r in self.reponses if r.seance)
        return sorted(_each_once([*prepared, *answered]), key=oldest_first)

    @property
    def chronologie(self) -> list[Evenement]:
        """Its contributions, answers, meetings, procedure stages, concertations (opening and close) and their
        bilans, in date order; a concertation's announced opening or close is marked `future`."""
        events = [Evenement(e.date, "etape", e.libelle) for e in self.record.etapes]
        events += [Evenement(a.date, "assemblee", a.titre, a.url, schema.ASSEMBLEE_TYPES[a.type_assemblee])
                   for a in self.assemblees]
        events += [Evenement(c.date, "contribution", c.titre, c.url, schema.NATURES[c.nature]) for c in self.contributions]
        events += [Evenement(r.date, "intervention" if r.intervention else "reponse", r.titre, r.url,
                             r.repondant.nom if r.repondant else None) for r in self.reponses]
        for concertation in self.concertations:
            events += concertation.bornes
            events += [Evenement(b.date, "bilan", b.titre, b.url, schema.BILAN_TYPES[b.type_bilan])
                       for b in concertation.bilans]
        order = {"etape": 0, "assemblee": 1, "concertation": 2, "contribution": 3, "reponse": 4, "intervention": 5,
                 "bilan": 6}
        return sorted(events, key=lambda e: (e.date, order[e.kind], e.label))


@dataclass(eq=False, repr=False)
class SuiteNode:
    """One answer's word on one recommendation."""

    reponse: ReponseNode
    suite: Suite
    contribution: ContributionNode
    recommandation: RecommandationNode

    @property
    def position(self) -> str:
        return self.suite.position

    @property
    def commentaire(self) -> str | None:
        return self.suite.commentaire


@dataclass(eq=False, repr=False)
class EngagementNode:
    engagement: Engagement
    reponse: ReponseNode
    contributions: list[ContributionNode]
    recommandation: RecommandationNode | None
    en_retard: bool

    def __getattr__(self, name: str) -> Any:
        if name == "engagement":
            raise AttributeError(name)
        return getattr(self.engagement, name)


class _Followed:
    """A recommendation (a contribution's, a garant's) and the answers naming it, oldest first."""

    recommandation: Recommandation
    suites: list

    @property
    def id(self) -> str:
        return self.recommandation.id

    @property
    def texte(self) -> str:
        return self.recommandation.texte

    @property
    def anchor(self) -> str:
        return f"recommandation-{self.id}"

    @property
    def derniere_suite(self) -> Any:
        return self.suites[-1] if self.suites else None

    @property
    def position(self) -> str:
        """The position of the latest answer naming it, or `sans-suite`."""
        return self.suites[-1].position if self.suites else schema.SANS_SUITE


@dataclass(eq=False, repr=False)
class RecommandationNode(_Followed):
    recommandation: Recommandation
    contribution: ContributionNode
    suites: list[SuiteNode] = field(default_factory=list)  # oldest first
    engagements: list[EngagementNode] = field(default_factory=list)


@dataclass
class Evenement:
    """One step of a contribution's timeline."""

    date: date
    kind: str  # assemblee, contribution, echeance, reponse, intervention, engagement, etape, concertation, bilan…
    label: str
    url: str | None = None
    detail: str | None = None
    future: bool = False


@dataclass(eq=False, repr=False)
class ContributionNode(Node):
    record: Contribution
    echeance: date | None = None
    statut: str = schema.EN_ATTENTE
    assemblees: list[AssembleeNode] = field(default_factory=list)
    themes: list[ThemeNode] = field(default_factory=list)
    destinataires: list[EluNode | OrganeNode] = field(default_factory=list)
    reponses: list[ReponseNode] = field(default_factory=list)  # official answers, oldest first
    interventions: list[ReponseNode] = field(default_factory=list)  # reactions, never the answer; oldest first
    dossiers: list[DossierNode] = field(default_factory=list)
    concertations: list[ConcertationNode] = field(default_factory=list)  # the council's contribution to them
    precedente: ContributionNode | None = None  # the earlier stage (`suite_de`)
    suivantes: list[ContributionNode] = field(default_factory=list)  # the later stages, oldest first
    recommandations: list[RecommandationNode] = field(default_factory=list)
    engagements: list[EngagementNode] = field(default_factory=list)
    retard_jours: int | None = None  # days past the deadline, while unanswered

    @property
    def premiere_reponse(self) -> ReponseNode | None:
        return self.reponses[0] if self.reponses else None

    @property
    def date_approximative(self) -> bool:
        return is_approximate(self.date)

    @property
    def delai_jours(self) -> int | None:
        """Days from the contribution to its first published answer; None when either day is not known."""
        first = self.premiere_reponse
        if first is None or is_approximate(first.date) or is_approximate(self.date):
            return None
        return (first.date - self.date).days

    @property
    def repondue_dans_les_delais(self) -> bool | None:
        first = self.premiere_reponse
        if first is None or self.echeance is None or is_approximate(first.date):
            return None
        return first.date <= self.echeance

    @property
    def recommandations_par_position(self) -> list[tuple[str, int]]:
        """(position, how many recommendations have it), in the schema's order, positions held by none left out."""
        counts: dict[str, int] = {}
        for recommandation in self.recommandations:
            counts[recommandation.position] = counts.get(recommandation.position, 0) + 1
        return [(position, counts[position]) for position in schema.RECOMMANDATION_POSITIONS if position in counts]

    @property
    def recommandations_nombreuses(self) -> bool:
        return len(self.recommandations) >= MANY_RECOMMENDATIONS or len(self.chapitres) > 1

    @property
    def chapitres(self) -> list[tuple[str | None, list[RecommandationNode]]]:
        """The recommendations grouped by `chapitre`, chapters in the order they first appear (None: no chapter)."""
        groups: dict[str | None, list[RecommandationNode]] = {}
        for recommandation in self.recommandations:
            groups.setdefault(recommandation.recommandation.chapitre, []).append(recommandation)
        return list(groups.items())

    @property
    def etapes(self) -> list[ContributionNode]:
        """Every stage of the opinion this one belongs to, oldest first (itself alone when it has none)."""
        first = self
        seen = {self.id}
        while first.precedente is not None and first.precedente.id not in seen:
            first = first.precedente
            seen.add(first.id)
        chain, node = [], first
        while node is not None and node not in chain:
            chain.append(node)
            node = node.suivantes[0] if node.suivantes else None
        return chain

    @property
    def timeline(self) -> list[Evenement]:
        events = [Evenement(a.date, "assemblee", a.titre, a.url, schema.ASSEMBLEE_TYPES[a.type_assemblee])
                  for a in self.assemblees]
        remise = f"{schema.NATURES[self.nature]} {grammaire.nom(self.nature).accorde('remis')} aux élus"
        events.append(Evenement(self.date, "contribution", remise, self.url, schema.ORIGINES[self.origine]))
        if self.echeance:
            detail = ("réponse reçue avant l'échéance" if self.repondue_dans_les_delais else
                      "réponse reçue après l'échéance" if self.reponses else
                      f"dépassée de {self.retard_jours} jours" if self.retard_jours else "en attente")
            events.append(Evenement(self.echeance, "echeance", "Échéance de réponse", None, detail,
                                    future=self.statut == schema.EN_ATTENTE))
        for reponse in self.reponses:
            events.append(Evenement(reponse.date, "reponse", reponse.titre, reponse.url,
                                    f"{reponse.repondant.nom} — {schema.POSITIONS[reponse.position]}"
                                    if reponse.repondant else schema.POSITIONS[reponse.position]))
        for reponse in self.interventions:
            events.append(Evenement(reponse.date, "intervention", reponse.titre, reponse.url,
                                    f"Intervention — {reponse.repondant.nom}" if reponse.repondant else "Intervention"))
        for engagement in self.engagements:
            if engagement.echeance:
                events.append(Evenement(engagement.echeance, "engagement", engagement.texte, None,
                                        schema.ETATS[engagement.etat],
                                        future=engagement.echeance > engagement.reponse.graph_date))
        order = {"assemblee": 0, "contribution": 1, "reponse": 2, "intervention": 3, "echeance": 4, "engagement": 5}
        return sorted(events, key=lambda e: (e.date, order[e.kind]))


@dataclass(eq=False, repr=False)
class ReponseNode(Node):
    record: Reponse
    graph_date: date = date.min
    contributions: list[ContributionNode] = field(default_factory=list)
    elu: EluNode | None = None
    organe: OrganeNode | None = None
    seance: AssembleeNode | None = None
    suites: list[SuiteNode] = field(default_factory=list)
    engagements: list[EngagementNode] = field(default_factory=list)

    @property
    def repondant(self) -> EluNode | OrganeNode | None:
        """Who answered: the élu, or the organe that voted or deliberated."""
        return self.elu or self.organe

    @property
    def intervention(self) -> bool:
        """A reaction in session, shown apart and never counted as the answer."""
        return self.record.portee == schema.INTERVENTION

    def delai_pour(self, contribution: ContributionNode) -> int | None:
        """Days from one contribution answered to this answer; None when a day is not known or for an intervention."""
        if self.intervention or is_approximate(self.date) or is_approximate(contribution.date):
            return None
        return (self.date - contribution.date).days

    @property
    def delai_jours(self) -> int | None:
        """Days from the earliest contribution answered to this answer; None when a day is not known."""
        dates = [c.date for c in self.contributions]
        if not dates or self.intervention or is_approximate(self.date) or any(map(is_approximate, dates)):
            return None
        return (self.date - min(dates)).days


@dataclass(eq=False, repr=False)
class EluNode(Node):
    record: Elu
    themes: list[ThemeNode] = field(default_factory=list)
    contributions: list[ContributionNode] = field(default_factory=list)  # received, newest first
    reponses: list[ReponseNode] = field(default_factory=list)  # signed, newest first
    chiffres: Tally = field(default_factory=Tally)


# -- Version 3: concertations, their bilans and the methods toolbox --------------------------------------------------

@dataclass(eq=False, repr=False)
class DispositifNode:
    """What took place in a concertation (a meeting, a register, a survey…), with its method and meeting resolved.

    Its fields read through (`d.libelle`, `d.participants`); `outil` and `assemblee` are nodes here, None when
    not given or not published.
    """

    dispositif: Dispositif
    concertation: ConcertationNode
    outil: OutilNode | None = None
    assemblee: AssembleeNode | None = None

    def __getattr__(self, name: str) -> Any:
        if name == "dispositif":
            raise AttributeError(name)
        return getattr(self.dispositif, name)

    @property
    def libelle_ou_type(self) -> str:
        """Its name, or its type's label when it has none: « Réunion publique »."""
        return self.dispositif.libelle or schema.DISPOSITIF_TYPES[self.dispositif.type]

    @property
    def anchor(self) -> str:
        return f"dispositif-{self.dispositif.id}"

    @property
    def url(self) -> str:
        """Its row on the concertation's page."""
        return f"{self.concertation.url}#{self.anchor}"

    @property
    def dans_l_agenda(self) -> bool:
        """Whether calendars hold it: dated to the day (a month or a year has no day to put there)."""
        d = self.dispositif
        return d.date is not None and not is_approximate(d.date) and not (d.date_fin and is_approximate(d.date_fin))


@dataclass(eq=False, repr=False)
class SuiteBilanNode:
    """A topic a bilan decides on, and what the project does with it."""

    suite: SuiteBilan
    bilan: BilanNode
    recommandation_garant: RecommandationGarantNode | None = None  # the garant's recommendation it answers

    def __getattr__(self, name: str) -> Any:  # sujet, position, motif, recommandation (the id written)
        if name == "suite":
            raise AttributeError(name)
        return getattr(self.suite, name)

    @property
    def avec_motif(self) -> bool:
        return bool(self.suite.motif)


@dataclass(eq=False, repr=False)
class EngagementBilanNode:
    """A measure a bilan takes, followed up publicly."""

    engagement: Engagement
    bilan: BilanNode
    recommandation_garant: RecommandationGarantNode | None
    en_retard: bool  # its `echeance` is past and it is neither done nor abandoned

    def __getattr__(self, name: str) -> Any:  # texte, echeance, etat, recommandation (the id written)
        if name == "engagement":
            raise AttributeError(name)
        return getattr(self.engagement, name)


@dataclass(eq=False, repr=False)
class RecommandationGarantNode(_Followed):
    """A recommendation of a garant's bilan, and the maître d'ouvrage's answers naming it (oldest first)."""

    recommandation: Recommandation
    bilan: BilanNode
    suites: list[SuiteBilanNode] = field(default_factory=list)
    engagements: list[EngagementBilanNode] = field(default_factory=list)

    @property
    def chapitre(self) -> str | None:
        return self.recommandation.chapitre

    @property
    def suite(self) -> SuiteBilanNode | None:
        """The latest answer naming it."""
        return self.derniere_suite


@dataclass(frozen=True)
class Motifs:
    """Decisions other than `retenue`, and how many are given with their reason (« motif non publié » otherwise)."""

    total: int
    avec: int

    @property
    def sans(self) -> int:
        return self.total - self.avec

    @property
    def part(self) -> float | None:
        return self.avec / self.total if self.total else None


class _Decided:
    """What holds suites and the garant's recommendations (a bilan, a concertation) counts them."""

    suites: list[SuiteBilanNode]
    recommandations: list[RecommandationGarantNode]

    @property
    def suites_par_position(self) -> list[Count]:
        """(position, how many, share) in the schema's order, positions held by none left out."""
        return breakdown((s.position for s in self.suites), schema.SUITE_POSITIONS, present_only=True)

    @property
    def motifs(self) -> Motifs:
        others = [s for s in self.suites if s.position != schema.RETENUE]
        return Motifs(len(others), sum(1 for s in others if s.avec_motif))

    @property
    def recommandations_repondues(self) -> int:
        """The garant's recommendations an answer names."""
        return sum(1 for r in self.recommandations if r.suites)


class _Counted:
    """What holds dispositifs (a concertation, a method) totals their counts."""

    dispositifs: list[DispositifNode]

    @property
    def participants_total(self) -> Participation | None:
        """Participants over the dispositifs (« environ », « au moins »), None when no dispositif gives a count."""
        return total_or_none(d.participants for d in self.dispositifs)

    @property
    def contributions_total(self) -> Participation | None:
        return total_or_none(d.contributions for d in self.dispositifs)


class Effectif(NamedTuple):
    """One row of a participation chart: a dispositif and its count, as written (« environ 650 »)."""

    label: str
    value: int


@dataclass(eq=False, repr=False)
class BilanNode(_Decided, Node):
    """A bilan, a garant's bilan or the maître d'ouvrage's answer to it."""

    record: Bilan
    concertation: ConcertationNode | None = None
    recommandations: list[RecommandationGarantNode] = field(default_factory=list)  # a garant's bilan's
    suites: list[SuiteBilanNode] = field(default_factory=list)
    engagements: list[EngagementBilanNode] = field(default_factory=list)

    @property
    def jours_apres_la_fin(self) -> int | None:
        """Days from the concertation's end to this bilan; None when a day is not known."""
        fin = self.concertation.fin if self.concertation else None
        if fin is None or is_approximate(fin) or is_approximate(self.date):
            return None
        return (self.date - fin).days

    @property
    def ecart_apres_la_fin(self) -> Jours | None:
        """Days from the concertation's end to this bilan as known: `entre 346 et 375 jours` when the end is
        known by its month (see `Jours`); None when the concertation has no end."""
        fin = self.concertation.fin if self.concertation else None
        return days_between(fin, self.date) if fin is not None else None


@dataclass(eq=False, repr=False)
class ConcertationNode(_Counted, _Decided, Node):
    """A concertation with its maître d'ouvrage, dispositifs, bilans and the council's contributions resolved,
    its derived status and, with a CNDP garant and exact dates, its deadlines."""

    record: Concertation
    graph_date: date = date.min  # the build's reference date: what is past, what is to come
    statut: str = schema.EN_COURS
    maitre_ouvrage: OrganeNode | None = None
    dossiers: list[DossierNode] = field(default_factory=list)
    themes: list[ThemeNode] = field(default_factory=list)
    dispositifs: list[DispositifNode] = field(default_factory=list)  # as written
    contributions: list[ContributionNode] = field(default_factory=list)  # the council's, newest first
    bilans: list[BilanNode] = field(default_factory=list)  # every type, oldest first
    echeance_bilan_garant: date | None = None
    echeance_reponse_maitre_ouvrage: date | None = None
    retard_bilan_garant: int | None = None  # days the garant's bilan is overdue, while missing
    retard_reponse_maitre_ouvrage: int | None = None  # days the maître d'ouvrage's answer is overdue, while missing

    @property
    def avec_garant(self) -> bool:
        """A garant followed it (named, or `garant_cndp: true`)."""
        return has_garant(self.record)

    @property
    def garant_cndp(self) -> bool:
        return garant_cndp(self.record)

    @property
    def duree_jours(self) -> int | None:
        """Days from the first to the last day; None while open or when a day is not known."""
        fin = self.record.fin
        if fin is None or is_approximate(fin) or is_approximate(self.record.debut):
            return None
        return (fin - self.record.debut).days

    def _first(self, *types: str) -> BilanNode | None:
        return next((b for b in self.bilans if b.type_bilan in types), None)

    @property
    def premier_bilan(self) -> BilanNode | None:
        """The first bilan or garant's bilan (the answer to the garant is not one): the delay counts to it."""
        return self._first(schema.BILAN, schema.BILAN_GARANT)

    @property
    def bilan_garant(self) -> BilanNode | None:
        return self._first(schema.BILAN_GARANT)

    @property
    def reponse_maitre_ouvrage(self) -> BilanNode | None:
        return self._first(schema.REPONSE_MAITRE_OUVRAGE)

    @property
    def jours_jusqu_au_bilan(self) -> int | None:
        """Days from the end to the first bilan (« bilan arrêté 346 jours après la fin »); None when unknown."""
        first = self.premier_bilan
        return first.jours_apres_la_fin if first else None

    @property
    def ecart_jusqu_au_bilan(self) -> Jours | None:
        """As `jours_jusqu_au_bilan`, as known when a date is approximate (« entre 346 et 375 jours »)."""
        first = self.premier_bilan
        return first.ecart_apres_la_fin if first else None

    @property
    def retard_jours(self) -> int | None:
        """Days overdue of what is awaited (the garant's bilan, else the answer to it); None when nothing is late."""
        return self.retard_bilan_garant or self.retard_reponse_maitre_ouvrage

    @property
    def participation(self) -> list[Effectif]:
        """The chart's rows: each dispositif that gives a count of participants, as written."""
        return [Effectif(d.libelle_ou_type, d.participants) for d in self.dispositifs if d.participants is not None]

    @property
    def suites(self) -> list[SuiteBilanNode]:
        """Every topic its bilans decide on, bilan after bilan."""
        return [s for b in self.bilans for s in b.suites]

    @property
    def recommandations(self) -> list[RecommandationGarantNode]:
        """The garant's recommendations, bilan after bilan."""
        return [r for b in self.bilans for r in b.recommandations]

    @property
    def engagements(self) -> list[EngagementBilanNode]:
        return [e for b in self.bilans for e in b.engagements]

    @property
    def bornes(self) -> list[Evenement]:
        """Its opening and close (when set) as steps of another timeline (a dossier's), named by its title."""
        record, today = self.record, self.graph_date
        opens = first_day(record.debut) > today
        events = [Evenement(record.debut, "concertation", self.titre, self.url,
                            f"ouverture {'annoncée ' if opens else ''}de la participation du public", future=opens)]
        if record.fin:
            closes = last_day(record.fin) >= today
            events.append(Evenement(record.fin, "concertation", self.titre, self.url,
                                    f"clôture {'annoncée ' if closes else ''}de la participation du public",
                                    future=closes))
        return events

    @property
    def chronologie(self) -> list[Evenement]:
        """Opening deliberation, start, phases, dispositifs, end, contributions and bilans, in date order."""
        record = self.record
        events = []
        if record.deliberation_ouverture:
            numero = record.deliberation_ouverture.numero
            events.append(Evenement(record.deliberation_ouverture.date, "deliberation", "Délibération d'ouverture",
                                    record.deliberation_ouverture.url, f"n° {numero}" if numero else None))
        events.append(Evenement(record.debut, "debut", "Ouverture de la participation du public", None, None,
                                future=first_day(record.debut) > self.graph_date))
        events += [Evenement(p.debut, "phase", p.libelle, None, None, future=first_day(p.debut) > self.graph_date)
                   for p in record.phases]
        events += [Evenement(d.date, "dispositif", d.libelle_ou_type, d.assemblee.url if d.assemblee else None,
                             schema.DISPOSITIF_TYPES[d.type], future=first_day(d.date) > self.graph_date)
                   for d in self.dispositifs if d.date]
        if record.fin:
            events.append(Evenement(record.fin, "fin", "Clôture de la participation du public", None, None,
                                    future=last_day(record.fin) >= self.graph_date))
        events += [Evenement(c.date, "contribution", c.titre, c.url, schema.NATURES[c.nature]) for c in self.contributions]
        events += [Evenement(b.date, "bilan", b.titre, b.url, schema.BILAN_TYPES[b.type_bilan]) for b in self.bilans]
        order = {"deliberation": 0, "debut": 1, "phase": 2, "dispositif": 3, "contribution": 4, "fin": 5, "bilan": 6}
        return sorted(events, key=lambda e: (e.date, order[e.kind], e.label))


@dataclass(eq=False, repr=False)
class OutilNode(_Counted, Node):
    """A method of the toolbox and the dispositifs that used it."""

    record: Outil
    dispositifs: list[DispositifNode] = field(default_factory=list)  # oldest first, undated last

    @property
    def concertations(self) -> list[ConcertationNode]:
        return _each_once(d.concertation for d in self.dispositifs)


def _read_through(node_class: type[Node], record_class: type[Record]) -> None:
    """Give a node class a property per record field, so that `node.titre` needs no `__getattr__` fallback.

    Templates read record fields hundreds of times per page; a failed lookup, then `__getattr__`,
    costs several times a property whose getter is C (`attrgetter`). `reads` installs them, so that
    the preview can log which records each page reads.
    """
    own = {f.name for f in fields(node_class)}
    names = [f.name for f in fields(record_class)] + ["key", "url", "type"]
    reads.read_through(node_class, [n for n in names if n not in own and n not in vars(node_class)])


for _node_class, _record_class in ((ThemeNode, Theme), (AssembleeNode, Assemblee), (ContributionNode, Contribution),
                                   (ReponseNode, Reponse), (EluNode, Elu), (OrganeNode, Organe),
                                   (DossierNode, Dossier), (InstanceNode, Instance), (ConcertationNode, Concertation),
                                   (BilanNode, Bilan), (OutilNode, Outil)):
    _read_through(_node_class, _record_class)


def newest_first(node: Any) -> tuple:
    """Sort key: latest date first, then by id."""
    return (-node.date.toordinal(), node.id)


def oldest_first(node: Any) -> tuple:
    """Sort key: earliest date first, then by id."""
    return (node.date, node.id)

