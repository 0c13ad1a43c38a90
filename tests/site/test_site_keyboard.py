"""Keyboard use (RGAA 12): a skip link first on every page type, a visible focus, the search and the navigation
reachable by Tab (the search itself with the keyboard only: tests/site/test_site_search.py)."""

from __future__ import annotations

import pytest

from tests.site.browsing import VIEWPORTS, browser, settle, site_url  # noqa: F401 - fixtures
from tests.site.pages import PAGES

pytestmark = pytest.mark.browser

# What the focused element looks like: the skip link's class, the search field, a tab, the focus ring.
FOCUSED = """() => {
  const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
  return {tag: e.tagName.toLowerCase(), classes: e.className || "", href: e.getAttribute("href") || "",
          text: (e.textContent || "").trim(), opacity: s.opacity,
          ring: (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none",
          inView: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight
                  && r.right > 0 && r.left < innerWidth};
}"""
MAX_TABS = 250

# Where the focus goes with Tab after the skip link: into the article, when the article holds a link.
ARTICLE_HAS_LINKS = 'document.querySelector("article a[href]") !== null'
AFTER_SKIP = """() => {
  const active = document.activeElement;
  return {
    inArticle: active.closest("article") !== null,
    focused: `${active.tagName} ${active.className} « ${(active.textContent || "").trim().slice(0, 40)} »`,
  };
}"""


@pytest.fixture(params=sorted(VIEWPORTS))
def home(request, browser, site_url):
    """The home page, at desktop width then at mobile width (where the navigation is a drawer)."""
    context = browser.new_context(viewport=VIEWPORTS[request.param], locale="fr-FR")
    tab = context.new_page()
    tab.goto(site_url, wait_until="load")
    settle(tab)
    yield tab
    context.close()


def tab_through(page) -> list[dict]:
    stops = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        settle(page)  # the drawer and the search slide in: look once they are in place
        stops.append(page.evaluate(FOCUSED))
        if stops[-1]["tag"] == "body":
            break
    return stops


@pytest.fixture(params=sorted(VIEWPORTS))
def tab(request, browser):
    """A fresh tab at desktop width then at mobile width; each test opens its page."""
    context = browser.new_context(viewport=VIEWPORTS[request.param], locale="fr-FR")
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("name, path", PAGES, ids=[name for name, _ in PAGES])
def test_skip_link_is_first_shows_on_focus_and_leads_to_the_content(tab, site_url, name, path):
    tab.goto(site_url + path, wait_until="load")
    settle(tab)
    tab.keyboard.press("Tab")
    first = tab.evaluate(FOCUSED)
    assert "cdd-evitement" in first["classes"] and first["text"] == "Aller au contenu", first
    settle(tab)  # the link slides in
    shown = tab.evaluate(FOCUSED)
    assert shown["opacity"] == "1" and shown["inView"] and shown["ring"], shown
    tab.keyboard.press("Enter")
    assert tab.evaluate("document.activeElement.id") == "contenu"
    if not tab.evaluate(ARTICLE_HAS_LINKS):
        return  # nothing to reach inside (a meeting with nothing tied to it): the focus is on the content
    settle(tab)  # the page scrolls to the content
    tab.keyboard.press("Tab")
    after = tab.evaluate(AFTER_SKIP)
    assert after["inArticle"], f"après le lien d'évitement, la tabulation doit entrer dans le contenu : {after}"


def test_tab_reaches_search_and_every_section_with_a_visible_focus(home):
    """Every stop has a focus ring and is on screen; the search, each section and the legal pages are reached."""
    stops = tab_through(home)
    assert any("cdd-recherche-entete" in s["classes"] for s in stops), "la recherche n'est pas atteinte au clavier"
    # Desktop: the tabs; mobile: the same sections in the drawer, which opens when the focus enters it.
    tabs = {s["text"] for s in stops if "md-tabs__link" in s["classes"] or "md-nav__link" in s["classes"]}
    for section in ("Accueil", "Assemblées", "Contributions", "Réponses", "Suivi des réponses", "Élus", "Thèmes"):
        assert section in tabs, f"l'onglet « {section} » n'est pas atteint au clavier"
    legal = {s["text"] for s in stops if s["tag"] == "a"}
    assert {"Mentions légales", "Données personnelles"} <= legal
    invisible = [s for s in stops if s["tag"] != "body" and not s["ring"]]
    assert not invisible, f"focus sans contour visible : {invisible[:5]}"
    hidden = [s for s in stops if s["tag"] != "body" and not s["inView"]]
    assert not hidden, f"focus sur un élément hors de l'écran : {hidden[:5]}"
