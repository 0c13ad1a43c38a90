"""Forms a version deprecates: read as their replacement, named by `conseil check` with the fix, listed in the reference.

No form of the current model is deprecated yet (see docs/modele-de-contenu.md): these tests declare one of their own,
`forme: oral` for `forme: orale`, on the answers' record type.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from conseil import __version__
from conseil.cli import main
from conseil.core.editing.reference import content_model_reference
from conseil.core.model import schema
from conseil.core.model.diagnostics import Diagnostic
from conseil.core.reading.parse import parse_record
from conseil.core.model.schema import Deprecation
from conseil.plugin.plugin import ConseilPlugin

from tests.cli.clitools import demo_copy  # noqa: F401 (fixture)
from tests.conftest import REPO

ORAL = Deprecation(since="1.1.0", replacement="orale", removal="2.0.0")
RECORD = "contributions: [une-contribution]\nelu: une-elue\nposition: information\n"


def with_deprecated_oral() -> schema.RecordType:
    reponses = schema.RECORD_TYPES["reponses"]
    fields = tuple(dataclasses.replace(f, deprecated_choices={"oral": ORAL}) if f.key == "forme" else f
                   for f in reponses.fields)
    return dataclasses.replace(reponses, fields=fields)


def test_a_deprecated_choice_is_read_as_its_replacement_with_a_located_warning() -> None:
    text = f"---\ntitre: Réponse en séance\ndate: 2026-03-01\n{RECORD}forme: oral\n---\n\nTexte.\n"
    record, problems = parse_record(with_deprecated_oral(), "reponse", "content/reponses/reponse.md", text)
    assert record is not None and record.forme == "orale"
    [warning] = problems
    assert (warning.code, warning.severity, warning.line, warning.column, warning.key) == \
        ("forme-depreciee", "note", 7, 8, "forme")
    assert "dépréciée depuis conseil 1.1.0" in warning.message and "2.0.0 la refusera" in warning.message
    assert warning.help == "écrivez forme: orale"
    _, undeclared = parse_record(schema.RECORD_TYPES["reponses"], "reponse", "content/reponses/reponse.md", text)
    assert [d.code for d in undeclared] == ["choix-invalide"]  # without the declaration, an unknown value


def test_the_reference_lists_the_deprecated_forms(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "Aucune forme n'est dépréciée dans cette version." in content_model_reference()
    monkeypatch.setitem(schema.RECORD_TYPES, "reponses", with_deprecated_oral())
    assert schema.deprecated_forms() == [("reponses", "forme", "oral", ORAL)]
    assert "| `reponses/` | `forme` | `oral` | `orale` | 1.1.0 | 2.0.0 |" in content_model_reference()


def test_conseil_check_names_the_deprecated_form_and_its_fix(demo_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    record = demo_copy / "content" / "reponses" / "2025-03-03-reponse-tarification-solidaire.md"
    record.write_text(record.read_text(encoding="utf-8").replace("position: information\n",
                                                                 "position: information\nforme: oral\n"), encoding="utf-8")
    monkeypatch.setitem(schema.RECORD_TYPES, "reponses", with_deprecated_oral())
    monkeypatch.chdir(demo_copy)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0, result.output  # named, not blocking: a council's CI still publishes
    assert "content/reponses/2025-03-03-reponse-tarification-solidaire.md:7:8: note [forme-depreciee] " \
           "forme : « oral » est une forme dépréciée depuis conseil 1.1.0" in result.output
    assert "aide : écrivez forme: orale" in result.output


def test_the_changelog_says_what_the_installed_version_asks_of_a_council() -> None:
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    section = changelog.split(f"\n## {__version__} — ")[1].split("\n## ")[0]  # fails when the version has none
    assert "À faire" in section or "Rien à faire" in section


def test_the_build_names_a_deprecated_form_without_stopping_a_strict_build(caplog: pytest.LogCaptureFixture) -> None:
    deprecated = Diagnostic("forme-depreciee", "content/reponses/r.md", 7, 8, "« oral » est une forme dépréciée",
                            key="forme", severity="note")
    other = Diagnostic("commune-inconnue", "content/assemblees/a.md", 3, 10, "commune inconnue", key="commune",
                       severity="avertissement")
    corpus = SimpleNamespace(diagnostics=[deprecated, other], error_count=0, sources={})
    with caplog.at_level("INFO", logger="mkdocs.plugins.conseil"):
        ConseilPlugin()._report_problems(corpus)
    levels = {record.getMessage().split("\n")[0]: record.levelname for record in caplog.records}
    assert levels["content/reponses/r.md:7:8: note [forme-depreciee] forme : « oral » est une forme "
                  "dépréciée"] == "INFO"  # MkDocs' strict mode counts warnings: a deprecation must not be one
    assert levels["content/assemblees/a.md:3:10: avertissement [commune-inconnue] commune : commune inconnue"] == "WARNING"
