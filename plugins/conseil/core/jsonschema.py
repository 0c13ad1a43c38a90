"""JSON Schemas (Draft 2020-12) of the record types, derived from `schema.py`: never written by hand.

They describe the front matter as an editor's YAML parser reads it (dates and times as strings);
the validator in `parse.py` stays the authority, with its located French messages.
"""

from __future__ import annotations

from typing import Any

from . import schema
from .schema import Field, RecordType

DIALECT = "https://json-schema.org/draft/2020-12/schema"
_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_TIME_PATTERN = r"^([01]\d|2[0-3]):[0-5]\d$"


def schema_filename(record_type: RecordType) -> str:
    return f"{record_type.name}.schema.json"


def record_schema(record_type: RecordType) -> dict[str, Any]:
    """The schema of one record type's front matter."""
    return {
        "$schema": DIALECT,
        "$id": f"urn:conseil:schema:{record_type.name}",
        "title": f"Fiche {record_type.label} ({record_type.name}/)",
        "description": f"{record_type.description} Corps de la fiche : {record_type.body}",
        **_object(record_type.fields),
    }


def all_schemas() -> dict[str, dict[str, Any]]:
    """File name -> schema, one per record type."""
    return {schema_filename(t): record_schema(t) for t in schema.RECORD_TYPES.values()}


def _object(fields: tuple[Field, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": "object",
        "properties": {f.key: field_schema(f) for f in fields},
        "additionalProperties": False,
    }
    required = [f.key for f in fields if f.required]
    if required:
        out["required"] = required
    return out


def field_schema(field: Field) -> dict[str, Any]:
    """The schema of one field, with its French description."""
    out: dict[str, Any] = {"description": field.description}
    out.update(_KINDS[field.kind](field))
    return out


def _text(field: Field) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "string"}
    if field.required:
        out["minLength"] = 1
    if field.max_length:
        out["maxLength"] = field.max_length
    return out


def _date(field: Field) -> dict[str, Any]:
    return {"type": "string", "format": "date", "pattern": _DATE_PATTERN}


def _time(field: Field) -> dict[str, Any]:
    return {"type": "string", "pattern": _TIME_PATTERN}


def _integer(field: Field) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "integer"}
    if field.minimum is not None:
        out["minimum"] = field.minimum
    return out


def _boolean(field: Field) -> dict[str, Any]:
    return {"type": "boolean"}


def _choice(field: Field) -> dict[str, Any]:
    # oneOf/const keeps each value's French label next to it, for editors' completion lists.
    return {"type": "string", "enum": list(field.choices),
            "oneOf": [{"const": value, "title": schema.LABELS.get(value, value)} for value in field.choices]}


def _reference(field: Field) -> dict[str, Any]:
    return {"type": "string", "pattern": schema.ID_PATTERN, "x-conseil-reference": field.target}


def _list(field: Field) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "array", "items": _KINDS[field.item.kind](field.item)}
    if field.item.description and field.item.kind != schema.OBJECT:
        out["items"] = {"description": field.item.description, **out["items"]}
    if field.min_items:
        out["minItems"] = field.min_items
    if field.item.kind == schema.REFERENCE:
        out["uniqueItems"] = True
    return out


def _object_field(field: Field) -> dict[str, Any]:
    out = {"description": field.description, **_object(field.fields)}
    out["properties"][schema.EDITOR_GROUP_KEY] = {
        "description": "Marque écrite par Front Matter CMS : le groupe de champs de l'élément.", "const": field.key}
    return out


_KINDS = {
    schema.TEXT: _text,
    schema.DATE: _date,
    schema.TIME: _time,
    schema.INTEGER: _integer,
    schema.BOOLEAN: _boolean,
    schema.CHOICE: _choice,
    schema.REFERENCE: _reference,
    schema.LIST: _list,
    schema.OBJECT: _object_field,
}
