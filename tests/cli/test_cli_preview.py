"""While previewing, `mkdocs serve` shows each record's problems on its page; a published build never does."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.cli.clitools import broken_copy  # noqa: F401 (fixture)
from tests.conftest import ENGINE, build_env, mkdocs_build
from tests.serving import fetch, free_port, running, wait_for

pytestmark = pytest.mark.slow
BANNER = "cdd-problemes"


@pytest.fixture
def served(broken_copy: Path):
    """`mkdocs serve` (or `properdocs serve`) on a copy of the broken corpus, on a free loopback port; stopped afterwards."""
    port = free_port()
    log = broken_copy / "serve.log"
    command = [sys.executable, "-m", ENGINE, "serve", "--dev-addr", f"127.0.0.1:{port}"]
    with running(command, cwd=broken_copy, env=build_env(), log=log):
        yield f"http://127.0.0.1:{port}", broken_copy, log


def test_banner_on_the_page_of_a_record_with_problems(served):
    base, site, log = served
    page = wait_for(f"{base}/contributions/2026-03-02-avis-velo/", lambda text: BANNER in text)
    assert "Aperçu : 1 problème dans cette fiche" in page
    assert "aucun élu ni organe « claire-moreau »" in page
    assert "vouliez-vous dire « claire-morel » ?" in page
    clean = wait_for(f"{base}/elus/claire-morel/", lambda text: "Claire Morel" in text)
    assert BANNER not in clean
    assert "aucun élu ni organe « claire-moreau »" in log.read_text(encoding="utf-8")  # and in the terminal


def test_a_record_that_cannot_be_read_gets_a_preview_page(served):
    base, site, log = served
    page = wait_for(f"{base}/contributions/2026-06-01-alerte-illisible/", lambda text: BANNER in text)
    assert "Fiche illisible" in page
    assert "yaml-invalide" in page


def test_editing_a_record_rebuilds_and_shows_the_new_error(served):
    base, site, log = served
    url = f"{base}/elus/claire-morel/"
    assert BANNER not in wait_for(url, lambda text: "Claire Morel" in text)
    record = site / "content/elus/claire-morel.md"
    record.write_text(record.read_text(encoding="utf-8").replace("themes: [mobilites]", "themes: [mobilite]"),
                      encoding="utf-8")
    page = wait_for(url, lambda text: BANNER in text)
    assert "aucun thème « mobilite »" in page
    # Fixing it removes the banner on the next rebuild.
    record.write_text(record.read_text(encoding="utf-8").replace("themes: [mobilite]", "themes: [mobilites]"),
                      encoding="utf-8")
    wait_for(url, lambda text: "Claire Morel" in text and BANNER not in text)


def test_published_build_never_shows_the_banner(tmp_path: Path, broken_copy: Path):
    """A site whose only problem is a warning builds (without --strict), and no page carries the banner."""
    content = broken_copy / "content"
    for path in (content / "contributions/2026-06-01-alerte-illisible.md", content / "reponses/2026-05-04-reponse-velo.md",
                 content / "assemblees/2026-04-10-atelier-velo.md"):
        path.unlink()
    contribution = content / "contributions/2026-03-02-avis-velo.md"
    contribution.write_text(contribution.read_text(encoding="utf-8").replace("claire-moreau", "claire-morel")
                            + "\nContact : jean.dupont@example.org\n", encoding="utf-8")
    result = mkdocs_build(broken_copy / "mkdocs.yml", tmp_path / "site", strict=False)
    assert result.returncode == 0, result.stderr
    assert "donnee-personnelle" in result.stderr  # reported in the terminal...
    page = (tmp_path / "site/contributions/2026-03-02-avis-velo/index.html").read_text(encoding="utf-8")
    assert "Avis sur le plan vélo" in page
    for html in (tmp_path / "site").rglob("*.html"):  # ...never on a published page
        assert BANNER not in html.read_text(encoding="utf-8"), html


def test_the_preview_builds_no_search_index_and_its_search_page_says_so(served):
    """`serve` keeps its speed: no Pagefind index; the search page tells the editor where the search is."""
    base, site, log = served
    page = wait_for(f"{base}/recherche/", lambda text: "cdd-recherche" in text)
    assert "La recherche n'est pas disponible dans l'aperçu" in page and "recherche.js" not in page
    assert fetch(f"{base}/pagefind/pagefind.js")[0] == 404
