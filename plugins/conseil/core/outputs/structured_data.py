"""schema.org data of the assemblies' pages (JSON-LD): search engines and calendars can show them as events."""

from __future__ import annotations

import json
from datetime import datetime, time
from typing import Any

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
    if assemblee.date_fin and not is_approximate(assemblee.date_fin):  # held over several days
        data["endDate"] = _moment(assemblee.date_fin, assemblee.heure_fin)
    elif assemblee.heure_debut and assemblee.heure_fin:
        data["endDate"] = _moment(assemblee.date, assemblee.heure_fin)
    if assemblee.lieu or assemblee.commune:
        address = {"@type": "PostalAddress", "addressCountry": "FR"}
        if assemblee.commune:
            address["addressLocality"] = assemblee.commune
        data["location"] = {"@type": "Place", "name": assemblee.lieu or assemblee.commune, "address": address}
    if site_url:
        data["url"] = public_url(site_url, assemblee.url)
        data["organizer"]["url"] = site_url
    return data


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
