"""What templates receive: the site context, Jinja filters, and the body sanitiser."""

from __future__ import annotations

import re
from itertools import count
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from html import unescape
from typing import Any

import nh3
from jinja2 import pass_context
from markupsafe import Markup, escape
from mkdocs.utils import normalize_url
from mkdocs.utils.templates import url_filter

from ..core import Corpus, schema
from ..core.dates import date_fr, is_approximate, of_date_fr, on_date_fr, since_fr, until_fr
from ..core.figures import ChiffresCles, Suivi, follow_up, key_figures
from ..core.grammaire import avec_article
from ..core.graph import Graph


@dataclass
class Site:
    """The context every page of the plugin gets as `conseil`."""

    nom: str
    graph: Graph
    suivi: Suivi
    chiffres: ChiffresCles
    preview: bool = False

    @property
    def today(self) -> date:
        return self.graph.build_date

    def contributions_by_year(self) -> list[tuple[int, list[Any]]]:
        return _by_year(self.graph.contributions)

    def reponses_by_year(self) -> list[tuple[int, list[Any]]]:
        return _by_year(self.graph.reponses)

    def assemblees_passees_by_year(self) -> list[tuple[int, list[Any]]]:
        return _by_year(self.graph.assemblees_passees)


def _by_year(nodes: list[Any]) -> list[tuple[int, list[Any]]]:
    years: dict[int, list[Any]] = {}
    for node in nodes:  # already newest first
        years.setdefault(node.date.year, []).append(node)
    return list(years.items())


def build_site(corpus: Corpus, nom: str, *, preview: bool) -> Site:
    return Site(nom=nom, graph=corpus.graph, suivi=follow_up(corpus.graph), chiffres=key_figures(corpus.graph),
                preview=preview)


def percent(value: float | None) -> str:
    """0.456 -> `46 %` (French spacing); None -> `—`."""
    if value is None:
        return "—"
    return f"{round(value * 100)}\u00a0%"


def days(value: float | int | None) -> str:
    if value is None:
        return "—"
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

def _escaped(text: Any) -> str:
    """What markupsafe's `escape` writes, for the plain strings of records, without its Python-level
    wrapping in Markup (a fifth of a theme page's time when called for every cell)."""
    if hasattr(text, "__html__"):
        return text.__html__()
    return (str(text).replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
            .replace("'", "&#39;").replace('"', "&#34;"))


def badge(value: str, kind: str) -> Markup:
    """`repondue | badge("statut")`: the value's label in a coloured tag."""
    text, kind, value = _escaped(label(value)), _escaped(kind), _escaped(value)
    return Markup(f'<span class="cdd-badge cdd-{kind} cdd-{kind}--{value}">{text}</span>')




@pass_context
def link(context, node: Any) -> Markup:
    """`node | lien`: a link to a record's page, relative to the current page."""
    page = context.get("page")
    href = _relative_url(node.url, page.url) if page is not None else url_filter(context, node.url)
    return Markup(f'<a href="{_escaped(href)}">{_escaped(node.titre)}</a>')


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
}


def time_tag(value: date, longue: bool = False) -> Markup:
    """`date | balise_date`: `<time datetime="2025-03-12">12 mars 2025</time>`; with the weekday if `longue`.

    A date known by its year or month keeps it (`<time datetime="2016">2016</time>`); an interval, which
    HTML cannot say in `datetime`, is plain text.
    """
    text = _escaped(date_fr(value, with_weekday=longue))
    if is_approximate(value) and value.is_interval:
        return Markup(f'<span class="cdd-date">{text}</span>')
    return Markup(f'<time datetime="{value.isoformat()}">{text}</time>')


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
    "lien": link,
    "liens": links,
    "date_fr": date_fr,
    "date_longue": lambda value: date_fr(value, with_weekday=True),
    "pourcent": percent,
    "jours": days,
    "libelle": label,
    "nombre": number,
    "effectif": attendance,
}

# Our data tables (inside a `cdd-table` region): the column headers, the body rows, the cells of a row.
_DATA_TABLE = re.compile(r'(<div class="cdd-table"[^>]*>\s*<table\b.*?</thead>)(.*?</table>)', re.S)
_COLUMN_HEADER = re.compile(r'<th scope="col"[^>]*>(.*?)</th>', re.S)
_ROW = re.compile(r"<tr\b.*?</tr>", re.S)
_CELL = re.compile(r"<(td|th)\b")
_TAG = re.compile(r"<[^>]+>")


def label_cells(html: str) -> str:
    """Give each data cell of our tables its column's name (`data-colonne`), for the stacked layout of narrow
    screens: the same HTML is a table on a desktop and one block per row on a phone (conseil.css)."""
    if 'class="cdd-table"' not in html:
        return html
    return _DATA_TABLE.sub(_label_table, html)


def _label_table(match: re.Match) -> str:
    head, body = match.group(1), match.group(2)
    columns = [_escaped(" ".join(unescape(_TAG.sub("", cell)).split())) for cell in _COLUMN_HEADER.findall(head)]

    def label_row(row: re.Match) -> str:
        position = count()

        def label_cell(cell: re.Match) -> str:
            index = next(position)
            if cell.group(1) == "td" and index < len(columns):
                return f'<td data-colonne="{columns[index]}"'
            return cell.group(0)

        return _CELL.sub(label_cell, row.group(0))

    return head + _ROW.sub(label_row, body)


# Markdown's output, minus anything that runs code: the body is written by people, shown to everyone.
_ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
    "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "u", "ul",
}
_ALLOWED_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "th": {"scope", "colspan", "rowspan", "align"},
    "td": {"colspan", "rowspan", "align"},
    "ol": {"start"},
}


_URL_SCHEMES = {"http", "https", "mailto"}
# Browsers ignore control characters and spaces inside a scheme: "java\tscript:" runs as "javascript:".
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f]+")


def _filter_url(tag: str, attribute: str, value: str) -> str | None:
    """Drop a link whose scheme is not allowed once obfuscation is undone, and images from other hosts."""
    if attribute not in ("href", "src"):
        return value
    plain = _IGNORED_IN_URLS.sub("", unescape(value)).lower()
    scheme = _SCHEME.match(plain)
    if scheme and scheme.group(1) not in _URL_SCHEMES:
        return None
    if attribute == "src" and (scheme or plain.startswith("//")):
        return None  # an image from another host is a request that leaves the site (privacy)
    return value


# Built once: `nh3.clean` would convert the allowed sets to Rust on every page.
_CLEANER = nh3.Cleaner(tags=_ALLOWED_TAGS, attributes=_ALLOWED_ATTRIBUTES, url_schemes=_URL_SCHEMES,
                       attribute_filter=_filter_url, link_rel=None, strip_comments=True)


def sanitise(html: str) -> str:
    """Strip scripts, frames, event handlers, javascript: URLs and third-party images from a record's body."""
    return _CLEANER.clean(html)
