"""Personal data: e-mail addresses and phone numbers in a record are flagged before anything is published."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from tests.conftest import REPO, mkdocs_build
from conseil.core import Settings, SourceFile, load
from conseil.core.model.diagnostics import AVERTISSEMENT

HEADER = "---\ntitre: Thème\ndescription: {description}\n---\n\n"


def warnings_for(body: str, description: str = "Texte.") -> list:
    text = HEADER.format(description=description) + body + "\n"
    corpus = load([SourceFile("themes/t.md", "content/themes/t.md", lambda: text.encode())],
                  Settings(build_date=date(2026, 11, 23)))
    return [d for d in corpus.diagnostics if d.code == "donnee-personnelle"]


@pytest.mark.parametrize("body, found", [
    ("Écrire à jean.dupont@example.org.", "jean.dupont@example.org"),
    ("Contact : marie+cdd@mairie-lanceval.fr", "marie+cdd@mairie-lanceval.fr"),
    ("Appeler le 06 12 34 56 78.", "06 12 34 56 78"),
    ("Appeler le 06.12.34.56.78.", "06.12.34.56.78"),
    ("Appeler le 0612345678.", "0612345678"),
    ("Appeler le +33 6 12 34 56 78.", "+33 6 12 34 56 78"),
])
def test_personal_data_in_a_body_is_a_located_warning(body, found):
    [warning] = warnings_for(body)
    assert warning.severity == AVERTISSEMENT and warning.line == 6
    assert body[warning.column - 1:warning.column - 1 + warning.length] == found


@pytest.mark.parametrize("body", [
    "Réunion le 2025-03-12 à 18 h 30.", "Une métropole de 120 000 habitants.", "Articles 01 02 03.",
    "Voir https://example.org/a@b (lien).", "Budget : 1 234 567 euros.", "Code postal 99990.",
])
def test_dates_amounts_and_codes_are_not_personal_data(body):
    assert warnings_for(body) == []


def test_personal_data_in_a_text_field_is_located_on_the_field():
    [warning] = warnings_for("Corps.", description='"Écrire à a.b@example.org"')
    line = "description: \"Écrire à a.b@example.org\""
    assert (warning.key, warning.line, warning.column) == ("description", 3, line.index("a.b@") + 1)


def test_a_warning_stops_a_strict_build(tmp_path):
    """MkDocs counts warnings in strict mode: a phone number in a record blocks publication (deliberate)."""
    project = tmp_path / "projet"
    shutil.copytree(REPO / "content", project / "content")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    (project / "content" / "themes" / "contact.md").write_text(
        HEADER.format(description="Texte.") + "Joindre Mme X au 06 12 34 56 78.\n", encoding="utf-8")
    strict = mkdocs_build(project / "mkdocs.yml", tmp_path / "strict")
    assert strict.returncode != 0
    assert "content/themes/contact.md:6:" in strict.stderr and "[donnee-personnelle]" in strict.stderr
    lenient = mkdocs_build(project / "mkdocs.yml", tmp_path / "souple", strict=False)
    assert lenient.returncode == 0 and "[donnee-personnelle]" in lenient.stderr
