"""Editor configuration derived from `schema.py`: Front Matter CMS (frontmatter.json) and VS Code settings."""

from __future__ import annotations

from typing import Any

from ..model import schema
from ..model.schema import Field, RecordType
from .jsonschema import schema_filename

FRONTMATTER_SCHEMA = "https://frontmatter.codes/frontmatter.schema.json"
DRAFT_FIELD = next(f for f in schema.COMMON_FIELDS if f.draft)


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
        "frontMatter.content.draftField": {"name": DRAFT_FIELD.key, "type": "boolean"},
        "frontMatter.taxonomy.dateFormat": schema.EDITOR_DATE_FORMAT,
        "frontMatter.content.pageFolders": [
            {
                "title": t.label_plural.capitalize(),
                "path": f"[[workspace]]/{content_dir}/{t.name}",
                "contentTypes": [t.name],
                "excludeSubdir": True,
                "previewPath": f"/{t.name}/",
                "trailingSlash": True,
                # Records of dated types are named after their date: 2025-03-12-mobilites.md
                "filePrefix": schema.EDITOR_DATE_FORMAT if t.dated else None,
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
    """The widget: the kind's own, then what the field declares (draft key, references, items, choices)."""
    if field.draft:
        return {"type": "draft"}
    if field.references:
        return _relationship(field.references, multiple=field.item is not None)
    if field.item is not None and field.item.fields:
        group_id = field.item.group_id
        groups.setdefault(group_id, {"id": group_id, "labelField": field.item.fields[0].key,
                                     "fields": [_field(f, groups) for f in field.item.fields]})
        return {"type": "block", "fieldGroup": [group_id]}
    out = dict(field.kind.editor)
    if field.multiline:
        out["single"] = False
    if out["type"] == "number":
        out["numberOptions"] = {bound: value for bound, value in (("min", field.minimum), ("max", field.maximum))
                                if value is not None}
    if field.choices:
        out["choices"] = [{"id": v, "title": field.label_of(v)} for v in field.choices]
    if field.fields:
        out["fields"] = [_field(f, groups) for f in field.fields]
    return out


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
