"""schema.org data (JSON-LD) of the assemblies' pages, and of the concertations' pages for their dispositifs dated to
the day: search engines and calendars can show them as events."""

from __future__ import annotations

import json
from datetime import datetime, time
from typing import Any

from ..model import schema
from ..model.dates import PARIS, is_approximate
from .opendata import public_url
from .sharing import describe

# Characters that could end the <script> element or open a comment, written as JSON escapes: the data
# stays the same JSON, and a title holding « </script> » cannot break out of it.
_UNSAFE_IN_SCRIPT = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def event(assemblee: Any, *, organizer: str, site_url: str) -> dict[str, Any] | None:
    """The assembly as a schema.org `Event`: times with the Europe/Paris offset of that day, when known.

    None for a meeting known only by its month or year: an event needs its day, which nobody knows.
    """
    if is_approximate(assemblee.date):
        return None
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": assemblee.titre,
        "description": describe(assemblee),
        "startDate": _moment(assemblee.date, assemblee.heure_debut),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "organizer": {"@type": "Organization", "name": organizer},
        "inLanguage": "fr-FR",
    }
    _add_end_and_place(data, assemblee)
    if site_url:
        data["url"] = public_url(site_url, assemblee.url)
        data["organizer"]["url"] = site_url
    return data


def dispositif_event(dispositif: Any, *, site_url: str) -> dict[str, Any] | None:
    """A concertation's dispositif as a schema.org `Event` organised by the maître d'ouvrage; None unless it is dated
    to the day (a month or a year is no event's day). An online platform is attended online, a survey both ways."""
    if not dispositif.dans_l_agenda:
        return None
    concertation = dispositif.concertation
    mode = {"plateforme-en-ligne": "Online", "questionnaire": "Mixed"}.get(dispositif.type, "Offline")
    data: dict[str, Any] = {
        "@type": "Event",
        "name": f"{dispositif.libelle_ou_type} — {concertation.titre}",
        "description": f"{schema.DISPOSITIF_TYPES[dispositif.type]} de la concertation « {concertation.titre} ».",
        "startDate": _moment(dispositif.date, dispositif.heure_debut),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": f"https://schema.org/{mode}EventAttendanceMode",
        "inLanguage": "fr-FR",
    }
    _add_end_and_place(data, dispositif)
    if concertation.maitre_ouvrage is not None:
        data["organizer"] = {"@type": "Organization", "name": concertation.maitre_ouvrage.nom}
        if site_url:
            data["organizer"]["url"] = public_url(site_url, concertation.maitre_ouvrage.url)
    if site_url:
        data["url"] = public_url(site_url, dispositif.url)
    return data


def concertation_events(concertation: Any, *, site_url: str) -> dict[str, Any] | None:
    """The events of a concertation's page (one per dispositif dated to the day), None when it has none."""
    events = [e for e in (dispositif_event(d, site_url=site_url) for d in concertation.dispositifs) if e is not None]
    return {"@context": "https://schema.org", "@graph": events} if events else None


def _add_end_and_place(data: dict[str, Any], held: Any) -> None:
    """`endDate` and `location` of an assembly or a dispositif (`date`, `date_fin`, hours, `lieu`, `commune`)."""
    if held.date_fin and not is_approximate(held.date_fin):  # held over several days
        data["endDate"] = _moment(held.date_fin, held.heure_fin)
    elif held.heure_debut and held.heure_fin:
        data["endDate"] = _moment(held.date, held.heure_fin)
    if held.lieu or held.commune:
        address = {"@type": "PostalAddress", "addressCountry": "FR"}
        if held.commune:
            address["addressLocality"] = held.commune
        data["location"] = {"@type": "Place", "name": held.lieu or held.commune, "address": address}


def _moment(day, hour: str | None) -> str:
    """`2025-03-12T18:30:00+01:00`; a day without an hour stays a date (the time is not known)."""
    if not hour:
        return day.isoformat()
    return datetime.combine(day, time.fromisoformat(hour), tzinfo=PARIS).isoformat()


def script_json(data: dict[str, Any]) -> str:
    """JSON for a <script type="application/ld+json"> element, safe whatever the strings hold."""
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
    for character, escape in _UNSAFE_IN_SCRIPT.items():
        text = text.replace(character, escape)
    return text
