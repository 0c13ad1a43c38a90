"""Open-data exports: UTF-8 CSV and JSON per dataset, each valid against its JSON Schema, and documented."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from conseil.core.model.dates import parse_approximate
from conseil.core.outputs.opendata import DATASETS

pytestmark = pytest.mark.slow

SITE_URL = "https://conseil-developpement.example.org/"
# Published records of the demo council, counted in content/ (drafts and embargoed ones left out).
# Counted in content/ (version 2: +2 assemblies, +2 contributions, +3 answers incl. an intervention, +1 élu, beside the élu without contributions;
# version 3: +1 organe, the syndicat mixte, +1 dossier, the PLUi).
EXPECTED_ROWS = {"assemblees": 19, "contributions": 32, "reponses": 21, "elus": 8, "organes": 3, "dossiers": 2,
                 "themes": 8, "concertations": 7, "dispositifs": 29, "suites": 11}


def read_csv(site: Path, name: str) -> tuple[list[str], list[dict[str, str]]]:
    raw = (site / "donnees" / f"{name}.csv").read_bytes()
    text = raw.decode("utf-8")  # fails on anything but UTF-8
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return reader.fieldnames, list(reader)


def read_json(site: Path, name: str) -> list[dict]:
    return json.loads((site / "donnees" / f"{name}.json").read_text(encoding="utf-8"))


def read_schema(site: Path, name: str) -> dict:
    return json.loads((site / "donnees" / f"{name}.schema.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("dataset", DATASETS, ids=lambda d: d.name)
def test_json_export_is_valid_against_its_schema(demo_site, dataset):
    schema = read_schema(demo_site, dataset.name)
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(read_json(demo_site, dataset.name))]
    assert errors == []


@pytest.mark.parametrize("dataset", DATASETS, ids=lambda d: d.name)
def test_csv_has_one_header_row_and_the_same_rows_as_the_json(demo_site, dataset):
    header, rows = read_csv(demo_site, dataset.name)
    records = read_json(demo_site, dataset.name)
    assert header == [c.name for c in dataset.columns]
    assert len(rows) == len(records)
    assert [r["id"] for r in rows] == [r["id"] for r in records]
    assert len({r["id"] for r in rows}) == len(rows)  # stable ids are unique


def test_each_dataset_holds_every_published_record(demo_site):
    for name, count in EXPECTED_ROWS.items():
        assert len(read_json(demo_site, name)) == count, name
    engagements = read_json(demo_site, "engagements")
    assert len(engagements) == sum(r["engagements"] for r in read_json(demo_site, "reponses"))


def test_dates_are_iso_8601_and_urls_are_the_public_pages(demo_site):
    _, rows = read_csv(demo_site, "contributions")
    for row in rows:  # a day, or what is known of it (EDTF: 2016, 2019-03, 2016/2018)
        assert re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?(/\d{4}(-\d\d(-\d\d)?)?)?", row["date"])
        assert parse_approximate(row["date"])
        assert row["url"] == f"{SITE_URL}contributions/{row['id']}/"
        assert (demo_site / "contributions" / row["id"] / "index.html").is_file()
    _, assemblees = read_csv(demo_site, "assemblees")
    assert all(re.fullmatch(r"\d\d:\d\d|", a["heure_debut"]) for a in assemblees)


def test_contributions_carry_their_derived_status(demo_site):
    records = {r["id"]: r for r in read_json(demo_site, "contributions")}
    late = records["2025-06-10-question-renovation-coproprietes"]
    assert (late["statut"], late["date_premiere_reponse"], late["reponses"]) == ("en-retard", None, [])
    assert late["retard_jours"] > 0
    answered = records["2025-02-06-question-tarification-solidaire-transports"]
    assert answered["statut"] == "repondue"
    assert answered["reponses"] == ["2025-03-03-reponse-tarification-solidaire"]
    assert (answered["date_premiere_reponse"], answered["delai_reponse_jours"]) == ("2025-03-03", 25)
    _, rows = read_csv(demo_site, "contributions")
    row = next(r for r in rows if r["id"] == answered["id"])
    assert (row["retard_jours"], row["reponse_attendue"]) == ("", "true")  # absent: empty cell; booleans in words


def test_lists_are_joined_by_semicolons_in_csv_and_arrays_in_json(demo_site):
    _, rows = read_csv(demo_site, "contributions")
    records = {r["id"]: r for r in read_json(demo_site, "contributions")}
    for row in rows:
        assert (row["themes"].split(";") if row["themes"] else []) == records[row["id"]]["themes"]


def test_the_data_dictionary_describes_every_column_of_every_dataset(demo_site):
    page = (demo_site / "donnees" / "index.html").read_text(encoding="utf-8")
    for dataset in DATASETS:
        assert f'id="jeu-{dataset.name}"' in page
        for name in ("csv", "json", "schema.json"):
            assert f'href="{dataset.name}.{name}"' in page
        for column in dataset.columns:
            assert f"<code>{column.name}</code>" in page
            assert column.description.replace("'", "&#39;") in page or column.description in page


def test_every_column_has_a_json_type_and_a_french_description():
    for dataset in DATASETS:
        for column in dataset.columns:
            assert column.type in {"string", "integer", "number", "boolean", "array"}
            assert column.description.endswith(".") and len(column.description) > 10


def test_the_dictionary_states_types_in_french():
    contributions = next(d for d in DATASETS if d.name == "contributions")
    columns = {c.name: c for c in contributions.columns}
    assert columns["date"].type_label == "date AAAA-MM-JJ, ou AAAA-MM, AAAA, AAAA/AAAA quand le jour n'est pas connu"
    assert columns["echeance_reponse"].type_label == "date AAAA-MM-JJ, peut être vide"
    assert columns["themes"].type_label == "liste d'identifiants"
    assert columns["reponse_attendue"].type_label == "booléen (true ou false)"


def test_version_2_keys_are_exported(demo_site):
    """Approximate dates as written, rough attendance, who answered and how, stages and dossiers."""
    contributions = {r["id"]: r for r in read_json(demo_site, "contributions")}
    archive = contributions["2016-avis-premier-plan-de-deplacements-urbains"]
    assert (archive["date"], archive["statut"], archive["echeance_reponse"], archive["origine"]) == \
        ("2016", "hors-suivi", None, "inconnue")
    assert archive["destinataires"] == ["conseil-metropolitain"]
    final = contributions["2026-09-10-avis-programme-local-habitat"]
    assert (final["etape"], final["suite_de"], final["dossiers"]) == \
        ("definitif", "2026-05-13-avis-preliminaire-programme-local-habitat", ["programme-local-habitat"])
    reponses = {r["id"]: r for r in read_json(demo_site, "reponses")}
    prise = reponses["2026-10-15-prise-d-acte-rapport-activite-2025"]
    assert (prise["elu"], prise["organe"], prise["forme"], prise["vote"], prise["deliberation_numero"]) == \
        (None, "conseil-metropolitain", "prise-d-acte", "unanimite", "2026-0187")
    assert reponses["2026-10-15-intervention-groupe-arvel-en-commun"]["portee"] == "intervention"
    assemblees = {r["id"]: r for r in read_json(demo_site, "assemblees")}
    national = assemblees["2025-10-08-rencontres-nationales-conseils-developpement"]
    assert (national["date_fin"], national["participants"], national["participants_mention"]) == \
        ("2025-10-10", 400, "près de")
    _, rows = read_csv(demo_site, "assemblees")
    row = next(r for r in rows if r["id"] == national["id"])
    assert (row["participants"], row["participants_mention"]) == ("400", "près de")
    dossier = next(d for d in read_json(demo_site, "dossiers") if d["id"] == "programme-local-habitat")
    assert dossier["etapes"][0] == "2025-03 : Lancement de l'élaboration du programme 2027-2032"
    assert len(dossier["contributions"]) == 3
