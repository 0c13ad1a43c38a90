"""The content model: the single source of truth.

Everything else derives from the declarations below: the typed records (`records.py`), the
validator (`field_reader.py`, `rules.py`), the JSON Schemas, the Front Matter CMS configuration, the
records `conseil new` writes, the reference docs and the open-data columns. Keys and choices are
the French words the communications team writes; descriptions are what they read.

A field's kind (`Kind`) says once how a value of that kind is read, shown, edited and exported;
a field's own attributes say the rest. Adding a key or a record type is one declaration here,
plus a rule in `rules.py` when it needs one.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date
from functools import cached_property
from types import MappingProxyType
from typing import Any, Callable, Mapping

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
TIME_PATTERN = r"^([01]\d|2[0-3]):[0-5]\d$"
# AAAA, AAAA-MM or AAAA-MM-JJ, or two of them as an EDTF interval (2016/2018): checked for real days by the parser.
_DAY_MONTH_OR_YEAR = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
APPROXIMATE_DATE_PATTERN = rf"^{_DAY_MONTH_OR_YEAR}(?:/{_DAY_MONTH_OR_YEAR})?$"
# How an attendance known roughly is written: « environ 150 », « près de 150 », « plus de 150 ».
ATTENDANCE_QUALIFIERS = ("environ", "près de", "plus de")
ATTENDANCE_PATTERN = rf"^(?:{'|'.join(ATTENDANCE_QUALIFIERS)}) \d+$"
EDITOR_DATE_FORMAT = "yyyy-MM-dd"  # date-fns, for Front Matter CMS: a datetime would be refused

# Front Matter CMS writes `fieldGroup: <list key>` in each item of a list it edits (`documents`,
# `recommandations`…). That exact mark is accepted in list items; any other value is an unknown key.
EDITOR_GROUP_KEY = "fieldGroup"
ANY = ...  # in `Field.required_unless`: any value of the other key will do


@dataclass(frozen=True, eq=False)
class Kind:
    """What every field of one kind shares: how it is named in messages and docs, its JSON Schema,
    its Front Matter CMS widget, its open-data type and the value a new record gets.

    `json` and `editor` are the kind's own part of each shape; `jsonschema.py` and `editor.py` add
    what a field declares (choices, references, limits, items). The parser reads a kind with its
    `_read_<name>` method.
    """

    name: str  # "date": names the parser's reader
    label: str  # in an error message: « attendu une date AAAA-MM-JJ »
    doc: str  # in the reference docs' type column
    json: dict[str, Any]
    editor: dict[str, Any]
    column: str | None = None  # JSON type of an open-data column holding it
    column_format: str | None = None  # JSON Schema format of that column
    column_hint: str | None = None  # the notation, added to a column's description
    column_notation: str | None = None  # the column's type in the data dictionary, when its JSON type is not enough
    sample: Callable[[Field, date], str] = lambda field, day: "…"  # a valid value, as YAML

    def __repr__(self) -> str:
        return f"Kind({self.name})"

    def __str__(self) -> str:
        return self.name


TEXT = Kind("texte", "un texte", "texte", {"type": "string"}, {"type": "string", "single": True}, column="string")
DATE = Kind("date", "une date AAAA-MM-JJ", "date AAAA-MM-JJ",
            {"type": "string", "format": "date", "pattern": DATE_PATTERN},
            {"type": "datetime", "dateFormat": EDITOR_DATE_FORMAT},
            column="string", column_format="date", column_hint="AAAA-MM-JJ",
            sample=lambda field, day: day.isoformat())
TIME = Kind("heure", "une heure \"HH:MM\" entre guillemets", "heure \"HH:MM\" (entre guillemets)",
            {"type": "string", "pattern": TIME_PATTERN}, {"type": "string", "single": True},
            column="string", sample=lambda field, day: '"18:30"')
INTEGER = Kind("entier", "un nombre entier", "nombre entier", {"type": "integer"}, {"type": "number"},
               column="integer", sample=lambda field, day: str(field.minimum or 0))
BOOLEAN = Kind("booleen", "true ou false", "true / false", {"type": "boolean"}, {"type": "boolean"},
               column="boolean", sample=lambda field, day: "true")
CHOICE = Kind("choix", "une des valeurs permises", "choix", {"type": "string"}, {"type": "choice"},
              column="string", sample=lambda field, day: field.choices[0] if field.choices else "…")
REFERENCE = Kind("reference", "un identifiant de fiche", "identifiant", {"type": "string", "pattern": ID_PATTERN},
                 {"type": "contentRelationship"}, column="string")
LIST = Kind("liste", "une liste", "liste", {"type": "array"}, {"type": "list"}, column="array")
OBJECT = Kind("objet", "un ensemble de clés", "objet", {"type": "object"}, {"type": "fields"})
# Version 2: what real councils know of their past. A date known by its year or month, or between two bounds;
# an attendance known roughly. Editors get a text box: a date picker would invent the day.
APPROXIMATE_DATE = Kind(
    "periode", "une date AAAA-MM-JJ, AAAA-MM ou AAAA (ou un intervalle AAAA/AAAA)",
    "date AAAA-MM-JJ, ou AAAA-MM, AAAA, intervalle AAAA/AAAA quand le jour n'est pas connu",
    {"type": ["string", "integer"], "pattern": APPROXIMATE_DATE_PATTERN}, {"type": "string", "single": True},
    column="string", column_hint="AAAA-MM-JJ, ou AAAA-MM, AAAA, AAAA/AAAA quand le jour n'est pas connu",
    column_notation="date AAAA-MM-JJ, ou AAAA-MM, AAAA, AAAA/AAAA quand le jour n'est pas connu",
    sample=lambda field, day: day.isoformat())
ATTENDANCE = Kind(
    "effectif", "un nombre entier, ou « environ N », « près de N », « plus de N »",
    "nombre entier, ou `environ N`, `près de N`, `plus de N`",
    {"type": ["integer", "string"], "pattern": ATTENDANCE_PATTERN}, {"type": "string", "single": True},
    column="integer", sample=lambda field, day: "0")

KINDS: tuple[Kind, ...] = (TEXT, DATE, TIME, INTEGER, BOOLEAN, CHOICE, REFERENCE, LIST, OBJECT, APPROXIMATE_DATE,
                           ATTENDANCE)


@dataclass(frozen=True)
class Deprecation:
    """A form of a record that a version of conseil deprecates: still read as its replacement, and reported by
    `conseil check` and the build as a located note `[forme-depreciee]` (never blocking) naming the fix, until `removal`."""

    since: str  # the version of conseil that deprecates it: "1.1.0"
    replacement: str  # what to write instead: the new value of a choice
    removal: str | None = None  # the version that will refuse it


@dataclass(frozen=True, eq=False)
class Field:
    """One key of a record (or of an object inside a record)."""

    key: str
    kind: Kind
    description: str
    required: bool = False
    choices: tuple[str, ...] = ()  # declared as {value: label}: kept as the values, their labels in `labels`
    target: str | None = None  # record type a REFERENCE points to
    also_targets: tuple[str, ...] = ()  # other record types it may point to (ids are unique across all of them)
    item: Field | None = None  # element of a LIST
    fields: tuple[Field, ...] = ()  # keys of an OBJECT
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    min_items: int | None = None
    example: str | None = None  # YAML snippet shown in help messages and new records
    default: Any = None  # the value when the key is absent (lists: empty)
    attribute: str | None = None  # the Python attribute, when the key cannot be one (`type`)
    singular: str | None = None  # an OBJECT's name: its Python class (`document` -> Document)
    title: bool = False  # the record's title (`titre`, `nom`): a new record gets the title given
    draft: bool = False  # the key that keeps a record unpublished (`brouillon`)
    multiline: bool = False  # a text an editor gives several lines
    required_unless: tuple[str, Any] | None = None  # (key, value): required unless that key has that value (ANY: is written)
    checked_against: str | None = None  # the plugin option listing the allowed values (`communes`)
    donnees: str | None = None  # the open-data column's description, when it differs from `description`
    labels: Mapping[str, str] | None = None  # each choice's label, as a reader sees it
    # Former values of a CHOICE, still read as their replacement (a choice of `choices`), with a note.
    deprecated_choices: Mapping[str, Deprecation] = dataclass_field(default_factory=lambda: MappingProxyType({}))
    # The Front Matter CMS field group of the items of a list of objects, when their key names another shape
    # elsewhere (`suites` of bilans/ beside `suites` of reponses/): the mark Front Matter writes in each item.
    editor_group: str | None = None

    def __post_init__(self) -> None:
        if isinstance(self.choices, Mapping):
            object.__setattr__(self, "labels", MappingProxyType(dict(self.choices)))
            object.__setattr__(self, "choices", tuple(self.choices))

    def label_of(self, value: str) -> str:
        return (self.labels or {}).get(value, value)

    @cached_property
    def by_key(self) -> dict[str, Field]:
        """The keys of an OBJECT, in declaration order (built once: the parser looks them up for every value)."""
        return {f.key: f for f in self.fields}

    def subfield(self, key: str) -> Field | None:
        return self.by_key.get(key)

    @property
    def group_id(self) -> str:
        """The id of the editor's field group of an OBJECT item: its key, unless declared otherwise."""
        return self.editor_group or self.key

    @property
    def name(self) -> str:
        """The attribute of the typed record that holds the value."""
        return self.attribute or self.key

    @property
    def references(self) -> str | None:
        """The record type this field's values name: its own target, or its items'."""
        return self.target or (self.item.target if self.item is not None else None)

    @property
    def target_types(self) -> tuple[str, ...]:
        """Every record type a REFERENCE may name: `destinataires` names élus and organes."""
        return (self.target, *self.also_targets) if self.target else ()

    @property
    def nullable(self) -> bool:
        """Whether the value may be absent from a published record."""
        return not self.required and self.default is None and self.kind is not LIST

    def exempted_by(self, values: Mapping[str, Any], siblings: Mapping[str, Field]) -> bool:
        """Whether the other values of its mapping make this `required_unless` field optional."""
        key, value = self.required_unless
        written = values.get(key, siblings[key].default if key in siblings else None)
        return written is not None if value is ANY else written == value

    def unless_text(self, siblings: Mapping[str, Field]) -> str:
        """The YAML that makes it optional: `reponse_attendue: false`, `organe: conseil-metropolitain`."""
        key, value = self.required_unless
        if value is ANY:
            return siblings[key].example_line()
        return f"{key}: {str(value).lower() if isinstance(value, bool) else value}"

    def make_default(self) -> Any:
        return [] if self.kind is LIST else self.default

    def example_line(self, day: date | None = None) -> str:
        """YAML showing a valid value: the declared example, else one made for the field's kind."""
        if self.example:
            return self.example
        return f"{self.key}: {self.kind.sample(self, day or date(2025, 3, 12))}"


