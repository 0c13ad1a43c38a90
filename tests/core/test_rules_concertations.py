"""Version 3 rules: concertations, their bilans and the toolbox, each shown by the smallest record that breaks it."""

from __future__ import annotations

from tests.core.helpers import BILAN_GARANT, CONCERTATION, ORGANE, codes, corpus


def concertations(records: dict[str, str], **settings):
    """A corpus with the maître d'ouvrage `conseil` and the concertation `plan-climat` unless given."""
    return corpus({"organes/conseil": ORGANE, "concertations/plan-climat": CONCERTATION, **records}, **settings)


def only(result, code: str):
    assert codes(result.diagnostics) == [code], [d.summary() for d in result.diagnostics]
    return result.diagnostics[0]


def test_a_valid_concertation_with_its_bilans_has_no_problem():
    result = concertations({
        "outils/balade-urbaine": "nom: Balade urbaine\ntype: balade-urbaine\nniveau: 2\n",
        "assemblees/2025-04-02-atelier": "titre: Atelier\ndate: 2025-04-02\ntype: atelier\n",
        "concertations/plan-climat": CONCERTATION + (
            "deliberation_ouverture:\n  date: 2025-02-06\n  numero: 2025-009\n"
            "phases:\n  - libelle: Diagnostic\n    debut: 2025-03-10\n    fin: 2025-03-31\n"
            "dispositifs:\n  - id: balade\n    type: balade-urbaine\n    date: 2025-04-05\n    outil: balade-urbaine\n"
            "    participants: environ 40\n  - id: atelier\n    type: atelier\n    date: 2025-04-02\n"
            "    assemblee: 2025-04-02-atelier\n  - id: restitution\n    type: restitution\n    date: 2025-09-15\n"),
        "bilans/2025-06-20-bilan-garant": BILAN_GARANT,
        "bilans/2025-08-21-reponse": "titre: Réponse\nconcertation: plan-climat\ntype: reponse-maitre-ouvrage\n"
                                     "date: 2025-08-21\nsuites:\n  - sujet: Résultats\n    position: retenue\n"
                                     "    recommandation: transparence\n",
        "contributions/2025-04-20-avis": "titre: Avis\ndate: 2025-04-20\nnature: avis\norigine: saisine\n"
                                         "destinataires: [claire-morel]\nconcertations: [plan-climat]\n",
    })
    assert result.diagnostics == []


def test_maitre_ouvrage_names_an_organe_and_the_closest_id_is_suggested():
    problem = only(concertations({"concertations/plan-climat": CONCERTATION.replace(": conseil", ": conseill")}),
                   "ref-inconnue")
    assert (problem.key, problem.line, problem.column) == ("maitre_ouvrage", 3, 17)
    assert problem.message == "aucun organe « conseill »"
    assert "vouliez-vous dire « conseil » ?" in problem.help


def test_a_bilan_names_a_concertation():
    problem = only(concertations({"bilans/2025-06-20-b": BILAN_GARANT.replace("plan-climat", "plan-climats")}),
                   "ref-inconnue")
    assert problem.message == "aucune concertation « plan-climats »"
    assert "« plan-climat »" in problem.help


def test_a_dispositif_names_an_outil_and_an_assemblee():
    result = concertations({
        "outils/balade-urbaine": "nom: Balade urbaine\n",
        "concertations/plan-climat": CONCERTATION + "dispositifs:\n  - id: balade\n    type: balade-urbaine\n"
                                                    "    outil: balade-urbain\n    assemblee: atelier\n"})
    assert codes(result.diagnostics) == ["ref-inconnue", "ref-inconnue"]
    outil, assemblee = result.diagnostics
    assert (outil.key, outil.line, outil.column) == ("dispositifs", 11, 12)
    assert "« balade-urbaine » ? (content/outils/balade-urbaine.md)" in outil.help
    assert assemblee.message == "aucune assemblée « atelier »"


def test_contributions_name_concertations_dossiers_and_themes_of_a_concertation_too():
    result = concertations({
        "concertations/plan-climat": CONCERTATION + "dossiers: [pcaet]\nthemes: [mobilite]\n",
        "contributions/2025-04-20-avis": "titre: Avis\ndate: 2025-04-20\nnature: avis\norigine: saisine\n"
                                         "destinataires: [claire-morel]\nconcertations: [plan-climta]\n"})
    assert sorted((d.path.split("/")[1], d.key) for d in result.diagnostics) == [
        ("concertations", "dossiers"), ("concertations", "themes"), ("contributions", "concertations")]
    assert "« plan-climat »" in next(d for d in result.diagnostics if d.key == "concertations").help


def test_communes_are_checked_against_the_option():
    result = concertations({"concertations/plan-climat": CONCERTATION + "communes: [Lanceval, Lancevall]\n"
                            "dispositifs:\n  - id: reunion\n    type: reunion-publique\n    commune: Brignac\n"},
                           communes=("Lanceval", "Brignac-sur-Arvel"))
    assert codes(result.diagnostics) == ["commune-inconnue", "commune-inconnue"]
    assert [d.key for d in result.diagnostics] == ["communes", "dispositifs"]
    assert "« Lanceval » ?" in result.diagnostics[0].help


