"""The guide in a browser: axe-core finds no WCAG 2.1 A/AA violation, and nothing is wider than a phone."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from tests.guide.building import guide_site  # noqa: F401 - fixture
from tests.site.browsing import OVERFLOW, browser, page, served, settle, viewport  # noqa: F401 - fixtures
from tests.site.test_site_accessibility import AXE_OPTIONS, describe

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def guide_url(guide_site: Path) -> Iterator[str]:  # noqa: F811 - the imported fixture
    with served(guide_site) as url:
        yield url


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def test_every_guide_page_passes_axe_and_fits_the_screen(page, guide_url, guide_site, viewport):
    from axe_playwright_python.sync_playwright import Axe

    axe, problems = Axe(), []
    pages = _pages(guide_site)
    assert len(pages) >= 20  # every page of the guide, not a sample
    for path in pages:
        page.goto(guide_url + path, wait_until="load")
        settle(page)
        violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
        if violations:
            problems.append(f"{path} :\n{describe(violations)}")
        measure = page.evaluate(OVERFLOW, ".guide-tableau")
        if measure["scrollWidth"] != measure["clientWidth"] or measure["wide"]:
            problems.append(f"{path} : déborde de l'écran ({', '.join(measure['wide'][:5])})")
    assert not problems, "\n".join(problems)
