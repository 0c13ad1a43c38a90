"""The iCalendar files of the assemblies: the whole agenda and one file per assembly."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from typing import Any, Iterable
from urllib.parse import urlsplit

from icalendar import Calendar, Event, Timezone

from ..graph.graph import Graph
from ..graph.nodes import AssembleeNode
from ..model import schema
from ..model.dates import PARIS
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
    last_day = assemblee.date_fin or assemblee.date  # a meeting over several days ends on its last one
    if assemblee.heure_debut:
        start = datetime.combine(assemblee.date, time.fromisoformat(assemblee.heure_debut), tzinfo=PARIS)
        end = (datetime.combine(last_day, time.fromisoformat(assemblee.heure_fin), tzinfo=PARIS)
               if assemblee.heure_fin else start + timedelta(hours=2))
        event.add("dtstart", start)
        event.add("dtend", end)
    else:  # days without hours: an all-day event, its end the day after the last
        event.add("dtstart", assemblee.date)
        event.add("dtend", last_day + timedelta(days=1))
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


def calendar_files(graph: Graph, *, nom: str, site_url: str) -> dict[str, str]:
    """The agenda of every published assembly, and one file per assembly for « Ajouter à mon agenda »."""
    calendars = _Calendars(nom=nom, site_url=site_url)
    dated = [a for a in graph.assemblees if a.dans_l_agenda]  # no invented day for a meeting known by its year
    files = {AGENDA: calendars.text(dated)}
    for assemblee in dated:
        files[event_path(assemblee)] = calendars.text([assemblee])
    return files


class _Calendars:
    """Files that share their parts: each event and each Europe/Paris VTIMEZONE is serialised once.

    An assembly is in the agenda and in its own file, and most files span the same few years:
    serialising every part again for every file took most of the time of the outputs.
    The files are what `Calendar.to_ical()` writes: properties, time zones, then events.
    """

    def __init__(self, *, nom: str, site_url: str):
        self.site_url = site_url
        calendar = Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("x-wr-calname", f"{nom} — assemblées")
        calendar.add("x-wr-timezone", "Europe/Paris")
        self.head, self.end = _split_end(calendar.to_ical())
        self.events: dict[str, bytes] = {}
        self.timezones: dict[tuple[int, int], bytes] = {}

    def text(self, assemblees: Iterable[AssembleeNode]) -> str:
        ordered = sorted(assemblees, key=lambda a: (a.date, a.heure_debut or "", a.id))
        parts = [self.head]
        if any(a.heure_debut for a in ordered):  # local times need the Europe/Paris VTIMEZONE
            parts.append(self.timezone(ordered[0].date.year - 1, ordered[-1].date.year + 2))
        parts += [self.event(a) for a in ordered]
        parts.append(self.end)
        return b"".join(parts).decode("utf-8")

    def event(self, assemblee: AssembleeNode) -> bytes:
        if assemblee.id not in self.events:
            self.events[assemblee.id] = _event(assemblee, site_url=self.site_url).to_ical()
        return self.events[assemblee.id]

    def timezone(self, first_year: int, last_year: int) -> bytes:
        """The zone's rules limited to the years a file spans."""
        if (first_year, last_year) not in self.timezones:
            zone = Timezone.from_tzid("Europe/Paris", first_date=date(first_year, 1, 1), last_date=date(last_year, 1, 1))
            self.timezones[first_year, last_year] = zone.to_ical()
        return self.timezones[first_year, last_year]


def _split_end(text: bytes) -> tuple[bytes, bytes]:
    end = b"END:VCALENDAR\r\n"
    if not text.endswith(end):  # pragma: no cover - icalendar always ends a component so
        raise ValueError("unexpected iCalendar serialisation")
    return text[:-len(end)], end
