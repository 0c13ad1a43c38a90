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
from ..model.dates import first_day, is_approximate, last_day
from ..model.records import Contribution, Record, garant_cndp, split_recommandation
from ..reading.rules import Index, Settings
from .nodes import AssembleeNode, BilanNode, ConcertationNode, ContributionNode, DispositifNode, DossierNode, \
    EluNode, EngagementBilanNode, EngagementNode, InstanceNode, Node, OrganeNode, OutilNode, \
    RecommandationGarantNode, RecommandationNode, ReponseNode, SuiteBilanNode, SuiteNode, ThemeNode, newest_first, \
    oldest_first
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
    concertations: list[ConcertationNode] = field(default_factory=list)  # newest start first
    bilans: list[BilanNode] = field(default_factory=list)  # newest first
    outils: list[OutilNode] = field(default_factory=list)  # by name
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
    def dispositifs(self) -> list[DispositifNode]:
        """Every dispositif of every published concertation."""
        return [d for c in self.concertations for d in c.dispositifs]

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

    concertations, bilans, outils = _link_concertations(index, settings, published, themes, organes, dossiers,
                                                        assemblees, contributions)

    all_nodes: list[Node] = [*themes.values(), *elus.values(), *assemblees.values(), *contributions.values(),
                             *reponses.values(), *organes.values(), *dossiers.values(), *instances.values(),
                             *concertations, *bilans, *outils]
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
        concertations=concertations,
        bilans=bilans,
        outils=outils,
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


def _link_concertations(index: Index, settings: Settings, published, themes: dict[str, ThemeNode],
                        organes: dict[str, OrganeNode], dossiers: dict[str, DossierNode],
                        assemblees: dict[str, AssembleeNode], contributions: dict[str, ContributionNode],
                        ) -> tuple[list[ConcertationNode], list[BilanNode], list[OutilNode]]:
    """Version 3: concertations with their maître d'ouvrage, dossiers, themes, dispositifs (their method and meeting),
    the council's contributions and their bilans, both ways; then each one's status and deadlines."""
    today = settings.build_date

    def by_start(node: ConcertationNode) -> tuple:
        return (-node.debut.toordinal(), node.id)

    outils = {r.id: OutilNode(r) for r in published("outils")}
    concertations = {r.id: ConcertationNode(r, graph_date=today) for r in published("concertations")}
    for concertation in concertations.values():
        record = concertation.record
        concertation.maitre_ouvrage = organes.get(record.maitre_ouvrage)
        concertation.dossiers = [dossiers[i] for i in record.dossiers if i in dossiers]
        concertation.themes = [themes[i] for i in record.themes if i in themes]
        for dispositif in record.dispositifs:
            node = DispositifNode(dispositif, concertation, outils.get(dispositif.outil or ""),
                                  assemblees.get(dispositif.assemblee or ""))
            concertation.dispositifs.append(node)
            if node.outil:
                node.outil.dispositifs.append(node)
            if node.assemblee:
                node.assemblee.dispositifs.append(node)
        for linked in [concertation.maitre_ouvrage, *concertation.dossiers, *concertation.themes]:
            if linked is not None:
                linked.concertations.append(concertation)
    for contribution in contributions.values():
        contribution.concertations = [concertations[i] for i in contribution.record.concertations
                                      if i in concertations]
        for concertation in contribution.concertations:
            concertation.contributions.append(contribution)

    bilans = [BilanNode(r, concertations.get(r.concertation)) for r in published("bilans")]
    for bilan in sorted(bilans, key=oldest_first):  # oldest first: an answer's latest word wins
        if bilan.concertation is not None:
            bilan.concertation.bilans.append(bilan)
            _link_bilan(bilan, today)

    for concertation in concertations.values():
        _derive_concertation(concertation, settings)
        concertation.contributions.sort(key=newest_first)
    for outil in outils.values():
        outil.dispositifs.sort(key=lambda d: (d.date is None, d.date or date.min, d.concertation.id, d.id))
    for node in [*organes.values(), *dossiers.values(), *themes.values()]:
        node.concertations.sort(key=by_start)
    for assemblee in assemblees.values():
        assemblee.dispositifs.sort(key=lambda d: (d.concertation.id, d.id))
    return (sorted(concertations.values(), key=by_start), sorted(bilans, key=newest_first),
            sorted(outils.values(), key=lambda o: (o.nom.lower(), o.id)))


def _link_bilan(bilan: BilanNode, today: date) -> None:
    """A bilan's own recommendations (a garant's bilan), its suites and engagements, each answer naming the garant's
    recommendation of its concertation (the garant's bilans before it, the latest one first when an id repeats)."""
    record = bilan.record
    bilan.recommandations = [RecommandationGarantNode(r, bilan) for r in record.recommandations]
    earlier = [r for b in bilan.concertation.bilans for r in b.recommandations]

    def find(reference: str | None) -> RecommandationGarantNode | None:
        return next((r for r in reversed(earlier) if r.id == reference), None) if reference else None

    for suite in record.suites:
        node = SuiteBilanNode(suite, bilan, find(suite.recommandation))
        bilan.suites.append(node)
        if node.recommandation_garant:
            node.recommandation_garant.suites.append(node)
    for engagement in record.engagements:
        late = bool(engagement.echeance and engagement.echeance < today and engagement.etat in EN_COURS)
        node = EngagementBilanNode(engagement, bilan, find(engagement.recommandation), late)
        bilan.engagements.append(node)
        if node.recommandation_garant:
            node.recommandation_garant.engagements.append(node)


def _derive_concertation(concertation: ConcertationNode, settings: Settings) -> None:
    """Status (a-venir, en-cours, bilan-publie, hors-suivi, bilan-attendu) and, with a CNDP garant and days known,
    the deadlines of the garant's bilan and of the answer to it, and how late each is while missing."""
    today, record = settings.build_date, concertation.record
    ended = record.fin is not None and last_day(record.fin) < today
    if first_day(record.debut) > today:
        concertation.statut = schema.A_VENIR
    elif not ended:
        concertation.statut = schema.EN_COURS
    elif concertation.premier_bilan is not None:
        concertation.statut = schema.BILAN_PUBLIE
    elif settings.suivi_depuis is not None and first_day(record.fin) < settings.suivi_depuis:
        concertation.statut = schema.HORS_SUIVI  # an approximate end: its period's start, as for contributions
    else:
        concertation.statut = schema.BILAN_ATTENDU
    followed = not (settings.suivi_depuis is not None and record.fin is not None
                    and first_day(record.fin) < settings.suivi_depuis)
    if not garant_cndp(record) or not followed or record.fin is None or is_approximate(record.fin):
        return
    concertation.echeance_bilan_garant = record.fin + timedelta(days=settings.delai_bilan_garant_jours)
    garant = concertation.bilan_garant
    if garant is None:
        if concertation.echeance_bilan_garant < today:
            concertation.retard_bilan_garant = (today - concertation.echeance_bilan_garant).days
        return
    if is_approximate(garant.date):
        return
    concertation.echeance_reponse_maitre_ouvrage = garant.date + timedelta(
        days=settings.delai_reponse_maitre_ouvrage_jours)
    if concertation.reponse_maitre_ouvrage is None and concertation.echeance_reponse_maitre_ouvrage < today:
        concertation.retard_reponse_maitre_ouvrage = (today - concertation.echeance_reponse_maitre_ouvrage).days
