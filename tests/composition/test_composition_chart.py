"""The age-class chart: members beside the census, proportional bars, the data in words for screen readers."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from conseil.core.graph.composition import TrancheAge
from conseil.plugin.charts import LABEL_WIDTH, VALUE_WIDTH, WIDTH, chart_of_age_classes

SVG = "{http://www.w3.org/2000/svg}"
SPAN = WIDTH - LABEL_WIDTH - VALUE_WIDTH


def bars(svg):
    """Widths of the data bars (the legend's squares are 14 wide and come first)."""
    return [float(r.get("width")) for r in svg.iter(f"{SVG}rect") if r.get("height") == "18"]


def test_two_bars_per_class_on_a_round_scale():
    tranches = [TrancheAge("15-29", "15 à 29 ans", 1, 0.25, 0.2), TrancheAge("75+", "75 ans ou plus", 3, 0.75, 0.1)]
    svg = ET.fromstring(str(chart_of_age_classes(tranches, "Âges", "ages")))
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "ages-titre ages-desc"
    assert svg.find(f"{SVG}title").text == "Âges"
    assert svg.find(f"{SVG}desc").text == ("15 à 29 ans : 25\u00a0% des membres, 20\u00a0% de la population ; "
                                           "75 ans ou plus : 75\u00a0% des membres, 10\u00a0% de la population.")
    # largest share 75 %: the scale runs to 80 %
    assert bars(svg) == [round(25 * SPAN / 80, 1), round(20 * SPAN / 80, 1), round(75 * SPAN / 80, 1),
                         round(10 * SPAN / 80, 1)]
    legend = [t.text for t in svg.iter(f"{SVG}text")][:2]
    assert legend == ["Membres", "Population du territoire"]


def test_without_census_shares_one_bar_per_class_and_no_legend():
    tranches = [TrancheAge("15-29", "15 à 29 ans", 1, 0.5, None), TrancheAge("30-44", "30 à 44 ans", 1, 0.5, None)]
    svg = ET.fromstring(str(chart_of_age_classes(tranches, "Âges", "ages")))
    assert bars(svg) == [round(50 * SPAN / 60, 1)] * 2
    assert "Population" not in ET.tostring(svg, encoding="unicode")
    assert svg.find(f"{SVG}desc").text == "15 à 29 ans : 50\u00a0% des membres ; 30 à 44 ans : 50\u00a0% des membres."


def test_labels_are_escaped():
    svg = str(chart_of_age_classes([TrancheAge("x", "<b>&</b>", 0, 0.0, 0.0)], "Titre <i>", "e"))
    ET.fromstring(svg)
    assert "<b>" not in svg and "<i>" not in svg
