"""The iCalendar files of the assemblies: the whole agenda and one file per assembly."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from typing import Any, Iterable
from urllib.parse import urlsplit

from icalendar import Calendar, Event

from . import schema
from .dates import PARIS
from .graph import AssembleeNode, Graph
from .opendata import public_url

AGENDA = "assemblees/agenda.ics"
PRODID = "-//conseil//Agenda du conseil de développement//FR"


def event_path(assemblee: Any) -> str:
    """The single-event file of an assembly, beside its page."""
    return f"assemblees/{assemblee.id}.ics"


def _uid(assemblee: AssembleeNode, site_url: str) -> str:
    host = urlsplit(site_url).hostname or "conseil.invalid"
    return f"assemblee-{assemblee.id}@{host}"


def _event(assemblee: AssembleeNode, *, site_url: str) -> Event:
    url = public_url(site_url, assemblee.url)
    event = Event()
    event.add("uid", _uid(assemblee, site_url))
    # DTSTAMP from the record, not the clock: the same records give the same file.
    event.add("dtstamp", datetime.combine(assemblee.date, time(0, 0), tzinfo=timezone.utc))
    event.add("summary", assemblee.titre)
    if assemblee.heure_debut:
        start = datetime.combine(assemblee.date, time.fromisoformat(assemblee.heure_debut), tzinfo=PARIS)
        end = (datetime.combine(assemblee.date, time.fromisoformat(assemblee.heure_fin), tzinfo=PARIS)
               if assemblee.heure_fin else start + timedelta(hours=2))
        event.add("dtstart", start)
        event.add("dtend", end)
    else:  # a day without hours: an all-day event
        event.add("dtstart", assemblee.date)
        event.add("dtend", assemblee.date + timedelta(days=1))
    parts = [assemblee.lieu] if assemblee.lieu else []
    if assemblee.commune and assemblee.commune not in (assemblee.lieu or ""):
        parts.append(assemblee.commune)
    place = ", ".join(parts)
    if place:
        event.add("location", place)
    event.add("url", url)
    event.add("description", f"{schema.ASSEMBLEE_TYPES[assemblee.type_assemblee]}. Détails : {url}")
    event.add("categories", [schema.ASSEMBLEE_TYPES[assemblee.type_assemblee]])
    return event


def build_calendar(assemblees: Iterable[AssembleeNode], *, nom: str, site_url: str) -> str:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"{nom} — assemblées")
    calendar.add("x-wr-timezone", "Europe/Paris")
    ordered = sorted(assemblees, key=lambda a: (a.date, a.heure_debut or "", a.id))
    for assemblee in ordered:
        calendar.add_component(_event(assemblee, site_url=site_url))
    if ordered:  # the Europe/Paris VTIMEZONE, its rules limited to the years the agenda spans
        calendar.add_missing_timezones(date(ordered[0].date.year - 1, 1, 1), date(ordered[-1].date.year + 2, 1, 1))
    return calendar.to_ical().decode("utf-8")


def calendar_files(graph: Graph, *, nom: str, site_url: str) -> dict[str, str]:
    """The agenda of every published assembly, and one file per assembly for « Ajouter à mon agenda »."""
    files = {AGENDA: build_calendar(graph.assemblees, nom=nom, site_url=site_url)}
    for assemblee in graph.assemblees:
        files[event_path(assemblee)] = build_calendar([assemblee], nom=nom, site_url=site_url)
    return files
