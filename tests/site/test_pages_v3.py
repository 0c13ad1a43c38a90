"""Pages of the model's version 3, on the demo council: concertations, their bilans and the methods toolbox.

The expected figures are counted by hand in tests/fixtures/concertations-demo.json, never recomputed here.
"""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import FIXTURES
from tests.site.html import links_of, page_path
from tests.site.test_pages_v2 import section, text_of

EXPECTED = json.loads((FIXTURES / "concertations-demo.json").read_text(encoding="utf-8"))
CONCERTATIONS = EXPECTED["concertations"]
PDU = "concertations/2016-03-concertation-plan-de-deplacements-urbains/"
PLUI = "concertations/2021-03-15-concertation-revision-plui/"
PLAN_CLIMAT = "concertations/2025-03-03-concertation-prealable-plan-climat/"
PLACE_DU_MARCHE = "concertations/2026-03-02-concertation-place-du-marche-montclar/"
CABLE = "concertations/2026-05-04-concertation-prealable-transport-par-cable/"
CYCLABLE = "concertations/2026-09-14-concertation-schema-directeur-cyclable/"
ZAC = "concertations/2027-01-11-concertation-zac-pres-neufs/"
BILAN_PLUI = "bilans/2024-06-10-bilan-concertation-revision-plui/"
BILAN_GARANTE = "bilans/2025-06-26-bilan-garante-plan-climat/"
REPONSE_METROPOLE = "bilans/2025-08-21-reponse-metropole-bilan-garante-plan-climat/"
STATUS_HEADINGS = {"en-cours": "En cours", "a-venir": "À venir", "bilan-attendu": "Bilan attendu",
                   "bilan-publie": "Bilan publié", "hors-suivi": "Antérieure au suivi des bilans"}


def spaced(text: str) -> str:
    """A figure as the page prints it: thousands separated by a space (text_of collapses non-breaking ones)."""
    return re.sub(r"(\d)(\d{3})\b", r"\1 \2", text)


def test_a_code_de_l_urbanisme_bilan_says_how_long_it_took(demo_site):
    text = text_of(demo_site, PLUI)
    days = CONCERTATIONS["2021-03-15-concertation-revision-plui"]["jours_jusqu_au_bilan"]
    assert f"arrêté {days} jours après la fin de la concertation" in text
    assert "Code de l'urbanisme" in text and "retard" not in text


def test_a_concertation_page_says_each_fact_as_known(demo_site):
    text = text_of(demo_site, PLAN_CLIMAT)
    expected = CONCERTATIONS["2025-03-03-concertation-prealable-plan-climat"]
    assert "plus de 250 contributions" in text  # as the garante's bilan writes it
    assert f"{expected['contributions']} contributions recueillies" in text  # the total of the dispositifs
    assert f"{expected['participants']} participants" in text
    assert "Odile Ferrand" in text and "Conseil de la Métropole de Val-d'Arvel" in text
    assert "du 3 mars 2025 au 30 mai 2025" in text
    for objective in ("Partager le diagnostic", "Trois réunions publiques"):  # an objective, a planned modality
        assert objective in text
    assert "2025-05-28-avis-plan-climat-air-energie" in " ".join(links_of(demo_site, PLAN_CLIMAT))


def test_the_garant_recommendations_answered_are_counted(demo_site):
    expected = CONCERTATIONS["2025-03-03-concertation-prealable-plan-climat"]
    text = text_of(demo_site, PLAN_CLIMAT)
    answered, total = expected["recommandations_repondues"], expected["recommandations"]
    assert f"{answered} recommandations sur {total} ont reçu une réponse du maître d'ouvrage" in text
    assert text.count("Aucune réponse ne l'évoque à ce jour") == total - answered
    assert "publié le 26 juin 2025, dans le délai" in text and "publiée le 21 août 2025, dans le délai" in text


