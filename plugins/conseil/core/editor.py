"""Editor configuration derived from `schema.py`: Front Matter CMS (frontmatter.json) and VS Code settings."""

from __future__ import annotations

from typing import Any

from . import schema
from .jsonschema import schema_filename
from .schema import Field, RecordType

FRONTMATTER_SCHEMA = "https://frontmatter.codes/frontmatter.schema.json"
DATE_FORMAT = "yyyy-MM-dd"  # date-fns: what our dates must look like (a datetime would be refused)
DATED_TYPES = tuple(t.name for t in schema.RECORD_TYPES.values() if t.field("date") is not None)


def frontmatter_config(content_dir: str = "content", preview_host: str = "http://127.0.0.1:8000") -> dict[str, Any]:
    """The `frontmatter.json` of a site: one content type and one page folder per record type."""
    groups: dict[str, dict[str, Any]] = {}
    content_types = [_content_type(t, groups) for t in schema.RECORD_TYPES.values()]
    return {
        "$schema": FRONTMATTER_SCHEMA,
        "frontMatter.framework.id": "other",
        "frontMatter.preview.host": preview_host,
        "frontMatter.content.publicFolder": content_dir,
        "frontMatter.content.defaultFileType": "md",
        "frontMatter.content.draftField": {"name": "brouillon", "type": "boolean"},
        "frontMatter.taxonomy.dateFormat": DATE_FORMAT,
        "frontMatter.content.pageFolders": [
            {
                "title": t.label_plural.capitalize(),
                "path": f"[[workspace]]/{content_dir}/{t.name}",
                "contentTypes": [t.name],
                "excludeSubdir": True,
                "previewPath": f"/{t.name}/",
                "trailingSlash": True,
                # Records of dated types are named after their date: 2025-03-12-mobilites.md
                "filePrefix": DATE_FORMAT if t.name in DATED_TYPES else None,
            }
            for t in schema.RECORD_TYPES.values()
        ],
        "frontMatter.taxonomy.contentTypes": content_types,
        "frontMatter.taxonomy.fieldGroups": list(groups.values()),
    }


def _content_type(record_type: RecordType, groups: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return {
        "name": record_type.name,
        "description": record_type.description,
        "pageBundle": False,
        "previewPath": f"/{record_type.name}/",
        "fileType": "md",
        "clearEmpty": True,
        "fields": [_field(f, groups) for f in record_type.fields],
    }


def _field(field: Field, groups: dict[str, dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {"title": field.key, "name": field.key, "description": field.description}
    out.update(_shape(field, groups))
    if field.required:
        out["required"] = True
    return out


def _shape(field: Field, groups: dict[str, dict[str, Any]]) -> dict[str, Any]:
    kind = field.kind
    if field.key == "brouillon":
        return {"type": "draft"}
    if kind == schema.TEXT:
        return {"type": "string", "single": field.max_length is None and field.key != "description"}
    if kind == schema.DATE:
        return {"type": "datetime", "dateFormat": DATE_FORMAT}
    if kind == schema.TIME:
        return {"type": "string", "single": True}
    if kind == schema.INTEGER:
        return {"type": "number", "numberOptions": {"min": field.minimum} if field.minimum is not None else {}}
    if kind == schema.BOOLEAN:
        return {"type": "boolean"}
    if kind == schema.CHOICE:
        return {"type": "choice", "choices": [{"id": v, "title": schema.LABELS.get(v, v)} for v in field.choices]}
    if kind == schema.REFERENCE:
        return _relationship(field.target, multiple=False)
    if kind == schema.LIST and field.item.kind == schema.REFERENCE:
        return _relationship(field.item.target, multiple=True)
    if kind == schema.LIST and field.item.kind == schema.OBJECT:
        group_id = field.key
        groups.setdefault(group_id, {"id": group_id, "labelField": field.item.fields[0].key,
                                     "fields": [_field(f, groups) for f in field.item.fields]})
        return {"type": "block", "fieldGroup": [group_id]}
    if kind == schema.LIST:
        return {"type": "list"}
    return {"type": "fields", "fields": [_field(f, groups) for f in field.fields]}


def _relationship(target: str, *, multiple: bool) -> dict[str, Any]:
    return {"type": "contentRelationship", "contentTypeName": target, "contentTypeValue": "slug",
            "multiple": multiple}


def vscode_settings(schemas_dir: str = "schemas", content_dir: str = "content") -> dict[str, Any]:
    """VS Code settings: each JSON Schema applied to its folder's front matter, dates kept as text."""
    return {
        "yaml.schemas": {
            f"./{schemas_dir}/{schema_filename(t)}": [f"{content_dir}/{t.name}/*.md"]
            for t in schema.RECORD_TYPES.values()
        },
        "frontMatter.content.fmHighlight": True,
        "files.associations": {"frontmatter.json": "jsonc"},
        "[markdown]": {"editor.wordWrap": "on", "files.trimTrailingWhitespace": False},
    }


def vscode_extensions() -> dict[str, Any]:
    """The extensions a writer is invited to install: Front Matter CMS and the YAML language server."""
    return {"recommendations": ["eliostruyf.vscode-front-matter", "redhat.vscode-yaml"]}
