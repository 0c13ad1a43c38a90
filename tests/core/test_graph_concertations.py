"""Version 3 in the graph: links both ways, derived statuses, deadlines and figures, counted by hand."""

from __future__ import annotations

from datetime import date

from conseil.core import Settings
from tests.core.helpers import BILAN_GARANT, CONCERTATION, ORGANE, corpus

TODAY = date(2026, 11, 23)


def graph(records: dict[str, str], **settings):
    result = corpus({"organes/conseil": ORGANE, **records}, today=TODAY, **settings)
    assert [d for d in result.diagnostics if not d.is_note] == [], [d.summary() for d in result.diagnostics]
    return result.graph


def concertation(debut: str, fin: str | None = None, *, garant: bool = False, extra: str = "") -> str:
    return ("titre: Concertation\nmaitre_ouvrage: conseil\n" f"debut: {debut}\n" + (f"fin: {fin}\n" if fin else "")
            + ("garants: [Odile Ferrand]\n" if garant else "") + extra)


def bilan(on: str, kind: str = "bilan", of: str = "c", extra: str = "") -> str:
    return f"titre: Bilan\nconcertation: {of}\ntype: {kind}\ndate: {on}\n" + extra


def statut(records, **settings) -> str:
    return graph(records, **settings).get("concertations", "c").statut


def test_the_five_statuses():
    assert statut({"concertations/c": concertation("2027-01-11", "2027-03-26")}) == "a-venir"
    assert statut({"concertations/c": concertation("2026-09-14", "2026-12-18")}) == "en-cours"
    assert statut({"concertations/c": concertation("2026-09-14")}) == "en-cours"  # no end: still open
    assert statut({"concertations/c": concertation("2026-11-01", "2026-11-23")}) == "en-cours"  # its last day
    assert statut({"concertations/c": concertation("2026-03-02", "2026-05-29")}) == "bilan-attendu"
    assert statut({"concertations/c": concertation("2026-03-02", "2026-05-29"),
                   "bilans/2026-07-01-b": bilan("2026-07-01")}) == "bilan-publie"
    old = {"concertations/c": concertation("2016-03", "2016-06")}
    assert statut(old) == "bilan-attendu"  # followed since always, by default
    assert statut(old, suivi_depuis=date(2020, 7, 1)) == "hors-suivi"
    assert statut({**old, "bilans/2017-b": bilan("2017")}, suivi_depuis=date(2020, 7, 1)) == "bilan-publie"
    assert statut({"concertations/c": concertation("2026", "2026")}) == "en-cours"  # may end on 31 December
    assert statut({"concertations/c": concertation("2027")}) == "a-venir"


def test_an_answer_to_the_garant_is_no_bilan_and_a_draft_bilan_does_not_count():
    records = {"concertations/c": concertation("2026-03-02", "2026-05-29", garant=True),
               "bilans/2026-06-20-g": bilan("2026-06-20", "bilan-garant", extra="brouillon: true\n"),
               "bilans/2026-07-01-r": bilan("2026-07-01", "reponse-maitre-ouvrage", extra="brouillon: true\n")}
    g = graph(records)
    node = g.get("concertations", "c")
    assert node.statut == "bilan-attendu" and node.bilans == [] and g.bilans == []


def test_the_garant_bilan_deadline_and_its_delay():
    # fin 2026-05-29 + 30 days = 2026-06-28; on 2026-11-23, 148 days late (2 + 31 + 31 + 30 + 31 + 23).
    node = graph({"concertations/c": concertation("2026-03-02", "2026-05-29", garant=True)}).get("concertations", "c")
    assert node.echeance_bilan_garant == date(2026, 6, 28)
    assert node.retard_bilan_garant == 148 and node.retard_jours == 148
    assert node.echeance_reponse_maitre_ouvrage is None  # counted from the garant's bilan, not yet there
    custom = graph({"concertations/c": concertation("2026-03-02", "2026-05-29", garant=True)},
                   delai_bilan_garant_jours=100).get("concertations", "c")
    assert custom.echeance_bilan_garant == date(2026, 9, 6) and custom.retard_bilan_garant == 78