def test_a_late_answer_of_the_maitre_d_ouvrage_is_shown_late(demo_site):
    expected = CONCERTATIONS["2026-05-04-concertation-prealable-transport-par-cable"]
    text = text_of(demo_site, CABLE)
    assert f"en retard de {expected['retard_reponse_maitre_ouvrage_jours']} jours" in text
    assert "attendue au plus tard le 29 septembre 2026" in text
    assert "Yves Marchetti, Pascale Rivoire" in text
    bilan = text_of(demo_site, "bilans/2026-07-31-bilan-garants-transport-par-cable/")
    assert f"en retard de {expected['retard_reponse_maitre_ouvrage_jours']} jours" in bilan
    assert "Aucune des 4 recommandations n'a reçu de réponse du maître d'ouvrage" in bilan
    assert f"{expected['participants']} participants" in text and f"{expected['contributions']} contributions" in text


@pytest.mark.parametrize("url", [PDU, PLACE_DU_MARCHE, CYCLABLE, ZAC])
def test_no_delay_is_shown_without_a_garant_or_before_the_follow_up(demo_site, url):
    text = text_of(demo_site, url).replace("aucun retard n'est compté", "")
    assert "retard" not in text and "au plus tard" not in text


def test_an_archive_concertation_is_out_of_the_follow_up(demo_site):
    text = text_of(demo_site, PDU)
    assert "Antérieure au suivi des bilans" in text and "avant le 1er juillet 2020" in text
    assert "mars 2016" in text and "1er mars" not in text  # a month known, no day invented
    assert "Cadre non connu" in text


def test_suites_by_position_with_the_share_given_with_a_motif(demo_site):
    expected = CONCERTATIONS["2021-03-15-concertation-revision-plui"]
    for url in (PLUI, BILAN_PLUI):
        text = text_of(demo_site, url)
        assert f"{expected['suites']} sujets, par suite donnée" in text
        assert ("Décisions autres que « retenue » données avec leur motif : "
                f"{expected['autres_decisions_avec_motif']} sur {expected['autres_decisions']} (50 %)") in text
        assert text.count("motif non publié") == expected["motifs_non_publies"]


def test_engagements_and_their_state(demo_site):
    text = text_of(demo_site, PLUI)
    engagements = section(text, "Engagements du maître d'ouvrage", "Chronologie")
    assert "Publier chaque année le nombre d'hectares artificialisés" in engagements
    for state in ("Réalisé", "En cours", "Prévu"):
        assert state in engagements


def test_the_timeline_holds_deliberation_phases_dispositifs_and_bilans(demo_site):
    text = text_of(demo_site, PLUI)
    timeline = text[text.index("Chronologie"):]
    order = ["28 janvier 2021", "15 mars 2021", "10 janvier 2022", "11 juin 2022", "23 mai 2024", "10 juin 2024"]
    assert [timeline.index(day) for day in order] == sorted(timeline.index(day) for day in order)
    for kind in ("délibération", "phase", "dispositif", "bilan"):
        assert kind in timeline


def test_the_index_groups_concertations_by_status(demo_site):
    text = text_of(demo_site, "concertations/")
    for identifier, expected in CONCERTATIONS.items():
        if "statut" not in expected:
            continue
        heading = STATUS_HEADINGS[expected["statut"]]
        following = [h for h in STATUS_HEADINGS.values() if h != heading and text.find(h) > text.index(heading)]
        group = text[text.index(heading):min([text.index(h) for h in following], default=len(text))]
        title = page_path(demo_site, f"concertations/{identifier}/").read_text(encoding="utf-8")
        title = re.search(r"<h1[^>]*>(.*?)</h1>", title).group(1).replace("&#39;", "'")
        assert title in group, (identifier, heading)
    assert text.index("En cours") < text.index("À venir") < text.index("Bilan attendu")


def test_the_toolbox_lists_each_method_with_what_used_it(demo_site):
    text = text_of(demo_site, "outils/")
    assert len(EXPECTED["outils"]) >= 5
    for identifier, expected in EXPECTED["outils"].items():
        page = text_of(demo_site, f"outils/{identifier}/")
        assert f"{expected['dispositifs']} dispositifs" in page, identifier
        assert f"{expected['concertations']} concertations" in page, identifier
        if expected["participants"]:
            assert f"{expected['participants']} participants" in page, identifier
        if expected.get("contributions"):
            assert f"{expected['contributions']} contributions recueillies" in page, identifier
        assert f"outils/{identifier}/" in links_of(demo_site, "outils/")
    assert "Balade urbaine commentée" in text


