"""`conseil rapport-pdf`: a readable multi-page A4 PDF of the report, printed by headless Chromium."""

from __future__ import annotations

import shutil
import unicodedata

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from conseil.cli import main

A4_POINTS = (595.28, 841.89)


def require_chromium() -> None:
    """`make test` installs Debian's chromium: its absence is a failure, not a reason to skip."""
    if shutil.which("chromium") is None:
        pytest.fail("chromium est introuvable : lancez « make install-dev » (scripts/install-system-deps.sh)")


def page_text(page) -> str:
    """A PDF page's text as a reader sees it: the fonts of the machine decide whether « ff » is printed
    as the ligature U+FB00 (and « fi », « fl »…), so the text is compared after NFKC normalisation."""
    return unicodedata.normalize("NFKC", page.extract_text())


@pytest.mark.browser
def test_the_pdf_of_the_report_is_a_multi_page_a4_document_with_its_text(demo_site, tmp_path):
    require_chromium()
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
    text = " ".join(page_text(page) for page in reader.pages)
    assert "Rapport d'activité — Année 2025" in text
    assert "Comment ces chiffres sont calculés" in text
    assert "mise en route du programme de travail" in text  # the team's narrative
    first_page = page_text(reader.pages[0])
    assert "Rechercher" not in first_page  # the site's search box and navigation are not printed


def test_without_chromium_the_command_says_what_to_install(demo_site, tmp_path, monkeypatch):
    monkeypatch.setenv("CHROMIUM", "chromium-absent-de-cette-machine")
    result = CliRunner().invoke(main, ["rapport-pdf", "--site", str(demo_site), "--sortie",
                                       str(tmp_path / "r.pdf")])
    assert result.exit_code == 1
    assert "Chromium est introuvable : installez le paquet Debian « chromium »" in result.output
    assert not (tmp_path / "r.pdf").exists()


def test_an_unknown_period_lists_the_available_ones(demo_site, tmp_path):
    require_chromium()  # the period is checked after the browser is found
    result = CliRunner().invoke(main, ["rapport-pdf", "--site", str(demo_site), "--periode", "1999",
                                       "--sortie", str(tmp_path / "r.pdf")])
    assert result.exit_code == 1
    assert "pas de rapport pour la période « 1999 »" in result.output
    assert "2025, 2026, mandature-2020-2026" in result.output


@pytest.mark.browser
@pytest.mark.slow
def test_without_a_built_site_the_command_builds_one(tmp_path, monkeypatch):
    require_chromium()
    from tests.conftest import REPO, build_env

    for name, value in build_env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["rapport-pdf", "--config-file", str(REPO / "mkdocs.yml")])
    assert result.exit_code == 0, result.output
    # The default period is the latest calendar year, the default file is named after it.
    reader = PdfReader(tmp_path / "rapport-2026.pdf")
    assert "Rapport d'activité — Année 2026" in page_text(reader.pages[0])


def test_outside_a_site_without_a_config_file_the_command_says_where_to_run_it(tmp_path, monkeypatch):
    require_chromium()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["rapport-pdf"])
    assert result.exit_code == 2 and "aucun mkdocs.yml (ni properdocs.yml)" in result.output, result.output


def test_pdf_text_is_compared_without_the_ligatures_that_fonts_may_print():
    class Page:
        def extract_text(self) -> str:
            return "Comment ces chiﬀres sont calculés, ﬁn du ﬂux"  # U+FB00, U+FB01, U+FB02

    assert page_text(Page()) == "Comment ces chiffres sont calculés, fin du flux"