def test_the_answer_deadline_counts_from_the_first_garant_bilan():
    # SMMAG-like: fin 2026-07-03, garants' bilan 2026-07-31 (28 days), answer due 2026-09-29, 55 days late.
    records = {"concertations/c": concertation("2026-05-04", "2026-07-03", garant=True),
               "bilans/2026-07-31-g": bilan("2026-07-31", "bilan-garant"),
               "bilans/2026-10-01-g2": bilan("2026-10-01", "bilan-garant")}
    node = graph(records).get("concertations", "c")
    assert node.statut == "bilan-publie" and node.retard_bilan_garant is None
    assert node.bilan_garant.id == "2026-07-31-g" and node.jours_jusqu_au_bilan == 28
    assert node.echeance_reponse_maitre_ouvrage == date(2026, 9, 29)
    assert node.retard_reponse_maitre_ouvrage == 55 and node.retard_jours == 55
    answered = graph({**records, "bilans/2026-11-02-r": bilan("2026-11-02", "reponse-maitre-ouvrage")})
    node = answered.get("concertations", "c")
    assert node.reponse_maitre_ouvrage.id == "2026-11-02-r" and node.retard_reponse_maitre_ouvrage is None
    assert node.retard_jours is None


def test_no_deadline_without_a_cndp_garant_for_approximate_dates_or_before_the_follow_up():
    def late(header: str, **settings) -> tuple:
        node = graph({"concertations/c": header}, **settings).get("concertations", "c")
        return node.echeance_bilan_garant, node.retard_jours

    assert late(concertation("2026-03-02", "2026-05-29")) == (None, None)  # no garant
    assert late(concertation("2026-03-02", "2026-05-29", garant=True, extra="garant_cndp: false\n")) == (None, None)
    assert late(concertation("2026-03-02", "2026-05", garant=True)) == (None, None)  # the end's day not known
    assert late(concertation("2019-01-10", "2019-03-31", garant=True), suivi_depuis=date(2020, 7, 1)) == (None, None)
    unnamed = concertation("2026-03-02", "2026-05-29", extra="garant_cndp: true\n")
    assert late(unnamed) == (date(2026, 6, 28), 148)


def test_days_from_the_end_to_the_first_bilan():
    # Lyon-like: fin 2023-06-30, bilan 2024-06-10: 1 + 31 + 31 + 30 + 31 + 30 + 31 + 31 + 29 + 31 + 30 + 31 + 9 = 346.
    records = {"concertations/c": concertation("2021-03-15", "2023-06-30"),
               "bilans/2024-06-10-b": bilan("2024-06-10"), "bilans/2024-09-01-b2": bilan("2024-09-01")}
    node = graph(records).get("concertations", "c")
    assert node.jours_jusqu_au_bilan == 346 and node.duree_jours == 837
    assert [b.jours_apres_la_fin for b in node.bilans] == [346, 429]
    approximate = graph({"concertations/c": concertation("2021-03-15", "2023"), "bilans/2024-06-10-b": bilan("2024-06-10")})
    node = approximate.get("concertations", "c")
    assert node.jours_jusqu_au_bilan is None and node.duree_jours is None and node.statut == "bilan-publie"
    # Ended in 2023: from 31 December 2023 to 10 June 2024, 31 + 29 + 31 + 30 + 31 + 10 = 162 days; from 1 January, 526.
    assert node.ecart_jusqu_au_bilan == (162, 526) and not node.ecart_jusqu_au_bilan.exact
    assert graph(records).get("concertations", "c").ecart_jusqu_au_bilan == (346, 346)


def test_days_to_a_bilan_are_given_as_known_when_the_end_is_known_by_its_month():
    # Lyon's PLU-H: ended in September 2016, bilan arrêté on 11 September 2017. From 30 September 2016:
    # 31 + 30 + 31 + 31 + 28 + 31 + 30 + 31 + 30 + 31 + 31 + 11 = 346 days; from 1 September 2016: 346 + 29 = 375.
    lyon = graph({"concertations/c": concertation("2012-05", "2016-09"), "bilans/2017-09-11-b": bilan("2017-09-11")})
    node = lyon.get("concertations", "c")
    assert node.jours_jusqu_au_bilan is None  # no exact figure is invented: the median and open data leave it out
    assert node.ecart_jusqu_au_bilan == (346, 375) and node.bilans[0].ecart_apres_la_fin == (346, 375)
    # A bilan known by its month, after an exact end: 2017-09-30 to 2017-10-01, 1 day; to 2017-10-31, 31 days.
    late = graph({"concertations/c": concertation("2017-01-02", "2017-09-30"), "bilans/2017-10-b": bilan("2017-10")})
    assert late.get("concertations", "c").ecart_jusqu_au_bilan == (1, 31)


