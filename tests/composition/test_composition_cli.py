"""`conseil check` tells the parity gap and the age shares without failing; `conseil stats` shows them.

Demo council on 23 November 2026, counted by hand in content/composition/membres.csv: 38 lines, of which
34 current members (Gilles Morin, Françoise Lefèvre and Julie Moreau have left, Nicolas Pons comes in on
1 December 2026): 16 women, 18 men; 6 aged 15-29, 8 aged 30-44, 9 aged 45-59, 8 aged 60-74, 3 aged 75+.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.clitools import demo_copy, run_conseil  # noqa: F401 (fixtures)
from tests.conftest import REPO


def test_check_tells_the_gap_and_the_ages_and_passes():
    result = run_conseil("check", cwd=REPO)
    assert result.returncode == 0, result.stdout
    assert "note : composition au 2026-11-23 : 34 membres, 16 femmes et 18 hommes " \
           "(2 hommes de plus que de femmes)" in result.stdout
    assert "parité : écart de 2, la loi demande au plus 1 (CGCT, art. L5211-10-1)" in result.stdout
    assert "15-29 : 18 % (population 20 %)" in result.stdout and "75+ : 9 % (population 12 %)" in result.stdout
    assert "118 fiches vérifiées, aucun problème" in result.stdout  # 118 records: the list is not counted as one


def test_machine_formats_keep_stdout_a_valid_report():
    result = run_conseil("check", "--format", "json", cwd=REPO)
    assert result.returncode == 0
    json.loads(result.stdout)
    assert "note : composition au 2026-11-23 : 34 membres" in result.stderr


def test_check_reports_a_bad_line_of_the_list(demo_copy: Path):
    path = demo_copy / "content/composition/membres.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = lines[3].replace(",F,30-44,", ",F,30-45,")  # Sylvie Roux
    path.write_text("".join(lines), encoding="utf-8")
    result = run_conseil("check", cwd=demo_copy)
    assert result.returncode == 1
    assert "content/composition/membres.csv:4:15: erreur [choix-invalide] tranche_age : « 30-45 » n'est pas une " \
           "valeur permise" in result.stdout
    assert "vouliez-vous dire « 30-44 » ?" in result.stdout


def test_check_refuses_a_member_named_like_an_elu(demo_copy: Path):
    path = demo_copy / "content/composition/membres.csv"
    path.write_text(path.read_text(encoding="utf-8") + "Claire Morel,F,45-59,,,,,2024-01-15,,non\n",
                    encoding="utf-8")
    result = run_conseil("check", cwd=demo_copy)
    assert result.returncode == 1
    assert "membres.csv:40:1: erreur [membre-elu] nom" in result.stdout
    assert "les conseillers communautaires ou métropolitains ne peuvent être membres" in result.stdout


def test_stats_show_parity_and_ages():
    figures = json.loads(run_conseil("stats", "--format", "json", cwd=REPO).stdout)["composition"]
    assert (figures["membres"], figures["femmes"], figures["hommes"], figures["ecart_parite"]) == (34, 16, 18, 2)
    assert figures["parite_respectee"] is False
    assert {k: v["membres"] for k, v in figures["tranches_age"].items()} == \
        {"15-29": 6, "30-44": 8, "45-59": 9, "60-74": 8, "75+": 3}
    assert figures["tranches_age"]["75+"]["part_population"] == 0.116
    table = run_conseil("stats", cwd=REPO, COLUMNS="120").stdout
    assert "Composition du conseil au 23 novembre 2026 : 34 membres" in table
    assert "dépasse la limite de 1" in table
