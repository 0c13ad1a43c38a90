"""`conseil schema`: JSON Schemas and editor configuration, derived from the model and committed up to date."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.cli.clitools import BROKEN, run_conseil
from tests.conftest import REPO

from conseil.core.model import schema
from conseil.core.editing.jsonschema import all_schemas, record_schema

RECORD_TYPES = list(schema.RECORD_TYPES.values())


def front_matter(path: Path) -> dict:
    """The header as an editor's YAML parser reads it: dates as ISO text, as they are written."""
    header = path.read_text(encoding="utf-8").split("---\n")[1]
    return _as_text_dates(yaml.safe_load(header) or {})


def _as_text_dates(value):
    if isinstance(value, dict):
        return {k: _as_text_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_text_dates(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


@pytest.mark.parametrize("record_type", RECORD_TYPES, ids=lambda t: t.name)
def test_schema_is_valid_draft_2020_12(record_type):
    generated = record_schema(record_type)
    jsonschema.Draft202012Validator.check_schema(generated)
    assert set(generated["properties"]) == set(record_type.keys)
    assert generated["required"] == [f.key for f in record_type.fields if f.required]
    assert generated["additionalProperties"] is False


@pytest.mark.parametrize("record_type", RECORD_TYPES, ids=lambda t: t.name)
def test_every_demo_record_matches_its_schema(record_type):
    validator = jsonschema.Draft202012Validator(record_schema(record_type),
                                                format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    records = sorted((REPO / "content" / record_type.name).glob("*.md"))
    assert records
    for path in records:
        errors = [e.message for e in validator.iter_errors(front_matter(path))]
        assert not errors, (path.name, errors)


def test_schemas_reject_what_the_validator_rejects():
    reponse = front_matter(BROKEN / "content/reponses/2026-05-04-reponse-velo.md")
    assignments = front_matter(BROKEN / "content/assemblees/2026-04-10-atelier-velo.md")
    assert not jsonschema.Draft202012Validator(record_schema(schema.REPONSES)).is_valid(reponse)  # position: retenu
    errors = list(jsonschema.Draft202012Validator(record_schema(schema.ASSEMBLEES)).iter_errors(assignments))
    messages = " ".join(e.message for e in errors)
    assert "lieux" in messages  # unknown key
    assert "1110" in messages  # 18:30 read as a number by YAML 1.1


def test_committed_files_are_up_to_date_with_the_model():
    result = run_conseil("schema", "--check", cwd=REPO)
    assert result.returncode == 0, result.stdout
    for name, data in all_schemas().items():
        assert json.loads((REPO / "schemas" / name).read_text(encoding="utf-8")) == data


def test_schema_check_fails_on_a_stale_file(tmp_path: Path):
    (tmp_path / "content").mkdir()
    assert run_conseil("schema", cwd=tmp_path).returncode == 0
    assert run_conseil("schema", "--check", cwd=tmp_path).returncode == 0
    stale = tmp_path / "schemas" / "themes.schema.json"
    stale.write_text(stale.read_text(encoding="utf-8").replace("Nom du thème", "Nom"), encoding="utf-8")
    result = run_conseil("schema", "--check", cwd=tmp_path)
    assert result.returncode == 1
    assert "pas à jour : schemas/themes.schema.json" in result.stdout


def test_front_matter_cms_config_has_every_record_type():
    config = json.loads((REPO / "frontmatter.json").read_text(encoding="utf-8"))
    content_types = {t["name"]: t for t in config["frontMatter.taxonomy.contentTypes"]}
    assert set(content_types) == set(schema.RECORD_TYPES)
    groups = {g["id"]: g for g in config["frontMatter.taxonomy.fieldGroups"]}
    for record_type in RECORD_TYPES:
        fields = {f["name"]: f for f in content_types[record_type.name]["fields"]}
        assert list(fields) == record_type.keys
        for spec in record_type.fields:
            field = fields[spec.key]
            assert field.get("required", False) == spec.required, spec.key
            if spec.kind == schema.CHOICE:
                assert field["type"] == "choice"
                assert [c["id"] for c in field["choices"]] == list(spec.choices)
            if spec.kind == schema.DATE:
                assert field["type"] == "datetime" and field["dateFormat"] == "yyyy-MM-dd"
            target = spec.target or (spec.item.target if spec.item else None)
            if target:
                assert field["type"] == "contentRelationship"
                assert field["contentTypeName"] in content_types  # a relation to another record type
                assert field["multiple"] is (spec.kind == schema.LIST)
            if spec.kind == schema.LIST and spec.item.kind == schema.OBJECT:
                assert field["type"] == "block"
                group = groups[field["fieldGroup"][0]]
                assert [f["name"] for f in group["fields"]] == [f.key for f in spec.item.fields]
    folders = config["frontMatter.content.pageFolders"]
    assert sorted(f["contentTypes"][0] for f in folders) == sorted(schema.RECORD_TYPES)
    for folder in folders:
        assert (REPO / folder["path"].replace("[[workspace]]/", "")).is_dir()
    assert config["frontMatter.content.draftField"] == {"name": "brouillon", "type": "boolean"}


def test_vscode_settings_point_at_the_schemas():
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapped = settings["yaml.schemas"]
    assert len(mapped) == len(RECORD_TYPES)
    for schema_path, globs in mapped.items():
        assert (REPO / schema_path).is_file()
        assert all(glob.startswith("content/") for glob in globs)
    extensions = json.loads((REPO / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "eliostruyf.vscode-front-matter" in extensions["recommendations"]


def test_items_written_by_front_matter_cms_pass(tmp_path: Path):
    """Front Matter CMS marks each item of a `block` list with `fieldGroup: <group>`: that mark is accepted."""
    site = tmp_path / "site"
    (site / "content/themes").mkdir(parents=True)
    (site / "content/themes/eau.md").write_text("---\ntitre: Eau\n---\n", encoding="utf-8")
    (site / "content/contributions").mkdir()
    record = site / "content/contributions/2026-01-05-avis-eau.md"
    record.write_text(
        "---\ntitre: Avis sur l'eau\ndate: 2026-01-05\nnature: avis\norigine: auto-saisine\n"
        "reponse_attendue: false\nrecommandations:\n  - id: r1\n    texte: Économiser l'eau\n"
        "    fieldGroup: recommandations\n---\n", encoding="utf-8")
    config = json.loads((REPO / "frontmatter.json").read_text(encoding="utf-8"))
    assert "recommandations" in {g["id"] for g in config["frontMatter.taxonomy.fieldGroups"]}
    assert run_conseil("check", cwd=site).returncode == 0
    assert jsonschema.Draft202012Validator(record_schema(schema.CONTRIBUTIONS)).is_valid(front_matter(record))
    record.write_text(record.read_text(encoding="utf-8").replace("fieldGroup: recommandations", "fieldGroup: autre"),
                      encoding="utf-8")
    wrong = run_conseil("check", cwd=site)
    assert wrong.returncode == 1 and "[cle-inconnue] fieldGroup" in wrong.stdout