DISPOSITIFS = """dispositifs:
  - id: reunions
    type: reunion-publique
    date: 2025-03-10
    nombre: 3
    participants: environ 650
    outil: reunion-publique
  - id: ateliers
    type: atelier
    date: 2025-04-02
    participants: 312
    assemblee: 2025-04-02-atelier
  - id: plateforme
    type: plateforme-en-ligne
    date: 2025-03-10
    date_fin: 2025-05-30
    contributions: plus de 450
  - id: registre
    type: registre
    contributions: 214
  - id: restitution
    type: restitution
    date: 2025-09-15
    participants: 140
    outil: reunion-publique
"""


def test_participation_totals_say_how_sure_they_are():
    g = graph({"concertations/c": concertation("2025-03-10", "2025-05-30", extra=DISPOSITIFS),
               "outils/reunion-publique": "nom: Réunion publique\n",
               "assemblees/2025-04-02-atelier": "titre: Atelier\ndate: 2025-04-02\ntype: atelier\n"})
    node = g.get("concertations", "c")
    assert (node.participants_total.total, node.participants_total.mention) == (650 + 312 + 140, "environ")
    assert (node.contributions_total.total, node.contributions_total.mention) == (450 + 214, "au moins")
    assert [(row.label, int(row.value)) for row in node.participation] == [
        ("Réunion publique", 650), ("Atelier", 312), ("Restitution", 140)]
    assert str(node.participation[0].value) == "environ 650"  # shown as written
    outil = g.get("outils", "reunion-publique")
    assert [d.id for d in outil.dispositifs] == ["reunions", "restitution"] and outil.concertations == [node]
    assert (outil.participants_total.total, outil.participants_total.mention) == (790, "environ")
    assert outil.contributions_total is None  # no count at all: not « 0 »
    atelier = g.get("assemblees", "2025-04-02-atelier")
    assert [d.id for d in atelier.dispositifs] == ["ateliers"] and atelier.dispositifs[0].concertation is node
    assert node.dispositifs[0].url == "concertations/c/#dispositif-reunions"
    assert [d.id for d in g.dispositifs] == ["reunions", "ateliers", "plateforme", "registre", "restitution"]


def test_links_both_ways():
    g = graph({
        "dossiers/plui": "titre: PLUi\ntype: plui\n",
        "concertations/c": concertation("2025-03-10", "2025-05-30", extra="dossiers: [plui]\nthemes: [mobilites]\n"),
        "concertations/d": concertation("2026-03-10", extra="themes: [mobilites]\n"),
        "contributions/2025-04-20-avis": "titre: Avis\ndate: 2025-04-20\nnature: avis\norigine: saisine\n"
                                         "destinataires: [claire-morel]\nconcertations: [c, d]\n",
        "bilans/2025-07-01-b": bilan("2025-07-01"),
    })
    c, d = g.get("concertations", "c"), g.get("concertations", "d")
    assert g.get("organes", "conseil").concertations == [d, c]  # newest start first
    assert c.maitre_ouvrage is g.get("organes", "conseil")
    assert g.get("dossiers", "plui").concertations == [c] and c.dossiers == [g.get("dossiers", "plui")]
    assert g.get("themes", "mobilites").concertations == [d, c]
    avis = g.get("contributions", "2025-04-20-avis")
    assert avis.concertations == [c, d] and c.contributions == [avis] and d.contributions == [avis]
    assert g.get("bilans", "2025-07-01-b").concertation is c and c.bilans == g.bilans
    assert g.concertations == [d, c]


GARANT = BILAN_GARANT + "  - id: budget\n    texte: Chiffrer chaque action\n"
REPONSE = """titre: Réponse
concertation: plan-climat
type: reponse-maitre-ouvrage
date: 2025-08-21
suites:
  - sujet: Résultats
    recommandation: transparence
    position: retenue
  - sujet: Calendrier
    recommandation: calendrier
    position: non-retenue
    motif: Le calendrier dépend de l'État
  - sujet: Budget
    recommandation: budget
    position: partiellement-retenue
  - sujet: Tramway
    position: hors-champ
engagements:
  - texte: Publier les résultats
    echeance: 2025-09-30
    etat: realise
    recommandation: transparence
  - texte: Chiffrer les actions
    echeance: 2026-04-30
    etat: en-cours
    recommandation: budget
"""


