"""The resolved graph: derived status, deadlines, recommendations' fate, aggregates."""

from __future__ import annotations

from datetime import date

from conseil.core.graph.figures import breakdown, follow_up, key_figures
from conseil.core.model.schema import POSITIONS
from tests.core.helpers import ASSEMBLEE, CONTRIBUTION, ELU, REPONSE, corpus

C1 = "contributions/2025-04-02-mobilites"
RECO = "recommandations:\n  - id: r1\n    texte: A\n  - id: r2\n    texte: B\n  - id: r3\n    texte: C\n"


def contribution(day: str, extra: str = "") -> str:
    return CONTRIBUTION.replace("2025-04-02", day) + extra


def test_status_answered_late_pending_and_not_expected():
    graph = corpus({
        C1: CONTRIBUTION,
        "contributions/late": contribution("2026-01-01"),
        "contributions/pending": contribution("2026-11-01"),
        "contributions/info": contribution("2026-01-01", "reponse_attendue: false\n"),
        "reponses/r": REPONSE,
    }).graph
    status = {c.id: c.statut for c in graph.contributions}
    assert status == {"2025-04-02-mobilites": "repondue", "late": "en-retard", "pending": "en-attente",
                      "info": "sans-reponse-attendue"}
    late = graph.get("contributions", "late")
    assert late.echeance == date(2026, 3, 2)  # 60 days by default
    assert late.retard_jours == (date(2026, 11, 23) - date(2026, 3, 2)).days


def test_deadline_is_configurable_and_overridable():
    graph = corpus({"contributions/a": contribution("2026-10-01"),
                    "contributions/b": contribution("2026-10-01", "echeance_reponse: 2026-12-31\n")},
                   delai_reponse_jours=30).graph
    assert graph.get("contributions", "a").echeance == date(2026, 10, 31)
    assert graph.get("contributions", "a").statut == "en-retard"
    assert graph.get("contributions", "b").statut == "en-attente"


def test_unpublished_records_are_not_in_the_graph_and_not_counted():
    graph = corpus({C1: CONTRIBUTION,
                    "contributions/draft": contribution("2026-01-01", "brouillon: true\n"),
                    "contributions/embargo": contribution("2026-01-01", "publication: 2026-12-01\n"),
                    "reponses/r": REPONSE + "brouillon: true\n"}).graph
    assert [c.id for c in graph.contributions] == ["2025-04-02-mobilites"]
    assert graph.get("contributions", "2025-04-02-mobilites").statut == "en-retard"  # the draft answer counts for nothing
    assert graph.reponses == []
    assert key_figures(graph).contributions == 1


def test_embargo_lifts_on_its_date():
    records = {"contributions/embargo": contribution("2026-01-01", "publication: 2026-12-01\n")}
    assert corpus(records, today=date(2026, 11, 30)).graph.contributions == []
    assert len(corpus(records, today=date(2026, 12, 1)).graph.contributions) == 1


def test_links_go_both_ways():
    graph = corpus({"assemblees/a": ASSEMBLEE + "themes: [mobilites]\n",
                    C1: CONTRIBUTION + "assemblees: [a]\nthemes: [mobilites]\n",
                    "reponses/r": REPONSE}).graph
    c = graph.get("contributions", "2025-04-02-mobilites")
    r = graph.get("reponses", "r")
    elu = graph.get("elus", "claire-morel")
    theme = graph.get("themes", "mobilites")
    a = graph.get("assemblees", "a")
    assert r.contributions == [c] and c.reponses == [r]
    assert r.elu is elu and elu.reponses == [r] and elu.contributions == [c]
    assert c.assemblees == [a] and a.contributions == [c]
    assert theme.contributions == [c] and theme.assemblees == [a] and theme.reponses == [r]


def test_each_recommendation_takes_the_latest_position():
    graph = corpus({
        C1: CONTRIBUTION + RECO,
        "reponses/first": REPONSE + "suites:\n  - recommandation: r1\n    position: a-l-etude\n"
                                    "  - recommandation: r2\n    position: non-retenue\n",
        "reponses/second": REPONSE.replace("2025-05-02", "2025-09-01") +
        "suites:\n  - recommandation: r1\n    position: retenue\n    commentaire: Voté en juin.\n"
        "engagements:\n  - texte: Une ligne\n    etat: en-cours\n    echeance: 2026-01-01\n    recommandation: r1\n",
    }).graph
    c = graph.get("contributions", "2025-04-02-mobilites")
    assert [(r.id, r.position) for r in c.recommandations] == [("r1", "retenue"), ("r2", "non-retenue"),
                                                               ("r3", "sans-suite")]
    r1 = c.recommandations[0]
    assert r1.derniere_suite.commentaire == "Voté en juin."
    assert [e.texte for e in r1.engagements] == ["Une ligne"]
    assert r1.engagements[0].en_retard  # promised for 2026-01-01, still in progress
    assert [e.reponse.id for e in c.engagements] == ["second"]


