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
    """Search as a reader would: the header's field on a desktop, its button then the search page's field on a
    phone; then wait for the results, which need Pagefind's code, worker and index."""
    if viewport == "mobile":  # the header holds only the button: it opens the search page
        page.locator(".cdd-recherche-entete__bouton").click()
        page.wait_for_url("**/recherche/?q=")
        page.locator("#recherche-q").fill("avis")
        page.locator("#recherche-q").press("Enter")
    else:
        page.locator("#cdd-recherche-entete").fill("avis")
        page.locator("#cdd-recherche-entete").press("Enter")
    page.wait_for_url("**/recherche/?q=avis")
    try:
        page.locator("#recherche-resultats mark").first.wait_for(state="visible", timeout=10_000)
    except PlaywrightTimeout:
        pytest.fail("la recherche n'a rien affiché")


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
    assert any(urlsplit(url).path.endswith(".pf_fragment") for url in requested), \
        "l'index de recherche n'a pas été demandé : l'écoute ou l'ouverture de la recherche ne fonctionne pas"
    assert not foreign, "requêtes vers un autre hôte :\n" + "\n".join(foreign)
