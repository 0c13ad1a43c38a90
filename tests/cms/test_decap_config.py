"""admin/config.yml: the Decap CMS forms derived from the model, and the front matter format they write with."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.cli.clitools import run_conseil
from tests.conftest import REPO

from conseil.core.model import schema
from conseil.core.editing.decap import FORMAT, Backend, decap_config

RECORD_TYPES = list(schema.RECORD_TYPES.values())
COMMITTED = yaml.safe_load((REPO / "admin" / "config.yml").read_text(encoding="utf-8"))
COLLECTIONS = {c["name"]: c for c in COMMITTED["collections"]}


def _check_field(widget: dict, field: schema.Field, *, in_optional_object: bool = False) -> None:
    assert widget["name"] == field.key
    # Decap's default is required: always said. Inside an optional object nothing is: Decap would check the keys
    # of an object left empty and refuse to save (conseil check still asks for them when the object is written).
    assert widget["required"] is (field.required and not in_optional_object), field.key
    assert widget["hint"] == field.description
    if field.references:
        assert widget["widget"] == "relation"
        assert widget["collection"] == field.references and widget["collection"] in COLLECTIONS
        assert widget["value_field"] == "{{slug}}"  # the file name is the id
        assert widget["multiple"] is (field.kind is schema.LIST)
    elif field.kind is schema.CHOICE:
        assert widget["widget"] == "select"
        assert [o["value"] for o in widget["options"]] == list(field.choices)
    elif field.kind is schema.DATE:
        assert widget["widget"] == "datetime"
        assert widget["format"] == "YYYY-MM-DD" and widget["time_format"] is False
        if not field.required:
            assert widget["default"] == ""  # not today's date, unasked
    elif field.kind is schema.TIME:
        assert widget["widget"] == "string"
        pattern = re.compile(widget["pattern"][0])
        assert pattern.match("18:30") and pattern.match("09:05")
        assert not pattern.match("18h30") and not pattern.match("24:00") and not pattern.match("1110")
    elif field.kind is schema.LIST and field.item.fields:
        assert widget["widget"] == "list"
        for sub_widget, sub_field in zip(widget["fields"], field.item.fields, strict=True):
            _check_field(sub_widget, sub_field)
    elif field.kind is schema.OBJECT:
        assert widget["widget"] == "object"
        for sub_widget, sub_field in zip(widget["fields"], field.fields, strict=True):
            _check_field(sub_widget, sub_field, in_optional_object=not field.required)
    elif field.kind is schema.APPROXIMATE_DATE:  # a text box: a date picker would invent the day
        assert widget["widget"] == "string"
        pattern = re.compile(widget["pattern"][0])
        assert all(pattern.match(v) for v in ("2025-03-12", "2019-03", "2016", "2016/2018", "2023-06/2023-12"))
        assert not any(pattern.match(v) for v in ("12/03/2025", "mars 2019", "2016-2018", "2019-3"))
    elif field.kind is schema.ATTENDANCE:
        assert widget["widget"] == "string"
        pattern = re.compile(widget["pattern"][0])
        assert all(pattern.match(v) for v in ("150", "environ 150", "près de 150", "plus de 40"))
        assert not any(pattern.match(v) for v in ("150 personnes", "environ", "~150", "-3"))
    elif field.kind is schema.BOOLEAN:
        assert widget["widget"] == "boolean"
    elif field.kind is schema.INTEGER:
        assert widget["widget"] == "number" and widget["value_type"] == "int"


@pytest.mark.parametrize("record_type", RECORD_TYPES, ids=lambda t: t.name)
def test_one_collection_per_record_type_and_one_widget_per_key(record_type):
    collection = COLLECTIONS[record_type.name]
    assert collection["folder"] == f"content/{record_type.name}"
    assert collection["format"] == FORMAT and collection["extension"] == "md"
    assert collection["identifier_field"] == record_type.title_field.key
    widgets = collection["fields"]
    assert [w["name"] for w in widgets] == [*record_type.keys, "body"]
    for widget, field in zip(widgets, record_type.fields):
        _check_field(widget, field)


@pytest.mark.parametrize("record_type", RECORD_TYPES, ids=lambda t: t.name)
def test_file_names_follow_the_rule_of_conseil_new(record_type):
    """Dated types: `2025-03-12-<title slug>`; others: `<title slug>`, lowercase ASCII without accents."""
    slug = COLLECTIONS[record_type.name]["slug"]
    assert slug == ("{{fields.date}}-{{slug}}" if record_type.dated else "{{slug}}")
    assert COMMITTED["slug"] == {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}


def test_the_committed_config_reflects_the_cms_options_of_mkdocs_yml():
    assert COMMITTED["locale"] == "fr"
    assert COMMITTED["backend"] == {"name": "github", "repo": "exemple/conseil-developpement", "branch": "main"}
    assert COMMITTED["publish_mode"] == "editorial_workflow"
    assert "local_backend" not in COMMITTED  # only `mkdocs serve` (make edit) edits the working copy


def test_backends_from_options():
    gitlab = decap_config(backend=Backend.from_options(
        {"backend": "gitlab", "repo": "metropole/conseil", "branch": "publication", "app_id": "abc123",
         "api_root": "https://gitlab.example.org/api/v4"}))
    assert gitlab["backend"] == {"name": "gitlab", "repo": "metropole/conseil", "branch": "publication",
                                 "app_id": "abc123", "api_root": "https://gitlab.example.org/api/v4",
                                 "auth_type": "pkce"}
    assert "publish_mode" not in gitlab
    local = decap_config(local_port=8123)
    assert local["backend"] == {"name": "test-repo"} and local["local_backend"] == {"url": "http://127.0.0.1:8123/api/v1"}


def test_conseil_schema_writes_the_cms_block_of_mkdocs_yml(tmp_path: Path):
    (tmp_path / "content").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Essai\ndocs_dir: content\nplugins:\n  - conseil:\n      cms:\n        backend: gitlab\n"
        "        repo: groupe/site\n        editorial_workflow: true\n", encoding="utf-8")
    assert run_conseil("schema", cwd=tmp_path).returncode == 0
    written = yaml.safe_load((tmp_path / "admin" / "config.yml").read_text(encoding="utf-8"))
    assert written["backend"] == {"name": "gitlab", "repo": "groupe/site", "branch": "main"}
    assert written["publish_mode"] == "editorial_workflow"
    (tmp_path / "admin" / "config.yml").write_text("backend: {name: github}\n", encoding="utf-8")
    stale = run_conseil("schema", "--check", cwd=tmp_path)
    assert stale.returncode == 1 and "pas à jour : admin/config.yml" in stale.stdout


# -- the front matter format (assets/admin/conseil-cms.js), run by Node on the built site's /admin/ ----------

_RUN_FORMAT = """
const calls = JSON.parse(process.argv[2]);
let format;
globalThis.window = { CMS: { registerCustomFormat: (name, extension, formatter) => { format = formatter; },
                             init: () => {} } };
