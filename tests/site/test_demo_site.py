"""End to end: the demo council built strictly, every page type present and cross-linked both ways."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from conseil.core import Settings, files_in, load
from tests.conftest import REFERENCE_DATE, REPO
from tests.site.html import ids_of, links_of, page_path
from tests.site.pagefind_index import fragments

DRAFTS_AND_EMBARGOED = ["contributions/2026-11-18-avis-eclairage-public", "contributions/2026-11-10-avis-revision-scot",
                        "reponses/2026-11-20-reponse-programme-local-habitat"]


@pytest.fixture(scope="module")
def graph():
    """The same corpus, read by the core: the oracle of what the pages must show."""
    content = REPO / "content"
    corpus = load(files_in(content, REPO), Settings(build_date=REFERENCE_DATE, content_dir=content,
                                                    suivi_depuis=date(2020, 7, 1)))  # as mkdocs.yml
    assert corpus.error_count == 0
    return corpus.graph


def test_demo_council_is_complete(graph):
    """The demo exercises every part of the model, as the issue asks."""
    assert len(graph.assemblees) >= 8 and graph.assemblees_a_venir
    assert len(graph.contributions) == 32 and len(graph.reponses) == 21
    assert len(graph.elus) == 8 and len(graph.themes) == 8
    assert {c.nature for c in graph.contributions} == {"avis", "contribution", "alerte", "question"}
    assert {c.origine for c in graph.contributions} == {"saisine", "auto-saisine", "inconnue"}
    assert {r.position for r in graph.reponses_officielles} == {"retenue", "partiellement-retenue", "non-retenue",
                                                                "a-l-etude", "information"}
    assert {e.etat for e in graph.engagements} == {"prevu", "en-cours", "realise", "abandonne"}
    assert sum(1 for c in graph.contributions if any(r.suites for r in c.recommandations)) >= 10
    assert any(c.statut == "en-retard" for c in graph.contributions)


def test_demo_council_exercises_version_2(graph):
    """What real councils have: the demo shows each of them once at least."""
    assert any(d.type == "organes" for c in graph.contributions for d in c.destinataires)  # an organe-addressed opinion
    assert any(r.forme == "orale" and not r.intervention for r in graph.reponses)  # an oral answer
    prise_d_acte = next(r for r in graph.reponses if r.forme == "prise-d-acte")
    assert prise_d_acte.organe and prise_d_acte.seance.type_assemblee == "seance-collectivite" and prise_d_acte.vote
    assert any(r.intervention for r in graph.reponses)  # a political group's intervention
    assert any(c.precedente and c.precedente.etape == "preliminaire" and c.etape == "definitif"
               for c in graph.contributions)  # a two-stage opinion
    assert any(len(d.contributions) >= 2 for d in graph.dossiers)  # a dossier with several contributions
    archive = next(c for c in graph.contributions if c.date_approximative)
    assert archive.date.isoformat() == "2016" and archive.statut == "hors-suivi"  # year-only, before suivi_depuis
    assert any(a.date_fin for a in graph.assemblees) and any(str(a.participants or "").startswith("près de")
                                                              for a in graph.assemblees)


def test_demo_council_exercises_version_3(graph):
    """A concertation of each frame and each status, a garant's bilan answered in part, a late answer, a bilan whose
    decisions are given with and without reasons, a toolbox of at least five methods with their usage."""
    assert {c.cadre for c in graph.concertations} == {"code-urbanisme", "code-environnement", "volontaire", None}
    assert {c.statut for c in graph.concertations} == {"a-venir", "en-cours", "bilan-attendu", "bilan-publie",
                                                       "hors-suivi"}
    assert any(0 < c.recommandations_repondues < len(c.recommandations) for c in graph.concertations)
    assert any(c.retard_reponse_maitre_ouvrage for c in graph.concertations)
    assert any(b.type_bilan == "bilan" and 0 < b.motifs.avec < b.motifs.total for b in graph.bilans)
    assert any(b.engagements for b in graph.bilans)
    assert any(c.concertations for c in graph.contributions)
    assert {d.type for c in graph.concertations for d in c.dispositifs} >= {"reunion-publique", "atelier",
                                                                           "balade-urbaine", "questionnaire"}
    assert len([o for o in graph.outils if o.dispositifs]) >= 5
    assert any(str(d.participants or "").startswith("environ") for c in graph.concertations for d in c.dispositifs)


@pytest.mark.parametrize("url", ["", "assemblees/", "contributions/", "reponses/", "elus/", "themes/", "suivi/",
                                 "concertations/", "bilans/", "outils/", "a-propos/", "accessibilite/", "mentions-legales/", "donnees-personnelles/"])
def test_every_page_type_exists(demo_site: Path, url):
    html = page_path(demo_site, url).read_text(encoding="utf-8")
    assert '<html lang="fr"' in html
    assert "<h1" in html


def test_every_published_record_has_a_page(demo_site: Path, graph):
    for node in graph.by_key.values():
        assert page_path(demo_site, node.url).is_file(), node.url


@pytest.mark.parametrize("key", DRAFTS_AND_EMBARGOED)
def test_unpublished_records_have_no_page_and_no_link(demo_site: Path, key):
    assert not (demo_site / key).exists()
    record_id = key.split("/")[1]
    for path in demo_site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".xml"}:
            assert record_id not in path.read_text(encoding="utf-8", errors="replace"), path


def test_section_indexes_link_to_every_record(demo_site: Path, graph):
    for section, nodes in [("assemblees/", graph.assemblees), ("contributions/", graph.contributions),
                           ("reponses/", graph.reponses), ("elus/", graph.elus), ("themes/", graph.themes)]:
        links = links_of(demo_site, section)
        assert {n.url for n in nodes} <= links, section


def test_contribution_pages_link_to_everything_around_them(demo_site: Path, graph):
    for c in graph.contributions:
        links = links_of(demo_site, c.url)
        expected = {n.url for n in [*c.destinataires, *c.assemblees, *c.themes, *c.reponses]}
        assert expected <= links, c.id


def test_answers_link_back_to_their_contributions_and_elu(demo_site: Path, graph):
    for r in graph.reponses:
        links = links_of(demo_site, r.url)
        assert {c.url for c in r.contributions} | {r.repondant.url} <= links, r.id


def test_elu_pages_list_what_they_received_and_signed(demo_site: Path, graph):
    for e in graph.elus:
        links = links_of(demo_site, e.url)
        assert {c.url for c in e.contributions} | {r.url for r in e.reponses} <= links, e.id


def test_theme_and_assembly_pages_link_to_their_records(demo_site: Path, graph):
    for t in graph.themes:
        assert {n.url for n in [*t.contributions, *t.assemblees]} <= links_of(demo_site, t.url), t.id
    for a in graph.assemblees:
        assert {c.url for c in a.contributions} <= links_of(demo_site, a.url), a.id


def test_recommendations_table_shows_what_became_of_each(demo_site: Path, graph):
    contribution = next(c for c in graph.contributions if any(r.suites for r in c.recommandations))
    html = page_path(demo_site, contribution.url).read_text(encoding="utf-8")
    ids = ids_of(demo_site, contribution.url)
    for recommandation in contribution.recommandations:
        assert recommandation.anchor in ids
        row = html.split(f'id="{recommandation.anchor}"', 1)[1].split("</tr>", 1)[0]
        assert f"cdd-position--{recommandation.position}" in row
    assert 'id="chronologie"' in html


def test_answer_suites_link_to_the_recommendation_row(demo_site: Path, graph):
    reponse = next(r for r in graph.reponses if r.suites)
    html = page_path(demo_site, reponse.url).read_text(encoding="utf-8")
    suite = reponse.suites[0]
    assert f'#{suite.recommandation.anchor}"' in html


def test_follow_up_board_lists_every_overdue_contribution(demo_site: Path, graph):
    overdue = [c for c in graph.contributions if c.statut == "en-retard"]
    pending = [c for c in graph.contributions if c.statut == "en-attente"]
    links = links_of(demo_site, "suivi/")
    assert {c.url for c in overdue + pending} <= links
    html = page_path(demo_site, "suivi/").read_text(encoding="utf-8")
    assert f"Sans réponse après l'échéance ({len(overdue)})" in html
    assert "lundi 23 novembre 2026" in html


def test_home_shows_the_next_assembly_and_the_conformity_level(demo_site: Path, graph):
    html = page_path(demo_site, "").read_text(encoding="utf-8")
    upcoming = graph.assemblees_a_venir[0]
    assert upcoming.url in links_of(demo_site, "")
    assert "Accessibilité : partiellement conforme" in html


def test_search_index_is_french_and_holds_records_only_when_published(demo_site: Path, graph):
    entry = json.loads((demo_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["fr"]  # Pagefind read <html lang="fr">: French stemming
    locations = {fragment["url"] for fragment in fragments(demo_site)}
    assert {"/" + node.url for node in graph.by_key.values()} <= locations
    assert not any(key.split("/")[1] in location for key in DRAFTS_AND_EMBARGOED for location in locations)


def test_search_index_holds_the_articles_not_the_lists_nor_the_site_chrome(demo_site: Path, graph):
    """Records and the site's own pages are indexed by their article: no list, report, 404 or /admin/, and
    no word of the navigation or the footer in a page's text."""
    indexed = {fragment["url"]: fragment for fragment in fragments(demo_site)}
    assert {"/a-propos/", "/mentions-legales/"} <= set(indexed)
    assert not {"/", "/contributions/", "/suivi/", "/rapport/2025/", "/recherche/", "/404.html"} & set(indexed)
    assert not any(url.startswith("/admin") for url in indexed)
    assert len(indexed) == len(graph.by_key) + 4  # the records, and the four pages of the site's own
    chrome = ("Aller au contenu", "contenus sous Licence Ouverte", "Suivi des réponses Rapport d'activité")
    assert not [url for url, fragment in indexed.items() if any(text in fragment["content"] for text in chrome)]
    contribution = indexed["/" + graph.contributions[0].url]
    assert contribution["meta"]["title"] == graph.contributions[0].titre
    assert contribution["filters"]["type"] == ["contributions"]


def test_records_stay_out_of_the_navigation(demo_site: Path, graph):
    """The primary nav lists the section pages only, so its size does not grow with the records."""
    html = page_path(demo_site, graph.contributions[0].url).read_text(encoding="utf-8")
    nav = html.split('class="md-nav md-nav--primary', 1)[1].split("</nav>", 1)[0]
    assert not any(f"/{c.id}/" in nav for c in graph.contributions)
    assert "Contributions" in nav and "suivi/" in nav


def test_record_bodies_are_sanitised(demo_site: Path, graph):
    for node in graph.by_key.values():
        html = page_path(demo_site, node.url).read_text(encoding="utf-8")
        body = html.split('<article class="md-content__inner md-typeset"', 1)[1].split("</article>", 1)[0]
        assert "<script" not in body and "javascript:" not in body
