"""The content model, version 1: the single source of truth.

The validator, the JSON Schemas, the editor configuration and the documentation
are all derived from the declarations below. Keys and choices are the French
words the communications team writes; descriptions are what they read.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from datetime import date

# Field kinds. Each maps to one converter in `parse.py` and one JSON Schema shape.
TEXT = "texte"
DATE = "date"
TIME = "heure"
INTEGER = "entier"
BOOLEAN = "booleen"
CHOICE = "choix"
REFERENCE = "reference"
LIST = "liste"
OBJECT = "objet"

KIND_LABELS = {
    TEXT: "un texte",
    DATE: "une date AAAA-MM-JJ",
    TIME: "une heure \"HH:MM\" entre guillemets",
    INTEGER: "un nombre entier",
    BOOLEAN: "true ou false",
    CHOICE: "une des valeurs permises",
    REFERENCE: "un identifiant de fiche",
    LIST: "une liste",
    OBJECT: "un ensemble de clés",
}

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

# Front Matter CMS writes `fieldGroup: <list key>` in each item of a list it edits (`documents`,
# `recommandations`…). That exact mark is accepted in list items; any other value is an unknown key.
EDITOR_GROUP_KEY = "fieldGroup"


@dataclass(frozen=True)
class Field:
    """One key of a record (or of an object inside a record)."""

    key: str
    kind: str
    description: str
    required: bool = False
    choices: tuple[str, ...] = ()
    target: str | None = None  # record type a REFERENCE points to
    item: Field | None = None  # element of a LIST
    fields: tuple[Field, ...] = ()  # keys of an OBJECT
    max_length: int | None = None
    minimum: int | None = None
    min_items: int | None = None
    example: str | None = None  # YAML snippet shown in help messages and new records

    @cached_property
    def by_key(self) -> dict[str, Field]:
        """The keys of an OBJECT, in declaration order (built once: the parser looks them up for every value)."""
        return {f.key: f for f in self.fields}

    def subfield(self, key: str) -> Field | None:
        return self.by_key.get(key)

    def example_line(self, day: date | None = None) -> str:
        """YAML showing a valid value: the declared example, else one made for the field's kind."""
        if self.example:
            return self.example
        made = {
            CHOICE: self.choices[0] if self.choices else "…",
            DATE: (day or date(2025, 3, 12)).isoformat(),
            TIME: '"18:30"',
            INTEGER: str(self.minimum or 0),
            BOOLEAN: "true",
        }
        return f"{self.key}: {made.get(self.kind, '…')}"


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

    @cached_property
    def by_key(self) -> dict[str, Field]:
        """The record's fields, in declaration order (built once: the parser looks them up for every value)."""
        return {f.key: f for f in self.fields}

    def field(self, key: str) -> Field | None:
        return self.by_key.get(key)

    @property
    def keys(self) -> list[str]:
        return [f.key for f in self.fields]