@dataclass(frozen=True)
class RecordType:
    """A collection of records: one folder of `content/`, one page per record."""

    name: str  # folder and URL segment: "contributions"
    singular: str  # "contribution": the record's class and template name
    label: str  # "contribution" as a reader says it
    label_plural: str
    feminine: bool
    description: str
    fields: tuple[Field, ...]
    body: str  # what the Markdown body holds
    index_title: str | None = None  # the title of the section's index page, when not the plural label
    index_description: str | None = None  # what search engines and shared links show of the section's index

    @property
    def section_title(self) -> str:
        return self.index_title or self.label_plural.capitalize()

    @cached_property
    def by_key(self) -> dict[str, Field]:
        """The record's fields, in declaration order (built once: the parser looks them up for every value)."""
        return {f.key: f for f in self.fields}

    def field(self, key: str) -> Field | None:
        """A key of the record, or of the objects it holds: `type`, `dispositifs.type`, `deliberation.numero`."""
        if "." not in key:
            return self.by_key.get(key)
        outer, _, inner = key.partition(".")
        spec = self.by_key.get(outer)
        spec = spec.item if spec is not None and spec.item is not None else spec
        return spec.subfield(inner) if spec is not None else None

    @property
    def keys(self) -> list[str]:
        return [f.key for f in self.fields]

    @property
    def title_field(self) -> Field:
        return next(f for f in self.fields if f.title)

    @property
    def dated(self) -> bool:
        """Records of dated types are named after their date: 2025-03-12-mobilites.md."""
        return self.field("date") is not None


def title(key: str, description: str, **options: Any) -> Field:
    return Field(key, TEXT, description, required=True, title=True, **options)


