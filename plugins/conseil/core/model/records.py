"""Typed records, as written in `content/`, with the position of every value.

The record classes are made from `schema.py`: one attribute per key, with the schema's default.
"""

from __future__ import annotations

from dataclasses import dataclass, field, make_dataclass
from datetime import date
from operator import attrgetter
from typing import Any, ClassVar, Iterable, NamedTuple

from . import schema


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
class Record:
    """Fields every record has. `positions` maps a key path ("themes[1]") to its place."""

    type: ClassVar[str]
    id: str
    source: Source
    body: str = ""
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


class Attendance(int):
    """An attendance written « environ 150 », « près de 150 » or « plus de 150 »: counted as 150, shown as written."""

    def __new__(cls, number: int, qualifier: str) -> Attendance:
        self = super().__new__(cls, number)
        self.qualifier = qualifier
        return self

    def __str__(self) -> str:
        return f"{self.qualifier} {int(self)}"

    def __repr__(self) -> str:
        return f"Attendance({int(self)}, {self.qualifier!r})"

    def __reduce__(self):
        return (Attendance, (int(self), self.qualifier))


def is_approximate_count(value: int | None) -> bool:
    return isinstance(value, Attendance)


class _DocumentBehaviour:
    @property
    def is_url(self) -> bool:
        return self.fichier.startswith("https://")


# What some classes do beyond holding their fields; their fields all come from the schema.
_BEHAVIOUR: dict[str, type] = {"document": _DocumentBehaviour}


def _attributes(fields: Iterable[schema.Field]) -> list[tuple[str, Any, Any]]:
    """Dataclass fields for a record's keys, each with its default: a record whose required value is wrong
    is still made (`complete=False`), so that its references can be checked."""
    return [(f.name, Any, _default_of(f)) for f in fields]


def _default_of(spec: schema.Field) -> Any:
    return field(default_factory=list) if spec.kind is schema.LIST else field(default=spec.default)


def _object_class(spec: schema.Field) -> type:
    """The class of the items of a LIST of OBJECT: `documents` -> Document(titre, fichier)."""
    name = spec.singular
    ordered = sorted(spec.fields, key=lambda f: not f.required)  # a dataclass lists fields without default first
    attributes = [(f.name, Any) if f.required else (f.name, Any, _default_of(f)) for f in ordered]
    return make_dataclass("".join(part.capitalize() for part in name.split("_")), attributes,
                          bases=(_BEHAVIOUR.get(name, object),), namespace={"__module__": __name__})


def _object_specs() -> dict[str, schema.Field]:
    """Every OBJECT the model declares, by its singular: `suite` (reponses/) and `suite_bilan` (bilans/) differ
    though both are written under `suites`; one singular declared twice must have the same keys."""
    specs: dict[str, schema.Field] = {}
    for record_type in schema.RECORD_TYPES.values():
        for spec in record_type.fields:
            spec = spec.item if spec.item is not None else spec
            if spec.kind is not schema.OBJECT:
                continue
            known = specs.setdefault(spec.singular, spec)
            if [f.key for f in known.fields] != [f.key for f in spec.fields]:
                raise ValueError(f"schema.py: two objects named {spec.singular!r} with different keys")
    return specs


def _record_class(record_type: schema.RecordType) -> type[Record]:
    """The typed record of a collection: one attribute per key of the schema, with its default."""
    namespace: dict[str, Any] = {"__module__": __name__, "type": record_type.name}
    title_field = record_type.title_field
    if title_field.name != "titre":  # every record answers to `titre`, whatever its title key
        namespace["titre"] = property(attrgetter(title_field.name))
    return make_dataclass(record_type.singular.capitalize(), _attributes(record_type.fields), bases=(Record,),
                          namespace=namespace)


RECORD_CLASSES: dict[str, type[Record]] = {
    name: _record_class(record_type) for name, record_type in schema.RECORD_TYPES.items()
}
OBJECT_CLASSES: dict[str, type] = {  # by singular: `document` (an item of `documents`), `deliberation` (one)
    singular: _object_class(spec) for singular, spec in _object_specs().items()
}
Assemblee = RECORD_CLASSES["assemblees"]
Contribution = RECORD_CLASSES["contributions"]
Reponse = RECORD_CLASSES["reponses"]
Elu = RECORD_CLASSES["elus"]
Theme = RECORD_CLASSES["themes"]
Instance = RECORD_CLASSES["instances"]
Organe = RECORD_CLASSES["organes"]
Dossier = RECORD_CLASSES["dossiers"]
Concertation = RECORD_CLASSES["concertations"]
Bilan = RECORD_CLASSES["bilans"]
Outil = RECORD_CLASSES["outils"]
Document = OBJECT_CLASSES["document"]
Recommandation = OBJECT_CLASSES["recommandation"]
Suite = OBJECT_CLASSES["suite"]
SuiteBilan = OBJECT_CLASSES["suite_bilan"]
Engagement = OBJECT_CLASSES["engagement"]
Deliberation = OBJECT_CLASSES["deliberation"]
DeliberationOuverture = OBJECT_CLASSES["deliberation_ouverture"]
EtapeDossier = OBJECT_CLASSES["etape"]
Phase = OBJECT_CLASSES["phase"]
Dispositif = OBJECT_CLASSES["dispositif"]


def has_garant(concertation: Concertation) -> bool:
    """Whether a garant followed the concertation: one is named, or `garant_cndp: true` says so without a name."""
    return bool(concertation.garants) or concertation.garant_cndp is True


def garant_cndp(concertation: Concertation) -> bool:
    """Whether a CNDP garant followed it (the Code de l'environnement's deadlines then run): `garant_cndp` as
    written, true by default when garants are named."""
    return concertation.garant_cndp if concertation.garant_cndp is not None else bool(concertation.garants)


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
