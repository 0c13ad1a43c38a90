"""The resolved graph of published records: references in both directions, derived status.

Only published records enter the graph: a draft or an embargoed record is
checked by the rules, then left out here, so nothing built from the graph
(pages, feeds, exports, counts) can show it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cached_property
from datetime import date, timedelta
from statistics import median
from typing import Any, Iterable

from . import grammaire, reads, schema
from .dates import is_approximate
from .records import Assemblee, Contribution, Dossier, Elu, Engagement, Instance, Organe, Recommandation, \
    Record, Reponse, Suite, Theme, split_recommandation
from .rules import Index, Settings

EN_COURS = ("prevu", "en-cours")
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


@dataclass(eq=False, repr=False)
class ThemeNode(Node):
    record: Theme
    assemblees: list[AssembleeNode] = field(default_factory=list)
    contributions: list[ContributionNode] = field(default_factory=list)
    elus: list[EluNode] = field(default_factory=list)

    @property
    def reponses(self) -> list[ReponseNode]:
        seen: dict[str, ReponseNode] = {}
        for contribution in self.contributions:
            for reponse in contribution.reponses:
                seen.setdefault(reponse.id, reponse)
        return sorted(seen.values(), key=_newest_first)


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
    chiffres: Tally = field(default_factory=lambda: Tally())


@dataclass(eq=False, repr=False)
class DossierNode(Node):
    record: Dossier
    themes: list[ThemeNode] = field(default_factory=list)
    contributions: list[ContributionNode] = field(default_factory=list)  # oldest first

    @property
    def reponses(self) -> list[ReponseNode]:
        """Every answer and intervention on its contributions, oldest first."""
        seen: dict[str, ReponseNode] = {}
        for contribution in self.contributions:
            for reponse in [*contribution.reponses, *contribution.interventions]:
                seen.setdefault(reponse.id, reponse)
        return sorted(seen.values(), key=_oldest_first)

    @property
    def assemblees(self) -> list[AssembleeNode]:
        """The meetings where its contributions were prepared, and where they were answered."""
        seen: dict[str, AssembleeNode] = {}
        for contribution in self.contributions:
            for assemblee in contribution.assemblees:
                seen.setdefault(assemblee.id, assemblee)
        for reponse in self.reponses:
            if reponse.seance:
                seen.setdefault(reponse.seance.id, reponse.seance)
        return sorted(seen.values(), key=_oldest_first)

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


def _newest_first(node: Any) -> tuple:
    return (-node.date.toordinal(), node.id)


def _oldest_first(node: Any) -> tuple:
    return (node.date, node.id)


@dataclass
class Graph:
    settings: Settings
    assemblees: list[AssembleeNode]  # newest first
    contributions: list[ContributionNode]  # newest first
    reponses: list[ReponseNode]  # newest first
    elus: list[EluNode]  # by name
    themes: list[ThemeNode]  # by title
    by_key: dict[str, Node]
    organes: list[OrganeNode] = field(default_factory=list)  # by name
    dossiers: list[DossierNode] = field(default_factory=list)  # by title
    instances: list[InstanceNode] = field(default_factory=list)  # by name
    registre: Any = None  # composition.Registre when the site has a membres.csv: no unconsented name in it

    @cached_property
    def composition(self) -> Any:
        """The council's composition on the build date, None without a membres.csv."""
        return self.registre.au(self.build_date) if self.registre is not None else None

    @property
    def suivi_depuis(self) -> date | None:
        """The day from which answers are followed (plugin option), or None: all are."""
        return self.settings.suivi_depuis

    @property
    def build_date(self) -> date:
        return self.settings.build_date

    def get(self, record_type: str, record_id: str) -> Node | None:
        return self.by_key.get(f"{record_type}/{record_id}")

    @property
    def reponses_officielles(self) -> list[ReponseNode]:
        """The answers that count as the collectivité's, newest first: interventions left out."""
        return [r for r in self.reponses if not r.intervention]

    @property
    def engagements(self) -> list[EngagementNode]:
        return [e for r in self.reponses for e in r.engagements]

    @property
    def recommandations(self) -> list[RecommandationNode]:
        return [r for c in self.contributions for r in c.recommandations]

    @property
    def assemblees_a_venir(self) -> list[AssembleeNode]:
        return sorted((a for a in self.assemblees if a.a_venir), key=lambda a: (a.date, a.heure_debut or "", a.id))

    @property
    def assemblees_passees(self) -> list[AssembleeNode]:
        return [a for a in self.assemblees if not a.a_venir]


