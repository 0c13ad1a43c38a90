"""The nodes of the graph: one class per record type, with its links resolved and what it derives from them.

A node reads its record's fields through (`node.titre`); `graph.py` builds and links them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from collections.abc import Iterable
from typing import Any

from ..model import grammaire, schema
from ..model.dates import is_approximate
from ..model.records import Assemblee, Contribution, Dossier, Elu, Engagement, Instance, Organe, Recommandation, \
    Record, Reponse, Suite, Theme
from . import reads
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


@dataclass(eq=False, repr=False)
class DossierNode(Node):
    record: Dossier
    themes: list[ThemeNode] = field(default_factory=list)
    contributions: list[ContributionNode] = field(default_factory=list)  # oldest first

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
        """Its contributions, answers, meetings and procedure stages, in date order."""
        events = [Evenement(e.date, "etape", e.libelle) for e in self.record.etapes]
        events += [Evenement(a.date, "assemblee", a.titre, a.url, schema.ASSEMBLEE_TYPES[a.type_assemblee])
                   for a in self.assemblees]
        events += [Evenement(c.date, "contribution", c.titre, c.url, schema.NATURES[c.nature]) for c in self.contributions]
        events += [Evenement(r.date, "intervention" if r.intervention else "reponse", r.titre, r.url,
                             r.repondant.nom if r.repondant else None) for r in self.reponses]
        order = {"etape": 0, "assemblee": 1, "contribution": 2, "reponse": 3, "intervention": 4}
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


@dataclass(eq=False, repr=False)
class RecommandationNode:
    recommandation: Recommandation
    contribution: ContributionNode
    suites: list[SuiteNode] = field(default_factory=list)  # oldest first
    engagements: list[EngagementNode] = field(default_factory=list)

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
    def derniere_suite(self) -> SuiteNode | None:
        return self.suites[-1] if self.suites else None

    @property
    def position(self) -> str:
        """The position of the latest answer naming it, or `sans-suite`."""
        return self.suites[-1].position if self.suites else schema.SANS_SUITE


@dataclass
class Evenement:
    """One step of a contribution's timeline."""

    date: date
    kind: str  # assemblee, contribution, echeance, reponse, intervention, engagement, etape
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
                                   (DossierNode, Dossier), (InstanceNode, Instance)):
    _read_through(_node_class, _record_class)


def newest_first(node: Any) -> tuple:
    """Sort key: latest date first, then by id."""
    return (-node.date.toordinal(), node.id)


def oldest_first(node: Any) -> tuple:
    """Sort key: earliest date first, then by id."""
    return (node.date, node.id)