def test_fin_not_before_debut():
    problem = only(concertations({"concertations/plan-climat": CONCERTATION.replace("fin: 2025-05-30",
                                                                                   "fin: 2025-02-28")}),
                   "date-anterieure")
    assert (problem.key, problem.line) == ("fin", 6)


def test_approximate_bounds_are_an_error_only_when_certainly_wrong():
    same_year = CONCERTATION.replace("debut: 2025-03-10", "debut: 2025").replace("fin: 2025-05-30", "fin: 2025-02")
    assert concertations({"concertations/plan-climat": same_year}).diagnostics == []  # 2025 may start in January
    before = CONCERTATION.replace("debut: 2025-03-10", "debut: 2025").replace("fin: 2025-05-30", "fin: 2024")
    assert codes(concertations({"concertations/plan-climat": before}).diagnostics) == ["date-anterieure"]


def test_a_phase_or_a_dispositif_outside_the_period():
    result = concertations({"concertations/plan-climat": CONCERTATION + (
        "phases:\n  - libelle: Diagnostic\n    debut: 2025-02-01\n"
        "dispositifs:\n  - id: atelier\n    type: atelier\n    date: 2025-05-20\n    date_fin: 2025-06-15\n"
        "  - id: restitution\n    type: restitution\n    date: 2025-09-15\n")})
    assert codes(result.diagnostics) == ["hors-periode", "hors-periode"]
    phase, atelier = result.diagnostics
    assert (phase.key, phase.line, phase.column) == ("phases", 10, 12)
    assert "précède le début" in phase.message
    assert (atelier.key, atelier.line) == ("dispositifs", 15)  # its last day, date_fin
    assert "seule une restitution" in atelier.help


def test_an_approximate_phase_is_outside_only_when_certainly_so():
    result = concertations({"concertations/plan-climat": CONCERTATION + (
        "phases:\n  - libelle: Diagnostic\n    debut: 2025-03\n  - libelle: Avant\n    debut: 2025-02\n")})
    assert codes(result.diagnostics) == ["hors-periode"]
    assert "Avant" in result.diagnostics[0].message


def test_the_opening_deliberation_precedes_the_start():
    problem = only(concertations({"concertations/plan-climat": CONCERTATION + (
        "deliberation_ouverture:\n  date: 2025-04-01\n  url: https://example.org/d.pdf\n")}),
        "deliberation-apres-debut")
    assert (problem.key, problem.line, problem.column) == ("deliberation_ouverture", 9, 9)


def test_a_bilan_before_the_end_or_of_an_open_concertation():
    early = only(concertations({"bilans/2025-05-01-bilan": "titre: Bilan\nconcertation: plan-climat\ntype: bilan\n"
                                                           "date: 2025-05-01\n"}), "bilan-avant-fin")
    assert (early.key, early.line) == ("date", 5)
    assert "précède la fin de la concertation plan-climat (2025-05-30)" in early.message
    open_one = only(concertations({
        "concertations/plan-climat": CONCERTATION.replace("fin: 2025-05-30\n", ""),
        "bilans/2025-06-20-bilan-garant": BILAN_GARANT}), "bilan-avant-fin")
    assert open_one.key == "concertation" and "n'a pas de fin" in open_one.message
    # the end known by its year only: a bilan of October is consistent
    lyon = CONCERTATION.replace("fin: 2025-05-30", "fin: 2025")
    assert concertations({"concertations/plan-climat": lyon, "bilans/2025-10-18-bilan": BILAN_GARANT}).diagnostics == []


def test_a_garant_bilan_needs_a_garant():
    without = CONCERTATION.replace("garants: [Odile Ferrand]\n", "")
    problem = only(concertations({"concertations/plan-climat": without, "bilans/2025-06-20-bilan": BILAN_GARANT}),
                   "garant-absent")
    assert (problem.key, problem.line) == ("type", 4)
    assert "garant_cndp: true" in problem.help
    unnamed = without + "garant_cndp: true\n"  # a CNDP garant whose name is not known
    assert concertations({"concertations/plan-climat": unnamed, "bilans/2025-06-20-bilan": BILAN_GARANT}).diagnostics == []


def test_an_answer_names_the_garant_recommendations_with_the_closest_suggested():
    answer = ("titre: Réponse\nconcertation: plan-climat\ntype: reponse-maitre-ouvrage\ndate: 2025-08-21\n"
              "suites:\n  - sujet: Résultats\n    position: retenue\n    recommandation: transparance\n"
              "engagements:\n  - texte: Publier\n    etat: prevu\n    recommandation: budget\n")
    result = concertations({"bilans/2025-06-20-garant": BILAN_GARANT, "bilans/2025-08-21-reponse": answer})
    assert codes(result.diagnostics) == ["recommandation-inconnue", "recommandation-inconnue"]
    suite, engagement = result.diagnostics
    assert (suite.key, suite.line, suite.column) == ("suites", 9, 21)
    assert suite.help == "vouliez-vous dire « transparence » ?"
    assert engagement.help == "recommandations du garant : transparence, calendrier"