def echeance_of(contribution: Contribution, settings: Settings) -> date | None:
    """The deadline written, or computed from an exact date; none is invented for a date known by its month or year."""
    if not contribution.reponse_attendue:
        return None
    if contribution.echeance_reponse or is_approximate(contribution.date):
        return contribution.echeance_reponse
    return contribution.date + timedelta(days=settings.delai_reponse_jours)


def build_graph(index: Index, settings: Settings) -> Graph:
    """Link the published records of a checked index. Broken references are skipped (the rules report them)."""
    today = settings.build_date

    def published(record_type: str) -> list[Record]:
        return [r for r in index.records[record_type].values() if r.is_published(today)]

    themes = {r.id: ThemeNode(r) for r in published("themes")}
    instances = {r.id: InstanceNode(r) for r in published("instances")}
    elus = {r.id: EluNode(r) for r in published("elus")}
    assemblees = {r.id: AssembleeNode(r, a_venir=r.date >= today) for r in published("assemblees")}
    contributions = {r.id: ContributionNode(r, echeance=echeance_of(r, settings)) for r in published("contributions")}
    reponses = {r.id: ReponseNode(r, graph_date=today) for r in published("reponses")}
    organes = {r.id: OrganeNode(r) for r in published("organes")}
    dossiers = {r.id: DossierNode(r) for r in published("dossiers")}
    destinataires = {**organes, **elus}  # ids are unique across both (the rules say so)

    def pick(nodes: dict[str, Any], ids: Iterable[str]) -> list[Any]:
        return [nodes[i] for i in ids if i in nodes]

    for elu in elus.values():
        elu.themes = pick(themes, elu.record.themes)
        for theme in elu.themes:
            theme.elus.append(elu)
    for assemblee in assemblees.values():
        assemblee.themes = pick(themes, assemblee.record.themes)
        for theme in assemblee.themes:
            theme.assemblees.append(assemblee)
    for contribution in contributions.values():
        record = contribution.record
        contribution.themes = pick(themes, record.themes)
        contribution.assemblees = sorted(pick(assemblees, record.assemblees), key=lambda a: (a.date, a.id))
        contribution.destinataires = pick(destinataires, record.destinataires)
        contribution.dossiers = pick(dossiers, record.dossiers)
        contribution.recommandations = [RecommandationNode(r, contribution) for r in record.recommandations]
        for theme in contribution.themes:
            theme.contributions.append(contribution)
        for assemblee in contribution.assemblees:
            assemblee.contributions.append(contribution)
        for recipient in contribution.destinataires:
            recipient.contributions.append(contribution)
        for dossier in contribution.dossiers:
            dossier.contributions.append(contribution)
    for contribution in sorted(contributions.values(), key=_oldest_first):
        previous = contributions.get(contribution.record.suite_de or "")
        if previous is not None and previous is not contribution:
            contribution.precedente = previous
            previous.suivantes.append(contribution)
    for dossier in dossiers.values():
        dossier.themes = pick(themes, dossier.record.themes)
        dossier.contributions.sort(key=_oldest_first)

    for reponse in sorted(reponses.values(), key=lambda r: (r.date, r.id)):  # oldest first: latest suite wins
        _link_reponse(reponse, contributions, elus, organes, assemblees)

    for contribution in contributions.values():
        _derive_status(contribution, today, settings.suivi_depuis)
    for recipient in destinataires.values():
        recipient.chiffres = tally(recipient.contributions)

    def newest(nodes: dict[str, Any]) -> list[Any]:
        return sorted(nodes.values(), key=_newest_first)

    for node in [*themes.values(), *elus.values(), *organes.values()]:
        node.contributions.sort(key=_newest_first)
    for theme in themes.values():
        theme.assemblees.sort(key=_newest_first)
    for node in [*elus.values(), *organes.values()]:
        node.reponses.sort(key=_newest_first)
    for assemblee in assemblees.values():
        assemblee.contributions.sort(key=_newest_first)

    all_nodes: list[Node] = [*themes.values(), *elus.values(), *assemblees.values(), *contributions.values(),
                             *reponses.values(), *organes.values(), *dossiers.values(), *instances.values()]
    return Graph(
        settings=settings,
        assemblees=newest(assemblees),
        contributions=newest(contributions),
        reponses=newest(reponses),
        elus=sorted(elus.values(), key=lambda e: (e.record.nom.split()[-1].lower(), e.id)),
        themes=sorted(themes.values(), key=lambda t: (t.titre.lower(), t.id)),
        by_key={n.record.key: n for n in all_nodes},
        organes=sorted(organes.values(), key=lambda o: (o.nom.lower(), o.id)),
        dossiers=sorted(dossiers.values(), key=lambda d: (d.titre.lower(), d.id)),
        instances=sorted(instances.values(), key=lambda i: (i.nom.lower(), i.id)),
    )


