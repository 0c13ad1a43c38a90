"""Atom feeds (read by feedparser) and the iCalendar agenda (read by icalendar) of the demo site."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import feedparser
import pytest
from icalendar import Calendar

from conseil.core.outputs.feeds import FEEDS

pytestmark = pytest.mark.slow

SITE_URL = "https://conseil-developpement.example.org/"
# Counted in content/: version 2 added 2 assemblies (a council session, the national meetings), 2 contributions
# (an archive of 2016, a preliminary opinion) and 3 answers (a prise d'acte, an oral answer, an intervention).
PUBLISHED = {"assemblees": 19, "contributions": 32, "reponses": 21}
# Version 3: 7 concertations, 4 bilans; 27 dispositifs dated to the day, one of them held as an assembly of its own
# (the plan climat's plenary): 26 more events in the agenda.
PUBLISHED_V3 = {"concertations": 7, "bilans": 4}
DISPOSITIF_EVENTS = 26


def parse_feed(site: Path, path: str):
    return feedparser.parse((site / path).read_bytes())


@pytest.mark.parametrize("feed", FEEDS, ids=lambda f: f.path)
def test_feed_is_well_formed_atom(demo_site, feed):
    parsed = parse_feed(demo_site, feed.path)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.id == SITE_URL + feed.path
    assert parsed.feed.title.startswith("Conseil de développement de Val-d'Arvel — ")
    assert any(link.rel == "self" and link.href == SITE_URL + feed.path for link in parsed.feed.links)


@pytest.mark.parametrize("feed", FEEDS, ids=lambda f: f.path)
def test_each_entry_has_a_stable_id_a_date_and_a_summary(demo_site, feed):
    entries = parse_feed(demo_site, feed.path).entries
    assert entries
    ids = [e.id for e in entries]
    assert len(set(ids)) == len(ids)
    for entry in entries:
        assert entry.id.startswith(SITE_URL) and entry.id == entry.link
        relative = entry.id[len(SITE_URL):]
        assert (demo_site / relative / "index.html").is_file()
        assert entry.updated_parsed and entry.published_parsed
        assert entry.summary.strip()
    dates = [e.updated_parsed for e in entries]
    assert dates == sorted(dates, reverse=True)  # newest first


def test_feeds_hold_every_published_record_of_their_kind(demo_site):
    counts = {f.path: len(parse_feed(demo_site, f.path).entries) for f in FEEDS}
    assert counts == {"flux/publications.xml": sum(PUBLISHED.values()) + sum(PUBLISHED_V3.values()),
                      "flux/contributions.xml": PUBLISHED["contributions"],
                      "flux/reponses.xml": PUBLISHED["reponses"],
                      "flux/bilans.xml": PUBLISHED_V3["bilans"]}


def test_a_contribution_entry_says_its_nature_status_and_summary(demo_site):
    entries = parse_feed(demo_site, "flux/contributions.xml").entries
    entry = next(e for e in entries if e.id.endswith("/2025-06-10-question-renovation-coproprietes/"))
    assert entry.summary.startswith("Question du 10 juin 2025 — Sans réponse, en retard.")
    assert entry.published.startswith("2025-06-10")


@pytest.mark.parametrize("page", ["index.html", "contributions/index.html", "rapport/2025/index.html",
                                  "contributions/2025-04-15-alerte-qualite-eau-arvel/index.html", "404.html"])
def test_every_page_links_to_the_feeds(demo_site, page):
    html = (demo_site / page).read_text(encoding="utf-8")
    for feed in FEEDS:
        assert (f'<link rel="alternate" type="application/atom+xml" '
                f'title="Conseil de développement de Val-d\'Arvel — {feed.titre}"') in html
        assert f'{feed.path}"' in html


def test_home_and_contributions_pages_show_visible_links_to_the_feeds(demo_site):
    home = (demo_site / "index.html").read_text(encoding="utf-8")
    assert '<a href="flux/publications.xml">flux Atom des publications</a>' in home
    assert '<a href="assemblees/agenda.ics">agenda des assemblées</a>' in home
    contributions = (demo_site / "contributions" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../flux/contributions.xml">flux Atom des contributions</a>' in contributions


def read_calendar(site: Path, path: str) -> Calendar:
    return Calendar.from_ical((site / path).read_bytes())


def test_the_agenda_holds_every_published_assembly_in_paris_time(demo_site):
    calendar = read_calendar(demo_site, "assemblees/agenda.ics")
    assert str(calendar["X-WR-TIMEZONE"]) == "Europe/Paris"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    events = calendar.walk("VEVENT")
    assert len(events) == PUBLISHED["assemblees"] + DISPOSITIF_EVENTS
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    assert sum(1 for uid in uids if uid.startswith("assemblee-")) == PUBLISHED["assemblees"]
    for event in events:
        start = event.decoded("DTSTART")
        if isinstance(start, datetime):
            assert str(start.tzinfo) == "Europe/Paris"
            assert event.decoded("DTEND") > start
        url = str(event["URL"])
        page, _, anchor = url[len(SITE_URL):].partition("#")
        assert url.startswith(SITE_URL + ("assemblees/" if str(event["UID"]).startswith("assemblee-")
                                          else "concertations/"))
        assert (demo_site / page / "index.html").is_file()
        if anchor:  # a dispositif: its row on the concertation's page
            assert f'id="{anchor}"' in (demo_site / page / "index.html").read_text(encoding="utf-8")


def test_dated_dispositifs_are_in_the_agenda_as_known(demo_site):
    """A concertation's meeting with its hours and place; a survey over weeks as days; none known by its month."""
    events = {str(e["UID"]).split("@")[0]: e for e in read_calendar(demo_site, "assemblees/agenda.ics").walk("VEVENT")}
    dispositifs = {uid for uid in events if uid.startswith("dispositif-")}
    assert len(dispositifs) == DISPOSITIF_EVENTS
    assert not any(uid.startswith("dispositif-2016-03-") for uid in dispositifs)  # PDU: months only
    assert "dispositif-2025-03-03-concertation-prealable-plan-climat-pleniere-conseil-developpement" not in events
    survey = events["dispositif-2025-03-03-concertation-prealable-plan-climat-questionnaire"]
    assert (survey.decoded("DTSTART"), survey.decoded("DTEND")) == (date(2025, 3, 3), date(2025, 5, 31))
    assert [str(c) for c in survey["CATEGORIES"].cats] == ["Concertation", "Questionnaire"]


