"""Privacy: no page makes a request outside the site's own origin (no fonts, CDN, analytics)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.site.browsing import browser, page, settle, site_url, viewport  # noqa: F401 - fixtures
from tests.site.pages import PAGES

pytestmark = pytest.mark.browser

# Not network requests: inline data and the browser's own pages.
LOCAL_SCHEMES = {"data", "blob", "about"}


@pytest.mark.parametrize("name, path", PAGES, ids=[name for name, _ in PAGES])
def test_page_requests_only_its_own_origin(page, site_url, name, path):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + path, wait_until="networkidle")
    settle(page)
    # The search loads its worker and index on demand: open it so those requests are seen too.
    if page.locator(".md-search__input").is_visible():
        page.locator(".md-search__input").fill("avis")
        page.wait_for_load_state("networkidle")
    origin = urlsplit(site_url).netloc
    foreign = [url for url in requested
               if urlsplit(url).scheme not in LOCAL_SCHEMES and urlsplit(url).netloc != origin]
    assert requested, "aucune requête enregistrée : l'écoute ne fonctionne pas"
    assert not foreign, "requêtes vers un autre hôte :\n" + "\n".join(foreign)
