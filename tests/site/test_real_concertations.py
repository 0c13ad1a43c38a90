"""Real concertations, written as the specification says, build strictly and say each fact as known.

tests/fixtures/concertations-reelles holds three concertations from their published facts (/work/shared/domain.md,
« Concertation »): Grenoble's climate plan revision (modalities voted 9 November 2018, open 10 January–31 March 2019,
a CNDP garante, more than 250 contributions), the SMMAG's cable car (1 October–1 December 2021, about 300 participants
and 100 opinions, bilan 25 March 2022) and Lyon's PLU-H revision (May 2012–September 2016, bilan arrêté on
11 September 2017). `suivi_depuis` is 2020-07-01: the climate plan's concertation closed before it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, mkdocs_build
from tests.site.sitefiles import broken_links, parse_page, site_pages
from tests.site.test_pages_v2 import section, text_of
from tests.site.test_site_french import french_mistakes, visible_text

pytestmark = pytest.mark.slow

PLAN_CLIMAT = "concertations/2019-01-10-concertation-revision-plan-climat/"
CABLE = "concertations/2021-10-01-concertation-transport-par-cable-fontaine-saint-martin-le-vinoux/"
PLU_H = "concertations/2012-05-concertation-revision-plu-h/"
BILAN_PLU_H = "bilans/2017-09-11-bilan-concertation-revision-plu-h/"
BILAN_CABLE = "bilans/2022-03-25-bilan-concertation-transport-par-cable/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    built = tmp_path_factory.mktemp("reelles") / "site"
    result = mkdocs_build(FIXTURES / "concertations-reelles" / "mkdocs.yml", built)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    return built


def test_the_climate_plan_says_more_than_250_contributions_and_its_unnamed_garante(site):
    text = text_of(site, PLAN_CLIMAT)
    assert "plus de 250 contributions recueillies" in text  # one count: said as written, not « au moins 250 »
    assert "au moins" not in text
    assert "du 10 janvier 2019 au 31 mars 2019 (80 jours)" in text  # 21 + 28 + 31 = 80
    assert "Délibération d'ouverture 9 novembre 2018" in text
    assert "Garant de la CNDP oui (nom non publié)" in text  # followed by a garante whose name is not given


def test_no_delay_is_shamed_before_the_follow_up(site):
    text = text_of(site, PLAN_CLIMAT)
    # A CNDP garant and exact dates, but closed on 31 March 2019, before 1 July 2020: no deadline, no delay.
    assert "Antérieure au suivi des bilans" in text and "aucun retard n'est compté" in text
    assert "retard" not in text.replace("aucun retard n'est compté", "")
    assert "attendu au plus tard" not in text
    listing = text_of(site, "concertations/")
    assert "en retard" not in listing
    assert "révision du Plan climat" in section(listing, "« Antérieure au suivi des bilans »", "Grenoble-Alpes")


def test_the_cable_car_says_about_300_participants_and_100_opinions(site):
    text = text_of(site, CABLE)
    assert "environ 300 participants et environ 100 contributions reçues" in text
    # 1 December 2021 to 25 March 2022: 30 + 31 + 28 + 25 = 114 days.
    assert "Bilan de la concertation arrêté 114 jours après la fin de la concertation" in text
    assert "du 1er octobre 2021 au 1er décembre 2021 (61 jours)" in text
    assert "retard" not in text
    bilan = text_of(site, BILAN_CABLE)
    assert "Participants environ 300" in bilan and "Contributions reçues environ 100" in bilan


def test_the_plu_h_bilan_delay_is_said_as_known_with_an_end_known_by_its_month(site):
    # Ended in September 2016: from its last possible day (30 September) to 11 September 2017, 346 days; from its
    # first (1 September), 375. « 346 jours » would invent the day, « au moins 346 » would hide the month more.
    text = text_of(site, PLU_H)
    assert "Bilan de la concertation arrêté entre 346 et 375 jours après la fin de la concertation" in text
    assert "de mai 2012 à septembre 2016" in text and "Code de l'urbanisme" in text
    assert "retard" not in text
    assert "entre 346 et 375 jours après la fin de la concertation" in text_of(site, BILAN_PLU_H)
    assert "entre 346 et 375 jours après la fin" in text_of(site, "bilans/")
    feed = (site / "flux" / "bilans.xml").read_text(encoding="utf-8")
    assert "entre 346 et 375 jours après la fin de la concertation" in feed and "114 jours après la fin" in feed


def test_each_year_with_a_concertation_ended_or_a_bilan_has_its_report(site):
    # 2016 Lyon ended, 2017 its bilan, 2019 the climate plan ended, 2021 the cable car ended, 2022 its bilan.
    reports = sorted(p.parent.name for p in (site / "rapport").glob("*/index.html"))
    assert reports == ["2016", "2017", "2019", "2021", "2022"]
    assert "Les concertations" in text_of(site, "rapport/2017/")


def test_open_data_keeps_the_words_and_leaves_unknown_days_empty(site):
    rows = {r["id"]: r for r in json.loads((site / "donnees" / "concertations.json").read_text(encoding="utf-8"))}
    plan_climat = rows["2019-01-10-concertation-revision-plan-climat"]
    assert (plan_climat["contributions_recueillies"], plan_climat["contributions_recueillies_mention"]) == \
        (250, "plus de")
    assert (plan_climat["statut"], plan_climat["garant_cndp"], plan_climat["garants"]) == ("hors-suivi", True, [])
    assert plan_climat["retard_bilan_garant_jours"] is None and plan_climat["echeance_bilan_garant"] is None
    plu_h = rows["2012-05-concertation-revision-plu-h"]
    assert (plu_h["fin"], plu_h["date_premier_bilan"], plu_h["jours_jusqu_au_bilan"]) == ("2016-09", "2017-09-11", None)
    assert rows["2021-10-01-concertation-transport-par-cable-fontaine-saint-martin-le-vinoux"]["jours_jusqu_au_bilan"] \
        == 114


def test_the_pages_link_right_and_write_correct_french(site):
    pages = site_pages(site)
    parsed = {p.relative_to(site).as_posix(): parse_page(p) for p in site.rglob("*.html")}
    problems = [problem for page, parser in parsed.items() for problem in broken_links(site, parsed, page, parser.links)]
    assert not problems, "\n".join(problems[:20])
    mistakes = [f"{p.relative_to(site)} : « {m} »" for p in pages
                for m in french_mistakes(visible_text(p.read_text(encoding="utf-8")))]
    assert not mistakes, "\n".join(mistakes)


@pytest.mark.vnu
def test_the_new_pages_are_valid_html(site):
    import shutil
    import subprocess

    from tests.site.test_site_html import ACCEPTED_WARNINGS, describe, is_error, is_warning, vnu_jar

    pages = [p for url in (PLAN_CLIMAT, CABLE, PLU_H, BILAN_PLU_H, BILAN_CABLE, "concertations/", "bilans/",
                           "rapport/2017/", "organes/metropole-de-lyon/") for p in [site / url / "index.html"]]
    assert all(p.is_file() for p in pages)
    result = subprocess.run([shutil.which("java"), "-Xss1024k", "-jar", str(vnu_jar()), "--format", "json",
                             "--exit-zero-always", *map(str, pages)], capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr)["messages"]
    problems = [m for m in messages if is_error(m) or (is_warning(m) and m["message"] not in ACCEPTED_WARNINGS)]
    assert not problems, describe(problems, site)
