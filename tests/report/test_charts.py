"""Bar charts drawn at build time: escaped labels, proportional bars, data in words for screen readers."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from conseil.core.graph.figures import breakdown
from conseil.plugin.charts import WIDTH, LABEL_WIDTH, VALUE_WIDTH, chart_of_counts, chart_of_rates

SVG = "{http://www.w3.org/2000/svg}"


def test_a_count_chart_is_well_formed_svg_with_bars_in_proportion():
    counts = breakdown(["a", "a", "b"], {"a": "Avis & alertes <urgentes>", "b": "Questions"})
    svg = ET.fromstring(str(chart_of_counts(counts, "Par nature", "essai")))
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "essai-titre essai-desc"
    assert svg.find(f"{SVG}title").text == "Par nature"
    assert svg.find(f"{SVG}desc").text == "Avis & alertes <urgentes> : 2 ; Questions : 1."
    widths = [float(r.get("width")) for r in svg.iter(f"{SVG}rect")]
    assert widths == [WIDTH - LABEL_WIDTH - VALUE_WIDTH, (WIDTH - LABEL_WIDTH - VALUE_WIDTH) / 2]


def test_a_rate_chart_is_on_a_0_to_100_scale_and_skips_missing_rates():
    svg = str(chart_of_rates([("Claire Morel", 0.5), ("Sans contribution", None)], "Taux", "taux"))
    assert "Sans contribution" not in svg
    assert "Claire Morel : 50\u00a0%." in svg
    [width] = re.findall(r'<rect [^>]*width="([\d.]+)"', svg)
    assert float(width) == (WIDTH - LABEL_WIDTH - VALUE_WIDTH) / 2


def test_an_empty_chart_is_still_valid():
    svg = ET.fromstring(str(chart_of_counts(breakdown([], {"a": "A"}), "Vide", "vide")))
    assert [float(r.get("width")) for r in svg.iter(f"{SVG}rect")] == [0.0]
