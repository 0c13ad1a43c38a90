"""The activity report's figures, computed from the demo council's records, equal a hand-counted fixture."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from conseil.core import Settings, files_in, load
from conseil.core.graph.report import Period, build_report, report_periods, year_period

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
REFERENCE_DATE = date(2026, 11, 23)


@pytest.fixture(scope="module")
def graph():
    content = REPO / "content"
    corpus = load(files_in(content, REPO), Settings(build_date=REFERENCE_DATE, delai_reponse_jours=60,
                                                    communes=(), content_dir=content))
    assert corpus.error_count == 0
    return corpus.graph


def nonzero(counts) -> dict[str, int]:
    return {c.value: c.count for c in counts if c.count}


def tally_dict(t) -> dict[str, int]:
    return {"contributions": t.contributions, "attendues": t.attendues, "repondues": t.repondues,
            "en_attente": t.en_attente, "en_retard": t.en_retard}


def summarise(rapport) -> dict:
    """The report's figures in the shape of the hand-counted fixture."""
    t = rapport.chiffres
    return {
        "assemblees": len(rapport.assemblees),
        "participants": rapport.participants.total,
        "assemblees_par_type": nonzero(rapport.assemblees_par_type),
        "contributions": len(rapport.contributions),
        "contributions_par_nature": nonzero(rapport.contributions_par_nature),
        "contributions_par_origine": nonzero(rapport.contributions_par_origine),
        "contributions_par_theme": nonzero(rapport.contributions_par_theme),
        "attendues": t.attendues,
        "repondues": t.repondues,
        "taux_reponse": round(t.taux_reponse, 4) if t.taux_reponse is not None else None,
        "delai_median_jours": t.delai_median,
        "delai_max_jours": t.delai_max,
        "en_attente": sorted(c.id for c in rapport.en_attente),
        "en_retard": sorted(c.id for c in rapport.en_retard),
        "reponses": len(rapport.reponses),
        "reponses_par_position": nonzero(rapport.reponses_par_position),
        "engagements": len(rapport.engagements),
        "engagements_par_etat": nonzero(rapport.engagements_par_etat),
        "par_elu": {line.elu.id: {**tally_dict(line.chiffres), "reponses": line.reponses} for line in rapport.par_elu},
        "par_theme": {line.theme.id: {"assemblees": line.assemblees, **tally_dict(line.chiffres)}
                      for line in rapport.par_theme},
    }


def expected(year: int) -> dict:
    data = json.loads((FIXTURES / f"rapport-{year}.json").read_text(encoding="utf-8"))
    data.pop("_source")
    return data


@pytest.mark.parametrize("year", [2025, 2026])
def test_report_of_the_demo_council_matches_the_hand_count(graph, year):
    assert summarise(build_report(graph, year_period(year))) == expected(year)


def test_comparison_sets_each_figure_beside_the_previous_year(graph):
    rapport = build_report(graph, year_period(2026))
    previous, current = expected(2025), expected(2026)
    rows = {row.label: row for row in rapport.comparaison}
    assert rapport.precedente == year_period(2025)
    assert (rows["Réunions tenues"].valeur, rows["Réunions tenues"].precedente) == (current["assemblees"],
                                                                                    previous["assemblees"])
    assert rows["Contributions remises aux élus"].evolution == current["contributions"] - previous["contributions"]
    assert round(rows["Taux de réponse"].precedente, 4) == previous["taux_reponse"]
    assert rows["Délai médian de réponse"].precedente == previous["delai_median_jours"]
    assert rows["Engagements pris"].valeur == current["engagements"]


def test_periods_are_the_years_with_records_then_the_configured_ones(graph):
    mandature = Period("mandature-2020-2026", "Mandature 2020-2026", date(2020, 7, 1), date(2026, 6, 30))
    periods = report_periods(graph, [mandature])
    # 2027 holds only an announced assembly: no report for a year that has not begun. 2016: an archive
    # opinion known by its year.
    # 2023: the PLUi concertation ended (30 June); 2024: its bilan (10 June), and nothing else those years.
    assert [p.slug for p in periods] == ["2016", "2023", "2024", "2025", "2026", "mandature-2020-2026"]