# Choices, with the label a reader sees. Order is the display order.
ASSEMBLEE_TYPES = {
    "assemblee-ouverte": "Assemblée ouverte",
    "pleniere": "Séance plénière",
    "comite-organisation": "Comité d'organisation",
    "bureau": "Bureau",
    "atelier": "Atelier",
    "debat": "Débat",
    "visite": "Visite",
    "seance-collectivite": "Séance de la collectivité",
    "rencontre-externe": "Rencontre extérieure",
    "autre": "Autre rencontre",
}
NIVEAUX = {
    "information": "Information",
    "consultation": "Consultation",
    "concertation": "Concertation",
    "co-construction": "Co-construction",
}
NATURES = {
    "avis": "Avis",
    "contribution": "Contribution",
    "alerte": "Alerte",
    "question": "Question",
}
ORIGINES = {
    "saisine": "Saisine de la Métropole",
    "auto-saisine": "Auto-saisine",
    "inconnue": "Origine non connue",
}
POSITIONS = {
    "retenue": "Retenue",
    "partiellement-retenue": "Partiellement retenue",
    "non-retenue": "Non retenue",
    "a-l-etude": "À l'étude",
    "information": "Réponse d'information",
}
ETATS = {
    "prevu": "Prévu",
    "en-cours": "En cours",
    "realise": "Réalisé",
    "abandonne": "Abandonné",
}
# Derived values: computed by the graph, never written by hand. Code names them by these constants.
REPONDUE = "repondue"
EN_RETARD = "en-retard"
EN_ATTENTE = "en-attente"
SANS_REPONSE_ATTENDUE = "sans-reponse-attendue"
HORS_SUIVI = "hors-suivi"  # dated before the plugin option `suivi_depuis`, and unanswered
STATUTS = {
    REPONDUE: "Répondue",
    EN_RETARD: "Sans réponse, en retard",
    EN_ATTENTE: "En attente de réponse",
    SANS_REPONSE_ATTENDUE: "Sans réponse attendue",
    HORS_SUIVI: "Antérieure au suivi des réponses",
}
ATTENDENT_REPONSE = (EN_ATTENTE, EN_RETARD)  # the statuses of a contribution still awaiting its answer
SANS_SUITE = "sans-suite"
RECOMMANDATION_POSITIONS = {**POSITIONS, SANS_SUITE: "Sans suite à ce jour"}
ORGANE_TYPES = {
    "conseil": "Conseil",
    "bureau": "Bureau",
    "commission": "Commission",
    "conference-des-maires": "Conférence des maires",
    "executif": "Exécutif",
    "autre": "Autre instance",
}
FORMES = {
    "courrier": "Courrier",
    "orale": "Réponse orale",
    "deliberation": "Délibération",
    "prise-d-acte": "Prise d'acte",
    "rapport": "Rapport",
    "autre": "Autre forme",
}
OFFICIELLE = "officielle"
INTERVENTION = "intervention"  # an élu's or a group's reaction: shown, never counted as the answer
PORTEES = {
    OFFICIELLE: "Réponse officielle",
    INTERVENTION: "Intervention",
}
VOTES = {
    "unanimite": "À l'unanimité",
    "majorite": "À la majorité",
    "sans-vote": "Sans vote",
}
ETAPES = {
    "preliminaire": "Avis préliminaire",
    "intermediaire": "Avis intermédiaire",
    "definitif": "Avis définitif",
}
DOSSIER_TYPES = {
    "projet-de-territoire": "Projet de territoire",
    "scot": "SCoT",
    "plu": "PLU",
    "plui": "PLUi",
    "plh": "PLH",
    "pcaet": "PCAET",
    "pdm": "Plan de mobilité",
    "evaluation": "Évaluation",
    "autre": "Autre dossier",
}

# Version 3: concertations, their bilans and the methods toolbox.
CADRES = {
    "code-urbanisme": "Code de l'urbanisme",
    "code-environnement": "Code de l'environnement",
    "volontaire": "Concertation volontaire",
}
# The participation service's involvement (Grenoble seed): 1 advice, 2 support, 3 steering, 4 strategic.
NIVEAUX_SERVICE = {
    1: "Conseil",
    2: "Accompagnement",
    3: "Pilotage",
    4: "Stratégique",
}
DISPOSITIF_TYPES = {
    "reunion-publique": "Réunion publique",
    "atelier": "Atelier",
    "balade-urbaine": "Balade urbaine",
    "registre": "Registre",
    "questionnaire": "Questionnaire",
    "plateforme-en-ligne": "Plateforme en ligne",
    "permanence": "Permanence",
    "exposition": "Exposition",
    "restitution": "Restitution",
    "autre": "Autre dispositif",
}
RESTITUTION = "restitution"  # the one dispositif that may come after the concertation's end
BILAN = "bilan"
BILAN_GARANT = "bilan-garant"
REPONSE_MAITRE_OUVRAGE = "reponse-maitre-ouvrage"
BILAN_TYPES = {
    BILAN: "Bilan de la concertation",
    BILAN_GARANT: "Bilan du garant",
    REPONSE_MAITRE_OUVRAGE: "Réponse du maître d'ouvrage",
}
RETENUE = "retenue"
HORS_CHAMP = "hors-champ"
SUITE_POSITIONS = {**POSITIONS, HORS_CHAMP: "Hors du champ de la concertation"}
# Derived statuses of a concertation, computed by the graph.
A_VENIR = "a-venir"
EN_COURS = "en-cours"
BILAN_ATTENDU = "bilan-attendu"
BILAN_PUBLIE = "bilan-publie"
STATUTS_CONCERTATION = {
    A_VENIR: "À venir",
    EN_COURS: "En cours",
    BILAN_ATTENDU: "Bilan attendu",
    BILAN_PUBLIE: "Bilan publié",
    HORS_SUIVI: "Antérieure au suivi des bilans",
}

# Every value's label, for badges. A value in several lists takes the label of the last one: version 1's lists come
# last, so `autre` stays « Autre rencontre » and `hors-suivi` a contribution's; pages label the values of the other
# lists through their own field.
LABELS: dict[str, str] = {}
for _labels in (STATUTS_CONCERTATION, DISPOSITIF_TYPES, CADRES, BILAN_TYPES, SUITE_POSITIONS, ORGANE_TYPES, FORMES,
                PORTEES, VOTES, ETAPES, DOSSIER_TYPES, ASSEMBLEE_TYPES, NIVEAUX, NATURES, ORIGINES, POSITIONS, ETATS,
                STATUTS, {SANS_SUITE: RECOMMANDATION_POSITIONS[SANS_SUITE]}):
    LABELS.update(_labels)  # later lists win, as version 1's did


def _themes_field() -> Field:
    return Field(
        "themes",
        LIST,
        "Thèmes abordés (identifiants de fiches de themes/).",
        item=Field("themes", REFERENCE, "Identifiant d'un thème.", target="themes"),
        example="themes: [mobilites, climat-energie]",
        donnees="Identifiants des thèmes abordés (jeu « themes »), séparés par « ; » en CSV.",
    )


def _documents_field() -> Field:
    return Field(
        "documents",
        LIST,
        "Documents joints : titre et fichier (chemin sous content/ ou adresse https).",
        item=Field(
            "documents",
            OBJECT,
            "Un document.",
            singular="document",
            fields=(
                Field("titre", TEXT, "Titre du document.", required=True),
                Field(
                    "fichier",
                    TEXT,
                    "Chemin sous content/ (documents/avis.pdf) ou adresse https://…",
                    required=True,
                ),
            ),
        ),
        example="documents:\n  - titre: Compte rendu\n    fichier: documents/compte-rendu.pdf",
    )


