"""The resolved graph of published records: references in both directions, derived status.

Only published records enter the graph: a draft or an embargoed record is
checked by the rules, then left out here, so nothing built from the graph
(pages, feeds, exports, counts) can show it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from statistics import median
from typing import Any, Iterable

from . import reads, schema
from .records import Assemblee, Contribution, Elu, Engagement, Recommandation, Record, Reponse, Suite, Theme, \
    split_recommandation
from .rules import Index, Settings

EN_COURS = ("prevu", "en-cours")


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
class AssembleeNode(Node):
    record: Assemblee
    a_venir: bool = False
    themes: list[ThemeNode] = field(default_factory=list)
    contributions: list[ContributionNode] = field(default_factory=list)


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
    kind: str  # assemblee, contribution, echeance, reponse, engagement
    label: str
    url: str | None = None
    detail: str | None = None
    future: bool = False


@dataclass(eq=False, repr=False)
class ContributionNode(Node):
    record: Contribution
    echeance: date | None = None
    statut: str = "en-attente"
    assemblees: list[AssembleeNode] = field(default_factory=list)
    themes: list[ThemeNode] = field(default_factory=list)
    destinataires: list[EluNode] = field(default_factory=list)
    reponses: list[ReponseNode] = field(default_factory=list)  # oldest first
    recommandations: list[RecommandationNode] = field(default_factory=list)
    engagements: list[EngagementNode] = field(default_factory=list)
    retard_jours: int | None = None  # days past the deadline, while unanswered

    @property
    def premiere_reponse(self) -> ReponseNode | None:
        return self.reponses[0] if self.reponses else None

    @property
    def delai_jours(self) -> int | None:
        """Days from the contribution to its first published answer."""
        first = self.premiere_reponse
        return (first.date - self.date).days if first else None

    @property
    def repondue_dans_les_delais(self) -> bool | None:
        first = self.premiere_reponse
        if first is None or self.echeance is None:
            return None
        return first.date <= self.echeance

    @property
    def timeline(self) -> list[Evenement]:
        events = [Evenement(a.date, "assemblee", a.titre, a.url, schema.ASSEMBLEE_TYPES[a.type_assemblee])
                  for a in self.assemblees]
        events.append(Evenement(self.date, "contribution", "Contribution remise aux élus", self.url,
                                schema.NATURES[self.nature]))
        if self.echeance:
            detail = ("réponse reçue avant l'échéance" if self.repondue_dans_les_delais else
                      "réponse reçue après l'échéance" if self.reponses else
                      f"dépassée de {self.retard_jours} jours" if self.retard_jours else "en attente")
            events.append(Evenement(self.echeance, "echeance", "Échéance de réponse", None, detail,
                                    future=self.statut == "en-attente"))
        for reponse in self.reponses:
            events.append(Evenement(reponse.date, "reponse", reponse.titre, reponse.url,
                                    f"{reponse.elu.nom} — {schema.POSITIONS[reponse.position]}"))
        for engagement in self.engagements:
            if engagement.echeance:
                events.append(Evenement(engagement.echeance, "engagement", engagement.texte, None,
                                        schema.ETATS[engagement.etat],
                                        future=engagement.echeance > engagement.reponse.graph_date))
        order = {"assemblee": 0, "contribution": 1, "reponse": 2, "echeance": 3, "engagement": 4}
        return sorted(events, key=lambda e: (e.date, order[e.kind]))


@dataclass(eq=False, repr=False)
class ReponseNode(Node):
    record: Reponse
    graph_date: date = date.min
    contributions: list[ContributionNode] = field(default_factory=list)
    elu: EluNode | None = None
    suites: list[SuiteNode] = field(default_factory=list)
    engagements: list[EngagementNode] = field(default_factory=list)

    @property
    def delai_jours(self) -> int | None:
        """Days from the earliest contribution answered to this answer."""
        dates = [c.date for c in self.contributions]
        return (self.date - min(dates)).days if dates else None


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
        if not contribution.record.reponse_attendue:
            continue
        result.attendues += 1
        if contribution.statut == "repondue":
            result.repondues += 1
            result.delais.append(contribution.delai_jours)
            if contribution.repondue_dans_les_delais:
                result.repondues_dans_les_delais += 1
        elif contribution.statut == "en-retard":
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
                                   (ReponseNode, Reponse), (EluNode, Elu)):
    _read_through(_node_class, _record_class)


def _newest_first(node: Any) -> tuple:
    return (-node.date.toordinal(), node.id)


@dataclass
class Graph:
    settings: Settings
    assemblees: list[AssembleeNode]  # newest first
    contributions: list[ContributionNode]  # newest first
    reponses: list[ReponseNode]  # newest first
    elus: list[EluNode]  # by name
    themes: list[ThemeNode]  # by title
    by_key: dict[str, Node]

    @property
    def build_date(self) -> date:
        return self.settings.build_date

    def get(self, record_type: str, record_id: str) -> Node | None:
        return self.by_key.get(f"{record_type}/{record_id}")

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
    if not contribution.reponse_attendue:
        return None
    return contribution.echeance_reponse or contribution.date + timedelta(days=settings.delai_reponse_jours)


def build_graph(index: Index, settings: Settings) -> Graph:
    """Link the published records of a checked index. Broken references are skipped (the rules report them)."""
    today = settings.build_date

    def published(record_type: str) -> list[Record]:
        return [r for r in index.records[record_type].values() if r.is_published(today)]

    themes = {r.id: ThemeNode(r) for r in published("themes")}
    elus = {r.id: EluNode(r) for r in published("elus")}
    assemblees = {r.id: AssembleeNode(r, a_venir=r.date >= today) for r in published("assemblees")}
    contributions = {r.id: ContributionNode(r, echeance=echeance_of(r, settings)) for r in published("contributions")}
    reponses = {r.id: ReponseNode(r, graph_date=today) for r in published("reponses")}

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
        contribution.destinataires = pick(elus, record.destinataires)
        contribution.recommandations = [RecommandationNode(r, contribution) for r in record.recommandations]
        for theme in contribution.themes:
            theme.contributions.append(contribution)
        for assemblee in contribution.assemblees:
            assemblee.contributions.append(contribution)
        for elu in contribution.destinataires:
            elu.contributions.append(contribution)

    for reponse in sorted(reponses.values(), key=lambda r: (r.date, r.id)):  # oldest first: latest suite wins
        _link_reponse(reponse, contributions, elus)

    for contribution in contributions.values():
        _derive_status(contribution, today)
    for elu in elus.values():
        elu.chiffres = tally(elu.contributions)

    def newest(nodes: dict[str, Any]) -> list[Any]:
        return sorted(nodes.values(), key=_newest_first)

    for node in [*themes.values(), *elus.values()]:
        node.contributions.sort(key=_newest_first)
    for theme in themes.values():
        theme.assemblees.sort(key=_newest_first)
    for elu in elus.values():
        elu.reponses.sort(key=_newest_first)
    for assemblee in assemblees.values():
        assemblee.contributions.sort(key=_newest_first)

    all_nodes: list[Node] = [*themes.values(), *elus.values(), *assemblees.values(), *contributions.values(),
                             *reponses.values()]
    return Graph(
        settings=settings,
        assemblees=newest(assemblees),
        contributions=newest(contributions),
        reponses=newest(reponses),
        elus=sorted(elus.values(), key=lambda e: (e.record.nom.split()[-1].lower(), e.id)),
        themes=sorted(themes.values(), key=lambda t: (t.titre.lower(), t.id)),
        by_key={n.record.key: n for n in all_nodes},
    )


def _link_reponse(reponse: ReponseNode, contributions: dict[str, ContributionNode], elus: dict[str, EluNode]) -> None:
    record = reponse.record
    reponse.contributions = [contributions[i] for i in record.contributions if i in contributions]
    reponse.elu = elus.get(record.elu)
    if reponse.elu:
        reponse.elu.reponses.append(reponse)
    for contribution in reponse.contributions:
        contribution.reponses.append(reponse)

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


def _derive_status(contribution: ContributionNode, today: date) -> None:
    if contribution.reponses:
        contribution.statut = "repondue"
    elif not contribution.record.reponse_attendue:
        contribution.statut = "sans-reponse-attendue"
    elif contribution.echeance < today:
        contribution.statut = "en-retard"
        contribution.retard_jours = (today - contribution.echeance).days
    else:
        contribution.statut = "en-attente"