# Choices, with the label a reader sees. Order is the display order.
ASSEMBLEE_TYPES = {
    "assemblee-ouverte": "Assemblée ouverte",
    "pleniere": "Séance plénière",
    "comite-organisation": "Comité d'organisation",
    "bureau": "Bureau",
    "atelier": "Atelier",
    "debat": "Débat",
    "visite": "Visite",
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
# Derived values: computed by the graph, never written by hand.
STATUTS = {
    "repondue": "Répondue",
    "en-retard": "Sans réponse, en retard",
    "en-attente": "En attente de réponse",
    "sans-reponse-attendue": "Sans réponse attendue",
}
SANS_SUITE = "sans-suite"
RECOMMANDATION_POSITIONS = {**POSITIONS, SANS_SUITE: "Sans suite à ce jour"}

LABELS: dict[str, str] = {
    **ASSEMBLEE_TYPES,
    **NIVEAUX,
    **NATURES,
    **ORIGINES,
    **POSITIONS,
    **ETATS,
    **STATUTS,
    SANS_SUITE: RECOMMANDATION_POSITIONS[SANS_SUITE],
}


def _themes_field() -> Field:
    return Field(
        "themes",
        LIST,
        "Thèmes abordés (identifiants de fiches de themes/).",
        item=Field("themes", REFERENCE, "Identifiant d'un thème.", target="themes"),
        example="themes: [mobilites, climat-energie]",
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


COMMON_FIELDS = (
    Field(
        "brouillon",
        BOOLEAN,
        "true : la fiche est vérifiée mais jamais publiée (ni page, ni lien, ni flux, ni export, ni comptage).",
        example="brouillon: true",
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
    singular="assemblee",
    label="assemblée",
    label_plural="assemblées",
    feminine=True,
    description="Une réunion du conseil ou de l'une de ses instances.",
    body="L'ordre du jour avant la réunion, la synthèse après.",
    fields=(
        Field("titre", TEXT, "Titre de la réunion.", required=True),
        Field("date", DATE, "Jour de la réunion.", required=True, example="date: 2025-03-12"),
        Field(
            "type",
            CHOICE,
            "Nature de la réunion.",
            required=True,
            choices=tuple(ASSEMBLEE_TYPES),
        ),
        Field("heure_debut", TIME, "Heure de début (heure de Paris).", example='heure_debut: "18:30"'),
        Field("heure_fin", TIME, "Heure de fin (heure de Paris).", example='heure_fin: "21:00"'),
        Field("lieu", TEXT, "Adresse ou nom du lieu."),
        Field("commune", TEXT, "Commune du lieu (vérifiée contre la liste des communes si elle est configurée)."),
        _themes_field(),
        Field("participants", INTEGER, "Nombre de participants, pour le rapport d'activité.", minimum=0),
        Field("niveau", CHOICE, "Niveau de participation proposé.", choices=tuple(NIVEAUX)),
        _documents_field(),
        *COMMON_FIELDS,
    ),
)

CONTRIBUTIONS = RecordType(
    name="contributions",
    singular="contribution",
    label="contribution",
    label_plural="contributions",
    feminine=True,
    description="Un avis, une contribution, une alerte ou une question adressée aux élus.",
    body="Le texte de la contribution.",
    fields=(
        Field("titre", TEXT, "Titre de la contribution.", required=True),
        Field("date", DATE, "Jour de remise aux élus.", required=True, example="date: 2025-04-02"),
        Field("nature", CHOICE, "Nature du texte.", required=True, choices=tuple(NATURES)),
        Field(
            "origine",
            CHOICE,
            "saisine (demandée par la Métropole) ou auto-saisine (à l'initiative du conseil).",
            required=True,
            choices=tuple(ORIGINES),
        ),
        Field(
            "destinataires",
            LIST,
            "Élus destinataires (identifiants de fiches de elus/) ; obligatoire sauf si reponse_attendue: false.",
            item=Field("destinataires", REFERENCE, "Identifiant d'un élu.", target="elus"),
            min_items=1,
            example="destinataires: [claire-morel]",
        ),
        Field(
            "assemblees",
            LIST,
            "Assemblées où la contribution a été préparée ou adoptée.",
            item=Field("assemblees", REFERENCE, "Identifiant d'une assemblée.", target="assemblees"),
            example="assemblees: [2025-03-12-assemblee-mobilites]",
        ),
        _themes_field(),
        Field("resume", TEXT, "Résumé pour les listes, les flux et les exports (300 caractères au plus).", max_length=300),
        Field(
            "reponse_attendue",
            BOOLEAN,
            "false quand aucune réponse n'est attendue (true par défaut).",
            example="reponse_attendue: false",
        ),
        Field(
            "echeance_reponse",
            DATE,
            "Date attendue de la réponse (par défaut : date + délai de réponse configuré).",
            example="echeance_reponse: 2025-06-30",
        ),
        Field(
            "recommandations",
            LIST,
            "Les propositions distinctes de la contribution, suivies une à une.",
            item=Field(
                "recommandations",
                OBJECT,
                "Une recommandation.",
                fields=(
                    Field(
                        "id",
                        TEXT,
                        "Identifiant court, unique dans la contribution (r1, mobilite-nocturne).",
                        required=True,
                    ),
                    Field("texte", TEXT, "Texte de la recommandation.", required=True),
                ),
            ),
            example="recommandations:\n  - id: r1\n    texte: Prolonger la ligne de nuit",
        ),
        _documents_field(),
        *COMMON_FIELDS,
    ),
)

REPONSES = RecordType(
    name="reponses",
    singular="reponse",
    label="réponse",
    label_plural="réponses",
    feminine=True,
    description="La réponse d'un élu à une ou plusieurs contributions.",
    body="Le texte de la réponse ou son résumé.",
    fields=(
        Field("titre", TEXT, "Titre de la réponse.", required=True),
        Field("date", DATE, "Date de la réponse (pas avant celle des contributions).", required=True),
        Field(
            "contributions",
            LIST,
            "Contributions auxquelles la réponse répond.",
            required=True,
            item=Field("contributions", REFERENCE, "Identifiant d'une contribution.", target="contributions"),
            min_items=1,
            example="contributions: [2025-04-02-mobilites]",
        ),
        Field(
            "elu",
            REFERENCE,
            "L'élu qui répond (identifiant de fiche de elus/).",
            required=True,
            target="elus",
            example="elu: claire-morel",
        ),
        Field("position", CHOICE, "Position générale de la réponse.", required=True, choices=tuple(POSITIONS)),
        Field(
            "suites",
            LIST,
            "La réponse, recommandation par recommandation.",
            item=Field(
                "suites",
                OBJECT,
                "La suite donnée à une recommandation.",
                fields=(
                    Field(
                        "recommandation",
                        TEXT,
                        "Identifiant de la recommandation (contribution#r1 si la réponse couvre plusieurs contributions).",
                        required=True,
                    ),
                    Field("position", CHOICE, "Position sur cette recommandation.", required=True, choices=tuple(POSITIONS)),
                    Field("commentaire", TEXT, "Précision apportée par l'élu."),
                ),
            ),
            example="suites:\n  - recommandation: r1\n    position: retenue",
        ),
        Field(
            "engagements",
            LIST,
            "Engagements pris dans la réponse, suivis publiquement.",
            item=Field(
                "engagements",
                OBJECT,
                "Un engagement.",
                fields=(
                    Field("texte", TEXT, "Ce qui est promis.", required=True),
                    Field("echeance", DATE, "Date promise."),
                    Field("etat", CHOICE, "Où en est l'engagement.", required=True, choices=tuple(ETATS)),
                    Field("recommandation", TEXT, "Recommandation à laquelle l'engagement répond."),
                ),
            ),
            example="engagements:\n  - texte: Étude de faisabilité\n    echeance: 2025-12-31\n    etat: prevu",
        ),
        _documents_field(),
        *COMMON_FIELDS,
    ),
)

ELUS = RecordType(
    name="elus",
    singular="elu",
    label="élu",
    label_plural="élus",
    feminine=False,
    description="Un élu ou une élue qui reçoit des contributions.",
    body="Une présentation, facultative.",
    fields=(
        Field("nom", TEXT, "Prénom et nom.", required=True),
        Field("fonction", TEXT, "Fonction, par exemple « Vice-présidente déléguée aux mobilités ».", required=True),
        Field("mandat_debut", DATE, "Début du mandat."),
        Field("mandat_fin", DATE, "Fin du mandat."),
        _themes_field(),
        *COMMON_FIELDS,
    ),
)

THEMES = RecordType(
    name="themes",
    singular="theme",
    label="thème",
    label_plural="thèmes",
    feminine=False,
    description="Un thème du référentiel thématique.",
    body="Une présentation, facultative.",
    fields=(
        Field("titre", TEXT, "Nom du thème.", required=True),
        Field("description", TEXT, "Description courte."),
        *COMMON_FIELDS,
    ),
)

RECORD_TYPES: dict[str, RecordType] = {
    t.name: t for t in (ASSEMBLEES, CONTRIBUTIONS, REPONSES, ELUS, THEMES)
}

DEFAULT_DELAI_REPONSE_JOURS = 60
