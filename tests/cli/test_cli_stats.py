"""`conseil stats`: the follow-up figures, counted from published records only."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from tests.cli.clitools import demo_copy, run_conseil  # noqa: F401 (fixtures)
from tests.conftest import REFERENCE_DATE, REPO


def test_figures_add_up():
    figures = json.loads(run_conseil("stats", "--format", "json", cwd=REPO).stdout)
    assert figures["date_reference"] == REFERENCE_DATE.isoformat()
    assert figures["repondues"] + figures["en_attente"] + figures["en_retard"] == figures["reponses_attendues"]
    assert figures["taux_reponse"] == figures["repondues"] / figures["reponses_attendues"]
    assert len(figures["en_retard_liste"]) == figures["en_retard"]
    for late in figures["en_retard_liste"]:
        assert date.fromisoformat(late["echeance"]) < REFERENCE_DATE
        assert late["retard_jours"] == (REFERENCE_DATE - date.fromisoformat(late["echeance"])).days
        answered = [p for p in (REPO / "content/reponses").glob("*.md") if late["id"] in p.read_text(encoding="utf-8")]
        assert not answered, late["id"]


def test_drafts_are_not_counted(demo_copy: Path):
    before = json.loads(run_conseil("stats", "--format", "json", cwd=demo_copy).stdout)
    late = before["en_retard_liste"][0]["id"]
    path = demo_copy / "content/contributions" / f"{late}.md"
    path.write_text(path.read_text(encoding="utf-8").replace("---\n", "---\nbrouillon: true\n", 1), encoding="utf-8")
    after = json.loads(run_conseil("stats", "--format", "json", cwd=demo_copy).stdout)
    assert after["contributions"] == before["contributions"] - 1
    assert after["en_retard"] == before["en_retard"] - 1
    assert late not in {c["id"] for c in after["en_retard_liste"]}


def test_terminal_table_in_french():
    result = run_conseil("stats", cwd=REPO, COLUMNS="120")
    assert result.returncode == 0
    figures = json.loads(run_conseil("stats", "--format", "json", cwd=REPO).stdout)
    assert "Suivi des réponses au 23 novembre 2026" in result.stdout
    assert f"{round(figures['taux_reponse'] * 100)} %" in result.stdout
    assert "Contributions en retard" in result.stdout
    assert figures["en_retard_liste"][0]["id"] in result.stdout


def test_version_2_figures_say_what_is_left_out():
    figures = json.loads(run_conseil("stats", "--format", "json", cwd=REPO).stdout)
    # Counted in content/: the 2016 archive opinion is before suivi_depuis; one intervention.
    assert (figures["suivi_depuis"], figures["hors_suivi"], figures["interventions"]) == ("2020-07-01", 1, 1)
    result = run_conseil("stats", cwd=REPO, COLUMNS="120")
    assert "Antérieures au suivi (avant le 1er juillet 2020)" in result.stdout
