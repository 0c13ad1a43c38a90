"""The search benchmark keeps working: on the demo site, every figure it reports is there and makes sense.

Its figures are reported by `make bench`, never asserted here but for what holds at any size: a record page
fetches no search code or data, a query fetches Pagefind's code and index and announces its results."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from search_bench import QUERIES, measure_site  # noqa: E402

from tests.site.browsing import browser  # noqa: E402,F401 - fixture

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def test_the_search_bench_measures_a_built_site(demo_site, browser):
    figures = measure_site(demo_site, browser)
    record = figures["page_fiche"]
    assert record["search_bytes"] == 0 and record["all_bytes"] > 10_000
    assert set(figures["requetes"]) == {f"{name}_x{rate}" for name in QUERIES for rate in (1, 4)}
    for query in figures["requetes"].values():
        assert query["search_requests"] >= 6 and 50_000 < query["search_bytes"] < query["all_bytes"]
        assert query["first_result_ms"] > query["after_load_ms"] > 0
        assert f"pour « {query['q']} »" in query["results"]  # its count, or « Aucun résultat »
