"""The resolved graph of published records: references in both directions, derived status.

Only published records enter the graph: a draft or an embargoed record is
checked by the rules, then left out here, so nothing built from the graph
(pages, feeds, exports, counts) can show it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from datetime import date, timedelta
from typing import Any, Iterable

from ..model import schema
from ..model.dates import is_approximate
from ..model.records import Contribution, Record, split_recommandation
from ..reading.rules import Index, Settings
from .nodes import AssembleeNode, ContributionNode, DossierNode, EluNode, EngagementNode, InstanceNode, Node, \
    OrganeNode, RecommandationNode, ReponseNode, SuiteNode, ThemeNode, newest_first, oldest_first
from .tally import tally

EN_COURS = ("prevu", "en-cours")


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
    concertations: list[Any] = field(default_factory=list)  # version 3: ConcertationNode, newest start first
    bilans: list[Any] = field(default_factory=list)  # BilanNode, newest first
    outils: list[Any] = field(default_factory=list)  # OutilNode, by name
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
    for contribution in sorted(contributions.values(), key=oldest_first):
        previous = contributions.get(contribution.record.suite_de or "")
        if previous is not None and previous is not contribution:
            contribution.precedente = previous
            previous.suivantes.append(contribution)
    for dossier in dossiers.values():
        dossier.themes = pick(themes, dossier.record.themes)
        dossier.contributions.sort(key=oldest_first)

    for reponse in sorted(reponses.values(), key=lambda r: (r.date, r.id)):  # oldest first: latest suite wins
        _link_reponse(reponse, contributions, elus, organes, assemblees)

    for contribution in contributions.values():
        _derive_status(contribution, today, settings.suivi_depuis)
    for recipient in destinataires.values():
        recipient.chiffres = tally(recipient.contributions)

    def newest(nodes: dict[str, Any]) -> list[Any]:
        return sorted(nodes.values(), key=newest_first)

    for node in [*themes.values(), *elus.values(), *organes.values()]:
        node.contributions.sort(key=newest_first)
    for theme in themes.values():
        theme.assemblees.sort(key=newest_first)
    for node in [*elus.values(), *organes.values()]:
        node.reponses.sort(key=newest_first)
    for assemblee in assemblees.values():
        assemblee.contributions.sort(key=newest_first)

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
