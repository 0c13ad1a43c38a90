"""Citizens on their phones: at 375 px nothing is wider than the screen, and the recommendations' follow-up
reads as one block per recommendation (a table again on a desktop, from the same HTML)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.site.browsing import OVERFLOW, VIEWPORTS, browser, settle, site_url  # noqa: F401 - fixtures
from tests.site.sitefiles import site_pages

pytestmark = pytest.mark.browser

PHONE = VIEWPORTS["mobile"]  # 375 × 812
CONTRIBUTION = "contributions/2025-03-27-avis-plan-de-mobilite/"  # five recommendations, each answered
# Where the screenshots go, for a person to look at (docs/mainteneurs/qualite.md); a temporary folder by default.
SCREENSHOTS = os.environ.get("CONSEIL_CAPTURES")



def built_pages(site: Path) -> list[str]:
    return [p.relative_to(site).as_posix() for p in site_pages(site)]


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="fr-FR")
    yield context.new_page()
    context.close()


def test_no_page_is_wider_than_a_phone(phone, site_url, demo_site):
    pages = built_pages(demo_site)
    assert len(pages) > 90  # every page of the demo, not a sample
    problems = []
    for path in pages:
        phone.goto(site_url + path, wait_until="load")
        measure = phone.evaluate(OVERFLOW)
        assert measure["articles"] == 1, path  # the check looks where the content is
        if measure["scrollWidth"] != measure["clientWidth"] or measure["wide"]:
            problems.append(f"{path}: scrollWidth {measure['scrollWidth']} / clientWidth {measure['clientWidth']}; "
                            + ", ".join(measure["wide"][:5]))
    assert not problems, "\n".join(problems)


def test_the_overflow_check_sees_a_wide_element(phone, site_url):
    """A guard: the measure does find an element wider than the screen when there is one."""
    phone.goto(site_url + CONTRIBUTION, wait_until="load")
    phone.evaluate("() => { const d = document.createElement('div'); d.style.width = '500px';"
                   " d.textContent = 'large'; document.querySelector('article.md-content__inner').append(d); }")
    measure = phone.evaluate(OVERFLOW)
    assert measure["wide"] and measure["scrollWidth"] > measure["clientWidth"]


@pytest.mark.parametrize("viewport, display", [("bureau", "table"), ("mobile", "block")])
def test_recommendations_are_a_table_on_a_desktop_and_blocks_on_a_phone(browser, site_url, viewport, display):
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="fr-FR")
    tab = context.new_page()
    tab.goto(site_url + CONTRIBUTION, wait_until="load")
    table = tab.locator("table.cdd-recommandations")
    assert table.evaluate("t => getComputedStyle(t).display") == display
    rows = table.locator("tbody > tr")
    assert rows.count() == 5
    if display == "block":  # each cell says which column it belongs to
        label = rows.first.locator("td").nth(0).evaluate("td => getComputedStyle(td, '::before').content")
        assert label.startswith('"Position : "')
        tops = [rows.nth(i).bounding_box()["y"] for i in range(5)]
        assert tops == sorted(tops) and len(set(tops)) == 5  # one block under the other
    context.close()


@pytest.mark.parametrize("viewport", ["mobile", "bureau"])
def test_first_answer_is_on_the_first_screen_of_the_section(browser, site_url, tmp_path, viewport):
    """Scrolled to « Ce que sont devenues les recommandations », the first answer's words are on screen."""
    size = VIEWPORTS[viewport]
    context = browser.new_context(viewport=size, locale="fr-FR")
    tab = context.new_page()
    tab.goto(site_url + CONTRIBUTION + "#recommandations", wait_until="load")  # as a link to the section opens it
    heading = tab.locator("h2#recommandations")
    settle(tab)
    heading_box = heading.bounding_box()
    assert tab.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('h2')?.id",
                        [heading_box["x"] + 20, heading_box["y"] + heading_box["height"] / 2]) == "recommandations"
    folder = Path(SCREENSHOTS) if SCREENSHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(folder / f"contribution-{size['width']}.png"))
    answer = tab.locator("table.cdd-recommandations tbody > tr").first.locator(".cdd-commentaire")
    assert answer.inner_text().startswith("Les lignes C1 à C4 passeront")
    box, section_top = answer.bounding_box(), heading_box["y"]
    assert box["y"] >= section_top and box["y"] + box["height"] <= section_top + size["height"]
    assert box["y"] + box["height"] <= size["height"]  # on screen now, not below the fold
    # Nothing covers it (the sticky header, a badge): the point at its centre belongs to the answer.
    assert box["x"] >= 0 and box["x"] + box["width"] <= size["width"]  # not off to the side either
    covered = tab.evaluate("([x, y]) => !document.elementFromPoint(x, y)?.closest('.cdd-commentaire')",
                           [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
    assert not covered
    context.close()