def _recommandations_field(description: str) -> Field:
    return Field(
        "recommandations",
        LIST,
        description,
        item=Field(
            "recommandations",
            OBJECT,
            "Une recommandation.",
            singular="recommandation",
            fields=(
                Field(
                    "id",
                    TEXT,
                    "Identifiant court, unique dans la fiche (r1, mobilite-nocturne).",
                    required=True,
                ),
                Field("texte", TEXT, "Texte de la recommandation.", required=True),
                Field("chapitre", TEXT, "Chapitre qui regroupe les recommandations d'un long avis."),
            ),
        ),
        example="recommandations:\n  - id: r1\n    texte: Prolonger la ligne de nuit",
    )


def _deliberation_field(description: str) -> Field:
    return Field(
        "deliberation",
        OBJECT,
        description,
        singular="deliberation",
        fields=(
            Field("numero", TEXT, "Numéro de la délibération.", required=True),
            Field("url", TEXT, "Adresse https de la délibération."),
        ),
        example="deliberation:\n  numero: 2025-0412\n  url: https://www.example.org/deliberations/2025-0412.pdf",
    )


def _engagements_field(description: str) -> Field:
    return Field(
        "engagements",
        LIST,
        description,
        item=Field(
            "engagements",
            OBJECT,
            "Un engagement.",
            singular="engagement",
            fields=(
                Field("texte", TEXT, "Ce qui est promis.", required=True),
                Field("echeance", DATE, "Date promise."),
                Field("etat", CHOICE, "Où en est l'engagement.", required=True, choices=ETATS,
                      donnees="État de l'engagement."),
                Field("recommandation", TEXT, "Recommandation à laquelle l'engagement répond."),
            ),
        ),
        example="engagements:\n  - texte: Étude de faisabilité\n    echeance: 2025-12-31\n    etat: prevu",
    )


COMMON_FIELDS = (
    Field(
        "brouillon",
        BOOLEAN,
        "true : la fiche est vérifiée mais jamais publiée (ni page, ni lien, ni flux, ni export, ni comptage).",
        example="brouillon: true",
        default=False,
        draft=True,
    ),
    Field(
        "publication",
        DATE,
        "Embargo : la fiche n'est publiée que par les constructions faites à cette date ou après.",
        example="publication: 2025-06-01",
    ),
)

ASSEMBLEES = RecordType(
    name="assemblees",
    index_description="Les assemblées, ateliers et réunions du conseil de développement : les prochaines, et la synthèse des précédentes.",
    singular="assemblee",
    label="assemblée",
    label_plural="assemblées",
    feminine=True,
    description="Une réunion du conseil ou de l'une de ses instances.",
    body="L'ordre du jour avant la réunion, la synthèse après.",
    fields=(
        title("titre", "Titre de la réunion."),
        Field("date", APPROXIMATE_DATE, "Jour de la réunion (AAAA-MM ou AAAA quand le jour n'est pas connu).",
              required=True, example="date: 2025-03-12", donnees="Jour de la réunion (AAAA-MM-JJ, ou AAAA-MM, AAAA, "
              "AAAA/AAAA quand le jour n'est pas connu)."),
        Field("date_fin", APPROXIMATE_DATE, "Dernier jour d'une réunion tenue sur plusieurs jours.",
              example="date_fin: 2025-03-14"),
        Field(
            "type",
            CHOICE,
            "Nature de la réunion.",
            required=True,
            choices=ASSEMBLEE_TYPES,
            attribute="type_assemblee",  # `type` names the collection of every record
            donnees="Type de réunion.",
        ),
        Field("heure_debut", TIME, "Heure de début (heure de Paris).", example='heure_debut: "18:30"',
              donnees="Heure de début, heure de Paris (HH:MM)."),
        Field("heure_fin", TIME, "Heure de fin (heure de Paris).", example='heure_fin: "21:00"',
              donnees="Heure de fin, heure de Paris (HH:MM)."),
        Field("lieu", TEXT, "Lieu ou adresse."),
        Field("commune", TEXT, "Commune du lieu (vérifiée contre la liste des communes si elle est configurée).",
              checked_against="communes", donnees="Commune où se tient la réunion."),
        _themes_field(),
        Field("participants", ATTENDANCE, "Nombre de participants, pour le rapport d'activité : 150, ou « environ 150 », "
              "« près de 150 », « plus de 150 » quand il n'est pas connu exactement.", minimum=0,
              example="participants: près de 150",
              donnees="Nombre de participants (vide si non renseigné) ; compté N quand il est écrit « environ N », "
                      "« près de N » ou « plus de N »."),
        Field("niveau", CHOICE, "Niveau de participation proposé.", choices=NIVEAUX),
        _documents_field(),
        *COMMON_FIELDS,
    ),
)