def test_recommendations_of_another_concertation_do_not_count():
    other = CONCERTATION.replace("Concertation", "Autre")
    answer = ("titre: Réponse\nconcertation: autre\ntype: reponse-maitre-ouvrage\ndate: 2025-08-21\n"
              "suites:\n  - sujet: Résultats\n    position: retenue\n    recommandation: transparence\n")
    problem = only(concertations({"concertations/autre": other, "bilans/2025-06-20-garant": BILAN_GARANT,
                                  "bilans/2025-08-21-reponse": answer}), "recommandation-inconnue")
    assert "aucun bilan du garant" in problem.help


def test_recommendations_belong_to_a_garant_bilan_only():
    bilan = BILAN_GARANT.replace("type: bilan-garant", "type: bilan")
    problem = only(concertations({"bilans/2025-06-20-bilan": bilan}), "recommandations-hors-garant")
    assert (problem.key, problem.line) == ("recommandations", 7)


def test_dispositif_ids_are_unique_in_a_concertation():
    result = concertations({"concertations/plan-climat": CONCERTATION + (
        "dispositifs:\n  - id: reunion\n    type: reunion-publique\n  - id: reunion\n    type: atelier\n"
        "  - id: Réunion 3\n    type: atelier\n")})
    assert codes(result.diagnostics) == ["dispositif-duplique", "id-invalide"]
    assert (result.diagnostics[0].line, result.diagnostics[0].column) == (11, 9)
    assert "ligne 9" in result.diagnostics[0].message


def test_a_published_bilan_citing_a_draft_concertation():
    problem = only(concertations({"concertations/plan-climat": CONCERTATION + "brouillon: true\n",
                                  "bilans/2025-06-20-garant": BILAN_GARANT}), "ref-non-publiee")
    assert problem.key == "concertation" and "en brouillon" in problem.message
    embargo = only(concertations({"outils/balade": "nom: Balade\npublication: 2027-01-01\n",
                                  "concertations/plan-climat": CONCERTATION + "dispositifs:\n  - id: b\n"
                                  "    type: balade-urbaine\n    outil: balade\n"}), "ref-non-publiee")
    assert "sous embargo jusqu'au 2027-01-01" in embargo.message


def test_code_environnement_duration_is_a_note_never_an_error():
    short = CONCERTATION.replace("fin: 2025-05-30", "fin: 2025-03-20")  # 11 days
    long = CONCERTATION.replace("fin: 2025-05-30", "fin: 2025-06-10")  # 3 months and a day
    for header, said in ((short, "dure 11 jours"), (long, "dure plus de 3 mois")):
        result = concertations({"concertations/plan-climat": header})
        problem = only(result, "duree-concertation")
        assert problem.is_note and not problem.is_error and result.error_count == 0
        assert said in problem.message and "L121-16" in problem.message
        assert (problem.key, problem.line) == ("fin", 6)
    exactly = CONCERTATION.replace("fin: 2025-05-30", "fin: 2025-06-09")  # three months to the day
    assert concertations({"concertations/plan-climat": exactly}).diagnostics == []
    volontaire = short.replace("code-environnement", "volontaire")
    assert concertations({"concertations/plan-climat": volontaire}).diagnostics == []


def test_niveau_is_from_1_to_4():
    result = concertations({"concertations/plan-climat": CONCERTATION + "niveau: 5\n"})
    assert codes(result.diagnostics) == ["nombre-invalide"]
    assert "entre 1 et 4" in result.diagnostics[0].help


def test_bilan_suites_are_not_answer_suites():
    """`suites` of a bilan hold a subject and a motive; those of an answer a recommendation and a comment."""
    bilan = ("titre: Bilan\nconcertation: plan-climat\ntype: bilan\ndate: 2025-07-01\n"
             "suites:\n  - sujet: Pistes cyclables\n    position: hors-champ\n    motif: Compétence régionale\n"
             "    commentaire: x\n")
    problem = only(concertations({"bilans/2025-07-01-bilan": bilan}), "cle-inconnue")
    assert problem.key == "commentaire"


def test_counts_of_a_dispositif_say_what_they_count():
    result = concertations({"concertations/plan-climat": CONCERTATION + (
        "dispositifs:\n  - id: plateforme\n    type: plateforme-en-ligne\n    contributions: des centaines\n"
        "    nombre: plusieurs\n    participants: environ 40\n")})
    assert codes(result.diagnostics) == ["effectif-invalide", "effectif-invalide"]
    assert [d.message for d in result.diagnostics] == ["« des centaines » n'est pas un nombre de contributions",
                                                       "« plusieurs » n'est pas un nombre de séances"]
    assert "contributions: environ 150" in result.diagnostics[0].help