def test_timeline_is_in_date_order():
    graph = corpus({"assemblees/a": ASSEMBLEE, C1: CONTRIBUTION + "assemblees: [a]\n",
                    "reponses/r": REPONSE + "engagements:\n  - texte: T\n    etat: prevu\n    echeance: 2027-01-01\n"}).graph
    timeline = graph.get("contributions", "2025-04-02-mobilites").timeline
    assert [e.kind for e in timeline] == ["assemblee", "contribution", "reponse", "echeance", "engagement"]
    assert timeline[-1].future


def test_tally_and_follow_up_board():
    graph = corpus({
        C1: CONTRIBUTION,  # answered after 30 days
        "contributions/b": contribution("2025-06-01"),  # answered after 90 days, late
        "contributions/c": contribution("2026-01-01"),  # overdue
        "contributions/d": contribution("2026-11-01"),  # pending
        "contributions/e": contribution("2026-01-01", "reponse_attendue: false\n"),
        "reponses/r": REPONSE,
        "reponses/s": REPONSE.replace("2025-05-02", "2025-08-30").replace("[2025-04-02-mobilites]", "[b]")
        .replace("retenue", "non-retenue"),
    }).graph
    board = follow_up(graph)
    t = board.chiffres
    assert (t.contributions, t.attendues, t.repondues, t.en_retard, t.en_attente) == (5, 4, 2, 1, 1)
    assert t.taux_reponse == 0.5
    assert sorted(t.delais) == [30, 90] and t.delai_median == 60 and t.delai_max == 90
    assert t.repondues_dans_les_delais == 1
    assert [c.id for c in board.en_retard] == ["c"]
    assert [c.id for c in board.en_attente] == ["d"]
    assert [c.id for c in board.repondues_hors_delai] == ["b"]
    positions = {row.value: row.count for row in board.reponses_par_position}
    assert positions == {"retenue": 1, "partiellement-retenue": 0, "non-retenue": 1, "a-l-etude": 0, "information": 0}
    elu = graph.get("elus", "claire-morel")
    assert (elu.chiffres.attendues, elu.chiffres.repondues, elu.chiffres.taux_reponse) == (4, 2, 0.5)


def test_breakdown_keeps_every_value_in_order():
    rows = breakdown(["retenue", "retenue", "information"], POSITIONS)
    assert [r.value for r in rows] == list(POSITIONS)
    assert [r.count for r in rows] == [2, 0, 0, 0, 1]
    assert abs(sum(r.share for r in rows) - 1) < 1e-9


def test_upcoming_assemblies_soonest_first():
    graph = corpus({"assemblees/a": ASSEMBLEE.replace("2025-03-12", "2027-02-01"),
                    "assemblees/b": ASSEMBLEE.replace("2025-03-12", "2026-12-01"),
                    "assemblees/c": ASSEMBLEE}).graph
    assert [a.id for a in graph.assemblees_a_venir] == ["b", "a"]
    assert [a.id for a in graph.assemblees_passees] == ["c"]


def test_elus_sorted_by_last_name():
    graph = corpus({"elus/zoe-adam": "nom: Zoé Adam\nfonction: X\n", "elus/claire-morel": ELU}).graph
    assert [e.id for e in graph.elus] == ["zoe-adam", "claire-morel"]


def test_timeline_says_the_nature_with_its_agreement():
    for nature, label in (("avis", "Avis remis aux élus"), ("alerte", "Alerte remise aux élus")):
        result = corpus({C1: CONTRIBUTION.replace("nature: avis", f"nature: {nature}")})
        event = next(e for e in result.graph.get("contributions", "2025-04-02-mobilites").timeline
                     if e.kind == "contribution")
        assert (event.label, event.detail) == (label, "Saisine de la Métropole")
