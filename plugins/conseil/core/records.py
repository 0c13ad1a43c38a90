"""Typed records, as written in `content/`, with the position of every value."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar, NamedTuple


class Position(NamedTuple):
    """Where a value starts. A tuple: a record holds one per value, a large site hundreds of thousands."""

    line: int
    column: int
    length: int = 1


@dataclass
class Source:
    """Where a record comes from: its display path and its text, split into lines only to quote it.

    The body is the record's own `body` string, not a copy: a site of 10,000 records keeps one copy
    of its texts, not three (text, lines, body).
    """

    path: str
    header: str = field(default="", repr=False)  # the text before the body: the front matter and its fences
    body: str = field(default="", repr=False)
    body_line: int = 1  # first line of the Markdown body

    @property
    def lines(self) -> list[str]:
        return (self.header + self.body).splitlines()


@dataclass
class Document:
    titre: str
    fichier: str

    @property
    def is_url(self) -> bool:
        return self.fichier.startswith("https://")


@dataclass
class Recommandation:
    id: str
    texte: str


@dataclass
class Suite:
    recommandation: str
    position: str
    commentaire: str | None = None


@dataclass
class Engagement:
    texte: str
    etat: str
    echeance: date | None = None
    recommandation: str | None = None


@dataclass
class Record:
    """Fields every record has. `positions` maps a key path ("themes[1]") to its place."""

    type: ClassVar[str]
    id: str
    source: Source
    body: str = ""
    brouillon: bool = False
    publication: date | None = None
    positions: dict[str, Position] = field(default_factory=dict, repr=False)
    complete: bool = field(default=True, repr=False)  # False: a required field is missing or wrong

    @property
    def key(self) -> str:
        """`contributions/2025-04-02-mobilites`: type and id, unique in a site."""
        return f"{self.type}/{self.id}"

    @property
    def url(self) -> str:
        return f"{self.type}/{self.id}/"

    def is_published(self, on: date) -> bool:
        return not self.brouillon and (self.publication is None or self.publication <= on)

    def place_of(self, path: str) -> Position:
        """The place of a key path, falling back on its parent keys, then on line 1.

        Not `position`: a réponse has a `position` field, which would hide the method.
        """
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path.rpartition("[")[0] if path.endswith("]") else path.rpartition(".")[0]
        return Position(1, 1)


@dataclass
class Assemblee(Record):
    type: ClassVar[str] = "assemblees"
    titre: str = ""
    date: date | None = None
    type_assemblee: str = "autre"  # the `type` key; renamed to keep `type` for the collection
    heure_debut: str | None = None
    heure_fin: str | None = None
    lieu: str | None = None
    commune: str | None = None
    themes: list[str] = field(default_factory=list)
    participants: int | None = None
    niveau: str | None = None
    documents: list[Document] = field(default_factory=list)


@dataclass
class Contribution(Record):
    type: ClassVar[str] = "contributions"
    titre: str = ""
    date: date | None = None
    nature: str = "contribution"
    origine: str = "auto-saisine"
    destinataires: list[str] = field(default_factory=list)
    assemblees: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    resume: str | None = None
    reponse_attendue: bool = True
    echeance_reponse: date | None = None
    recommandations: list[Recommandation] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)


@dataclass
class Reponse(Record):
    type: ClassVar[str] = "reponses"
    titre: str = ""
    date: date | None = None
    contributions: list[str] = field(default_factory=list)
    elu: str = ""
    position: str = "information"
    suites: list[Suite] = field(default_factory=list)
    engagements: list[Engagement] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)


@dataclass
class Elu(Record):
    type: ClassVar[str] = "elus"
    nom: str = ""
    fonction: str = ""
    mandat_debut: date | None = None
    mandat_fin: date | None = None
    themes: list[str] = field(default_factory=list)

    @property
    def titre(self) -> str:
        return self.nom


@dataclass
class Theme(Record):
    type: ClassVar[str] = "themes"
    titre: str = ""
    description: str | None = None


RECORD_CLASSES: dict[str, type[Record]] = {
    cls.type: cls for cls in (Assemblee, Contribution, Reponse, Elu, Theme)
}
OBJECT_CLASSES = {
    "documents": Document,
    "recommandations": Recommandation,
    "suites": Suite,
    "engagements": Engagement,
}
# Keys whose attribute name differs from the key the team writes.
ATTRIBUTE_NAMES = {("assemblees", "type"): "type_assemblee"}


def split_recommandation(reponse: Reponse, reference: str) -> tuple[str | None, str]:
    """`contribution#r1` or `r1` → (contribution id, recommendation id).

    A bare `r1` names a recommendation of the answer's only contribution; when the
    answer covers several, the contribution is None (the reference is ambiguous).
    """
    if "#" in reference:
        contribution, _, recommandation = reference.partition("#")
        return contribution.strip(), recommandation.strip()
    if len(reponse.contributions) == 1:
        return reponse.contributions[0], reference.strip()
    return None, reference.strip()
