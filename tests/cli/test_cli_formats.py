"""`conseil check --format github|gitlab|json`, checked against the formats' specifications."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from tests.cli.clitools import BROKEN, broken_copy, run_conseil  # noqa: F401 (fixtures)
from tests.conftest import REPO

from conseil.cli.formats import github_annotation, gitlab_issues
from conseil.core import Diagnostic

# GitHub workflow commands: `::error file={name},line={line},endLine=…,col=…,endColumn=…,title={title}::{message}`.
# Properties are comma-separated `key=value`; in values `%`, CR, LF, `:` and `,` are escaped; in the message,
# `%`, CR and LF (actions/toolkit's escapeProperty and escapeData).
GITHUB_PROPERTIES = {"file", "line", "endLine", "col", "endColumn", "title"}
GITHUB_LINE = re.compile(r"^::(?P<level>error|warning|notice) (?P<properties>[^:]*)::(?P<message>[^\r\n]*)$")

# GitLab Code Quality report: a JSON array of Code Climate issues, with the fields GitLab requires.
GITLAB_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string", "pattern": r"^[^/]"},  # relative to the repository root
                    "lines": {"type": "object", "required": ["begin"],
                              "properties": {"begin": {"type": "integer", "minimum": 1}}},
                },
            },
        },
    },
}


def unescape(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


def parse_annotation(line: str) -> tuple[str, dict[str, str], str]:
    match = GITHUB_LINE.match(line)
    assert match, line
    properties = {}
    for pair in match["properties"].split(","):
        key, _, value = pair.partition("=")
        assert key in GITHUB_PROPERTIES and "=" in pair, pair
        properties[key] = unescape(value)
    return match["level"], properties, unescape(match["message"])


def test_github_annotations_locate_every_problem():
    result = run_conseil("check", "--format", "github", cwd=BROKEN)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 5
    annotations = [parse_annotation(line) for line in lines]
    level, properties, message = annotations[4]
    assert level == "error"
    assert properties == {"file": "content/reponses/2026-05-04-reponse-velo.md", "line": "6", "col": "11",
                          "endColumn": "17", "title": "conseil [choix-invalide]"}
    assert message.startswith("position : « retenu » n'est pas une valeur permise")
    assert "\naide : vouliez-vous dire « retenue » ?" in message
    assert "5 erreurs" in result.stderr


def test_github_paths_are_relative_to_the_repository_root():
    result = run_conseil("check", "--format", "github", "tests/fixtures/cli-broken", cwd=REPO)
    files = {parse_annotation(line)[1]["file"] for line in result.stdout.splitlines()}
    assert all((REPO / f).is_file() for f in files)


def test_github_escaping_follows_the_runner():
    diagnostic = Diagnostic("yaml-invalide", "content/a,b:c.md", 3, 7, "100% faux\r\nsuite", key="titre",
                            help="écrivez « a: b »", length=2)
    line = github_annotation(diagnostic)
    assert "\n" not in line and "\r" not in line
    level, properties, message = parse_annotation(line)
    assert properties["file"] == "content/a,b:c.md"
    assert "file=content/a%2Cb%3Ac.md," in line
    assert "100%25 faux%0D%0Asuite" in line
    assert message == "titre : 100% faux\r\nsuite\naide : écrivez « a: b »"
    assert properties["endColumn"] == "9"


def test_warnings_are_github_warnings():
    diagnostic = Diagnostic("donnee-personnelle", "content/x.md", 1, 1, "texte", severity="avertissement")
    assert github_annotation(diagnostic).startswith("::warning ")


def test_gitlab_report_follows_code_quality(broken_copy: Path):
    result = run_conseil("check", "--format", "gitlab", cwd=broken_copy)
    assert result.returncode == 1
    issues = json.loads(result.stdout)
    jsonschema.validate(issues, GITLAB_SCHEMA)
    assert len(issues) == 5
    assert len({i["fingerprint"] for i in issues}) == 5
    first = issues[0]
    assert first["check_name"] == "heure-non-citee"
    assert first["severity"] == "major"
    assert first["location"] == {"path": "content/assemblees/2026-04-10-atelier-velo.md",
                                 "lines": {"begin": 5, "end": 5}}
    assert "aide : écrivez heure_debut" in first["description"]


def test_gitlab_fingerprints_are_stable_when_lines_move(broken_copy: Path):
    before = json.loads(run_conseil("check", "--format", "gitlab", cwd=broken_copy).stdout)
    record = broken_copy / "content/reponses/2026-05-04-reponse-velo.md"
    record.write_text(record.read_text(encoding="utf-8").replace("---\n", "---\n# relu\n", 1), encoding="utf-8")
    after = json.loads(run_conseil("check", "--format", "gitlab", cwd=broken_copy).stdout)
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]
    assert after[4]["location"]["lines"]["begin"] == before[4]["location"]["lines"]["begin"] + 1


def test_identical_problems_get_distinct_fingerprints():
    twice = [Diagnostic("donnee-personnelle", "content/x.md", line, 1, "le texte publie une adresse électronique",
                        severity="avertissement") for line in (4, 9)]
    issues = gitlab_issues(twice)
    assert issues[0]["fingerprint"] != issues[1]["fingerprint"]
    assert issues[0]["severity"] == "minor"


def test_gitlab_report_written_to_a_file_keeps_the_terminal_readable(broken_copy: Path):
    result = run_conseil("check", "--format", "gitlab", "--output", "gl-code-quality-report.json", cwd=broken_copy)
    assert result.returncode == 1
    jsonschema.validate(json.loads((broken_copy / "gl-code-quality-report.json").read_text(encoding="utf-8")),
                        GITLAB_SCHEMA)
    assert "aide : vouliez-vous dire « claire-morel » ?" in result.stdout


def test_empty_reports_are_valid():
    github = run_conseil("check", "--format", "github", cwd=REPO)
    gitlab = run_conseil("check", "--format", "gitlab", cwd=REPO)
    assert github.returncode == gitlab.returncode == 0
    assert github.stdout == ""
    assert json.loads(gitlab.stdout) == []


@pytest.mark.parametrize("path", [BROKEN, REPO])
def test_json_report_holds_every_field(path: Path):
    result = run_conseil("check", "--format", "json", cwd=path)
    report = json.loads(result.stdout)
    assert report["erreurs"] + report["avertissements"] == len(report["problemes"])
    assert report["fiches_verifiees"] > 0
    for probleme in report["problemes"]:
        assert set(probleme) == {"code", "regle", "gravite", "fichier", "ligne", "colonne", "longueur", "cle",
                                 "message", "etiquette", "aide"}
        assert probleme["regle"], probleme["code"]
    if path == BROKEN:
        assert [p["code"] for p in report["problemes"]] == ["heure-non-citee", "cle-inconnue", "ref-inconnue",
                                                             "yaml-invalide", "choix-invalide"]


def test_github_step_summary_lists_the_problems(tmp_path: Path):
    page = tmp_path / "summary.md"
    page.write_text("# Étapes précédentes\n", encoding="utf-8")
    run_conseil("check", "--format", "github", cwd=BROKEN, GITHUB_STEP_SUMMARY=str(page))
    text = page.read_text(encoding="utf-8")
    assert text.startswith("# Étapes précédentes\n")  # appended, never overwritten
    rows = [line for line in text.splitlines() if line.startswith("| `content/")]
    assert len(rows) == 5
    assert rows[-1].startswith("| `content/reponses/2026-05-04-reponse-velo.md` | 6 | `choix-invalide` |")
    assert all(row.count(" | ") == 3 for row in rows)  # pipes inside messages are escaped


def test_the_terminal_styles_the_core_rendering_part_by_part():
    """The console colours the core's parts (no re-reading of the text): same characters, a style on each part."""
    from conseil.cli.console import styled
    from conseil.core import render

    diagnostic = Diagnostic("choix-invalide", "content/reponses/r.md", 2, 11, "« retenu » n'est pas une valeur permise",
                            key="position", label="valeur inconnue", help="vouliez-vous dire « retenue » ?", length=6)
    lines = ["---", "position: retenu", "---"]
    text = styled(diagnostic, lines)
    assert text.plain == render(diagnostic, lines)
    styles = {text.plain[span.start:span.end]: str(span.style) for span in text.spans}
    assert styles == {
        "content/reponses/r.md:2:11:": "bold", "erreur": "bold red", "[choix-invalide]": "dim",
        " position : « retenu » n'est pas une valeur permise": "bold",
        "  2 | ": "bold blue", "    | ": "bold blue", "          ^^^^^^ valeur inconnue": "bold red",
        "  aide": "bold cyan",
    }
