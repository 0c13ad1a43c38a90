"""Pages of the model's version 2, on the demo council: dates as known, who answered and how, interventions
apart, stages, dossiers, chapters, organes."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from tests.site.html import links_of, page_path


def text_of(site: Path, url: str) -> str:
    """The page's main text, tags removed, spaces collapsed."""
    html = page_path(site, url).read_text(encoding="utf-8")
    main = html[html.index("<article"):html.index("</article>")]
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", main))).strip()


def section(text: str, heading: str, following: str) -> str:
    return text[text.index(heading):text.index(following, text.index(heading))]


ARCHIVE = "contributions/2016-avis-premier-plan-de-deplacements-urbains/"
RAPPORT_ACTIVITE = "contributions/2026-03-19-contribution-rapport-activite-2025/"
PRISE_D_ACTE = "reponses/2026-10-15-prise-d-acte-rapport-activite-2025/"
INTERVENTION = "reponses/2026-10-15-intervention-groupe-arvel-en-commun/"
PRELIMINAIRE = "contributions/2026-05-13-avis-preliminaire-programme-local-habitat/"
DEFINITIF = "contributions/2026-09-10-avis-programme-local-habitat/"


def test_a_date_known_by_its_year_is_shown_as_known(demo_site):
    text = text_of(demo_site, ARCHIVE)
    assert "Remise aux élus 2016" in text
    assert "1er janvier 2016" not in text and "janvier" not in text
    assert '<time datetime="2016">2016</time>' in page_path(demo_site, ARCHIVE).read_text(encoding="utf-8")


def test_an_archive_before_the_follow_up_is_never_late(demo_site):
    text = text_of(demo_site, ARCHIVE)
    assert "Antérieure au suivi des réponses" in text and "avant le 1er juillet 2020" in text
    assert "retard" not in text.replace("aucun retard n'est compté", "") and "Échéance" not in text


def test_the_follow_up_board_says_from_when_answers_are_followed(demo_site):
    text = text_of(demo_site, "suivi/")
    assert "Les réponses sont suivies depuis le 1er juillet 2020" in text
    assert ARCHIVE in links_of(demo_site, "suivi/")
    late = section(text, "Sans réponse après l'échéance", "En attente, dans le délai")
    assert "premier plan de déplacements" not in late


def test_an_intervention_is_shown_apart_never_as_the_answer(demo_site):
    text = text_of(demo_site, RAPPORT_ACTIVITE)
    answers = section(text, "Réponses des élus", "Interventions")
    assert "prend acte du rapport" in answers and "Arvel en commun" not in answers
    assert "Intervention du groupe « Arvel en commun »" in section(text, "Interventions", "Chronologie")
    assert "ne sont pas la réponse de la Métropole" in text
    intervention = text_of(demo_site, INTERVENTION)
    assert "Intervention — ce n'est pas la réponse de la Métropole" in intervention
    assert "Position" not in intervention and "Texte de l'intervention" in intervention


def test_an_answer_says_who_answered_in_what_form_meeting_deliberation_and_vote(demo_site):
    text = text_of(demo_site, PRISE_D_ACTE)
    assert "Réponse d'un organe de la Métropole" in text
    for shown in ("Organe Conseil de la Métropole de Val-d'Arvel", "Forme Prise d'acte", "Vote À l'unanimité",
                  "Séance Séance du conseil métropolitain", "Délibération n o 2026-0187"):
        assert shown in text
    assert {"organes/conseil-metropolitain/", "assemblees/2026-10-15-seance-conseil-metropolitain/"} <= \
        links_of(demo_site, PRISE_D_ACTE)
    oral = text_of(demo_site, "reponses/2026-10-15-reponse-orale-plan-secheresse/")
    assert "Forme Réponse orale" in oral


def test_a_contribution_shows_its_stages_both_ways(demo_site):
    for url in (PRELIMINAIRE, DEFINITIF):
        text = text_of(demo_site, url)
        stages = section(text, "Les étapes de cet avis", "Texte de l'avis")
        assert stages.index("13 mai 2026") < stages.index("10 septembre 2026")
        assert "(cette page)" in stages
    assert DEFINITIF in links_of(demo_site, PRELIMINAIRE) and PRELIMINAIRE in links_of(demo_site, DEFINITIF)
    assert "Dossiers Programme local de l'habitat" in text_of(demo_site, DEFINITIF)


def test_many_recommendations_are_counted_by_position_then_grouped_by_chapter(demo_site):
    text = text_of(demo_site, PRELIMINAIRE)
    recommendations = text[text.index("Ce que sont devenues les recommandations"):]
    assert recommendations.index("6 recommandations, par position") < recommendations.index("Produire des logements")
    chapters = [c for c in ("Produire des logements abordables", "Améliorer le parc existant",
                            "Loger les jeunes et les saisonniers")]
    positions = [recommendations.index(f" {c} ") for c in chapters]
    assert positions == sorted(positions)
    assert "3 recommandations : Produire des logements abordables" in recommendations


def test_a_dossier_page_holds_its_records_and_stages_in_date_order(demo_site):
    url = "dossiers/programme-local-habitat/"
    text = text_of(demo_site, url)
    timeline = section(text, "Chronologie", "Contributions sur")
    order = ["mars 2025", "3 juillet 2025", "28 novembre 2025", "13 mai 2026", "9 juillet 2026", "10 septembre 2026"]
    assert [timeline.index(day) for day in order] == sorted(timeline.index(day) for day in order)
    links = links_of(demo_site, url)
    assert {"contributions/2025-07-03-contribution-logement-abordable/", PRELIMINAIRE, DEFINITIF} <= links
    assert "reponses/2026-11-20-reponse-programme-local-habitat/" not in links  # a draft
    assert url in links_of(demo_site, "dossiers/")


def test_an_organe_page_lists_what_it_received_and_answered(demo_site):
    links = links_of(demo_site, "organes/conseil-metropolitain/")
    assert {ARCHIVE, PRELIMINAIRE, PRISE_D_ACTE} <= links
    assert "organes/conseil-metropolitain/" in links_of(demo_site, "organes/")


def test_a_meeting_over_several_days_and_a_rough_attendance(demo_site):
    text = text_of(demo_site, "assemblees/2025-10-08-rencontres-nationales-conseils-developpement/")
    assert "du mercredi 8 octobre 2025 au vendredi 10 octobre 2025" in text
    assert "Participants près de 400" in text
    home = text_of(demo_site, "")
    assert re.search(r"environ [\d ]+ participations", home)


def test_records_stay_out_of_the_navigation(demo_site):
    html = page_path(demo_site, "").read_text(encoding="utf-8")
    nav = html[html.index('<nav class="md-nav md-nav--primary'):]
    nav = nav[:nav.index("</nav>")]
    assert 'href="organes/"' in nav and 'href="dossiers/"' in nav
    assert "conseil-metropolitain" not in nav and "programme-local-habitat" not in nav