await import(process.argv[1]);
const out = calls.map(([method, args]) => format[method](...args));
console.log(JSON.stringify(out));
"""


def _format(demo_site: Path, *calls: tuple[str, list]) -> list:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node est introuvable : installez Node.js 20 (make install-cms l'exige aussi)")
    result = subprocess.run([node, "--input-type=module", "-e", _RUN_FORMAT, str(demo_site / "admin" / "conseil-cms.js"),
                             json.dumps(calls)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_what_the_format_writes_passes_the_checks(demo_site: Path, tmp_path: Path):
    """Times and YAML 1.1 words quoted, dates plain, empty optional values left out, items on their own."""
    assemblee = {"titre": "yes", "date": "2026-03-12", "type": "atelier", "heure_debut": "18:30",
                 "heure_fin": "21:00", "lieu": "", "commune": "Lanceval", "themes": ["mobilites"],
                 "participants": 40, "niveau": "", "documents": [], "publication": "",
                 "body": "Ordre du jour : on en parle.\n"}
    [text] = _format(demo_site, ("toFile", [assemblee, [f.key for f in schema.ASSEMBLEES.fields]]))
    assert text == ('---\ntitre: "yes"\ndate: 2026-03-12\ntype: atelier\nheure_debut: "18:30"\nheure_fin: "21:00"\n'
                    'commune: Lanceval\nthemes: [mobilites]\nparticipants: 40\n---\nOrdre du jour : on en parle.\n')
    site = tmp_path / "site"
    shutil.copytree(REPO / "content" / "themes", site / "content" / "themes")
    record = site / "content" / "assemblees" / "2026-03-12-yes.md"
    record.parent.mkdir()
    record.write_text(text, encoding="utf-8")
    check = run_conseil("check", cwd=site)
    assert check.returncode == 0, check.stdout


def test_the_format_reads_back_what_the_team_wrote(demo_site: Path):
    original = (REPO / "content" / "reponses" / "2025-10-21-reponse-ligne-12-soiree.md").read_text(encoding="utf-8")
    [data] = _format(demo_site, ("fromFile", [original]))
    assert data["date"] == "2025-10-21"  # the text the date widget edits
    assert data["engagements"][0]["echeance"] == "2025-11-03"
    assert data["body"].startswith("\nJ'ai bien reçu votre alerte")
    keys = [f.key for f in schema.REPONSES.fields]
    [again] = _format(demo_site, ("toFile", [data, keys]))
    assert yaml.safe_load(again.split("---\n")[1]) == yaml.safe_load(original.split("---\n")[1])
    assert again.split("---\n", 2)[2] == original.split("---\n", 2)[2]  # the body, byte for byte
