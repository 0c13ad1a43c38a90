"""Drafts and embargoed records appear in no export, feed, calendar or report."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

UNPUBLISHED = (
    "2026-11-18-avis-eclairage-public",  # draft contribution
    "2026-11-10-avis-revision-scot",  # embargoed contribution
    "2026-11-20-reponse-programme-local-habitat",  # draft answer
)
UNPUBLISHED_TITLES = ("éclairage public", "révision du schéma de cohérence territoriale")


def generated_files(site):
    patterns = ("donnees/*", "flux/*.xml", "assemblees/*.ics", "rapport/**/*.html")
    return sorted({p for pattern in patterns for p in site.glob(pattern) if p.is_file()})


def test_generated_files_exist(demo_site):
    names = {p.relative_to(demo_site).as_posix() for p in generated_files(demo_site)}
    assert {"donnees/contributions.csv", "donnees/reponses.json", "flux/publications.xml",
            "assemblees/agenda.ics", "rapport/2026/index.html", "rapport/mandature-2020-2026/index.html"} <= names


@pytest.mark.parametrize("record_id", UNPUBLISHED)
def test_unpublished_ids_are_in_no_generated_file(demo_site, record_id):
    leaking = [p.relative_to(demo_site).as_posix() for p in generated_files(demo_site)
               if record_id in p.read_text(encoding="utf-8")]
    assert leaking == []


@pytest.mark.parametrize("title", UNPUBLISHED_TITLES)
def test_unpublished_titles_are_in_no_export_or_feed(demo_site, title):
    leaking = [p.relative_to(demo_site).as_posix() for p in generated_files(demo_site)
               if title in p.read_text(encoding="utf-8").lower()]
    assert leaking == []


def test_unpublished_records_are_in_no_meta_tag_or_event_data(demo_site):
    """What other sites read of a page (Open Graph, Twitter card, JSON-LD) names no draft or embargoed record."""
    from tests.site.headdata import site_head_data

    heads = site_head_data(demo_site)
    shared = {path: " ".join(value for _, value in meta) + " ".join(blocks) for path, (meta, blocks) in heads.items()}
    assert sum(len(blocks) for _, blocks in heads.values()) >= 15 and all(shared.values())  # there is data to read
    leaking = [f"{path}: {needle}" for path, text in shared.items()
               for needle in (*UNPUBLISHED, *UNPUBLISHED_TITLES) if needle in text.lower()]
    assert leaking == []


# Version 3: a draft concertation with dated dispositifs, an embargoed one, a draft bilan of a published
# concertation, a draft method of the toolbox; built beside the demo council's records.
V3_UNPUBLISHED = {
    "concertations/2026-10-01-concertation-tramway-granges.md": (
        "titre: Concertation sur le tramway des Granges\nmaitre_ouvrage: conseil-metropolitain\n"
        "cadre: code-environnement\ndebut: 2026-10-01\nfin: 2026-11-15\ngarants: [Agathe Brouillon]\nbrouillon: true\n"
        "dispositifs:\n  - id: reunion-granges\n    type: reunion-publique\n    date: 2026-10-08\n"
        "    participants: 90\n    outil: methode-secrete\n"),
    "concertations/2026-09-01-concertation-telepherique-crets.md": (
        "titre: Concertation sur le téléphérique des Crêts\nmaitre_ouvrage: conseil-metropolitain\n"
        "debut: 2026-09-01\nfin: 2026-10-15\npublication: 2027-06-01\n"
        "dispositifs:\n  - id: atelier-crets\n    type: atelier\n    date: 2026-09-10\n"),
    "bilans/2025-07-15-bilan-intermediaire-plan-climat.md": (
        "titre: Bilan intermédiaire confidentiel\nconcertation: 2025-03-03-concertation-prealable-plan-climat\n"
        "type: bilan\ndate: 2025-07-15\nbrouillon: true\n"
        "suites:\n  - sujet: Tramway souterrain sous la vieille ville\n    position: non-retenue\n"),
    "outils/methode-secrete.md": "nom: Méthode du jury tiré au sort\nbrouillon: true\n",
}
V3_NEEDLES = ("tramway-granges", "tramway des granges", "agathe brouillon", "reunion-granges", "telepherique-crets",
              "téléphérique des crêts", "atelier-crets", "bilan-intermediaire-plan-climat", "bilan intermédiaire",
              "tramway souterrain", "methode-secrete", "jury tiré au sort")


def test_version_3_drafts_and_embargoes_are_in_no_page_export_feed_or_calendar(tmp_path):
    import shutil

    from tests.conftest import REPO, mkdocs_build
    from tests.site.test_pages_v2 import text_of

    project = tmp_path / "projet"
    shutil.copytree(REPO / "content", project / "content")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    for relative, header in V3_UNPUBLISHED.items():
        (project / "content" / relative).write_text(f"---\n{header}---\n\nTexte à ne pas publier.\n", encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(project / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    files = [p for p in site.rglob("*") if p.is_file() and p.suffix in (".html", ".csv", ".json", ".xml", ".ics",
                                                                          ".txt")]
    assert len(files) > 200  # the whole site: pages, exports, feeds, calendars, search index, sitemap
    leaking = sorted({f"{p.relative_to(site).as_posix()}: {needle}" for p in files
                      for needle in V3_NEEDLES if needle in p.read_text(encoding="utf-8").lower()})
    assert leaking == []
    # The draft bilan changes nothing: the garante's bilan is still the first, its 5 recommendations 3 answered.
    page = text_of(site, "concertations/2025-03-03-concertation-prealable-plan-climat/")
    assert "3 recommandations sur 5 ont reçu une réponse" in page and "Tramway" not in page


def test_unpublished_records_are_not_in_the_search_index(demo_site):
    """Pagefind's fragments (one per indexed page: its url, text and metadata) name no draft or embargoed record."""
    from tests.site.pagefind_index import fragments

    indexed = fragments(demo_site)
    assert len(indexed) > 50
    texts = {f["url"]: (f["url"] + " " + f["content"]).lower() for f in indexed}
    leaking = [f"{url}: {needle}" for url, text in texts.items() for needle in UNPUBLISHED if needle in text]
    # The titles' words may be in a published text (an answer names the SCoT's revision): not as a page's title
    leaking += [f"{f['url']}: {needle}" for f in indexed for needle in UNPUBLISHED_TITLES
                if needle in f["meta"].get("title", "").lower()]
    assert leaking == []