CONTRIBUTIONS = RecordType(
    name="contributions",
    index_description="Les avis, contributions, alertes et questions du conseil de développement, et l'état de la réponse des élus à chacun.",
    singular="contribution",
    label="contribution",
    label_plural="contributions",
    feminine=True,
    description="Un avis, une contribution, une alerte ou une question adressée aux élus.",
    body="Le texte de la contribution.",
    fields=(
        title("titre", "Titre de la contribution."),
        Field("date", APPROXIMATE_DATE, "Jour de remise aux élus (AAAA-MM ou AAAA quand le jour n'est pas connu).",
              required=True, example="date: 2025-04-02", donnees="Jour de remise aux élus (AAAA-MM-JJ, ou AAAA-MM, "
              "AAAA, AAAA/AAAA quand le jour n'est pas connu)."),
        Field("nature", CHOICE, "Nature du texte.", required=True, choices=NATURES),
        Field(
            "origine",
            CHOICE,
            "saisine (demandée par la Métropole), auto-saisine (à l'initiative du conseil) ou inconnue.",
            required=True,
            choices=ORIGINES,
            donnees="« saisine » : demandée par la Métropole ; « auto-saisine » : à l'initiative du conseil ; "
                    "« inconnue » : les archives ne le disent pas.",
        ),
        Field(
            "destinataires",
            LIST,
            "Élus et organes destinataires (identifiants de fiches de elus/ ou organes/) ; obligatoire sauf si "
            "reponse_attendue: false.",
            item=Field("destinataires", REFERENCE, "Identifiant d'un élu ou d'un organe.", target="elus",
                       also_targets=("organes",)),
            min_items=1,
            example="destinataires: [claire-morel]",
            required_unless=("reponse_attendue", False),
            donnees="Identifiants des élus (jeu « elus ») et des organes (jeu « organes ») destinataires.",
        ),
        Field(
            "assemblees",
            LIST,
            "Assemblées où la contribution a été préparée ou adoptée.",
            item=Field("assemblees", REFERENCE, "Identifiant d'une assemblée.", target="assemblees"),
            example="assemblees: [2025-03-12-assemblee-mobilites]",
            donnees="Identifiants des réunions où elle a été préparée ou adoptée.",
        ),
        Field("etape", CHOICE, "Étape d'un avis rendu en plusieurs temps.", choices=ETAPES),
        Field(
            "suite_de",
            REFERENCE,
            "L'étape précédente de cet avis (identifiant de fiche de contributions/, pas plus récente que celle-ci).",
            target="contributions",
            example="suite_de: 2025-01-15-avis-preliminaire-plui",
            donnees="Identifiant de l'étape précédente du même avis (jeu « contributions »).",
        ),
        Field(
            "dossiers",
            LIST,
            "Dossiers (documents de planification, politiques publiques) dont traite la contribution.",
            item=Field("dossiers", REFERENCE, "Identifiant d'un dossier.", target="dossiers"),
            example="dossiers: [plui]",
            donnees="Identifiants des dossiers dont elle traite (jeu « dossiers »).",
        ),
        Field(
            "concertations",
            LIST,
            "Concertations auxquelles la contribution participe (identifiants de fiches de concertations/) : "
            "la contribution du conseil de développement, montrée sur la page de la concertation.",
            item=Field("concertations", REFERENCE, "Identifiant d'une concertation.", target="concertations"),
            example="concertations: [revision-plan-climat]",
            donnees="Identifiants des concertations auxquelles elle contribue (jeu « concertations »).",
        ),
        _themes_field(),
        Field("resume", TEXT, "Résumé pour les listes, les flux et les exports (300 caractères au plus).", max_length=300,
              multiline=True, donnees="Résumé (300 caractères au plus)."),
        Field(
            "reponse_attendue",
            BOOLEAN,
            "false quand aucune réponse n'est attendue (true par défaut).",
            example="reponse_attendue: false",
            default=True,
            donnees="false quand aucune réponse n'est attendue des élus.",
        ),
        Field(
            "echeance_reponse",
            DATE,
            "Date attendue de la réponse (par défaut : date + délai de réponse configuré).",
            example="echeance_reponse: 2025-06-30",
            donnees="Date à laquelle une réponse est attendue (AAAA-MM-JJ).",
        ),
        _recommandations_field("Les propositions distinctes de la contribution, suivies une à une."),
        _documents_field(),
        *COMMON_FIELDS,
    ),
)

REPONSES = RecordType(
    name="reponses",
    index_description="Les réponses des élus aux textes du conseil de développement, recommandation par recommandation.",
    singular="reponse",
    label="réponse",
    label_plural="réponses",
    feminine=True,
    description="La réponse d'un élu ou d'un organe à une ou plusieurs contributions.",
    index_title="Réponses des élus",
    body="Le texte de la réponse ou son résumé.",
    fields=(
        title("titre", "Titre de la réponse."),
        Field("date", APPROXIMATE_DATE, "Date de la réponse (pas avant celle des contributions ; AAAA-MM ou AAAA quand "
              "le jour n'est pas connu).", required=True, example="date: 2025-05-20",
              donnees="Date de la réponse (AAAA-MM-JJ, ou AAAA-MM, AAAA, AAAA/AAAA quand le jour n'est pas connu)."),
        Field(
            "contributions",
            LIST,
            "Contributions auxquelles la réponse répond.",
            required=True,
            item=Field("contributions", REFERENCE, "Identifiant d'une contribution.", target="contributions"),
            min_items=1,
            example="contributions: [2025-04-02-mobilites]",
            donnees="Identifiants des contributions auxquelles elle répond.",
        ),
        Field(
            "elu",
            REFERENCE,
            "L'élu qui répond (identifiant de fiche de elus/) ; ou bien organe.",
            required_unless=("organe", ANY),
            target="elus",
            example="elu: claire-morel",
            donnees="Identifiant de l'élu qui répond (jeu « elus »), vide quand un organe répond.",
        ),
        Field(
            "organe",
            REFERENCE,
            "L'organe qui répond, par un vote ou une délibération (identifiant de fiche de organes/) ; ou bien elu.",
            target="organes",
            example="organe: conseil-metropolitain",
            donnees="Identifiant de l'organe qui répond (jeu « organes »), vide quand un élu répond.",
        ),
        Field("position", CHOICE, "Position générale de la réponse (facultative pour une intervention).",
              required_unless=("portee", INTERVENTION), choices=POSITIONS, donnees="Position de la réponse."),
        Field("forme", CHOICE, "Forme de la réponse (courrier par défaut).", choices=FORMES, default="courrier"),
        Field("portee", CHOICE, "officielle (par défaut) : la réponse de la collectivité ; intervention : la réaction "
              "d'un élu ou d'un groupe, montrée mais pas comptée comme réponse.", choices=PORTEES, default=OFFICIELLE,
              donnees="« officielle » : la réponse de la Métropole ; « intervention » : la réaction d'un élu ou d'un "
                      "groupe, qui ne compte pas comme réponse."),
        Field("seance", REFERENCE, "La séance où la réponse a été donnée ou votée (identifiant de fiche d'assemblees/).",
              target="assemblees", example="seance: 2025-06-26-seance-conseil-metropolitain",
              donnees="Identifiant de la séance où la réponse a été donnée ou votée (jeu « assemblees »)."),
        _deliberation_field("Référence de la délibération : numero, et url (adresse https) si elle est publiée."),
        Field("vote", CHOICE, "Vote d'une délibération ou d'une prise d'acte.", choices=VOTES),
        Field(
            "suites",
            LIST,
            "La réponse, recommandation par recommandation.",
            item=Field(
                "suites",
                OBJECT,
                "La suite donnée à une recommandation.",
                singular="suite",
                fields=(
                    Field(
                        "recommandation",
                        TEXT,
                        "Identifiant de la recommandation (contribution#r1 si la réponse couvre plusieurs contributions).",
                        required=True,
                    ),
                    Field("position", CHOICE, "Position sur cette recommandation.", required=True, choices=POSITIONS),
                    Field("commentaire", TEXT, "Précision apportée par l'élu."),
                ),
            ),
            example="suites:\n  - recommandation: r1\n    position: retenue",
        ),
        _engagements_field("Engagements pris dans la réponse, suivis publiquement."),
        _documents_field(),
        *COMMON_FIELDS,
    ),
)

