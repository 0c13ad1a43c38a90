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

from . import schema
from .graph import Graph

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

    @property
    def type_label(self) -> str:
        """The type as the data dictionary states it, in French."""
        label = TYPE_LABELS.get(self.format or self.type, TYPE_LABELS[self.type])
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
        return value.isoformat()
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


ID = Column("id", "string", "Identifiant stable de la fiche (nom de son fichier) ; il ne change jamais.", _id)
URL = Column("url", "string", "Adresse publique de la page de la fiche.", _url, format="uri")
THEMES = Column("themes", "array", "Identifiants des thèmes abordés (jeu « themes »), séparés par « ; » en CSV.",
                _ids("themes"))


def _engagement_rows(graph: Graph) -> list[Any]:
    return [e for r in _oldest_first(graph.reponses) for e in r.engagements]


def _engagement_id(engagement: Any, _: str) -> str:
    return f"{engagement.reponse.id}-e{engagement.reponse.engagements.index(engagement) + 1}"


DATASETS: tuple[Dataset, ...] = (
    Dataset(
        "assemblees", "Assemblées", "Les réunions du conseil et de ses instances, tenues ou annoncées.",
        (
            ID, URL,
            Column("titre", "string", "Titre de la réunion.", _field("titre")),
            Column("date", "string", "Jour de la réunion (AAAA-MM-JJ).", _field("date"), format="date"),
            Column("type", "string", "Type de réunion.", _field("type_assemblee"), choices=tuple(schema.ASSEMBLEE_TYPES)),
            Column("heure_debut", "string", "Heure de début, heure de Paris (HH:MM).", _field("heure_debut"),
                   nullable=True),
            Column("heure_fin", "string", "Heure de fin, heure de Paris (HH:MM).", _field("heure_fin"), nullable=True),
            Column("lieu", "string", "Lieu ou adresse.", _field("lieu"), nullable=True),
            Column("commune", "string", "Commune où se tient la réunion.", _field("commune"), nullable=True),
            Column("niveau", "string", "Niveau de participation proposé.", _field("niveau"), nullable=True,
                   choices=tuple(schema.NIVEAUX)),
            Column("participants", "integer", "Nombre de participants (vide si non renseigné).",
                   _field("participants"), nullable=True),
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
            Column("titre", "string", "Titre de la contribution.", _field("titre")),
            Column("date", "string", "Jour de remise aux élus (AAAA-MM-JJ).", _field("date"), format="date"),
            Column("nature", "string", "Nature du texte.", _field("nature"), choices=tuple(schema.NATURES)),
            Column("origine", "string", "« saisine » : demandée par la Métropole ; « auto-saisine » : à l'initiative "
                   "du conseil.", _field("origine"), choices=tuple(schema.ORIGINES)),
            Column("resume", "string", "Résumé (300 caractères au plus).", _field("resume"), nullable=True),
            Column("destinataires", "array", "Identifiants des élus destinataires (jeu « elus »).",
                   _ids("destinataires")),
            Column("assemblees", "array", "Identifiants des réunions où elle a été préparée ou adoptée.",
                   _ids("assemblees")),
            THEMES,
            Column("reponse_attendue", "boolean", "false quand aucune réponse n'est attendue des élus.",
                   lambda c, _: c.record.reponse_attendue),
            Column("echeance_reponse", "string", "Date à laquelle une réponse est attendue (AAAA-MM-JJ).",
                   _field("echeance"), nullable=True, format="date"),
            Column("statut", "string", "Statut calculé à la date de publication : repondue, en-retard, en-attente, "
                   "sans-reponse-attendue.", _field("statut"), choices=tuple(schema.STATUTS)),
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
            Column("titre", "string", "Titre de la réponse.", _field("titre")),
            Column("date", "string", "Date de la réponse (AAAA-MM-JJ).", _field("date"), format="date"),
            Column("elu", "string", "Identifiant de l'élu qui répond (jeu « elus »).",
                   lambda r, _: r.elu.id if r.elu else None, nullable=True),
            Column("position", "string", "Position de la réponse.", _field("position"),
                   choices=tuple(schema.POSITIONS)),
            Column("contributions", "array", "Identifiants des contributions auxquelles elle répond.",
                   _ids("contributions")),
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
            Column("texte", "string", "Ce qui est promis.", _field("texte")),
            Column("etat", "string", "État de l'engagement.", _field("etat"), choices=tuple(schema.ETATS)),
            Column("echeance", "string", "Date promise (AAAA-MM-JJ).", _field("echeance"), nullable=True,
                   format="date"),
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
            Column("nom", "string", "Prénom et nom.", _field("nom")),
            Column("fonction", "string", "Fonction de l'élu, par exemple « Vice-présidente déléguée aux mobilités ».",
                   _field("fonction")),
            Column("mandat_debut", "string", "Début du mandat (AAAA-MM-JJ).", _field("mandat_debut"), nullable=True,
                   format="date"),
            Column("mandat_fin", "string", "Fin du mandat (AAAA-MM-JJ).", _field("mandat_fin"), nullable=True,
                   format="date"),
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
        "themes", "Thèmes", "Le référentiel thématique.",
        (
            ID, URL,
            Column("titre", "string", "Nom du thème.", _field("titre")),
            Column("description", "string", "Description courte.", _field("description"), nullable=True),
        ),
        lambda g: sorted(g.themes, key=lambda t: t.id),
    ),
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
