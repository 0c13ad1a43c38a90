"""The open-data exports: one list of columns per dataset, from which the CSV, the JSON,
the JSON Schema and the data dictionary all derive.

Rows are built from the graph, so drafts and embargoed records are never exported.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

from ..graph import composition
from ..graph.graph import Graph
from ..model import schema
from ..model.names import slugify
from ..reading import membres

LIST_SEPARATOR = ";"  # between the values of a list in a CSV cell; ids never contain it

JSON_TYPES = {"string", "integer", "number", "boolean", "array"}


@dataclass(frozen=True)
class Column:
    """One column of a dataset: its name, JSON type, French description and how to read it from a node."""

    name: str
    type: str  # a JSON Schema type; "array" holds strings
    description: str
    value: Callable[[Any, str], Any]  # (node, site url) -> value, None when absent
    nullable: bool = False
    format: str | None = None  # "date", "uri"
    choices: tuple[str, ...] = ()
    notation: str | None = None  # how its values are written, when the type does not say it (approximate dates)

    @property
    def type_label(self) -> str:
        """The type as the data dictionary states it, in French."""
        label = self.notation or TYPE_LABELS.get(self.format or self.type, TYPE_LABELS[self.type])
        return f"{label}, peut être vide" if self.nullable else label


TYPE_LABELS = {
    "string": "texte",
    "integer": "nombre entier",
    "number": "nombre décimal",
    "boolean": "booléen (true ou false)",
    "array": "liste d'identifiants",
    "date": "date AAAA-MM-JJ",
    "uri": "adresse web",
}


@dataclass(frozen=True)
class Dataset:
    name: str  # file names: donnees/<name>.csv, .json, .schema.json
    titre: str
    description: str
    columns: tuple[Column, ...]
    rows: Callable[[Graph], list[Any]]  # the nodes, one per row, in a stable order

    def records(self, graph: Graph, site_url: str) -> list[dict[str, Any]]:
        """The rows as JSON-ready dicts: dates as ISO 8601 strings, absent values as None."""
        return [{c.name: _jsonable(c.value(node, site_url)) for c in self.columns} for node in self.rows(graph)]


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()  # an approximate date as written: 2016, 2019-03
    if isinstance(value, int) and type(value) not in (int, bool):
        return int(value)  # « près de 400 » is counted 400; the words are in their own column
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def public_url(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path if site_url else "/" + path


def _id(node: Any, _: str) -> str:
    return node.id


def _url(node: Any, site_url: str) -> str:
    return public_url(site_url, node.url)


def _ids(attribute: str) -> Callable[[Any, str], list[str]]:
    return lambda node, _: [n.id for n in getattr(node, attribute)]


def _field(attribute: str) -> Callable[[Any, str], Any]:
    return lambda node, _: getattr(node, attribute)


def _oldest_first(nodes: list[Any]) -> list[Any]:
    return sorted(nodes, key=lambda n: (n.date, n.id))


def _declared(record_type: schema.RecordType | schema.Field, key: str, value: Callable[[Any, str], Any] | None = None,
              **overrides: Any) -> Column:
    """The column of a key the schema declares: its name, type, description, choices and whether it may be empty
    all come from the declaration; `value` when the column holds what the graph made of it."""
    spec = record_type.by_key[key]  # a RecordType, or an OBJECT Field (an engagement)
    description = spec.donnees or spec.description
    if spec.donnees is None and spec.kind.column_hint:
        description = f"{description.rstrip('.')} ({spec.kind.column_hint})."
    column = {"name": key, "type": spec.kind.column, "description": description,
              "value": value or _field(spec.name), "nullable": spec.nullable, "format": spec.kind.column_format,
              "choices": spec.choices, "notation": spec.kind.column_notation}
    column.update(overrides)
    return Column(**column)


ID = Column("id", "string", "Identifiant stable de la fiche (nom de son fichier) ; il ne change jamais.", _id)
URL = Column("url", "string", "Adresse publique de la page de la fiche.", _url, format="uri")
THEMES = _declared(schema.CONTRIBUTIONS, "themes", _ids("themes"))


ENGAGEMENT = schema.REPONSES.field("engagements").item  # an engagement's keys, declared like a record's
DELIBERATION = schema.REPONSES.field("deliberation")  # flattened into deliberation_numero, deliberation_url


def _engagement_rows(graph: Graph) -> list[Any]:
    return [e for r in _oldest_first(graph.reponses) for e in r.engagements]


def _engagement_id(engagement: Any, _: str) -> str:
    return f"{engagement.reponse.id}-e{engagement.reponse.engagements.index(engagement) + 1}"


def _share(attribute: str) -> Callable[[Any, str], float | None]:
    return lambda row, _: None if getattr(row, attribute) is None else round(getattr(row, attribute), 4)


# Version 3: concertations, what took place in them, and what their bilans decided.
DISPOSITIF = schema.CONCERTATIONS.field("dispositifs").item  # a dispositif's keys, declared like a record's
SUITE_BILAN = schema.BILANS.field("suites").item
DELIBERATION_OUVERTURE = schema.CONCERTATIONS.field("deliberation_ouverture")


def _node_id(attribute: str) -> Callable[[Any, str], str | None]:
    """The id of a linked node (`maitre_ouvrage`, `outil`), None when there is none."""
    return lambda node, _: getattr(getattr(node, attribute), "id", None)


def _mention(attribute: str) -> Callable[[Any, str], str | None]:
    """« environ », « près de », « plus de » for a count written so; « environ » / « au moins » for a total."""
    return lambda node, _: getattr(getattr(node, attribute), "qualifier", None) or \
        getattr(getattr(node, attribute), "mention", None)


def _count_mention(key: str, what: str) -> Column:
    """The column `<key>_mention` beside a count a dispositif may write « environ / près de / plus de N »."""
    return Column(f"{key}_mention", "string", f"« environ », « près de » ou « plus de » quand le nombre de {what} "
                  "n'est pas connu exactement (vide s'il l'est).", _mention(key), nullable=True,
                  choices=schema.ATTENDANCE_QUALIFIERS)


def _total(attribute: str) -> Callable[[Any, str], int | None]:
    return lambda node, _: None if getattr(node, attribute) is None else int(getattr(node, attribute))


def _deliberation_ouverture(key: str) -> Callable[[Any, str], Any]:
    return lambda c, _: getattr(c.deliberation_ouverture, key) if c.deliberation_ouverture else None


def _dispositif_rows(graph: Graph) -> list[Any]:
    return [d for c in sorted(graph.concertations, key=lambda c: (c.debut, c.id)) for d in c.dispositifs]


def _suite_rows(graph: Graph) -> list[Any]:
    return [s for b in _oldest_first(graph.bilans) for s in b.suites]


def _suite_id(suite: Any, _: str) -> str:
    return f"{suite.bilan.id}-s{suite.bilan.suites.index(suite) + 1}"


TOTAL_MENTION = "« environ » quand un des nombres additionnés est approché, « au moins » quand l'un est un minimum " \
                "(« plus de N ») ; un total d'un seul nombre garde ses mots (« plus de », « près de ») ; vide quand " \
                "tous sont exacts."
# A total of several counts is « environ » or « au moins »; a total of one count keeps its words (counts.total).
TOTAL_MENTIONS = ("environ", "au moins", *(q for q in schema.ATTENDANCE_QUALIFIERS if q != "environ"))


# The composition (membres.csv): counts only, and the names of the members who agreed to be named.
COMPOSITION_DATASETS = (
    Dataset(
        "composition", "Composition du conseil",
        "Les membres du conseil à la date de publication, comptés par sexe, classe d'âge, collège, commune et "
        "instance (CGCT, art. L5211-10-1).",
        (
            Column("id", "string", "Identifiant stable de la ligne : la dimension, puis la valeur en minuscules sans "
                   "accents (« commune-saint-etienne », « college-non-renseigne »).",
                   lambda row, _: f"{row.dimension}-{slugify(row.valeur or 'non-renseigne')}"),
            Column("dimension", "string", "Ce qui est compté : sexe, tranche_age, college, commune ou instance.",
                   _field("dimension"), choices=composition.DIMENSIONS),
            Column("valeur", "string", "La valeur comptée (F, 30-44, identifiant d'instance…) ; vide quand la liste "
                   "des membres ne la renseigne pas.", _field("valeur"), nullable=True),
            Column("libelle", "string", "La valeur, en clair.", _field("libelle")),
            Column("membres", "integer", "Nombre de membres.", _field("membres")),
            Column("part", "number", "Part des membres (0 à 1) ; un membre peut siéger dans plusieurs instances.",
                   _share("part")),
            Column("part_population", "number", "Pour les classes d'âge : part dans la population du territoire "
                   "selon le recensement (0 à 1).", _share("part_population"), nullable=True),
        ),
        lambda g: g.composition.decomptes() if g.composition else [],
    ),
    Dataset(
        "membres", "Membres nommés",
        "Les membres du conseil à la date de publication qui ont accepté d'être nommés ; les autres sont comptés "
        "dans le jeu « composition », jamais nommés.",
        (
            Column("id", "string", "Identifiant : le nom en minuscules sans accents.", lambda m, _: slugify(m.nom)),
            Column("nom", "string", "Prénom et nom.", _field("nom")),
            Column("fonction", "string", "Fonction au conseil.", _field("fonction"), choices=tuple(membres.FONCTIONS)),
            Column("instances", "array", "Identifiants des instances où siège le membre, séparés par « ; » en CSV.",
                   lambda m, _: list(m.instances)),
            Column("college", "string", "Collège du membre (option « colleges » du site).", _field("college"),
                   nullable=True),
            Column("commune", "string", "Commune de résidence du membre.", _field("commune"), nullable=True),
            Column("debut", "string", "Date d'entrée au conseil (AAAA-MM-JJ).", _field("debut"), format="date"),
        ),
        lambda g: g.composition.nommes if g.composition else [],
    ),
)


DATASETS: tuple[Dataset, ...] = (
    Dataset(
        "assemblees", "Assemblées", "Les réunions du conseil et de ses instances, tenues ou annoncées.",
        (
            ID, URL,
            *(_declared(schema.ASSEMBLEES, key) for key in
              ("titre", "date", "date_fin", "type", "heure_debut", "heure_fin", "lieu", "commune", "niveau",
               "participants")),
            Column("participants_mention", "string", "« environ », « près de » ou « plus de » quand le nombre de "
                   "participants n'est pas connu exactement (vide s'il l'est).",
                   lambda a, _: getattr(a.participants, "qualifier", None), nullable=True,
                   choices=schema.ATTENDANCE_QUALIFIERS),
            Column("a_venir", "boolean", "true si la réunion n'a pas encore eu lieu à la date de publication.",
                   _field("a_venir")),
            THEMES,
            Column("contributions", "array", "Identifiants des contributions préparées ou adoptées lors de la réunion.",
                   lambda a, _: [c.id for c in _oldest_first(a.contributions)]),
        ),
        lambda g: _oldest_first(g.assemblees),
    ),
    Dataset(
        "contributions", "Contributions",
        "Les avis, contributions, alertes et questions adressés aux élus, avec leur statut de réponse.",
        (
            ID, URL,
            *(_declared(schema.CONTRIBUTIONS, key) for key in ("titre", "date", "nature", "origine", "resume")),
            _declared(schema.CONTRIBUTIONS, "destinataires", _ids("destinataires")),
            _declared(schema.CONTRIBUTIONS, "assemblees", _ids("assemblees")),
            THEMES,
            _declared(schema.CONTRIBUTIONS, "etape"),
            _declared(schema.CONTRIBUTIONS, "suite_de", lambda c, _: c.precedente.id if c.precedente else None),
            _declared(schema.CONTRIBUTIONS, "dossiers", _ids("dossiers")),
            _declared(schema.CONTRIBUTIONS, "reponse_attendue", lambda c, _: c.record.reponse_attendue),
            _declared(schema.CONTRIBUTIONS, "echeance_reponse", _field("echeance")),  # the deadline, written or computed
            Column("statut", "string", f"Statut calculé à la date de publication : {', '.join(schema.STATUTS)}.",
                   _field("statut"), choices=tuple(schema.STATUTS)),
            Column("date_premiere_reponse", "string", "Date de la première réponse publiée (AAAA-MM-JJ).",
                   lambda c, _: c.premiere_reponse.date if c.premiere_reponse else None, nullable=True,
                   format="date"),
            Column("delai_reponse_jours", "integer", "Jours entre la contribution et sa première réponse.",
                   _field("delai_jours"), nullable=True),
            Column("retard_jours", "integer", "Jours écoulés depuis l'échéance, tant qu'aucune réponse n'est publiée.",
                   _field("retard_jours"), nullable=True),
            Column("reponses", "array", "Identifiants des réponses reçues (jeu « reponses »), de la plus ancienne à "
                   "la plus récente.", _ids("reponses")),
            Column("recommandations", "integer", "Nombre de recommandations formulées.",
                   lambda c, _: len(c.recommandations)),
        ),
        lambda g: _oldest_first(g.contributions),
    ),
    Dataset(
        "reponses", "Réponses des élus", "Les réponses des élus aux contributions.",
        (
            ID, URL,
            _declared(schema.REPONSES, "titre"),
            _declared(schema.REPONSES, "date"),
            _declared(schema.REPONSES, "elu", lambda r, _: r.elu.id if r.elu else None, nullable=True),
            _declared(schema.REPONSES, "organe", lambda r, _: r.organe.id if r.organe else None),
            _declared(schema.REPONSES, "position"),
            _declared(schema.REPONSES, "forme"),
            _declared(schema.REPONSES, "portee"),
            _declared(schema.REPONSES, "seance", lambda r, _: r.seance.id if r.seance else None),
            _declared(DELIBERATION, "numero", lambda r, _: r.deliberation.numero if r.deliberation else None,
                      name="deliberation_numero", nullable=True),
            _declared(DELIBERATION, "url", lambda r, _: r.deliberation.url if r.deliberation else None,
                      name="deliberation_url", format="uri"),
            _declared(schema.REPONSES, "vote"),
            _declared(schema.REPONSES, "contributions", _ids("contributions")),
            Column("delai_jours", "integer", "Jours entre la plus ancienne contribution concernée et la réponse.",
                   _field("delai_jours"), nullable=True),
            Column("engagements", "integer", "Nombre d'engagements pris dans la réponse (jeu « engagements »).",
                   lambda r, _: len(r.engagements)),
        ),
        lambda g: _oldest_first(g.reponses),
    ),
    Dataset(
        "engagements", "Engagements", "Les engagements pris par les élus dans leurs réponses, et leur état.",
        (
            Column("id", "string", "Identifiant stable : celui de la réponse, suivi de « -e » et du rang de "
                   "l'engagement dans la réponse.", _engagement_id),
            Column("url", "string", "Adresse publique de la réponse qui contient l'engagement.",
                   lambda e, site_url: public_url(site_url, e.reponse.url) + "#engagements", format="uri"),
            Column("reponse", "string", "Identifiant de la réponse (jeu « reponses »).", lambda e, _: e.reponse.id),
            *(_declared(ENGAGEMENT, key) for key in ("texte", "etat", "echeance")),
            Column("en_retard", "boolean", "true si l'échéance est dépassée et l'engagement pas encore réalisé.",
                   _field("en_retard")),
            Column("recommandation", "string", "Identifiant de la recommandation concernée, dans sa contribution.",
                   lambda e, _: e.recommandation.id if e.recommandation else None, nullable=True),
            Column("contributions", "array", "Identifiants des contributions concernées.", _ids("contributions")),
        ),
        _engagement_rows,
    ),
    Dataset(
        "elus", "Élus", "Les élus qui reçoivent les contributions, et leurs chiffres de réponse.",
        (
            ID, URL,
            *(_declared(schema.ELUS, key) for key in ("nom", "fonction", "mandat_debut", "mandat_fin")),
            THEMES,
            Column("contributions_recues", "integer", "Nombre de contributions reçues.",
                   lambda e, _: e.chiffres.contributions),
            Column("contributions_repondues", "integer", "Contributions reçues qui ont une réponse publiée.",
                   lambda e, _: e.chiffres.repondues),
            Column("contributions_en_retard", "integer", "Contributions reçues sans réponse après l'échéance.",
                   lambda e, _: e.chiffres.en_retard),
            Column("taux_reponse", "number", "Part des contributions attendant une réponse qui en ont une (0 à 1).",
                   lambda e, _: round(e.chiffres.taux_reponse, 4) if e.chiffres.taux_reponse is not None else None,
                   nullable=True),
            Column("reponses", "integer", "Nombre de réponses signées.", lambda e, _: len(e.reponses)),
        ),
        lambda g: sorted(g.elus, key=lambda e: e.id),
    ),
    Dataset(
        "organes", "Organes", "Les instances de la Métropole qui reçoivent les avis ou y répondent, et leurs chiffres "
        "de réponse.",
        (
            ID, URL,
            *(_declared(schema.ORGANES, key) for key in ("nom", "type", "description")),
            Column("contributions_recues", "integer", "Nombre de contributions reçues.",
                   lambda o, _: o.chiffres.contributions),
            Column("contributions_repondues", "integer", "Contributions reçues qui ont une réponse publiée.",
                   lambda o, _: o.chiffres.repondues),
            Column("reponses", "integer", "Nombre de réponses données (votes, délibérations, prises d'acte).",
                   lambda o, _: len(o.reponses)),
        ),
        lambda g: sorted(g.organes, key=lambda o: o.id),
    ),
    Dataset(
        "dossiers", "Dossiers", "Les politiques publiques et documents de planification suivis au fil des années, "
        "avec leurs contributions.",
        (
            ID, URL,
            *(_declared(schema.DOSSIERS, key) for key in ("titre", "type")),
            _declared(schema.DOSSIERS, "themes", _ids("themes")),
            Column("contributions", "array", "Identifiants des contributions sur le dossier, de la plus ancienne à la "
                   "plus récente.", _ids("contributions")),
            _declared(schema.DOSSIERS, "etapes", lambda d, _: [f"{e.date.isoformat()} : {e.libelle}"
                                                               for e in d.record.etapes],
                      notation="liste de textes"),
        ),
        lambda g: sorted(g.dossiers, key=lambda d: d.id),
    ),
    Dataset(
        "themes", "Thèmes", "Le référentiel thématique.",
        (
            ID, URL,
            *(_declared(schema.THEMES, key) for key in ("titre", "description")),
        ),
        lambda g: sorted(g.themes, key=lambda t: t.id),
    ),
    Dataset(
        "concertations", "Concertations",
        "Les concertations du public sur les projets, plans et politiques : période, cadre, garants, statut calculé, "
        "participation, bilans, délais et suites données.",
        (
            ID, URL,
            _declared(schema.CONCERTATIONS, "titre"),
            _declared(schema.CONCERTATIONS, "maitre_ouvrage", _node_id("maitre_ouvrage")),
            *(_declared(schema.CONCERTATIONS, key) for key in ("cadre", "debut", "fin", "niveau")),
            _declared(DELIBERATION_OUVERTURE, "date", _deliberation_ouverture("date"),
                      name="deliberation_ouverture_date", nullable=True,
                      description="Date de la délibération qui fixe les objectifs et les modalités (AAAA-MM-JJ, ou "
                                  "AAAA-MM, AAAA quand le jour n'est pas connu)."),
            _declared(DELIBERATION_OUVERTURE, "numero", _deliberation_ouverture("numero"),
                      name="deliberation_ouverture_numero", description="Numéro de la délibération d'ouverture."),
            _declared(DELIBERATION_OUVERTURE, "url", _deliberation_ouverture("url"), name="deliberation_ouverture_url",
                      format="uri", description="Adresse de la délibération d'ouverture."),
            _declared(schema.CONCERTATIONS, "garants"),
            _declared(schema.CONCERTATIONS, "garant_cndp", _field("garant_cndp"), nullable=False),
            _declared(schema.CONCERTATIONS, "dossiers", _ids("dossiers")),
            _declared(schema.CONCERTATIONS, "themes", _ids("themes")),
            _declared(schema.CONCERTATIONS, "communes"),
            Column("statut", "string", "Statut calculé à la date de publication : "
                   f"{', '.join(schema.STATUTS_CONCERTATION)}.", _field("statut"),
                   choices=tuple(schema.STATUTS_CONCERTATION)),
            Column("duree_jours", "integer", "Jours entre le début et la fin (vide tant qu'elle est ouverte, ou quand "
                   "un jour n'est pas connu).", _field("duree_jours"), nullable=True),
            Column("dispositifs", "integer", "Nombre de dispositifs (jeu « dispositifs »).",
                   lambda c, _: len(c.dispositifs)),
            Column("participants", "integer", "Total des participants des dispositifs (vide si aucun n'est compté).",
                   _total("participants_total"), nullable=True),
            Column("participants_mention", "string", TOTAL_MENTION, _mention("participants_total"), nullable=True,
                   choices=TOTAL_MENTIONS),
            Column("contributions_recueillies", "integer", "Total des contributions recueillies par les dispositifs "
                   "(vide si aucune n'est comptée).", _total("contributions_total"), nullable=True),
            Column("contributions_recueillies_mention", "string", TOTAL_MENTION, _mention("contributions_total"),
                   nullable=True, choices=TOTAL_MENTIONS),
            Column("contributions", "array", "Identifiants des contributions du conseil de développement à la "
                   "concertation (jeu « contributions »).", lambda c, _: [n.id for n in _oldest_first(c.contributions)]),
            Column("bilans", "array", "Identifiants des bilans publiés, du plus ancien au plus récent.", _ids("bilans")),
            Column("date_premier_bilan", "string", "Date du premier bilan ou bilan du garant publié.",
                   lambda c, _: c.premier_bilan.date if c.premier_bilan else None, nullable=True,
                   notation=schema.APPROXIMATE_DATE.column_notation),
            Column("jours_jusqu_au_bilan", "integer", "Jours entre la fin de la concertation et son premier bilan "
                   "(vide quand un jour n'est pas connu).", _field("jours_jusqu_au_bilan"), nullable=True),
            Column("echeance_bilan_garant", "string", "Date attendue du bilan du garant (fin + délai configuré), avec "
                   "un garant de la CNDP et des dates exactes.", _field("echeance_bilan_garant"), nullable=True,
                   format="date"),
            Column("retard_bilan_garant_jours", "integer", "Jours écoulés depuis l'échéance, tant que le bilan du "
                   "garant n'est pas publié.", _field("retard_bilan_garant"), nullable=True),
            Column("echeance_reponse_maitre_ouvrage", "string", "Date attendue de la réponse du maître d'ouvrage "
                   "(premier bilan du garant + délai configuré).", _field("echeance_reponse_maitre_ouvrage"),
                   nullable=True, format="date"),
            Column("retard_reponse_maitre_ouvrage_jours", "integer", "Jours écoulés depuis l'échéance, tant que la "
                   "réponse du maître d'ouvrage n'est pas publiée.", _field("retard_reponse_maitre_ouvrage"),
                   nullable=True),
            Column("suites", "integer", "Nombre de sujets sur lesquels les bilans se prononcent (jeu « suites »).",
                   lambda c, _: len(c.suites)),
            Column("suites_retenues", "integer", "Sujets retenus.",
                   lambda c, _: sum(1 for s in c.suites if s.position == schema.RETENUE)),
            Column("autres_decisions_avec_motif", "integer", "Décisions autres que « retenue » données avec leur "
                   "motif.", lambda c, _: c.motifs.avec),
            Column("recommandations_garant", "integer", "Nombre de recommandations des bilans du garant.",
                   lambda c, _: len(c.recommandations)),
            Column("recommandations_repondues", "integer", "Recommandations du garant auxquelles une réponse du "
                   "maître d'ouvrage répond.", _field("recommandations_repondues")),
        ),
        lambda g: sorted(g.concertations, key=lambda c: (c.debut, c.id)),
    ),
    Dataset(
        "dispositifs", "Dispositifs des concertations",
        "Ce qui a eu lieu dans chaque concertation : réunions, ateliers, registres, questionnaires…, avec leur "
        "participation.",
        (
            Column("id", "string", "Identifiant stable : celui de la concertation, « # », puis celui du dispositif.",
                   lambda d, _: f"{d.concertation.id}#{d.id}"),
            Column("url", "string", "Adresse publique de la ligne du dispositif sur la page de la concertation.",
                   lambda d, site_url: public_url(site_url, d.url), format="uri"),
            Column("concertation", "string", "Identifiant de la concertation (jeu « concertations »).",
                   lambda d, _: d.concertation.id),
            *(_declared(DISPOSITIF, key) for key in ("type", "libelle", "date", "date_fin", "heure_debut",
                                                       "heure_fin", "lieu", "commune")),
            # Each count the schema lets write « environ N » has its words in a column beside it.
            *(column for key, what in (("nombre", "séances"), ("participants", "participants"),
                                       ("contributions", "contributions"))
              for column in (_declared(DISPOSITIF, key), _count_mention(key, what))),
            _declared(DISPOSITIF, "outil", _node_id("outil"), description="Identifiant de la méthode employée (fiche "
                      "de la boîte à outils, outils/)."),
            _declared(DISPOSITIF, "assemblee", _node_id("assemblee"), description="Identifiant de la réunion quand "
                      "elle a sa fiche (jeu « assemblees »)."),
        ),
        _dispositif_rows,
    ),
    Dataset(
        "suites", "Suites données aux concertations",
        "Chaque sujet sur lequel un bilan se prononce, et ce que le projet en fait, avec son motif quand il est publié.",
        (
            Column("id", "string", "Identifiant stable : celui du bilan, suivi de « -s » et du rang du sujet dans le "
                   "bilan.", _suite_id),
            Column("url", "string", "Adresse publique du bilan.",
                   lambda s, site_url: public_url(site_url, s.bilan.url) + "#suites", format="uri"),
            Column("bilan", "string", "Identifiant du bilan.", lambda s, _: s.bilan.id),
            _declared(schema.BILANS, "type", lambda s, _: s.bilan.type_bilan, name="type_bilan"),
            _declared(schema.BILANS, "date", lambda s, _: s.bilan.date, name="date_bilan"),
            Column("concertation", "string", "Identifiant de la concertation (jeu « concertations »).",
                   lambda s, _: s.bilan.concertation.id),
            *(_declared(SUITE_BILAN, key) for key in ("sujet", "position", "motif")),
            _declared(SUITE_BILAN, "recommandation", lambda s, _: s.recommandation_garant.id
                      if s.recommandation_garant else None,
                      description="Identifiant de la recommandation du garant à laquelle la suite répond."),
        ),
        _suite_rows,
    ),
    *COMPOSITION_DATASETS,
)


def to_csv(dataset: Dataset, records: list[dict[str, Any]]) -> str:
    """UTF-8 CSV, comma-separated, one header row; lists joined by « ; », absent values empty."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.name for c in dataset.columns])
    for record in records:
        writer.writerow([_csv_cell(record[c.name]) for c in dataset.columns])
    return buffer.getvalue()


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return LIST_SEPARATOR.join(value)
    return str(value)


