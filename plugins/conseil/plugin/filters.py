"""Jinja filters: French numbers and dates, labels, badges and links, as the templates write them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from jinja2 import pass_context
from markupsafe import Markup, escape
from mkdocs.utils import normalize_url
from mkdocs.utils.templates import url_filter

from ..core.model import schema
from ..core.model.dates import Jours, date_fr, is_approximate, jours_fr, of_date_fr, on_date_fr, since_fr, until_fr
from ..core.model.grammaire import avec_article


def percent(value: float | None) -> str:
    """0.456 -> `46 %` (French spacing); None -> `—`."""
    if value is None:
        return "—"
    return f"{round(value * 100)}\u00a0%"


def days(value: float | int | Jours | None) -> str:
    """`12 jours`, `1,5 jour`; days known between two bounds: `entre 346 et 375 jours`."""
    if value is None:
        return "—"
    if isinstance(value, Jours):
        return jours_fr(value)
    number = f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",") if isinstance(value, float) else str(value)
    return f"{number}\u00a0jour{'s' if value not in (0, 1) else ''}"


def number(value: int | None) -> str:
    """12345 -> `12 345` (French thousands separator, non-breaking)."""
    return "—" if value is None else f"{value:,}".replace(",", "\u202f")


def attendance(value: Any) -> str:
    """A total of attendance as sure as it is: `638`, `environ 640`, `au moins 150` (non-breaking spaces)."""
    text = number(int(value))
    mention = getattr(value, "mention", None)
    return f"{mention}\u00a0{text}" if mention else text


def label(value: str | None) -> str:
    return schema.LABELS.get(value or "", value or "")


# The small pieces of markup every table repeats, as filters: a Jinja macro call costs ten times
# a Python call, and a theme page makes hundreds of them. Built with an f-string: `Markup.format`
# goes through string.Formatter in Python, three times slower.

def escaped(text: Any) -> str:
    """What markupsafe's `escape` writes, for the plain strings of records, without its Python-level
    wrapping in Markup (a fifth of a theme page's time when called for every cell)."""
    if hasattr(text, "__html__"):
        return text.__html__()
    return (str(text).replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
            .replace("'", "&#39;").replace('"', "&#34;"))


def badge(value: str, kind: str) -> Markup:
    """`repondue | badge("statut")`: the value's label in a coloured tag."""
    text, kind, value = escaped(label(value)), escaped(kind), escaped(value)
    return Markup(f'<span class="cdd-badge cdd-{kind} cdd-{kind}--{value}">{text}</span>')


@pass_context
def link(context, node: Any) -> Markup:
    """`node | lien`: a link to a record's page, relative to the current page."""
    page = context.get("page")
    href = _relative_url(node.url, page.url) if page is not None else url_filter(context, node.url)
    return Markup(f'<a href="{escaped(href)}">{escaped(node.titre)}</a>')


@lru_cache(maxsize=8192)
def _relative_url(url: str, page_url: str) -> str:
    """What MkDocs' `url` filter gives on the page at `page_url`; list pages link the same records again and again."""
    return normalize_url(url, page=_At(page_url))


@dataclass(frozen=True)
class _At:
    url: str  # all `normalize_url` reads of a page


@pass_context
def links(context, nodes: Any, vide: str = "—") -> Markup:
    """`nodes | liens`: links separated by commas, or `vide` when there are none."""
    return Markup(", ".join([link(context, node) for node in nodes])) if nodes else escape(vide)


def label_of(value: str | None, record_type: str, key: str) -> str:
    """`o.type_organe | libelle_de("organes", "type")`: the label a field declares for its value."""
    return schema.RECORD_TYPES[record_type].field(key).label_of(value or "")


EVENEMENTS = {  # what each step of a timeline is, for the dossier's
    "etape": "étape de la procédure",
    "assemblee": "réunion",
    "contribution": "contribution",
    "reponse": "réponse",
    "intervention": "intervention (pas une réponse)",
    "concertation": "concertation",
    # a concertation's
    "deliberation": "délibération",
    "debut": "ouverture",
    "phase": "phase",
    "dispositif": "dispositif",
    "fin": "clôture",
    "bilan": "bilan",
}


def time_tag(value: date, longue: bool = False) -> Markup:
    """`date | balise_date`: `<time datetime="2025-03-12">12 mars 2025</time>`; with the weekday if `longue`.

    A date known by its year or month keeps it (`<time datetime="2016">2016</time>`); an interval, which
    HTML cannot say in `datetime`, is plain text.
    """
    text = escaped(date_fr(value, with_weekday=longue))
    if is_approximate(value) and value.is_interval:
        return Markup(f'<span class="cdd-date">{text}</span>')
    return Markup(f'<time datetime="{value.isoformat()}">{text}</time>')


def period_tags(debut: date, fin: date) -> Markup:
    """`debut | du_au(fin)`: « du 3 mars 2025 au 30 mai 2025 », as known: « de mars 2016 à juin 2016 », dates tagged."""
    start = date_fr(debut)
    before = "du " if not is_approximate(debut) else "d'" if start[0] in "aeiouéèê" else "de "
    after = " au " if not is_approximate(fin) else " à "
    return Markup(f"{before}{time_tag(debut)}{after}{time_tag(fin)}")


FILTERS = {
    "libelle_de": label_of,
    "le_jour": on_date_fr,
    "le_jour_de": of_date_fr,
    "depuis": since_fr,
    "jusqu_a": until_fr,
    "libelle_evenement": lambda kind: EVENEMENTS.get(kind, kind),
    "avec_article": avec_article,
    "badge": badge,
    "balise_date": time_tag,
    "du_au": period_tags,
    "lien": link,
    "liens": links,
    "date_fr": date_fr,
    "date_longue": lambda value: date_fr(value, with_weekday=True),
    "pourcent": percent,
    "jours": days,
    "libelle": label,
    "libelle_statut_concertation": lambda value: schema.STATUTS_CONCERTATION.get(value, value),
    "libelle_dispositif": lambda value: schema.DISPOSITIF_TYPES.get(value, value),
    "libelle_niveau_service": lambda value: schema.NIVEAUX_SERVICE.get(value, value),
    "nombre": number,
    "effectif": attendance,
}
