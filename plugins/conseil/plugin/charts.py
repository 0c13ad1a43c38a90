"""Bar charts as inline SVG, drawn at build time: no JavaScript, nothing loaded from elsewhere.

Each chart is an image for assistive technologies (role="img", <title>, <desc> holding the data
in words); the page shows the same data as a table next to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Iterable

from markupsafe import Markup

from ..core.graph.figures import Count

WIDTH = 640
LABEL_WIDTH = 230
VALUE_WIDTH = 70
ROW_HEIGHT = 30
BAR_HEIGHT = 18
BAR_COLOUR = "#303f9f"  # indigo 700: 9.4:1 on white
TEXT_COLOUR = "#1f1f1f"


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str  # the value as a reader reads it: « 12 », « 67 % »


def bars_of_counts(counts: Iterable[Count]) -> list[Bar]:
    return [Bar(c.label, c.count, str(c.count)) for c in counts]


def bar_chart(bars: Iterable[Bar], title: str, chart_id: str, maximum: float | None = None) -> Markup:
    """A horizontal bar chart; `maximum` fixes the scale (100 for percentages), else the largest bar."""
    bars = list(bars)
    top = maximum or max((b.value for b in bars), default=0) or 1
    height = ROW_HEIGHT * len(bars) + 10
    # Room right of the longest bar for its value as written (« plus de 300 »), at about 8 px a character
    value_width = max(VALUE_WIDTH, 8 * max((len(b.text) for b in bars), default=0) + 12)
    scale = (WIDTH - LABEL_WIDTH - value_width) / top
    description = " ; ".join(f"{b.label} : {b.text}" for b in bars) + "."
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="cdd-graphique" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" aria-labelledby="{chart_id}-titre {chart_id}-desc">',
        f'<title id="{chart_id}-titre">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    for row, bar in enumerate(bars):
        y = 5 + row * ROW_HEIGHT
        middle = y + ROW_HEIGHT / 2
        length = round(bar.value * scale, 1)
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{middle}" text-anchor="end" dominant-baseline="middle" '
            f'font-size="14" fill="{TEXT_COLOUR}">{escape(_shorten(bar.label))}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{middle - BAR_HEIGHT / 2}" width="{length}" height="{BAR_HEIGHT}" '
            f'fill="{BAR_COLOUR}"/>'
            f'<text x="{LABEL_WIDTH + length + 6}" y="{middle}" dominant-baseline="middle" font-size="14" '
            f'fill="{TEXT_COLOUR}">{escape(bar.text)}</text>'
        )
    parts.append(f'<line x1="{LABEL_WIDTH}" y1="0" x2="{LABEL_WIDTH}" y2="{height}" stroke="{TEXT_COLOUR}"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _shorten(label: str, limit: int = 28) -> str:
    """Long labels are cut in the drawing; the full label is in the <desc> and the table."""
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def chart_of_counts(counts: Iterable[Count], title: str, chart_id: str) -> Markup:
    return bar_chart(bars_of_counts(counts), title, chart_id)


def chart_of_attendance(rows: Iterable[tuple[str, int]], title: str, chart_id: str) -> Markup:
    """Attendance by row, each value shown as written (« environ 650 »), drawn as the number it counts for."""
    return bar_chart([Bar(label, int(value), str(value)) for label, value in rows], title, chart_id)


def chart_of_rates(rows: Iterable[tuple[str, float | None]], title: str, chart_id: str) -> Markup:
    """Rates from 0 to 1 drawn on a 0–100 % scale; rows without a rate are left out."""
    bars = [Bar(label, round(rate * 100), f"{round(rate * 100)}\u00a0%") for label, rate in rows if rate is not None]
    return bar_chart(bars, title, chart_id, maximum=100)


SECOND_COLOUR = "#a14a00"  # dark orange: 6:1 on white; hatched, so told apart from indigo by more than hue


def chart_of_age_classes(tranches: Iterable, title: str, chart_id: str) -> Markup:
    """Members' share of each age class beside the population's: two bars per class, on a percentage scale
    that ends at the ten above the largest share.

    `tranches` are `composition.TrancheAge`; a class whose population share is unknown gets one bar.
    The population's bars are hatched, so that the two series differ without colour.
    """
    tranches = list(tranches)
    with_population = any(t.population is not None for t in tranches)
    pair = 2 * BAR_HEIGHT + 4 if with_population else BAR_HEIGHT
    row_height = pair + 14
    legend = 28 if with_population else 0
    height = legend + row_height * len(tranches) + 10
    top = max([t.share for t in tranches] + [t.population or 0 for t in tranches] + [0.01]) * 100
    top = min(100, (int(top // 10) + 1) * 10)  # the next ten: bars use the width, the scale stays round
    scale = (WIDTH - LABEL_WIDTH - VALUE_WIDTH) / top
    words = []
    for t in tranches:
        part = f"{t.label} : {_pct(t.share)} des membres"
        if t.population is not None:
            part += f", {_pct(t.population)} de la population"
        words.append(part)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="cdd-graphique" role="img" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" aria-labelledby="{chart_id}-titre {chart_id}-desc">',
        f'<title id="{chart_id}-titre">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(" ; ".join(words) + ".")}</desc>',
    ]
    if with_population:
        pattern = f"{chart_id}-hachures"
        parts.append(
            f'<defs><pattern id="{pattern}" width="6" height="6" patternUnits="userSpaceOnUse" '
            f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
            f'<rect width="3" height="6" fill="{SECOND_COLOUR}"/></pattern></defs>'
            f'<rect x="{LABEL_WIDTH}" y="6" width="14" height="14" fill="{BAR_COLOUR}"/>'
            f'<text x="{LABEL_WIDTH + 20}" y="13" dominant-baseline="middle" font-size="14" '
            f'fill="{TEXT_COLOUR}">Membres</text>'
            f'<rect x="{LABEL_WIDTH + 120}" y="6" width="14" height="14" fill="url(#{pattern})" '
            f'stroke="{SECOND_COLOUR}"/>'
            f'<text x="{LABEL_WIDTH + 140}" y="13" dominant-baseline="middle" font-size="14" '
            f'fill="{TEXT_COLOUR}">Population du territoire</text>')
    for row, t in enumerate(tranches):
        y = legend + 5 + row * row_height
        parts.append(f'<text x="{LABEL_WIDTH - 8}" y="{y + pair / 2}" text-anchor="end" dominant-baseline="middle" '
                     f'font-size="14" fill="{TEXT_COLOUR}">{escape(_shorten(t.label))}</text>')
        bars = [(t.share, BAR_COLOUR, "")]
        if with_population:
            bars.append((t.population, f"url(#{chart_id}-hachures)", f' stroke="{SECOND_COLOUR}"'))
        for number, (value, fill, stroke) in enumerate(bars):
            bar_y = y + number * (BAR_HEIGHT + 4)
            if value is None:
                text, length = "inconnue", 0.0
            else:
                text, length = _pct(value), round(value * 100 * scale, 1)
            parts.append(f'<rect x="{LABEL_WIDTH}" y="{bar_y}" width="{length}" height="{BAR_HEIGHT}" '
                         f'fill="{fill}"{stroke}/>'
                         f'<text x="{LABEL_WIDTH + length + 6}" y="{bar_y + BAR_HEIGHT / 2}" '
                         f'dominant-baseline="middle" font-size="14" fill="{TEXT_COLOUR}">{escape(text)}</text>')
    parts.append(f'<line x1="{LABEL_WIDTH}" y1="{legend}" x2="{LABEL_WIDTH}" y2="{height}" stroke="{TEXT_COLOUR}"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _pct(share: float) -> str:
    return f"{round(share * 100)}\u00a0%"