def test_a_multi_year_period_counts_every_record_in_its_span(graph):
    mandature = Period("m", "Mandature", date(2020, 7, 1), date(2026, 6, 30))
    rapport = build_report(graph, mandature)
    in_span = [c for c in graph.contributions if mandature.contains(c.date)]
    assert len(rapport.contributions) == len(in_span) == 23
    assert (rapport.precedente.debut, rapport.precedente.fin) == (date(2014, 7, 1), date(2020, 6, 30))


def test_a_period_of_days_is_compared_with_as_many_days_before():
    period = Period("ete", "Été 2026", date(2026, 6, 21), date(2026, 9, 22))
    previous = period.previous()
    assert previous.fin == date(2026, 6, 20)
    assert previous.fin - previous.debut == period.fin - period.debut


def test_a_period_without_records_has_zero_figures_and_no_rate(graph):
    rapport = build_report(graph, year_period(2019))
    assert (len(rapport.assemblees), rapport.participants.total, len(rapport.contributions)) == (0, 0, 0)
    assert rapport.chiffres.taux_reponse is None and rapport.chiffres.delai_median is None
    assert all(c.count == 0 and c.share == 0 for c in rapport.contributions_par_nature)


def test_upcoming_assemblies_are_not_counted_as_held(graph):
    rapport = build_report(graph, year_period(2026))
    assert all(a.date < REFERENCE_DATE for a in rapport.assemblees)
    assert "2026-12-10-assemblee-ouverte-rapport-activite-2026" not in {a.id for a in rapport.assemblees}


def test_unpublished_records_count_nowhere(graph):
    rapport = build_report(graph, year_period(2026))
    ids = {c.id for c in rapport.contributions} | {r.id for r in rapport.reponses}
    assert not ids & {"2026-11-18-avis-eclairage-public", "2026-11-10-avis-revision-scot",
                      "2026-11-20-reponse-programme-local-habitat"}


CONCERTATIONS = json.loads((FIXTURES / "concertations-demo.json").read_text(encoding="utf-8"))["rapports"]


@pytest.mark.parametrize("slug", [s for s in CONCERTATIONS if not s.startswith("_")])
def test_concertation_figures_match_the_hand_count(graph, slug):
    expected = CONCERTATIONS[slug]
    period = year_period(int(slug)) if slug.isdigit() else Period(slug, "Mandature", date(2020, 7, 1), date(2026, 6, 30))
    k = build_report(graph, period, compare=False).concertations
    assert [c.id for c in k.terminees] == expected["terminees"]
    assert (k.participants.total, k.participants.mention) == (expected["participants"], expected["mention"])
    assert [b.id for b in k.bilans] == expected["bilans"]
    assert k.delais_bilan == expected["delais_bilan"]
    if "delai_median_bilan" in expected:
        assert k.delai_median_bilan == expected["delai_median_bilan"]
    assert (k.suites, k.retenues, k.autres, k.autres_avec_motif) == (
        expected["suites"], expected["retenues"], expected["autres"], expected["autres_avec_motif"])


def test_a_year_with_only_a_concertation_ended_or_a_bilan_has_its_report():
    # Lyon's PLU-H: ended in September 2016, bilan arrêté on 11 September 2017; nothing else in 2016 or 2017.
    from tests.core.helpers import ORGANE, corpus
    records = {"organes/conseil": ORGANE,
               "concertations/plu-h": "titre: PLU-H\nmaitre_ouvrage: conseil\ndebut: 2012-05\nfin: 2016-09\n",
               "bilans/2017-09-11-b": "titre: Bilan\nconcertation: plu-h\ntype: bilan\ndate: 2017-09-11\n",
               "concertations/ouverte": "titre: Ouverte\nmaitre_ouvrage: conseil\ndebut: 2026-09-14\nfin: 2026-12-18\n"}
    g = corpus(records, today=REFERENCE_DATE).graph
    # 2012 is only a start; 2026 only a concertation still open on the build date: neither gets a report.
    assert [p.slug for p in report_periods(g)] == ["2016", "2017"]
    ended = build_report(g, year_period(2016)).concertations
    published = build_report(g, year_period(2017)).concertations
    assert [c.id for c in ended.terminees] == ["plu-h"] and ended.bilans == []
    assert [b.id for b in published.bilans] == ["2017-09-11-b"] and published.sans_delai == 1
