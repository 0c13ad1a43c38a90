"""A new record's text, derived from `schema.py`: every required key filled, every other one explained.

The record passes the checks as written: required values are the title, the day, the first
allowed choice, or an existing record of the corpus when a reference is needed; each key is
preceded by its description and its allowed values, and the optional keys are commented out.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Iterable

from ..graph.graph import Graph
from ..model import grammaire, schema
from ..model.dates import last_day
from ..model.names import normalise_key, slugify
from ..model.schema import Field, RecordType
from ..reading.rules import Index

PLACEHOLDER = "À compléter"
_LISTED = 12  # ids listed in a comment before « … »


def record_type_named(name: str) -> RecordType | None:
    """`contribution`, `contributions`, `élu`, `Réponse`…: the record type a writer means."""
    wanted = normalise_key(name.strip()).replace("_", "-")
    for record_type in schema.RECORD_TYPES.values():
        names = {record_type.name, record_type.singular, normalise_key(record_type.label),
                 normalise_key(record_type.label_plural)}
        if wanted in names:
            return record_type
    return None


def base_id(record_type: RecordType, title: str, day: date) -> str:
    """`2026-11-23-mobilites-du-quotidien` for dated types, `claire-morel` for élus and themes."""
    slug = slugify(title)
    return f"{day.isoformat()}-{slug}" if record_type.dated else slug


def new_record_text(record_type: RecordType, title: str, day: date, index: Index, graph: Graph | None = None,
                    *, brouillon: bool = False, communes: tuple[str, ...] = ()) -> str:
    """The whole file: a commented YAML header and an empty body."""
    picker = _Picker(record_type, index, graph, day, communes)
    lines = [
        "---",
        f"# Nouvelle fiche {grammaire.nom(record_type.name).de} : {_lower_first(record_type.description)}",
        "# Les lignes qui commencent par # sont des commentaires : elles ne sont pas publiées.",
        "# Vérifiez la fiche avec « conseil check » ; « mkdocs serve » la montre dans l'aperçu.",
    ]
    optional = []
    for field in record_type.fields:
        if field.draft:
            if brouillon:
                lines += ["", f"# {field.description}", f"{field.key}: true"]
            else:
                optional.append(field)
            continue
        if _must_fill(field):
            lines += ["", *_comment_lines(field, picker, required=True), *_filled(field, title, day, picker)]
        else:
            optional.append(field)
    if optional:
        lines += ["", "# ---- Champs facultatifs : retirez le « # » en début de ligne pour en utiliser un. ----"]
        for field in optional:
            lines += ["", *_comment_lines(field, picker, required=False),
                      *(f"# {line}" for line in _example(field, day, picker).split("\n"))]
    lines += ["", f"# Sous la ligne --- qui suit, en Markdown : {_lower_first(record_type.body)}", "---", "", ""]
    return "\n".join(lines)


def records_to_create_first(record_type: RecordType, index: Index, day: date) -> list[str]:
    """The record types a new record of this type must cite but that have no published record yet."""
    picker = _Picker(record_type, index, None, day)
    return [field.references for field in record_type.fields
            if _must_fill(field) and field.references and not picker.ids(field.references)]


def _must_fill(field: Field) -> bool:
    # A field required unless another value says otherwise (destinataires) is needed for the record to pass.
    return field.required or field.required_unless is not None


def _comment_lines(field: Field, picker: _Picker, *, required: bool) -> list[str]:
    status = "obligatoire" if required else "facultatif"
    kind = None if field.references or field.item or field.fields else field.kind.label
    head = f"# {field.key} ({status}{' ; ' + kind if kind else ''}) : {field.description}"
    out = [head]
    allowed = picker.settings.get(field.checked_against, ()) if field.checked_against else ()
    if allowed:  # the list the rule checks against (`commune-inconnue`)
        out.append(f"#   {field.checked_against} permises : " + ", ".join(allowed))
    if field.choices:
        out.append("#   valeurs permises : " + ", ".join(f"{v} ({field.label_of(v)})" for v in field.choices))
    target = field.references
    if target:
        existing = picker.ids(target)
        if existing:
            listed = ", ".join(existing[:_LISTED]) + (", …" if len(existing) > _LISTED else "")
            out.append(f"#   fiches {target}/ existantes : {listed}")
        else:
            out.append(f"#   aucune fiche {target}/ pour l'instant : créez-en une avec "
                       f"« conseil new {schema.RECORD_TYPES[target].singular} \"…\" »")
    return out


def _filled(field: Field, title: str, day: date, picker: _Picker) -> list[str]:
    """A required key with a value that passes: the title, an existing record, or a value of its kind."""
    key = field.key
    if field.references:
        chosen = picker.pick(field.references)
        if field.item is not None:
            return [f"{key}: [{chosen}]" if chosen else f"{key}: []"]
        return [f"{key}: {chosen}" if chosen else f"{key}:"]
    if field.kind is schema.TEXT:
        return [f"{key}: {_quoted(title if field.title else PLACEHOLDER)}"]
    if field.item is not None or field.fields:
        return [f"# {line}" for line in _example(field, day, picker).split("\n")]
    return [f"{key}: {field.kind.sample(field, day)}"]


def _example(field: Field, day: date, picker: _Picker) -> str:
    """An example line for an optional key; references name real records when there are some."""
    target = field.references
    if target:
        chosen = picker.pick(target) or "identifiant"
        return f"{field.key}: [{chosen}]" if field.item is not None else f"{field.key}: {chosen}"
    if field.kind is schema.TEXT and not field.example:
        return f"{field.key}: {_quoted('…')}"
    return field.example_line(day)


def _quoted(text: str) -> str:
    # A JSON string is a valid double-quoted YAML scalar: colons, quotes and accents stay intact.
    return json.dumps(text, ensure_ascii=False)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


class _Picker:
    """Chooses existing records for the references a new record needs."""

    def __init__(self, record_type: RecordType, index: Index, graph: Graph | None, day: date,
                 communes: tuple[str, ...] = ()):
        self.record_type = record_type
        self.settings = {"communes": communes}  # the plugin options a field's values are checked against
        self.index = index
        self.graph = graph
        self.day = day
        self.chosen: dict[str, str] = {}

    def ids(self, target: str) -> list[str]:
        """Published records first (a published record may not cite a draft), newest first for dated types."""
        records = self.index.records.get(target, {})
        published = [r for r in records.values() if r.is_published(self.day)]
        dated = schema.RECORD_TYPES[target].dated
        ordered = sorted(published, key=lambda r: (getattr(r, "date", None) or date.min, r.id), reverse=dated)
        return [r.id for r in ordered]

    def pick(self, target: str) -> str | None:
        if target in self.chosen:
            return self.chosen[target]
        choice = self._answerable() if target == "contributions" and self.record_type.name == "reponses" else None
        if target == "elus" and self.record_type.name == "reponses" and "contributions" in self.chosen:
            choice = self._recipient(self.chosen["contributions"], target)
        if choice is None:
            candidates = self.ids(target)
            if target == "contributions":  # an answer may not precede what it answers
                candidates = [i for i in candidates if self.index.records[target][i].date <= self.day]
            if target == "concertations" and self.record_type.name == "bilans":  # a bilan follows the end
                ended = [i for i in candidates if _ended(self.index.records[target][i], self.day)]
                candidates = ended or candidates
            choice = candidates[0] if candidates else None
        if choice is not None:
            self.chosen[target] = choice
        return choice

    def _answerable(self) -> str | None:
        """The contribution awaiting an answer with the nearest deadline: the likeliest to be answered."""
        if self.graph is None:
            return None
        waiting = [c for c in self.graph.contributions if c.statut in schema.ATTENDENT_REPONSE and c.date <= self.day]
        waiting.sort(key=lambda c: (c.echeance or date.max, c.id))
        return waiting[0].id if waiting else None

    def _recipient(self, contribution_id: str, target: str) -> str | None:
        """The contribution's first recipient of the type wanted (its recipients may be élus or organes)."""
        record = self.index.records["contributions"].get(contribution_id)
        recipients: Iterable[str] = getattr(record, "destinataires", []) if record else []
        return next((r for r in recipients if r in self.index.records[target]), None)


def _ended(concertation, day: date) -> bool:
    """Whether a concertation certainly ended by `day`: a bilan dated `day` may follow it."""
    return concertation.fin is not None and last_day(concertation.fin) <= day