def test_organe_and_dossier_pages_list_their_concertations(demo_site):
    syndicat = text_of(demo_site, "organes/syndicat-mobilites-arvel/")
    syndicat = syndicat[syndicat.index("Concertations dont il est maître d'ouvrage"):]
    assert "transport par câble" in syndicat
    assert CABLE in links_of(demo_site, "organes/syndicat-mobilites-arvel/")
    dossier = links_of(demo_site, "dossiers/plan-local-urbanisme-intercommunal/")
    assert {PLUI, ZAC} <= dossier
    assert PLUI not in links_of(demo_site, "dossiers/programme-local-habitat/")


def test_a_bilan_page_links_its_concertation_and_says_its_delay(demo_site):
    text = text_of(demo_site, BILAN_GARANTE)
    assert "27 jours après la fin de la concertation" in text and "Odile Ferrand" in text
    assert PLAN_CLIMAT in links_of(demo_site, BILAN_GARANTE)
    answer = text_of(demo_site, REPONSE_METROPOLE)
    assert "Réponse recommandation par recommandation" in answer and "Délibération n o 2025-121" in answer


def test_the_home_page_and_the_nav_lead_to_the_concertations(demo_site):
    text = text_of(demo_site, "")
    ouvertes = section(text, "Concertations ouvertes et à venir", "Toutes les concertations")
    assert "schéma directeur cyclable" in ouvertes and "Prés-Neufs" in ouvertes and "Plan climat" not in ouvertes
    assert "concertations/" in links_of(demo_site, "")


def test_an_open_concertation_announces_its_next_meetings_and_the_agenda(demo_site):
    text = text_of(demo_site, CYCLABLE)
    upcoming = section(text, "Prochains rendez-vous", "Le projet")
    assert "jeudi 3 décembre 2026, 18 h 30 — Réunion publique de présentation du projet de schéma" in \
        re.sub(r" ,", ",", upcoming)
    assert "Balade à vélo" not in upcoming  # held on 17 October: past
    assert "assemblees/agenda.ics" in links_of(demo_site, CYCLABLE)
    assert "Prochains rendez-vous" not in text_of(demo_site, PLUI)


def test_the_activity_report_has_a_section_on_the_concertations(demo_site):
    expected = EXPECTED["rapports"]["mandature-2020-2026"]
    text = section(text_of(demo_site, "rapport/mandature-2020-2026/"), "Les concertations", "Par élu")
    assert f"{len(expected['terminees'])} concertations terminées pendant la période" in text
    assert spaced(f"environ {expected['participants']} participants à leurs dispositifs") in text
    assert f"{len(expected['bilans'])} bilans publiés" in text
    assert "186,5 jours de délai médian entre la fin d'une concertation et son premier bilan" in text
    assert f"36 % des suites données sont « retenue » ({expected['retenues']} sur {expected['suites']})" in text
    assert (f"57 % des autres décisions sont données avec leur motif ({expected['autres_avec_motif']} sur "
            f"{expected['autres']})") in text
    year = section(text_of(demo_site, "rapport/2026/"), "Les concertations", "Par élu")
    assert "2 concertations terminées pendant la période" in year and "28 jours de délai médian" in year
    assert "Concertation sur le schéma directeur cyclable" not in year  # still open on the build date


def test_theme_and_meeting_pages_lead_to_their_concertations(demo_site):
    assert CYCLABLE in links_of(demo_site, "themes/mobilites/")
    meeting = "assemblees/2025-05-20-pleniere-plan-climat/"
    assert f"{PLAN_CLIMAT}#dispositif-pleniere-conseil-developpement" in _raw_links(demo_site, meeting)
    assert "compte parmi les dispositifs d'une concertation" in text_of(demo_site, meeting)


def _raw_links(site, url: str) -> set[str]:
    html = page_path(site, url).read_text(encoding="utf-8")
    return {href.replace("../../", "") for href in re.findall(r'href="([^"]+)"', html)}
