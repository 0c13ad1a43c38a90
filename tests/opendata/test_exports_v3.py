"""Version 3 datasets (concertations, dispositifs, suites) from small records: CSV, JSON and schema agree."""

from __future__ import annotations

import csv
import io
import json

import jsonschema

from conseil.core.outputs.opendata import DATASETS, export_files
from tests.core.helpers import BILAN_GARANT, CONCERTATION, ORGANE, corpus
from tests.core.test_graph_concertations import DISPOSITIFS, REPONSE

SITE = "https://cdd.example.org/"


def exports() -> dict[str, str]:
    result = corpus({"organes/conseil": ORGANE, "outils/reunion-publique": "nom: Réunion publique\n",
                     "assemblees/2025-04-02-atelier": "titre: Atelier\ndate: 2025-04-02\ntype: atelier\n",
                     "concertations/plan-climat": CONCERTATION + DISPOSITIFS.replace("2025-09-15", "2025-05-28")
                     + "deliberation_ouverture:\n  date: 2025-02-06\n  numero: 2025-009\n",
                     "bilans/2025-06-20-g": BILAN_GARANT + "  - id: budget\n    texte: Chiffrer\n",
                     "bilans/2025-08-21-r": REPONSE,
                     "bilans/2025-09-01-brouillon": REPONSE.replace("Réponse", "Brouillon") + "brouillon: true\n"})
    assert [d for d in result.diagnostics if not d.is_note] == []
    return export_files(result.graph, SITE)


def rows(files: dict[str, str], name: str) -> tuple[list[dict], list[dict]]:
    as_json = json.loads(files[f"donnees/{name}.json"])
    jsonschema.validate(as_json, json.loads(files[f"donnees/{name}.schema.json"]))
    return as_json, list(csv.DictReader(io.StringIO(files[f"donnees/{name}.csv"], newline="")))


def test_the_three_datasets_are_declared_once():
    assert {"concertations", "dispositifs", "suites"} <= {d.name for d in DATASETS}


def test_a_concertation_row_says_its_figures_as_known():
    (row,), (line,) = rows(exports(), "concertations")
    assert (row["id"], row["maitre_ouvrage"], row["cadre"], row["statut"]) == \
        ("plan-climat", "conseil", "code-environnement", "bilan-publie")
    assert (row["debut"], row["fin"], row["duree_jours"]) == ("2025-03-10", "2025-05-30", 81)
    assert (row["deliberation_ouverture_date"], row["deliberation_ouverture_numero"]) == ("2025-02-06", "2025-009")
    assert (row["garants"], row["garant_cndp"]) == (["Odile Ferrand"], True)
    # 650 (environ) + 312 + 140; 450 (plus de) + 214
    assert (row["participants"], row["participants_mention"]) == (1102, "environ")
    assert (row["contributions_recueillies"], row["contributions_recueillies_mention"]) == (664, "au moins")
    assert row["bilans"] == ["2025-06-20-g", "2025-08-21-r"]  # the draft left out
    assert (row["date_premier_bilan"], row["jours_jusqu_au_bilan"]) == ("2025-06-20", 21)
    assert (row["echeance_bilan_garant"], row["retard_bilan_garant_jours"]) == ("2025-06-29", None)
    assert (row["echeance_reponse_maitre_ouvrage"], row["retard_reponse_maitre_ouvrage_jours"]) == ("2025-08-19", None)
    assert (row["suites"], row["suites_retenues"], row["autres_decisions_avec_motif"]) == (4, 1, 1)
    assert (row["recommandations_garant"], row["recommandations_repondues"]) == (3, 3)
    assert (line["participants"], line["garants"], line["retard_bilan_garant_jours"]) == ("1102", "Odile Ferrand", "")


def test_dispositif_rows_keep_counts_as_written_beside_the_number():
    dispositifs, lines = rows(exports(), "dispositifs")
    assert [d["id"] for d in dispositifs] == ["plan-climat#reunions", "plan-climat#ateliers", "plan-climat#plateforme",
                                              "plan-climat#registre", "plan-climat#restitution"]
    reunions, ateliers, plateforme = dispositifs[:3]
    assert (reunions["participants"], reunions["participants_mention"], reunions["nombre"]) == (650, "environ", 3)
    assert (reunions["outil"], ateliers["assemblee"]) == ("reunion-publique", "2025-04-02-atelier")
    assert reunions["url"] == SITE + "concertations/plan-climat/#dispositif-reunions"
    assert (plateforme["contributions"], plateforme["contributions_mention"]) == (450, "plus de")
    assert lines[1]["assemblee"] == "2025-04-02-atelier" and lines[3]["date"] == ""


def test_suite_rows_name_their_bilan_and_the_garant_recommendation():
    suites, lines = rows(exports(), "suites")
    assert [s["id"] for s in suites] == ["2025-08-21-r-s1", "2025-08-21-r-s2", "2025-08-21-r-s3", "2025-08-21-r-s4"]
    assert [s["position"] for s in suites] == ["retenue", "non-retenue", "partiellement-retenue", "hors-champ"]
    assert [s["recommandation"] for s in suites] == ["transparence", "calendrier", "budget", None]
    assert [bool(s["motif"]) for s in suites] == [False, True, False, False]
    assert {s["type_bilan"] for s in suites} == {"reponse-maitre-ouvrage"} and suites[0]["concertation"] == "plan-climat"
    assert lines[3]["recommandation"] == "" and lines[1]["motif"] == "Le calendrier dépend de l'État"


def test_a_number_of_sessions_written_roughly_has_its_words_in_a_column_and_a_single_count_keeps_them():
    plan_climat = ("titre: Plan climat\nmaitre_ouvrage: conseil\ndebut: 2019-01-10\nfin: 2019-03-31\n"
                   "garant_cndp: true\ndispositifs:\n  - id: permanences\n    type: permanence\n    nombre: environ 12\n"
                   "  - id: contributions\n    type: autre\n    contributions: plus de 250\n")
    result = corpus({"organes/conseil": ORGANE, "concertations/plan-climat": plan_climat})
    assert [d for d in result.diagnostics if not d.is_note] == []
    files = export_files(result.graph, SITE)
    (permanences, contributions), (line, _) = rows(files, "dispositifs")
    assert (permanences["nombre"], permanences["nombre_mention"]) == (12, "environ")
    assert (contributions["nombre"], contributions["nombre_mention"]) == (None, None)
    assert (line["nombre"], line["nombre_mention"]) == ("12", "environ")
    columns = [c["nom"] if isinstance(c, dict) else c for c in json.loads(files["donnees/dispositifs.schema.json"])
               ["items"]["properties"]]
    assert columns.index("nombre_mention") == columns.index("nombre") + 1
    # One count summed is said as written: « plus de 250 », not « au moins 250 » (the schema accepts it).
    (row,), _ = rows(files, "concertations")
    assert (row["contributions_recueillies"], row["contributions_recueillies_mention"]) == (250, "plus de")
