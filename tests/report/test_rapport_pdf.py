"""`conseil rapport-pdf`: a readable multi-page A4 PDF of the report, printed by headless Chromium."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from conseil.cli import main

A4_POINTS = (595.28, 841.89)


@pytest.mark.browser
@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's chromium is not installed")
def test_the_pdf_of_the_report_is_a_multi_page_a4_document_with_its_text(demo_site, tmp_path):
    output = tmp_path / "rapport-2025.pdf"
    result = CliRunner().invoke(main, ["rapport-pdf", "--site", str(demo_site), "--periode", "2025",
                                       "--sortie", str(output)])
    assert result.exit_code == 0, result.output
    assert "Rapport d'activité écrit dans" in result.output
    reader = PdfReader(output)
    assert len(reader.pages) >= 3
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - A4_POINTS[0]) <= 1 and abs(height - A4_POINTS[1]) <= 1
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Rapport d'activité — Année 2025" in text
    assert "Comment ces chiffres sont calculés" in text
    assert "mise en route du programme de travail" in text  # the team's narrative
    first_page = reader.pages[0].extract_text()
    assert "Rechercher" not in first_page  # the site's search box and navigation are not printed


def test_without_chromium_the_command_says_what_to_install(demo_site, tmp_path, monkeypatch):
    monkeypatch.setenv("CHROMIUM", "chromium-absent-de-cette-machine")
    result = CliRunner().invoke(main, ["rapport-pdf", "--site", str(demo_site), "--sortie",
                                       str(tmp_path / "r.pdf")])
    assert result.exit_code == 1
    assert "Chromium est introuvable : installez le paquet Debian « chromium »" in result.output
    assert not (tmp_path / "r.pdf").exists()


def test_an_unknown_period_lists_the_available_ones(demo_site, tmp_path):
    if shutil.which("chromium") is None:
        pytest.skip("the period is checked after the browser is found")
    result = CliRunner().invoke(main, ["rapport-pdf", "--site", str(demo_site), "--periode", "1999",
                                       "--sortie", str(tmp_path / "r.pdf")])
    assert result.exit_code == 1
    assert "pas de rapport pour la période « 1999 »" in result.output
    assert "2025, 2026, mandature-2020-2026" in result.output


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.skipif(shutil.which("chromium") is None, reason="Debian's chromium is not installed")
def test_without_a_built_site_the_command_builds_one(tmp_path, monkeypatch):
    from tests.conftest import REPO, build_env

    for name, value in build_env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["rapport-pdf", "--config-file", str(REPO / "mkdocs.yml")])
    assert result.exit_code == 0, result.output
    # The default period is the latest calendar year, the default file is named after it.
    reader = PdfReader(tmp_path / "rapport-2026.pdf")
    assert "Rapport d'activité — Année 2026" in reader.pages[0].extract_text()
