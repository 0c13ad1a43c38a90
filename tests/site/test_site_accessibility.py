"""RGAA 4.1 / WCAG 2.1 AA: axe-core finds no violation on any page type, at desktop and mobile widths."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.site.browsing import browser, page, settle, site_url, viewport  # noqa: F401 - fixtures
from tests.site.pages import PAGES

pytestmark = pytest.mark.browser

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"[{violation['id']}] {violation['help']} ({violation['impact']})")
        for node in violation["nodes"][:5]:
            lines.append(f"    {' '.join(node['target'])}: {node['failureSummary'].splitlines()[-1].strip()}")
    return "\n".join(lines)


@pytest.mark.parametrize("name, path", PAGES, ids=[name for name, _ in PAGES])
def test_page_has_no_axe_violation(page, site_url, axe, name, path):
    page.goto(site_url + path, wait_until="load")
    settle(page)
    violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, "axe-core :\n" + describe(violations)


def test_search_page_with_results_has_no_axe_violation(page, site_url, axe):
    """The search page with its results and their count written: a state no page shows on load."""
    page.goto(site_url + "recherche/?q=logement&type=contributions", wait_until="load")
    page.locator("#recherche-resultats mark").first.wait_for(state="visible", timeout=10_000)
    page.locator("#recherche-plus").wait_for(state="visible", timeout=5_000)  # more than one page of results
    settle(page)
    violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, "axe-core :\n" + describe(violations)
