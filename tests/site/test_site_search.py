"""The site's search, in a real browser: French queries as citizens type them find their record in the top 5,
results are links with their type, date and marked words, the count is announced, filters are in the URL, a
query is shown as text, and a record page viewed without searching fetches no search code or data."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest

from tests.site.browsing import VIEWPORTS, browser, serve_counting, settle, site_url  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser

# (query, the record's page that must be among the first five results): written from the demo's pages, typed
# without accents, in the singular for a plural, in two or three words, by an élu's name.
RECALL = [
    ("velo securise", "contributions/2025-07-17-contribution-debat-public-ligne-ferroviaire/"),
    ("ilot fraicheur", "contributions/2026-11-16-contribution-renaturation-cours-ecole/"),
    ("residence etudiante", "contributions/2026-07-09-question-logement-etudiant/"),
    ("logements etudiants", "contributions/2026-07-09-question-logement-etudiant/"),
    ("poisson arvel", "contributions/2025-04-15-alerte-qualite-eau-arvel/"),
    ("station epuration granges", "assemblees/2025-04-03-visite-station-epuration-granges/"),
    ("hebergement urgence", "contributions/2025-12-18-alerte-hebergement-urgence-hiver/"),
    ("cinema montclar", "contributions/2026-05-07-alerte-cinema-montclar/"),
    ("accident cycliste", "contributions/2026-05-21-alerte-continuites-cyclables/"),
    ("zone faible emission", "contributions/2026-01-15-question-zone-faibles-emissions/"),
    ("copropriete fragile", "contributions/2025-06-10-question-renovation-coproprietes/"),
    ("travailleur saisonnier", "contributions/2025-10-21-question-emplois-saisonniers/"),
    ("cantine", "assemblees/2025-10-14-debat-restauration-collective/"),
    ("tiers lieu culturel", "contributions/2026-09-29-contribution-tiers-lieux-culturels/"),
    ("tarification progressive eau", "contributions/2026-03-26-question-tarification-progressive-eau/"),
    ("energie renouvelable", "contributions/2026-10-22-avis-energies-renouvelables/"),
    ("economie sociale solidaire", "contributions/2026-06-25-avis-economie-sociale-solidaire/"),
    ("creche canicule", "contributions/2026-07-02-alerte-canicule-ecoles/"),
    ("bus soiree", "contributions/2025-10-02-alerte-ligne-12-soiree/"),
    ("commerce centre bourg", "contributions/2026-02-19-contribution-commerce-centres-bourgs/"),
    ("plan deplacements urbains", "contributions/2016-avis-premier-plan-de-deplacements-urbains/"),
    ("tarif restauration scolaire", "contributions/2026-11-05-alerte-tarifs-restauration-scolaire/"),
    ("claire morel", "elus/claire-morel/"),
    ("Bertrand Lacombe", "elus/bertrand-lacombe/"),
    ("nadia benali", "elus/nadia-benali/"),
    ("conseil de la metropole", "organes/conseil-metropolitain/"),  # the organe's name, typed plainly
    # Since version 3, many pages say « conseil métropolitain » (concertations, answers): its session comes first
    ("conseil metropolitain", "assemblees/2026-10-15-seance-conseil-metropolitain/"),
]
FINISHED = "(() => { const s = document.getElementById('recherche-etat').textContent; " \
           "return s !== '' && !s.startsWith('Recherche en cours'); })()"
# A record page as a reader opens it from a link: no search code or data may come with it.
RECORD = "contributions/2025-03-27-avis-plan-de-mobilite/"
SEARCH_FILES = ("/pagefind/", "/assets/conseil/recherche.js")


@pytest.fixture(scope="module")
def tab(browser):
    context = browser.new_context(viewport=VIEWPORTS["bureau"], locale="fr-FR")
    yield context.new_page()
    context.close()


def search(tab, site_url: str, **params: str) -> list[str]:
    """Open /recherche/?…, wait for the announced count; the result links, in order, relative to the site."""
    tab.goto(f"{site_url}recherche/?{urlencode(params)}", wait_until="load")
    tab.wait_for_function(FINISHED, timeout=15_000)
    return [href.removeprefix("/") for href in tab.eval_on_selector_all(
        "#recherche-resultats a", "links => links.map(a => a.getAttribute('href'))")]


def test_recall_set_is_large_enough():
    assert len(RECALL) >= 20 and len({query for query, _ in RECALL}) == len(RECALL)


@pytest.mark.parametrize("query, expected", RECALL, ids=[query for query, _ in RECALL])
def test_french_query_finds_its_record_in_the_top_five(tab, site_url, query, expected):
    found = search(tab, site_url, q=query)
    assert expected in found[:5], f"« {query} » : {found[:5]}"


def test_results_are_links_with_type_date_and_marked_words_and_the_count_is_announced(tab, site_url):
    found = search(tab, site_url, q="velos")
    assert found and all(href.endswith("/") for href in found)
    status = tab.locator("#recherche-etat")
    assert status.get_attribute("aria-live") == "polite" and status.get_attribute("role") == "status"
    total = announced_count(tab)  # the whole count; the page writes its first five results (PAGE_SIZE)
    assert len(found) == min(total, 5) and tab.locator("#recherche-plus").is_hidden() == (total <= 5)
    assert status.inner_text() == f"{total} résultat{'s' if total > 1 else ''} pour « velos »."
    first = tab.locator("#recherche-resultats > li").first
    assert tab.evaluate("document.querySelector('#recherche-resultats').closest('main') !== null")
    assert re.fullmatch(r"[A-ZÉ][\w' -]+ — (1er|\d{1,2}) \w+ 20\d\d", first.locator(".cdd-recherche__type").inner_text())
    assert "vélo" in first.locator(".cdd-recherche__extrait mark").first.inner_text().lower()


def test_more_results_is_offered_only_when_there_are_more(tab, site_url):
    assert len(search(tab, site_url, q="velo securise")) < 5  # every result shown at once
    assert not tab.locator("#recherche-plus").is_visible()
    shown = search(tab, site_url, q="conseil")
    assert announced_count(tab) > len(shown)  # the first results shown, more to come
    assert tab.locator("#recherche-plus").is_visible()


def announced_count(tab) -> int:
    return int(re.match(r"(\d+) résultats?", tab.locator("#recherche-etat").inner_text()).group(1))


@pytest.mark.parametrize("plural, singular", [("élus", "élu"), ("ÉLUS", "elu"), ("cyclistes", "cycliste")])
def test_a_plural_finds_what_its_singular_finds(tab, site_url, plural, singular):
    """Pagefind's French stemmer keeps « élus » apart from « élu » (51 pages against 80 on the demo): the page
    reduces a plural to its singular's start, accents and capitals folded, before asking."""
    search(tab, site_url, q=singular)
    expected = announced_count(tab)
    search(tab, site_url, q=plural)
    assert announced_count(tab) == expected > 0


