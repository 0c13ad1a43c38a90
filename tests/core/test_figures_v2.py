"""Version 2 in the graph and the figures: approximate dates and attendance, the follow-up window, interventions."""

from __future__ import annotations

from datetime import date

from conseil.core.graph.figures import attendance, follow_up, key_figures
from conseil.core.graph.report import build_report, year_period
from conseil.core.graph.tally import tally
from tests.core.helpers import ASSEMBLEE, CONTRIBUTION, REPONSE, corpus

C1 = "contributions/2025-04-02-mobilites"


def contribution(day: str, extra: str = "") -> str:
    return CONTRIBUTION.replace("2025-04-02", day) + extra


def answer(day: str, extra: str = "", to: str = "2025-04-02-mobilites") -> str:
    return REPONSE.replace("2025-05-02", day).replace("2025-04-02-mobilites", to) + extra


def test_an_approximate_date_gets_no_computed_deadline_and_is_never_late():
    graph = corpus({"contributions/archive": contribution("2016")}).graph
    node = graph.get("contributions", "archive")
    assert node.echeance is None and node.statut == "en-attente" and node.retard_jours is None


def test_an_explicit_deadline_still_counts_for_an_approximate_date():
    graph = corpus({"contributions/archive": contribution("2016", "echeance_reponse: 2016-12-31\n")}).graph
    node = graph.get("contributions", "archive")
    assert node.echeance == date(2016, 12, 31) and node.statut == "en-retard"


def test_an_approximate_date_has_no_delay_and_the_tally_says_so():
    graph = corpus({"contributions/archive": contribution("2016-03"),
                    "reponses/r": answer("2016-05-02", to="archive"), C1: CONTRIBUTION,
                    "reponses/r2": answer("2025-05-02")}).graph
    archive = graph.get("contributions", "archive")
    assert archive.statut == "repondue" and archive.delai_jours is None
    figures = tally(graph.contributions)
    assert (figures.repondues, figures.delais, figures.delais_inconnus) == (2, [30], 1)


def test_approximate_dates_sort_at_the_start_of_their_period():
    graph = corpus({"contributions/mars": contribution("2016-03-15"), "contributions/annee": contribution("2016"),
                    "contributions/mois": contribution("2016-03")}).graph
    assert [c.id for c in graph.contributions] == ["mars", "mois", "annee"]  # newest first


def test_before_the_follow_up_window_a_contribution_is_hors_suivi():
    graph = corpus({"contributions/ancienne": contribution("2019"), C1: CONTRIBUTION},
                   suivi_depuis=date(2020, 1, 1)).graph
    assert graph.get("contributions", "ancienne").statut == "hors-suivi"
    figures = tally(graph.contributions)
    assert (figures.attendues, figures.en_retard, figures.hors_suivi) == (1, 1, 1)
    board = follow_up(graph)
    assert [c.id for c in board.hors_suivi] == ["ancienne"] and board.suivi_depuis == date(2020, 1, 1)
    assert [c.id for c in board.en_retard] == ["2025-04-02-mobilites"]


def test_an_answered_contribution_before_the_window_is_answered():
    graph = corpus({"contributions/ancienne": contribution("2019-05-02"),
                    "reponses/r": answer("2019-06-01", to="ancienne")}, suivi_depuis=date(2020, 1, 1)).graph
    assert graph.get("contributions", "ancienne").statut == "repondue"


def test_without_a_window_everything_is_followed():
    graph = corpus({"contributions/ancienne": contribution("2019")}).graph
    assert graph.get("contributions", "ancienne").statut == "en-attente"


def test_an_intervention_is_not_the_answer():
    graph = corpus({C1: CONTRIBUTION,
                    "reponses/groupe": answer("2025-05-02").replace("position: retenue\n", "portee: intervention\n")}).graph
    node = graph.get("contributions", "2025-04-02-mobilites")
    assert node.statut == "en-retard" and node.reponses == [] and [r.id for r in node.interventions] == ["groupe"]
    assert tally(graph.contributions).repondues == 0
    assert key_figures(graph).reponses == 0 and follow_up(graph).interventions == 1
    assert graph.get("reponses", "groupe").delai_jours is None


def test_attendance_totals_say_how_sure_they_are():
    graph = corpus({"assemblees/a": ASSEMBLEE + "participants: 40\n",
                    "assemblees/b": ASSEMBLEE + "participants: plus de 100\n"}).graph
    assert (attendance(graph.assemblees).total, attendance(graph.assemblees).mention) == (140, "au moins")
    graph = corpus({"assemblees/a": ASSEMBLEE + "participants: plus de 100\n",
                    "assemblees/b": ASSEMBLEE + "participants: près de 150\n"}).graph
    total = attendance(graph.assemblees)
    assert (total.total, total.mention, total.approximatives) == (250, "environ", 2)
    graph = corpus({"assemblees/a": ASSEMBLEE + "participants: 40\n"}).graph
    assert attendance(graph.assemblees).mention is None


def test_the_report_counts_what_it_leaves_out():
    graph = corpus({"contributions/mars": contribution("2025-03"), C1: CONTRIBUTION,
                    "reponses/r": answer("2025-05"), "reponses/groupe":
                    answer("2025-05-03").replace("position: retenue\n", "portee: intervention\n")}).graph
    rapport = build_report(graph, year_period(2025))
    assert [r.id for r in rapport.reponses] == ["r"] and [r.id for r in rapport.interventions] == ["groupe"]
    assert (rapport.approximations.contributions, rapport.approximations.reponses) == (1, 1)
    assert rapport.chiffres.delais == [] and rapport.chiffres.delais_inconnus == 1