def to_json(records: list[dict[str, Any]]) -> str:
    """A JSON array with one record per line: readable, easy to diff, and written by json's C encoder
    (`indent` would switch to the pure-Python one, several times slower on a large council)."""
    if not records:
        return "[]\n"
    return "[\n" + ",\n".join(json.dumps(record, ensure_ascii=False) for record in records) + "\n]\n"


def json_schema(dataset: Dataset, site_url: str = "") -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the dataset's JSON file: an array of objects."""
    properties = {}
    for column in dataset.columns:
        prop: dict[str, Any] = {"description": column.description}
        if column.type == "array":
            prop["type"] = "array"
            prop["items"] = {"type": "string"}
        else:
            prop["type"] = [column.type, "null"] if column.nullable else column.type
        if column.format:
            prop["format"] = column.format
        if column.choices:
            prop["enum"] = [*column.choices, *([None] if column.nullable else [])]
        properties[column.name] = prop
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": public_url(site_url, f"donnees/{dataset.name}.schema.json"),
        "title": dataset.titre,
        "description": dataset.description,
        "type": "array",
        "items": {
            "type": "object",
            "properties": properties,
            "required": [c.name for c in dataset.columns],
            "additionalProperties": False,
        },
    }


def export_files(graph: Graph, site_url: str) -> dict[str, str]:
    """Every export file: path under the site -> text."""
    files: dict[str, str] = {}
    for dataset in DATASETS:
        records = dataset.records(graph, site_url)
        files[f"donnees/{dataset.name}.csv"] = to_csv(dataset, records)
        files[f"donnees/{dataset.name}.json"] = to_json(records)
        files[f"donnees/{dataset.name}.schema.json"] = json.dumps(json_schema(dataset, site_url), ensure_ascii=False,
                                                                   indent=2) + "\n"
    return files