ELUS = RecordType(
    name="elus",
    index_description="Les élus destinataires des textes du conseil de développement, et leurs chiffres de réponse.",
    singular="elu",
    label="élu",
    label_plural="élus",
    feminine=False,
    description="Un élu ou une élue qui reçoit des contributions.",
    body="Une présentation, facultative.",
    fields=(
        title("nom", "Prénom et nom."),
        Field("fonction", TEXT, "Fonction, par exemple « Vice-présidente déléguée aux mobilités ».", required=True,
              donnees="Fonction de l'élu, par exemple « Vice-présidente déléguée aux mobilités »."),
        Field("mandat_debut", APPROXIMATE_DATE, "Début du mandat (AAAA-MM ou AAAA quand le jour n'est pas connu).",
              example="mandat_debut: 2020-07-16", donnees="Début du mandat (AAAA-MM-JJ, ou AAAA-MM, AAAA)."),
        Field("mandat_fin", APPROXIMATE_DATE, "Fin du mandat (AAAA-MM ou AAAA quand le jour n'est pas connu).",
              example="mandat_fin: 2026", donnees="Fin du mandat (AAAA-MM-JJ, ou AAAA-MM, AAAA)."),
        _themes_field(),
        *COMMON_FIELDS,
    ),
)

THEMES = RecordType(
    name="themes",
    index_description="Les thèmes de travail du conseil de développement : contributions, réunions et réponses.",
    singular="theme",
    label="thème",
    label_plural="thèmes",
    feminine=False,
    description="Un thème du référentiel thématique.",
    body="Une présentation, facultative.",
    fields=(
        title("titre", "Nom du thème."),
        Field("description", TEXT, "Description courte.", multiline=True),
        *COMMON_FIELDS,
    ),
)

INSTANCES = RecordType(
    name="instances",
    index_description="Les instances du conseil de développement (bureau, comité d'organisation, groupes de "
                      "travail) et leurs membres.",
    singular="instance",
    label="instance",
    label_plural="instances",
    feminine=True,
    description="Une instance du conseil : bureau, comité d'organisation, groupe de travail.",
    index_title="Instances du conseil",
    body="Le rôle de l'instance, son fonctionnement, facultatifs.",
    fields=(
        title("nom", "Nom de l'instance, par exemple « Bureau » ou « Groupe de travail Mobilités »."),
        Field("description", TEXT, "Description courte.", multiline=True),
        *COMMON_FIELDS,
    ),
)

ORGANES = RecordType(
    name="organes",
    index_description="Les instances de la Métropole qui reçoivent les avis du conseil de développement ou y "
                      "répondent : conseil, bureau, commissions.",
    singular="organe",
    label="organe",
    label_plural="organes",
    feminine=False,
    description="Une instance de la collectivité qui reçoit des avis ou y répond (conseil, bureau, commission…).",
    body="Une présentation, facultative.",
    fields=(
        title("nom", "Nom de l'organe, par exemple « Conseil de la Métropole »."),
        Field("type", CHOICE, "Nature de l'organe.", required=True, choices=ORGANE_TYPES, attribute="type_organe"),
        Field("description", TEXT, "Description courte.", multiline=True),
        *COMMON_FIELDS,
    ),
)

DOSSIERS = RecordType(
    name="dossiers",
    index_description="Les politiques publiques et documents de planification (PLUi, PLH, PCAET…) suivis au fil "
                      "des années : avis, réponses et réunions de chacun.",
    singular="dossier",
    label="dossier",
    label_plural="dossiers",
    feminine=False,
    description="Une politique publique ou un document de planification suivi au fil des années (PLUi, PLH, PCAET…).",
    body="Une présentation du dossier, facultative.",
    fields=(
        title("titre", "Titre du dossier, par exemple « PLUi de la Métropole »."),
        Field("type", CHOICE, "Nature du dossier.", required=True, choices=DOSSIER_TYPES, attribute="type_dossier"),
        Field(
            "etapes",
            LIST,
            "Les étapes de la procédure (arrêt, enquête publique, approbation…).",
            item=Field(
                "etapes",
                OBJECT,
                "Une étape.",
                singular="etape",
                fields=(
                    Field("date", APPROXIMATE_DATE, "Date de l'étape (AAAA-MM ou AAAA quand le jour n'est pas connu).",
                          required=True),
                    Field("libelle", TEXT, "Ce qui a eu lieu : arrêt du projet, enquête publique, approbation…",
                          required=True),
                ),
            ),
            example="etapes:\n  - date: 2024-06\n    libelle: Arrêt du projet",
            donnees="Étapes de la procédure, chacune « date : libellé », séparées par « ; » en CSV.",
        ),
        _themes_field(),
        *COMMON_FIELDS,
    ),
)

def _niveau_service_field() -> Field:
    return Field("niveau", INTEGER, "Implication du service participation, de 1 à 4 : 1 conseil, 2 accompagnement, "
                 "3 pilotage, 4 stratégique.", minimum=1, maximum=4, example="niveau: 2", labels=NIVEAUX_SERVICE,
                 donnees="Implication du service participation, de 1 (conseil) à 4 (stratégique).")


def _effectif_field(key: str, description: str, donnees: str) -> Field:
    """A count of people or texts: 150, or « environ 150 », « près de 150 », « plus de 150 »."""
    return Field(key, ATTENDANCE, f"{description} : 150, ou « environ 150 », « près de 150 », « plus de 150 » quand "
                 "il n'est pas connu exactement.", minimum=0, example=f"{key}: environ 150",
                 donnees=f"{donnees} (vide si non renseigné) ; compté N quand il est écrit « environ N », "
                         "« près de N » ou « plus de N ».")


