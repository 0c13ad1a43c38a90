"""Privacy: no page makes a request outside the site's own origin (no fonts, CDN, analytics)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.site.browsing import browser, page, settle, site_url, viewport  # noqa: F401 - fixtures
from tests.site.pages import PAGES

pytestmark = pytest.mark.browser

# Not network requests: inline data and the browser's own pages.
LOCAL_SCHEMES = {"data", "blob", "about"}


def open_search(page, viewport: str) -> None:
    """Open the search as its user would: the field on a desktop, the header's magnifier on a phone; then type."""
    field, toggle = page.locator(".md-search__input"), page.locator("#__search")
    assert not toggle.is_checked(), "la recherche est ouverte avant qu'on l'ouvre"
    if viewport == "mobile":  # the field is folded behind the magnifier of the header
        page.locator('label.md-header__button[for="__search"]').click()
    else:
        field.click()
    field.wait_for(state="visible", timeout=5_000)
    try:  # on a desktop, Material opens the search when the field gets the focus, a moment after the click
        page.wait_for_function("document.getElementById('__search').checked", timeout=5_000)
    except PlaywrightTimeout:
        pytest.fail("la recherche ne s'est pas ouverte")
    field.focus()
    page.keyboard.type("avis")  # Material searches on key presses: `fill` would not start it
    # Results need the worker and the index: once they are on screen, both were loaded.
    page.locator('.md-search-result__link[href*="h=avis"]').first.wait_for(state="visible", timeout=10_000)


@pytest.mark.parametrize("name, path", PAGES, ids=[name for name, _ in PAGES])
def test_page_requests_only_its_own_origin(page, viewport, site_url, name, path):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + path, wait_until="networkidle")
    settle(page)
    # The search loads its worker and index on demand: open it so those requests are seen too.
    open_search(page, viewport)
    page.wait_for_load_state("networkidle")
    origin = urlsplit(site_url).netloc
    foreign = [url for url in requested
               if urlsplit(url).scheme not in LOCAL_SCHEMES and urlsplit(url).netloc != origin]
    assert any(urlsplit(url).path.endswith("search_index.json") for url in requested), \
        "l'index de recherche n'a pas été demandé : l'écoute ou l'ouverture de la recherche ne fonctionne pas"
    assert not foreign, "requêtes vers un autre hôte :\n" + "\n".join(foreign)
