"""The iCalendar files: the whole agenda (assemblies, and the concertations' dispositifs dated to the day) and one
file per assembly."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from typing import Any, Iterable, NamedTuple
from urllib.parse import urlsplit

from icalendar import Calendar, Event, Timezone

from ..graph.graph import Graph
from ..graph.nodes import AssembleeNode, DispositifNode
from ..model import schema
from ..model.dates import PARIS
from .opendata import public_url

AGENDA = "assemblees/agenda.ics"
PRODID = "-//conseil//Agenda du conseil de développement//FR"


def event_path(assemblee: Any) -> str:
    """The single-event file of an assembly, beside its page."""
    return f"assemblees/{assemblee.id}.ics"


class AgendaItem(NamedTuple):
    """What an event of the agenda says, from an assembly or a concertation's dispositif."""

    key: str  # unique in the agenda: « assemblee-<id> », « dispositif-<concertation>-<id> »
    titre: str
    date: date
    date_fin: date | None
    heure_debut: str | None
    heure_fin: str | None
    lieu: str | None
    commune: str | None
    url: str  # the page (or the row of a page) under the site
    categories: list[str]
    description: str


def _of_assemblee(assemblee: AssembleeNode) -> AgendaItem:
    kind = schema.ASSEMBLEE_TYPES[assemblee.type_assemblee]
    return AgendaItem(f"assemblee-{assemblee.id}", assemblee.titre, assemblee.date, assemblee.date_fin,
                      assemblee.heure_debut, assemblee.heure_fin, assemblee.lieu, assemblee.commune, assemblee.url,
                      [kind], f"{kind}.")


def _of_dispositif(dispositif: DispositifNode) -> AgendaItem:
    concertation = dispositif.concertation
    kind = schema.DISPOSITIF_TYPES[dispositif.type]
    return AgendaItem(f"dispositif-{concertation.id}-{dispositif.id}",
                      f"{dispositif.libelle_ou_type} — {concertation.titre}", dispositif.date, dispositif.date_fin,
                      dispositif.heure_debut, dispositif.heure_fin, dispositif.lieu, dispositif.commune,
                      dispositif.url, ["Concertation", kind], f"{kind} de la concertation « {concertation.titre} ».")


def agenda_items(graph: Graph) -> list[AgendaItem]:
    """Every assembly and dispositif known to the day; a dispositif held as an assembly is that assembly's event."""
    return [*(_of_assemblee(a) for a in graph.assemblees if a.dans_l_agenda),
            *(_of_dispositif(d) for d in graph.dispositifs if d.dans_l_agenda and d.assemblee is None)]


def _uid(item: AgendaItem, site_url: str) -> str:
    host = urlsplit(site_url).hostname or "conseil.invalid"
    return f"{item.key}@{host}"


def _event(item: AgendaItem, *, site_url: str) -> Event:
    url = public_url(site_url, item.url)
    event = Event()
    event.add("uid", _uid(item, site_url))
    # DTSTAMP from the record, not the clock: the same records give the same file.
    event.add("dtstamp", datetime.combine(item.date, time(0, 0), tzinfo=timezone.utc))
    event.add("summary", item.titre)
    last_day = item.date_fin or item.date  # a meeting over several days ends on its last one
    if item.heure_debut:
        start = datetime.combine(item.date, time.fromisoformat(item.heure_debut), tzinfo=PARIS)
        end = (datetime.combine(last_day, time.fromisoformat(item.heure_fin), tzinfo=PARIS)
               if item.heure_fin else start + timedelta(hours=2))
        event.add("dtstart", start)
        event.add("dtend", end)
    else:  # days without hours: an all-day event, its end the day after the last
        event.add("dtstart", item.date)
        event.add("dtend", last_day + timedelta(days=1))
    parts = [item.lieu] if item.lieu else []
    if item.commune and item.commune not in (item.lieu or ""):
        parts.append(item.commune)
    place = ", ".join(parts)
    if place:
        event.add("location", place)
    event.add("url", url)
    event.add("description", f"{item.description} Détails : {url}")
    event.add("categories", item.categories)
    return event


def calendar_files(graph: Graph, *, nom: str, site_url: str) -> dict[str, str]:
    """The agenda of every published assembly and dated dispositif, and one file per assembly for « Ajouter à mon
    agenda »."""
    calendars = _Calendars(nom=nom, site_url=site_url)
    files = {AGENDA: calendars.text(agenda_items(graph))}  # no invented day for a meeting known by its year
    for assemblee in graph.assemblees:
        if assemblee.dans_l_agenda:
            files[event_path(assemblee)] = calendars.text([_of_assemblee(assemblee)])  # its event made once
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
        calendar.add("x-wr-calname", f"{nom} — agenda")  # assemblies and concertations' dispositifs
        calendar.add("x-wr-timezone", "Europe/Paris")
        self.head, self.end = _split_end(calendar.to_ical())
        self.events: dict[str, bytes] = {}
        self.timezones: dict[tuple[int, int], bytes] = {}

    def text(self, items: Iterable[AgendaItem]) -> str:
        ordered = sorted(items, key=lambda a: (a.date, a.heure_debut or "", a.key))
        parts = [self.head]
        if any(a.heure_debut for a in ordered):  # local times need the Europe/Paris VTIMEZONE
            parts.append(self.timezone(ordered[0].date.year - 1, ordered[-1].date.year + 2))
        parts += [self.event(a) for a in ordered]
        parts.append(self.end)
        return b"".join(parts).decode("utf-8")

    def event(self, item: AgendaItem) -> bytes:
        if item.key not in self.events:
            self.events[item.key] = _event(item, site_url=self.site_url).to_ical()
        return self.events[item.key]

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