def test_an_event_has_its_place_hours_and_a_stable_uid(demo_site):
    calendar = read_calendar(demo_site, "assemblees/agenda.ics")
    event = next(e for e in calendar.walk("VEVENT")
                 if str(e["UID"]) == "assemblee-2025-01-23-assemblee-ouverte-lancement-2025@conseil-developpement.example.org")
    assert str(event["SUMMARY"]) == "Assemblée ouverte de lancement : nos chantiers pour 2025"
    start = event.decoded("DTSTART")
    assert (start.date(), start.hour, start.minute, start.utcoffset().total_seconds()) == (date(2025, 1, 23), 18, 30, 3600)
    assert str(event["LOCATION"]).startswith("Maison de la Métropole, salle du Conseil")


def test_each_upcoming_assembly_page_offers_its_own_calendar_file(demo_site):
    page_id = "2026-12-10-assemblee-ouverte-rapport-activite-2026"
    html = (demo_site / "assemblees" / page_id / "index.html").read_text(encoding="utf-8")
    assert f'<a href="../{page_id}.ics" download>Ajouter à mon agenda</a>' in html
    single = read_calendar(demo_site, f"assemblees/{page_id}.ics")
    [event] = single.walk("VEVENT")
    agenda = read_calendar(demo_site, "assemblees/agenda.ics")
    same = next(e for e in agenda.walk("VEVENT") if e["UID"] == event["UID"])
    assert same.decoded("DTSTART") == event.decoded("DTSTART")


def test_no_entry_is_dated_after_the_build(demo_site):
    parsed = parse_feed(demo_site, "flux/publications.xml")
    assert max(e.updated for e in parsed.entries)[:10] <= "2026-11-23"
    announced = next(e for e in parsed.entries if e.id.endswith("/2027-02-04-atelier-mobilites-rurales/"))
    assert announced.published.startswith("2026-11-23")  # announced, not yet held
    assert parsed.feed.updated.startswith("2026-11-23")


def test_a_meeting_over_several_days_ends_on_its_last_day(demo_site):
    event = read_calendar(demo_site, "assemblees/2025-10-08-rencontres-nationales-conseils-developpement.ics") \
        .walk("VEVENT")[0]
    assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (date(2025, 10, 8), date(2025, 10, 11))


def test_a_meeting_known_by_its_year_is_in_no_calendar():
    from conseil.core.outputs.calendar import calendar_files
    from tests.core.helpers import ASSEMBLEE, corpus
    graph = corpus({"assemblees/archive": ASSEMBLEE.replace("2025-03-12", "2016"),
                    "assemblees/jour": ASSEMBLEE}).graph
    files = calendar_files(graph, nom="Conseil", site_url="https://example.org/")
    assert sorted(files) == ["assemblees/agenda.ics", "assemblees/jour.ics"]
    assert "archive" not in files["assemblees/agenda.ics"]


def test_an_intervention_entry_does_not_say_it_answers(demo_site):
    entries = parse_feed(demo_site, "flux/reponses.xml").entries
    entry = next(e for e in entries if e.id.endswith("/2026-10-15-intervention-groupe-arvel-en-commun/"))
    assert entry.summary.startswith("Intervention de Marc Delorme le 15 octobre 2026")
    assert "répond" not in entry.summary
    prise = next(e for e in entries if e.id.endswith("/2026-10-15-prise-d-acte-rapport-activite-2025/"))
    assert prise.summary.startswith("Conseil de la Métropole de Val-d'Arvel répond le 15 octobre 2026")
