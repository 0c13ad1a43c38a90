"""The build's reference day, and dates as a French reader writes them."""

from __future__ import annotations

import os
from datetime import date, datetime, timezone
from typing import Mapping
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")

MOIS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
        "novembre", "décembre")
JOURS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def reference_date(explicit: str | date | None = None, environ: Mapping[str, str] | None = None) -> date:
    """The day the site is built for: `explicit`, else SOURCE_DATE_EPOCH, else today in Paris."""
    environ = os.environ if environ is None else environ
    if isinstance(explicit, date):
        return explicit
    if explicit:
        return date.fromisoformat(str(explicit))
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).astimezone(PARIS).date()
    return datetime.now(tz=PARIS).date()


def date_fr(value: date | None, with_weekday: bool = False) -> str:
    """`12 mars 2025`; `mercredi 12 mars 2025` with the weekday; `1er` for the first."""
    if value is None:
        return ""
    day = "1er" if value.day == 1 else str(value.day)
    text = f"{day} {MOIS[value.month - 1]} {value.year}"
    return f"{JOURS[value.weekday()]} {text}" if with_weekday else text