def test_no_result_is_said_in_french(tab, site_url):
    assert search(tab, site_url, q="zqxwvy") == []
    assert tab.locator("#recherche-etat").inner_text().startswith("Aucun résultat pour « zqxwvy »")


def test_a_query_with_html_and_quotes_is_shown_as_text(tab, site_url):
    query = '<img src=x onerror="window.piege=1">"\'<b>gras</b>'
    search(tab, site_url, q=query)
    assert tab.evaluate("window.piege") is None
    assert tab.locator("#recherche-q").input_value() == query
    assert f"« {query} »" in tab.locator("#recherche-etat").inner_text()
    assert tab.locator("main img[src='x'], main b").count() == 0


def test_empty_query_says_what_can_be_searched(tab, site_url):
    tab.goto(f"{site_url}recherche/", wait_until="load")
    help_text = tab.locator("#recherche-aide")
    assert help_text.is_visible() and "Ce que l'on peut chercher" in help_text.inner_text()
    assert tab.locator("#recherche-resultats > li").count() == 0


def test_filters_are_kept_in_the_url_and_narrow_the_results(tab, site_url):
    search(tab, site_url, q="logement")
    everything = announced_count(tab)
    answers = search(tab, site_url, q="logement", type="reponses")
    assert answers and announced_count(tab) < everything and all(href.startswith("reponses/") for href in answers)
    assert tab.locator("#recherche-type").input_value() == "reponses"
    late = search(tab, site_url, type="contributions", statut="en-retard")  # filters without a word
    assert "contributions/2026-01-15-question-zone-faibles-emissions/" in late
    by_elu = search(tab, site_url, destinataire="claire-morel", annee="2025")
    assert "contributions/2025-10-02-alerte-ligne-12-soiree/" in by_elu
    tab.select_option("#recherche-theme", "logement")
    tab.locator("#recherche-formulaire button[type=submit]").click()
    tab.wait_for_url("**theme=logement**")


