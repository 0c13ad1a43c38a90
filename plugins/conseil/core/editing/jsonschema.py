"""JSON Schemas (Draft 2020-12) of the record types, derived from `schema.py`: never written by hand.

They describe the front matter as an editor's YAML parser reads it (dates and times as strings);
the validator in `field_reader.py` stays the authority, with its located French messages.
"""

from __future__ import annotations

from typing import Any

from ..model import schema
from ..model.schema import Field, RecordType

DIALECT = "https://json-schema.org/draft/2020-12/schema"


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
    """The schema of one field, with its French description: its kind's shape, then what the field declares."""
    out: dict[str, Any] = {"description": field.description, **field.kind.json}
    if field.required and out["type"] == "string" and "pattern" not in out and not field.choices:
        out["minLength"] = 1  # a required text may not be blank
    if field.max_length:
        out["maxLength"] = field.max_length
    if field.minimum is not None:
        out["minimum"] = field.minimum
    if field.maximum is not None:
        out["maximum"] = field.maximum
    if field.choices:
        # oneOf/const keeps each value's French label next to it, for editors' completion lists.
        out["enum"] = list(field.choices)
        out["oneOf"] = [{"const": value, "title": field.label_of(value)} for value in field.choices]
    if field.target:
        out["x-conseil-reference"] = field.target
    if field.item is not None:
        out["items"] = field_schema(field.item)
    if field.min_items:
        out["minItems"] = field.min_items
    if field.item is not None and field.item.target:
        out["uniqueItems"] = True
    if field.fields:
        out.update(_object(field.fields))
        out["properties"][schema.EDITOR_GROUP_KEY] = {
            "description": "Marque écrite par Front Matter CMS : le groupe de champs de l'élément.",
            "const": field.group_id}
    return out