def _link_reponse(reponse: ReponseNode, contributions: dict[str, ContributionNode], elus: dict[str, EluNode],
                  organes: dict[str, OrganeNode], assemblees: dict[str, AssembleeNode]) -> None:
    record = reponse.record
    reponse.contributions = [contributions[i] for i in record.contributions if i in contributions]
    reponse.elu = elus.get(record.elu or "")
    reponse.organe = organes.get(record.organe or "")
    reponse.seance = assemblees.get(record.seance or "")
    if reponse.repondant:
        reponse.repondant.reponses.append(reponse)
    if reponse.seance:
        reponse.seance.reponses.append(reponse)
    for contribution in reponse.contributions:
        (contribution.interventions if reponse.intervention else contribution.reponses).append(reponse)

    def find(reference: str) -> tuple[ContributionNode | None, RecommandationNode | None]:
        contribution_id, recommandation_id = split_recommandation(record, reference)
        contribution = contributions.get(contribution_id) if contribution_id in record.contributions else None
        if contribution is None:
            return None, None
        match = next((r for r in contribution.recommandations if r.id == recommandation_id), None)
        return contribution, match

    for suite in record.suites:
        contribution, recommandation = find(suite.recommandation)
        if recommandation:
            node = SuiteNode(reponse, suite, contribution, recommandation)
            reponse.suites.append(node)
            recommandation.suites.append(node)
    for engagement in record.engagements:
        contribution, recommandation = find(engagement.recommandation) if engagement.recommandation else (None, None)
        concerned = [contribution] if contribution else reponse.contributions
        late = bool(engagement.echeance and engagement.echeance < reponse.graph_date and engagement.etat in EN_COURS)
        node = EngagementNode(engagement, reponse, concerned, recommandation, late)
        reponse.engagements.append(node)
        if recommandation:
            recommandation.engagements.append(node)
        for concerned_contribution in concerned:
            concerned_contribution.engagements.append(node)


def _derive_status(contribution: ContributionNode, today: date, suivi_depuis: date | None) -> None:
    if contribution.reponses:
        contribution.statut = schema.REPONDUE
    elif not contribution.record.reponse_attendue:
        contribution.statut = schema.SANS_REPONSE_ATTENDUE
    elif suivi_depuis is not None and contribution.date < suivi_depuis:  # an approximate date: its period's start
        contribution.statut = schema.HORS_SUIVI
    elif contribution.echeance is not None and contribution.echeance < today:
        contribution.statut = schema.EN_RETARD
        contribution.retard_jours = (today - contribution.echeance).days
    else:
        contribution.statut = schema.EN_ATTENTE