CONCERTATIONS = RecordType(
    name="concertations",
    index_description="Les concertations sur les projets, plans et politiques de la Métropole : ce qui a été "
                      "proposé, ce qui a eu lieu, le bilan, et ce que le projet en a retenu.",
    singular="concertation",
    label="concertation",
    label_plural="concertations",
    feminine=True,
    description="Une concertation du public sur un projet, un plan ou une politique.",
    body="Le projet, ce qui est ouvert à la discussion et ce qui ne l'est pas.",
    fields=(
        title("titre", "Titre de la concertation, par exemple « Concertation préalable sur la révision du Plan "
              "climat »."),
        Field("maitre_ouvrage", REFERENCE, "Qui porte le projet et répond (identifiant de fiche d'organes/) : le "
              "conseil de la Métropole, un syndicat mixte…", required=True, target="organes",
              example="maitre_ouvrage: conseil-metropolitain",
              donnees="Identifiant du maître d'ouvrage (jeu « organes »)."),
        Field("cadre", CHOICE, "Cadre légal ; absent quand il n'est pas connu.", choices=CADRES,
              donnees="Cadre légal (vide quand il n'est pas connu)."),
        Field("debut", APPROXIMATE_DATE, "Premier jour de la participation du public (AAAA-MM ou AAAA quand le jour "
              "n'est pas connu).", required=True, example="debut: 2025-01-10",
              donnees="Premier jour de la participation du public (AAAA-MM-JJ, ou AAAA-MM, AAAA, AAAA/AAAA quand "
                      "le jour n'est pas connu)."),
        Field("fin", APPROXIMATE_DATE, "Dernier jour de la participation ; absent tant qu'elle est ouverte.",
              example="fin: 2025-03-31",
              donnees="Dernier jour de la participation (vide tant qu'elle est ouverte)."),
        _niveau_service_field(),
        Field("objectifs", LIST, "Les objectifs fixés par la délibération d'ouverture.",
              item=Field("objectifs", TEXT, "Un objectif."),
              example="objectifs:\n  - Réduire de moitié les émissions de gaz à effet de serre",
              donnees="Objectifs fixés par la délibération d'ouverture, séparés par « ; » en CSV."),
        Field("modalites", LIST, "Les modalités prévues par la délibération d'ouverture.",
              item=Field("modalites", TEXT, "Une modalité prévue."),
              example="modalites:\n  - Trois réunions publiques\n  - Un registre en mairie",
              donnees="Modalités prévues par la délibération d'ouverture, séparées par « ; » en CSV."),
        Field(
            "deliberation_ouverture",
            OBJECT,
            "La délibération qui fixe les objectifs et les modalités : date, numero, url (adresse https).",
            singular="deliberation_ouverture",
            fields=(
                Field("date", APPROXIMATE_DATE, "Date de la délibération (pas après le début de la concertation).",
                      required=True),
                Field("numero", TEXT, "Numéro de la délibération."),
                Field("url", TEXT, "Adresse https de la délibération."),
            ),
            example="deliberation_ouverture:\n  date: 2024-11-09\n  numero: 2024-0312",
        ),
        Field("garants", LIST, "Les garants de la Commission nationale du débat public (CNDP), par leur nom.",
              item=Field("garants", TEXT, "Nom d'un garant."), example="garants: [Marie Durand]",
              donnees="Noms des garants de la CNDP, séparés par « ; » en CSV."),
        Field("garant_cndp", BOOLEAN, "true quand un garant de la CNDP a suivi la concertation, même sans nom connu "
              "(par défaut : true quand garants est donné).", example="garant_cndp: true",
              donnees="true quand un garant de la CNDP a suivi la concertation."),
        Field(
            "dossiers",
            LIST,
            "Dossiers concernés : le PLUi, le PCAET, le plan de mobilité… (identifiants de fiches de dossiers/).",
            item=Field("dossiers", REFERENCE, "Identifiant d'un dossier.", target="dossiers"),
            example="dossiers: [plui]",
            donnees="Identifiants des dossiers concernés (jeu « dossiers »).",
        ),
        _themes_field(),
        Field("communes", LIST, "Communes concernées (vérifiées contre la liste des communes si elle est configurée).",
              item=Field("communes", TEXT, "Une commune.", checked_against="communes"),
              example="communes: [Val-d'Arvel]", donnees="Communes concernées, séparées par « ; » en CSV."),
        Field(
            "phases",
            LIST,
            "Les phases de la concertation : diagnostic, scénarios, projet…",
            item=Field(
                "phases",
                OBJECT,
                "Une phase.",
                singular="phase",
                fields=(
                    Field("libelle", TEXT, "Nom de la phase : diagnostic, scénarios, projet…", required=True),
                    Field("debut", APPROXIMATE_DATE, "Premier jour de la phase.", required=True),
                    Field("fin", APPROXIMATE_DATE, "Dernier jour de la phase."),
                ),
            ),
            example="phases:\n  - libelle: Diagnostic\n    debut: 2025-01-10\n    fin: 2025-02-15",
        ),
        Field(
            "dispositifs",
            LIST,
            "Ce qui a eu lieu : réunions, ateliers, registres, questionnaires…",
            item=Field(
                "dispositifs",
                OBJECT,
                "Un dispositif.",
                singular="dispositif",
                fields=(
                    Field("id", TEXT, "Identifiant court, unique dans la concertation (reunion-1, registre).",
                          required=True),
                    Field("type", CHOICE, "Nature du dispositif.", required=True, choices=DISPOSITIF_TYPES),
                    Field("libelle", TEXT, "Nom du dispositif, par exemple « Atelier du quartier Mistral »."),
                    Field("date", APPROXIMATE_DATE, "Jour (ou premier jour) du dispositif."),
                    Field("date_fin", APPROXIMATE_DATE, "Dernier jour d'un dispositif sur plusieurs jours."),
                    Field("heure_debut", TIME, "Heure de début (heure de Paris)."),
                    Field("heure_fin", TIME, "Heure de fin (heure de Paris)."),
                    Field("lieu", TEXT, "Lieu ou adresse."),
                    Field("commune", TEXT, "Commune du lieu (vérifiée contre la liste des communes si elle est "
                          "configurée).", checked_against="communes"),
                    Field("nombre", ATTENDANCE, "Nombre de séances : 3, ou « environ 10 ».", minimum=0),
                    Field("participants", ATTENDANCE, "Nombre de participants : 150, ou « environ 150 », « près "
                          "de 150 », « plus de 150 ».", minimum=0),
                    Field("contributions", ATTENDANCE, "Nombre de contributions recueillies : 250, ou « plus de "
                          "250 ».", minimum=0),
                    Field("outil", REFERENCE, "La méthode employée (identifiant de fiche d'outils/).",
                          target="outils"),
                    Field("assemblee", REFERENCE, "La réunion, quand elle a sa fiche (identifiant de fiche "
                          "d'assemblees/).", target="assemblees"),
                ),
            ),
            example="dispositifs:\n  - id: reunion-1\n    type: reunion-publique\n    date: 2025-01-20\n"
                    "    participants: environ 120",
        ),
        *COMMON_FIELDS,
    ),
)

