"""`conseil new`: a correctly named record that passes `conseil check` as written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.cli.clitools import broken_copy, demo_copy, run_conseil  # noqa: F401 (fixtures)
from tests.conftest import REFERENCE_DATE

from conseil.core.model import schema

TODAY = REFERENCE_DATE.isoformat()  # SOURCE_DATE_EPOCH of the tests' environment


def created(result) -> Path:
    line = next(line for line in result.stdout.splitlines() if line.startswith("Fiche créée : "))
    return Path(line.removeprefix("Fiche créée : "))


def header(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


@pytest.mark.parametrize("type_name, expected", [
    ("contribution", f"content/contributions/{TODAY}-mobilites-du-quotidien.md"),
    ("reponses", f"content/reponses/{TODAY}-mobilites-du-quotidien.md"),
    ("assemblée", f"content/assemblees/{TODAY}-mobilites-du-quotidien.md"),
    ("élu", "content/elus/mobilites-du-quotidien.md"),
    ("Thème", "content/themes/mobilites-du-quotidien.md"),
    ("organe", "content/organes/mobilites-du-quotidien.md"),
    ("dossiers", "content/dossiers/mobilites-du-quotidien.md"),
    ("concertation", "content/concertations/mobilites-du-quotidien.md"),
    ("outils", "content/outils/mobilites-du-quotidien.md"),
])
def test_new_record_is_named_from_date_and_title_and_passes_check(demo_copy: Path, type_name: str, expected: str):
    result = run_conseil("new", type_name, "Mobilités du quotidien", cwd=demo_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert created(result).as_posix() == expected
    assert "Vérifiée : aucun problème" in result.stdout
    assert "créez-en une d'abord" not in result.stdout
    check = run_conseil("check", cwd=demo_copy)  # the whole corpus, the new record included
    assert check.returncode == 0, check.stdout


@pytest.mark.parametrize("record_type", schema.RECORD_TYPES.values(), ids=lambda t: t.name)
def test_every_key_is_there_required_ones_filled(demo_copy: Path, record_type):
    for field in record_type.fields:  # a record the new one must name: made first when the demo has none
        if field.required and field.references and not any((demo_copy / "content" / field.references).glob("*.md")):
            run_conseil("new", schema.RECORD_TYPES[field.references].singular, "Prérequis", cwd=demo_copy)
    result = run_conseil("new", record_type.singular, "Un titre : avec « guillemets »", cwd=demo_copy)
    path = demo_copy / created(result)
    text = path.read_text(encoding="utf-8")
    values = header(path)
    for field in record_type.fields:
        if field.required:
            assert values.get(field.key) not in (None, "", []), field.key
        else:
            assert f"# {field.key}:" in text or field.key in values, field.key
        assert f"# {field.key} (" in text, field.key  # each key explained by a comment
        assert field.description in text
    assert values[record_type.title_field.key] == "Un titre : avec « guillemets »"
    if record_type.field("date") is not None:
        assert str(values["date"]) == TODAY


def test_new_bilan_names_a_concertation_that_has_ended_and_passes_check(demo_copy: Path):
    folder = demo_copy / "content/concertations"
    folder.mkdir(exist_ok=True)
    organe = next((demo_copy / "content/organes").glob("*.md")).stem
    (folder / "0-en-cours.md").write_text(f"---\ntitre: En cours\nmaitre_ouvrage: {organe}\n"
                                           f"debut: {TODAY}\n---\n", encoding="utf-8")
    (folder / "zz-terminee.md").write_text(f"---\ntitre: Terminée\nmaitre_ouvrage: {organe}\n"
                                           "debut: 2024-01-10\nfin: 2024-03-31\n---\n", encoding="utf-8")
    result = run_conseil("new", "bilan", "Bilan de la concertation", cwd=demo_copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert created(result).as_posix() == f"content/bilans/{TODAY}-bilan-de-la-concertation.md"
    chosen = header(demo_copy / created(result))["concertation"]
    assert chosen != "0-en-cours"  # the first id, but still open: a bilan may not precede its end
    assert str(header(folder / f"{chosen}.md")["fin"]) <= TODAY
    assert "Vérifiée : aucun problème" in result.stdout
    assert run_conseil("check", cwd=demo_copy).returncode == 0


def test_allowed_values_and_existing_records_are_listed(demo_copy: Path):
    result = run_conseil("new", "contribution", "Essai", cwd=demo_copy)
    text = (demo_copy / created(result)).read_text(encoding="utf-8")
    assert "valeurs permises : avis (Avis), contribution (Contribution), alerte (Alerte), question (Question)" in text
    assert "fiches elus/ existantes : bertrand-lacombe, claire-morel" in text
    values = header(demo_copy / created(result))
    assert values["destinataires"][0] in {p.stem for p in (demo_copy / "content/elus").glob("*.md")}


def test_new_answer_answers_a_waiting_contribution_from_its_recipient(demo_copy: Path):
    before = json.loads(run_conseil("stats", "--format", "json", cwd=demo_copy).stdout)
    result = run_conseil("new", "reponse", "Réponse", cwd=demo_copy)
    values = header(demo_copy / created(result))
    contribution = header(demo_copy / "content/contributions" / f"{values['contributions'][0]}.md")
    assert values["elu"] in contribution["destinataires"]
    assert values["contributions"][0] == before["en_retard_liste"][0]["id"]  # the most overdue
    after = json.loads(run_conseil("stats", "--format", "json", cwd=demo_copy).stdout)
    assert after["repondues"] == before["repondues"] + 1


def test_date_option_and_no_overwrite(demo_copy: Path):
    first = run_conseil("new", "contribution", "Mobilités", "--date", "2026-12-01", cwd=demo_copy)
    second = run_conseil("new", "contributions", "Mobilités", "--date", "2026-12-01", cwd=demo_copy)
    assert created(first).name == "2026-12-01-mobilites.md"
    assert created(second).name == "2026-12-01-mobilites-2.md"
    assert "déjà pris" in second.stdout
    assert str(header(demo_copy / created(second))["date"]) == "2026-12-01"


def test_existing_record_is_never_overwritten(demo_copy: Path):
    target = demo_copy / "content/elus/claire-morel.md"
    before = target.read_bytes()
    result = run_conseil("new", "elu", "Claire Morel", cwd=demo_copy)
    assert created(result).name == "claire-morel-2.md"
    assert target.read_bytes() == before


def test_draft_option(demo_copy: Path):
    result = run_conseil("new", "theme", "Santé", "--brouillon", cwd=demo_copy)
    assert header(demo_copy / created(result))["brouillon"] is True


def test_usage_errors_exit_2(demo_copy: Path):
    unknown = run_conseil("new", "article", "Titre", cwd=demo_copy)
    assert unknown.returncode == 2
    assert "contribution" in unknown.stderr  # the types are listed
    assert run_conseil("new", "contribution", "Titre", "--date", "23/11/2026", cwd=demo_copy).returncode == 2
    assert run_conseil("new", "contribution", cwd=demo_copy).returncode == 2


def test_without_any_elu_the_record_says_what_to_do(broken_copy: Path):
    (broken_copy / "content/elus/claire-morel.md").unlink()
    result = run_conseil("new", "contribution", "Sans élu", cwd=broken_copy)
    text = (broken_copy / created(result)).read_text(encoding="utf-8")
    assert "aucune fiche elus/ pour l'instant : créez-en une avec « conseil new elu" in text
    assert "liste-vide" in result.stdout  # and the check says it too
    assert "aide : le site n'a encore aucune fiche elus/ ; créez-en une d'abord (« conseil new elu" in result.stdout


def test_configured_communes_are_listed(broken_copy: Path):
    result = run_conseil("new", "assemblee", "Atelier", cwd=broken_copy)
    assert "#   communes permises : Granges, Montclar" in (broken_copy / created(result)).read_text(encoding="utf-8")
