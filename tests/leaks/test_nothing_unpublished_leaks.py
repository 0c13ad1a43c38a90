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
