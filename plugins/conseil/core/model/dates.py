"""The build's reference day, and dates as a French reader writes them."""

from __future__ import annotations

import os
from datetime import date, datetime, timezone
from typing import Mapping, NamedTuple
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
    """`12 mars 2025`; `mercredi 12 mars 2025` with the weekday; `1er` for the first.

    An approximate date is shown as known, never with an invented day: `2016`, `mars 2019`,
    `entre 2016 et 2018`.
    """
    if value is None:
        return ""
    if is_approximate(value):
        return _approximate_fr(value)
    day = "1er" if value.day == 1 else str(value.day)
    text = f"{day} {MOIS[value.month - 1]} {value.year}"
    return f"{JOURS[value.weekday()]} {text}" if with_weekday else text


class ApproximateDate(date):
    """A date known only by its year, its month, or two bounds (`2016`, `2019-03`, `2016/2018`).

    It *is* the first day of its period, so that it sorts and compares at the start of that period
    like any date; it also knows its last day and how it was written, which is how it is shown and
    exported. Code that would compute from a day (a deadline, a delay) asks `is_approximate` first.
    """

    __slots__ = ("last", "text")

    def __new__(cls, first: date, last: date, text: str) -> ApproximateDate:
        self = super().__new__(cls, first.year, first.month, first.day)
        self.last = last
        self.text = text
        return self

    def isoformat(self) -> str:
        """As written, in EDTF: `2016`, `2019-03`, `2016/2018`."""
        return self.text

    __str__ = isoformat

    def __repr__(self) -> str:
        return f"ApproximateDate({self.text!r})"

    def __reduce__(self):
        return (_approximate, (self.text,))

    @property
    def is_interval(self) -> bool:
        return "/" in self.text

    @property
    def precision(self) -> str:
        """`annee`, `mois` or `jour`: what the (first) bound says."""
        first = self.text.partition("/")[0]
        return {4: "annee", 7: "mois"}.get(len(first), "jour")


def is_approximate(value: date | None) -> bool:
    return isinstance(value, ApproximateDate)


def first_day(value: date) -> date:
    """The first day a date may be: itself, or the start of its period."""
    return date(value.year, value.month, value.day) if is_approximate(value) else value


def last_day(value: date) -> date:
    """The last day a date may be: itself, or the end of its period."""
    return value.last if is_approximate(value) else value


class Jours(NamedTuple):
    """Days from one date to another, as known: one number when both days are, else the fewest and the most.

    Lyon's PLU-H concertation ended in September 2016 (`fin: 2016-09`) and its bilan was arrêté on
    11 September 2017: from 30 September it is 346 days, from 1 September 375. Saying « 346 jours »
    would invent the last day, « au moins 346 » would hide that it may be a month more: the fact as
    known is « entre 346 et 375 jours », as an approximate date is shown « septembre 2016 ».
    """

    min: int
    max: int

    @property
    def exact(self) -> bool:
        return self.min == self.max


def days_between(start: date, end: date) -> Jours:
    """The days from `start` to `end`, each known to the day or only by its period (never fewer than 0)."""
    return Jours(max(0, (first_day(end) - last_day(start)).days), max(0, (last_day(end) - first_day(start)).days))


def jours_fr(value: Jours, space: str = "\u00a0") -> str:
    """`346 jours`, `1 jour`; as known: `entre 346 et 375 jours`."""
    unit = "jour" if value.max in (0, 1) else "jours"
    return f"{value.min}{space}{unit}" if value.exact else f"entre {value.min} et {value.max}{space}{unit}"


class NotADate(ValueError):
    """The text is not written as a date (AAAA-MM-JJ, AAAA-MM, AAAA or two of them)."""


class NoSuchDay(ValueError):
    """Written as a date, but no such day or month exists."""


class ReversedInterval(ValueError):
    """An interval that ends before it starts."""


def parse_approximate(text: str) -> date:
    """`2025-03-12` -> a date; `2016`, `2019-03`, `2016/2018`, `2023-06/2023-12` -> an ApproximateDate.

    Raises NotADate, NoSuchDay or ReversedInterval (all ValueError) when it cannot.
    """
    first, slash, second = text.partition("/")
    if not slash:
        start, end = _period(first)
        return start if len(first) == 10 else ApproximateDate(start, end, text)
    start, _ = _period(first)
    _, end = _period(second)
    if end < start:
        raise ReversedInterval(text)
    return ApproximateDate(start, end, text)


def _period(text: str) -> tuple[date, date]:
    """The first and last days of `AAAA`, `AAAA-MM` or `AAAA-MM-JJ`."""
    parts = text.split("-")
    if not all(p.isdigit() and p.isascii() for p in parts) or [len(p) for p in parts] not in ([4], [4, 2], [4, 2, 2]):
        raise NotADate(text)
    year = int(parts[0])
    if len(parts) == 1:
        return date(year, 1, 1), date(year, 12, 31)
    month = int(parts[1])
    if len(parts) == 2:
        if not 1 <= month <= 12:
            raise NoSuchDay(text)
        following = date(year + month // 12, month % 12 + 1, 1)
        return date(year, month, 1), date.fromordinal(following.toordinal() - 1)
    try:
        day = date(year, month, int(parts[2]))
    except ValueError:
        raise NoSuchDay(text) from None
    return day, day


def _approximate(text: str) -> date:
    return parse_approximate(text)


def _approximate_fr(value: ApproximateDate) -> str:
    """`2016`, `mars 2019`, `entre 2016 et 2018`, `entre juin et décembre 2023`."""
    first, _, second = value.text.partition("/")
    if not second:
        return _known(first)
    a, b = _known(first), _known(second)
    if len(first) == len(second) == 7 and first[:4] == second[:4]:
        a = MOIS[int(first[5:7]) - 1]  # « entre juin et décembre 2023 »
    return f"entre {a} et {b}"


def _known(text: str) -> str:
    if len(text) == 4:
        return text
    if len(text) == 7:
        return f"{MOIS[int(text[5:7]) - 1]} {text[:4]}"
    return date_fr(date.fromisoformat(text))


def on_date_fr(value: date) -> str:
    """`le 12 mars 2025`; as known: `en 2016`, `en mars 2019`, `entre 2016 et 2018`."""
    if not is_approximate(value):
        return f"le {date_fr(value)}"
    return date_fr(value) if value.is_interval else f"en {date_fr(value)}"


def since_fr(value: date) -> str:
    """`depuis le 12 mars 2025`; as known: `depuis 2016`, `depuis mars 2019`."""
    if not is_approximate(value):
        return f"depuis le {date_fr(value)}"
    return f"depuis {_known(value.text.partition('/')[0])}"


def until_fr(value: date) -> str:
    """`jusqu'au 12 mars 2025`; as known: `jusqu'en 2026`, `jusqu'en mars 2026`."""
    if not is_approximate(value):
        return f"jusqu'au {date_fr(value)}"
    return f"jusqu'en {_known(value.text.rpartition('/')[2])}"


def of_date_fr(value: date) -> str:
    """`du 12 mars 2025`; as known: `de 2016`, `de mars 2019`, `d'entre 2016 et 2018`."""
    if not is_approximate(value):
        return f"du {date_fr(value)}"
    known = date_fr(value)
    return f"d'{known}" if known[0] in "aeiouéèê" else f"de {known}"