BILANS = RecordType(
    name="bilans",
    index_description="Les bilans des concertations, ceux des garants et les réponses des maîtres d'ouvrage : ce "
                      "que le public a dit, et ce que chaque projet en fait.",
    singular="bilan",
    label="bilan",
    label_plural="bilans",
    feminine=False,
    description="Ce qui est sorti d'une concertation : son bilan, celui du garant, ou la réponse du maître d'ouvrage.",
    body="La synthèse du bilan : ce qui a été dit, ce qui est retenu, et pourquoi.",
    fields=(
        title("titre", "Titre du bilan."),
        Field("concertation", REFERENCE, "La concertation dont c'est le bilan (identifiant de fiche de "
              "concertations/).", required=True, target="concertations",
              example="concertation: revision-plan-climat",
              donnees="Identifiant de la concertation (jeu « concertations »)."),
        Field("type", CHOICE, "bilan : celui de l'autorité ou du maître d'ouvrage ; bilan-garant : le rapport du "
              "garant ; reponse-maitre-ouvrage : la réponse du maître d'ouvrage au garant.", required=True,
              choices=BILAN_TYPES, attribute="type_bilan", donnees="Type de bilan."),
        Field("date", APPROXIMATE_DATE, "Date du bilan (AAAA-MM ou AAAA quand le jour n'est pas connu).",
              required=True, example="date: 2025-04-30",
              donnees="Date du bilan (AAAA-MM-JJ, ou AAAA-MM, AAAA, AAAA/AAAA quand le jour n'est pas connu)."),
        _deliberation_field("La délibération qui arrête le bilan : numero, et url (adresse https) si elle est "
                            "publiée."),
        Field("vote", CHOICE, "Vote de la délibération.", choices=VOTES),
        _effectif_field("participants", "Nombre de participants que le bilan indique",
                        "Nombre de participants indiqué par le bilan"),
        _effectif_field("contributions_recues", "Nombre de contributions reçues que le bilan indique",
                        "Nombre de contributions reçues indiqué par le bilan"),
        _recommandations_field("Les recommandations du garant (bilan-garant seulement), suivies une à une."),
        Field(
            "suites",
            LIST,
            "Chaque sujet ou proposition soulevé, et ce que le projet en fait ; dans une réponse du maître "
            "d'ouvrage, recommandation nomme la recommandation du garant à laquelle elle répond.",
            item=Field(
                "suites",
                OBJECT,
                "La suite donnée à un sujet.",
                singular="suite_bilan",
                editor_group="suites_bilan",
                fields=(
                    Field("sujet", TEXT, "Le sujet ou la proposition soulevé.", required=True),
                    Field("position", CHOICE, "Ce que le projet en fait.", required=True, choices=SUITE_POSITIONS),
                    Field("motif", TEXT, "Pourquoi : la raison de la décision."),
                    Field("recommandation", TEXT, "Identifiant de la recommandation du garant à laquelle la suite "
                          "répond (réponse du maître d'ouvrage)."),
                ),
            ),
            example="suites:\n  - sujet: Pistes cyclables sur le cours\n    position: retenue",
        ),
        _engagements_field("Les mesures prises, suivies publiquement."),
        _documents_field(),
        *COMMON_FIELDS,
    ),
)

OUTILS = RecordType(
    name="outils",
    index_description="La boîte à outils de la participation : chaque méthode, comment la mener, et où elle a "
                      "servi.",
    singular="outil",
    label="outil",
    label_plural="outils",
    feminine=False,
    description="Une méthode de la boîte à outils de la participation.",
    index_title="Boîte à outils",
    body="Comment mener la méthode, ce à quoi elle sert, ses écueils.",
    fields=(
        title("nom", "Nom de la méthode, par exemple « Balade urbaine »."),
        Field("type", CHOICE, "Le type de dispositif qu'elle sert.", choices=DISPOSITIF_TYPES, attribute="type_outil",
              donnees="Type de dispositif."),
        Field("duree", TEXT, "Durée, par exemple « 2 heures » ou « 3 semaines »."),
        Field("public", TEXT, "Le public visé, par exemple « habitants du quartier »."),
        _niveau_service_field(),
        *COMMON_FIELDS,
    ),
)

RECORD_TYPES: dict[str, RecordType] = {
    t.name: t for t in (ASSEMBLEES, CONTRIBUTIONS, REPONSES, ELUS, ORGANES, DOSSIERS, THEMES, INSTANCES,
                        CONCERTATIONS, BILANS, OUTILS)
}

# The list of members (CGCT art. L5211-10-1): one CSV file, content/composition/membres.csv, one line per
# member and period of membership; its columns are declared as record keys are, `membres.py` reads them.
SEXES = {"F": "Femmes", "M": "Hommes"}
TRANCHES_AGE = {  # the census age classes
    "15-29": "15 à 29 ans",
    "30-44": "30 à 44 ans",
    "45-59": "45 à 59 ans",
    "60-74": "60 à 74 ans",
    "75+": "75 ans ou plus",
}
FONCTIONS = {
    "president": "Président",
    "presidente": "Présidente",
    "co-president": "Coprésident",
    "co-presidente": "Coprésidente",
    "vice-president": "Vice-président",
    "vice-presidente": "Vice-présidente",
    "membre": "Membre",
}
MEMBRES_COLUMNS: tuple[Field, ...] = (
    Field("nom", TEXT, "Prénom et nom.", required=True),
    Field("sexe", CHOICE, "F ou M (la règle de parité de la loi les compte).", required=True, choices=tuple(SEXES)),
    Field("tranche_age", CHOICE, "Classe d'âge du recensement.", required=True, choices=tuple(TRANCHES_AGE)),
    Field("college", TEXT, "Collège, parmi l'option « colleges » de mkdocs.yml quand elle est donnée.",
          checked_against="colleges"),
    Field("commune", TEXT, "Commune, parmi l'option « communes » de mkdocs.yml quand elle est donnée.",
          checked_against="communes"),
    Field("instances", LIST, "Identifiants de fiches de instances/, séparés par « ; ».",
          item=Field("instances", REFERENCE, "Identifiant d'une instance.", target="instances")),
    Field("fonction", CHOICE, "Fonction au conseil (membre par défaut).", choices=tuple(FONCTIONS), default="membre"),
    Field("debut", DATE, "Date d'entrée au conseil.", required=True),
    Field("fin", DATE, "Date de sortie du conseil ; vide tant que la personne est membre."),
    Field("publication_nom", CHOICE, "oui seulement avec l'accord de la personne (non par défaut).",
          choices=("oui", "non"), default="non"),
)

DEFAULT_DELAI_REPONSE_JOURS = 60
DEFAULT_DELAI_BILAN_GARANT_JOURS = 30  # the garant reports within one month of the end (C. env. L121-16-1)
DEFAULT_DELAI_REPONSE_MAITRE_OUVRAGE_JOURS = 60  # then the maître d'ouvrage answers, within two months


def deprecated_forms(record_types: Mapping[str, RecordType] | None = None) -> list[tuple[str, str, str, Deprecation]]:
    """Every form a version deprecates: (folder, key, former value, its deprecation), keys of objects as `a.b`."""
    found = []

    def walk(folder: str, fields: tuple[Field, ...], prefix: str) -> None:
        for f in fields:
            inner = (f, *((f.item,) if f.item is not None and not f.item.fields else ()))  # a list of choices
            found.extend((folder, prefix + f.key, old, d) for g in inner for old, d in g.deprecated_choices.items())
            walk(folder, f.item.fields if f.item is not None else f.fields, prefix + f.key + ".")

    for record_type in (record_types or RECORD_TYPES).values():
        walk(record_type.name, record_type.fields, "")
    return found