def test_the_header_field_leads_to_the_search_page(tab, site_url):
    tab.goto(site_url + RECORD, wait_until="load")
    tab.locator("#cdd-recherche-entete").fill("cinema")
    tab.keyboard.press("Enter")
    tab.wait_for_url("**/recherche/?q=cinema")
    tab.wait_for_function(FINISHED, timeout=15_000)
    assert tab.locator("#recherche-resultats a").count() > 0


def tab_to(tab, focused: str, what: str) -> None:
    """Press Tab until the focused element satisfies the JavaScript test `focused` (of `e`); fail naming `what`."""
    for _ in range(40):
        tab.keyboard.press("Tab")
        if tab.evaluate(f"(e => {focused})(document.activeElement)"):
            return
    pytest.fail(f"{what} n'est pas atteint au clavier")


def test_search_with_the_keyboard_only(browser, site_url):
    """Phone width: Tab to the header's search button, Enter, type, Enter, Tab to a result, Enter opens it."""
    context = browser.new_context(viewport=VIEWPORTS["mobile"], locale="fr-FR")
    tab = context.new_page()
    try:
        tab.goto(site_url, wait_until="load")
        tab_to(tab, "e.classList.contains('cdd-recherche-entete__bouton')", "le bouton de recherche de l'en-tête")
        tab.keyboard.press("Enter")
        tab.wait_for_url("**/recherche/?q=")
        tab_to(tab, "e.id === 'recherche-q'", "le champ de la page de recherche")
        tab.keyboard.type("hebergement urgence")
        tab.keyboard.press("Enter")
        tab.wait_for_function(FINISHED, timeout=15_000)
        tab_to(tab, "e.closest('#recherche-resultats') !== null", "le premier résultat")
        target = tab.evaluate("document.activeElement.href")
        tab.keyboard.press("Enter")
        tab.wait_for_url(target)
    finally:
        context.close()


@pytest.fixture(scope="module")
def counted(demo_site):
    server, sent = serve_counting(demo_site)
    yield f"http://127.0.0.1:{server.server_address[1]}/", sent
    server.shutdown()
    server.server_close()


def test_bytes_of_a_record_page_and_of_a_first_query(browser, counted):
    """Counted at the server, compressed as a host sends them, the worker's requests included."""
    url, sent = counted
    context = browser.new_context(viewport=VIEWPORTS["mobile"], locale="fr-FR")
    tab = context.new_page()
    try:
        sent.clear()
        tab.goto(url + RECORD, wait_until="networkidle")
        settle(tab)
        record_search_bytes = sum(size for path, size in sent if path.startswith(SEARCH_FILES))
        assert record_search_bytes <= 15_000, sent
        sent.clear()
        tab.goto(url + "recherche/?q=logement", wait_until="load")
        tab.wait_for_function(FINISHED, timeout=15_000)
        tab.wait_for_load_state("networkidle")
        query = [(path, size) for path, size in sent if path.startswith(SEARCH_FILES)]
        # Everything the page, or a worker it would start, fetches reaches this server: Pagefind's code, its
        # WebAssembly, the index's metadata, the chunk of the word, the fragments of the results shown.
        fetched = {path.rsplit(".", 1)[-1] for path, _ in query}
        assert {"js", "pagefind", "pf_meta", "pf_index", "pf_fragment"} <= fetched, query
        assert sum(size for _, size in query) <= 200_000 and len(query) <= 25, query
    finally:
        context.close()