def test_suites_by_position_motifs_and_recommendations_answered():
    g = graph({"concertations/plan-climat": CONCERTATION, "bilans/2025-06-20-g": GARANT,
               "bilans/2025-08-21-r": REPONSE})
    node = g.get("concertations", "plan-climat")
    # 4 suites: 1 retained; of the 3 others, 1 given with its motif (the calendar).
    assert [(c.value, c.count) for c in node.suites_par_position] == [
        ("retenue", 1), ("partiellement-retenue", 1), ("non-retenue", 1), ("hors-champ", 1)]
    assert (node.motifs.total, node.motifs.avec, node.motifs.sans) == (3, 1, 2)
    assert abs(node.motifs.part - 1 / 3) < 1e-9
    # 3 recommendations of the garant, all 3 answered; the last one only partly.
    assert len(node.recommandations) == 3 and node.recommandations_repondues == 3
    budget = node.recommandations[2]
    assert (budget.id, budget.position, budget.suite.bilan.id) == ("budget", "partiellement-retenue", "2025-08-21-r")
    assert [e.texte for e in budget.engagements] == ["Chiffrer les actions"]
    assert [e.en_retard for e in node.engagements] == [False, True]  # 2026-04-30 passed, still en cours
    garant = g.get("bilans", "2025-06-20-g")
    assert garant.recommandations_repondues == 3 and garant.jours_apres_la_fin == 21
    answer = g.get("bilans", "2025-08-21-r")
    assert answer.suites[3].recommandation_garant is None and answer.motifs.total == 3
    chronologie = [(e.date.isoformat(), e.kind) for e in node.chronologie]
    assert chronologie == [("2025-03-10", "debut"), ("2025-05-30", "fin"), ("2025-06-20", "bilan"),
                           ("2025-08-21", "bilan")]


def test_unanswered_recommendations_stay_without_suite():
    node = graph({"concertations/plan-climat": CONCERTATION, "bilans/2025-06-20-g": GARANT}).get(
        "concertations", "plan-climat")
    assert node.recommandations_repondues == 0 and {r.position for r in node.recommandations} == {"sans-suite"}


def test_only_published_records_enter_the_graph():
    g = graph({"concertations/c": concertation("2025-03-10", "2025-05-30", extra="brouillon: true\n"),
               "concertations/e": concertation("2025-03-10", extra="publication: 2027-01-01\n"),
               "outils/o": "nom: Outil\nbrouillon: true\n"})
    assert g.concertations == [] and g.outils == [] and g.get("organes", "conseil").concertations == []


def test_the_options_reach_the_settings():
    settings = Settings.from_options({"delai_bilan_garant_jours": 45, "delai_reponse_maitre_ouvrage_jours": 90}, None)
    assert (settings.delai_bilan_garant_jours, settings.delai_reponse_maitre_ouvrage_jours) == (45, 90)
    defaults = Settings.from_options({}, None)
    assert (defaults.delai_bilan_garant_jours, defaults.delai_reponse_maitre_ouvrage_jours) == (30, 60)


def test_a_dossier_timeline_holds_its_concertations_and_their_bilans():
    dossier = "titre: PLUi\ntype: plui\netapes:\n  - date: 2024-06\n    libelle: Arrêt du projet\n"
    records = {"dossiers/plui": dossier,
               "concertations/c": concertation("2021-03-15", "2023-06-30", extra="dossiers: [plui]\n"),
               "bilans/2024-06-10-b": bilan("2024-06-10"),
               "concertations/zac": concertation("2027-01-11", "2027-03-26", extra="dossiers: [plui]\n"),
               "bilans/2024-09-01-brouillon": bilan("2024-09-01", extra="brouillon: true\n")}
    node = graph(records).get("dossiers", "plui")
    steps = [(e.date.isoformat(), e.kind, e.detail, e.future) for e in node.chronologie]
    assert steps == [("2021-03-15", "concertation", "ouverture de la participation du public", False),
                     ("2023-06-30", "concertation", "clôture de la participation du public", False),
                     ("2024-06", "etape", None, False),
                     ("2024-06-10", "bilan", "Bilan de la concertation", False),
                     ("2027-01-11", "concertation", "ouverture annoncée de la participation du public", True),
                     ("2027-03-26", "concertation", "clôture annoncée de la participation du public", True)]
    assert node.chronologie[0].url == "concertations/c/" and node.chronologie[3].url == "bilans/2024-06-10-b/"
