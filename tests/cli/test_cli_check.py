"""`conseil check`: the build's rules and messages, on the demo council and on a broken corpus."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.cli.clitools import BROKEN, broken_copy, demo_copy, run_conseil  # noqa: F401 (fixtures)
from tests.conftest import REPO, build_env, mkdocs_build

ANSI = re.compile(r"\x1b\[[0-9;]*m")

# What the broken corpus holds: (file, line, column, code), one per mistake.
EXPECTED = [
    ("content/assemblees/2026-04-10-atelier-velo.md", 5, 14, "heure-non-citee"),
    ("content/assemblees/2026-04-10-atelier-velo.md", 8, 1, "cle-inconnue"),
    ("content/contributions/2026-03-02-avis-velo.md", 6, 17, "ref-inconnue"),
    ("content/contributions/2026-06-01-alerte-illisible.md", 2, 15, "yaml-invalide"),
    ("content/reponses/2026-05-04-reponse-velo.md", 6, 11, "choix-invalide"),
]
SUMMARY = re.compile(r"^(?P<path>\S+):(?P<line>\d+):(?P<column>\d+): (erreur|avertissement) \[(?P<code>[a-z-]+)\]",
                     re.MULTILINE)


def located(output: str) -> list[tuple[str, int, int, str]]:
    return [(m["path"], int(m["line"]), int(m["column"]), m["code"]) for m in SUMMARY.finditer(output)]


def test_demo_council_has_no_problem():
    result = run_conseil("check", cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "aucun problème" in result.stdout
    assert re.search(r"\d+ fiches vérifiées", result.stdout)


def test_broken_corpus_reports_every_problem_located_with_its_fix():
    result = run_conseil("check", cwd=BROKEN)
    assert result.returncode == 1
    assert located(result.stdout) == EXPECTED
    # rustc-like blocks: the offending line quoted, a marker under the value, the fix.
    assert "  6 | position: retenu\n    |           ^^^^^^ valeur inconnue" in result.stdout
    assert "aide : vouliez-vous dire « claire-morel » ?" in result.stdout
    assert "aide : écrivez heure_debut: \"18:30\"" in result.stdout
    assert "5 erreurs dans 4 fiches" in result.stdout


def test_messages_are_the_builds_own(tmp_path: Path, broken_copy: Path):
    """Every block `conseil check` prints is printed by `mkdocs build` too, word for word."""
    checked = run_conseil("check", cwd=broken_copy)
    built = mkdocs_build(broken_copy / "mkdocs.yml", tmp_path / "site", strict=True)
    assert built.returncode != 0
    blocks = [b for b in checked.stdout.split("\n\n") if SUMMARY.match(b)]
    assert len(blocks) == len(EXPECTED)
    for block in blocks:
        assert block.strip() in built.stderr


def test_default_path_is_the_docs_dir_of_mkdocs_yml(tmp_path: Path, broken_copy: Path):
    (broken_copy / "content").rename(broken_copy / "fiches")
    config = broken_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("docs_dir: content", "docs_dir: fiches"),
                      encoding="utf-8")
    result = run_conseil("check", cwd=broken_copy)
    assert result.returncode == 1
    assert {path for path, *_ in located(result.stdout)} >= {"fiches/reponses/2026-05-04-reponse-velo.md"}


def test_settings_come_from_the_plugin_entry(broken_copy: Path):
    """`communes` of mkdocs.yml is applied: a commune outside the list is reported, as by the build."""
    record = broken_copy / "content/assemblees/2026-04-10-atelier-velo.md"
    record.write_text(record.read_text(encoding="utf-8").replace("commune: Granges", "commune: Grange"),
                      encoding="utf-8")
    result = run_conseil("check", cwd=broken_copy)
    assert ("content/assemblees/2026-04-10-atelier-velo.md", 6, 10, "commune-inconnue") in located(result.stdout)


def test_single_file_is_checked_against_the_whole_corpus():
    """References resolve against every record, but only the file asked for is reported."""
    result = run_conseil("check", "content/contributions/2026-03-02-avis-velo.md", cwd=BROKEN)
    assert result.returncode == 1
    assert located(result.stdout) == [EXPECTED[2]]
    assert "1 fiche vérifiée" in result.stdout


def test_valid_file_passes_alone():
    result = run_conseil("check", "content/elus/claire-morel.md", cwd=BROKEN)
    assert result.returncode == 0, result.stdout
    assert "aucun problème" in result.stdout


def test_several_files_and_a_folder():
    files = run_conseil("check", "content/reponses/2026-05-04-reponse-velo.md",
                        "content/assemblees/2026-04-10-atelier-velo.md", cwd=BROKEN)
    assert located(files.stdout) == [EXPECTED[0], EXPECTED[1], EXPECTED[4]]
    folder = run_conseil("check", "content/contributions", cwd=BROKEN)
    assert located(folder.stdout) == [EXPECTED[2], EXPECTED[3]]


def test_a_site_folder_from_elsewhere():
    result = run_conseil("check", "tests/fixtures/cli-broken", cwd=REPO)
    assert result.returncode == 1
    assert [(p.removeprefix("tests/fixtures/cli-broken/"), *rest) for p, *rest in located(result.stdout)] == EXPECTED


def test_usage_errors_exit_2():
    assert run_conseil("check", "--format", "pdf", cwd=BROKEN).returncode == 2
    assert run_conseil("check", "content/nulle-part.md", cwd=BROKEN).returncode == 2
    assert run_conseil("check", "--inconnue", cwd=BROKEN).returncode == 2


def test_no_content_folder_is_a_usage_error(tmp_path: Path):
    result = run_conseil("check", cwd=tmp_path)
    assert result.returncode == 2
    assert "n'existe pas" in result.stderr


def test_no_colour_when_not_a_terminal_or_with_no_color():
    assert not ANSI.search(run_conseil("check", cwd=BROKEN).stdout)
    assert ANSI.search(run_conseil("check", cwd=BROKEN, FORCE_COLOR="1").stdout)
    assert not ANSI.search(run_conseil("check", cwd=BROKEN, FORCE_COLOR="1", NO_COLOR="1").stdout)


def test_coloured_output_keeps_the_same_text():
    plain = run_conseil("check", cwd=BROKEN).stdout
    coloured = run_conseil("check", cwd=BROKEN, FORCE_COLOR="1", COLUMNS="200").stdout
    strip_timing = re.compile(r"\d+\.\d+ s\)")
    assert strip_timing.sub("", ANSI.sub("", coloured)) == strip_timing.sub("", plain)


def test_warnings_count_as_problems(broken_copy: Path):
    """A warning fails `mkdocs build --strict`, so the check reports it and exits 1."""
    (broken_copy / "content/themes/eau.md").write_text(
        "---\ntitre: Eau\n---\n\nÉcrivez à jean.dupont@example.org pour participer.\n", encoding="utf-8")
    result = run_conseil("check", "content/themes/eau.md", cwd=broken_copy)
    assert result.returncode == 1
    assert located(result.stdout) == [("content/themes/eau.md", 5, 11, "donnee-personnelle")]
    assert "avertissement" in result.stdout


def test_python_dash_m_and_console_script_agree():
    script = Path(sys.executable).with_name("conseil")
    direct = subprocess.run([str(script), "check", "--format", "json"], cwd=BROKEN, capture_output=True, text=True,
                            env=build_env())
    module = run_conseil("check", "--format", "json", cwd=BROKEN)
    assert direct.returncode == module.returncode == 1
    assert direct.stdout == module.stdout


def test_usage_errors_and_help_are_in_french():
    wrong = run_conseil("check", "--format", "pdf", cwd=BROKEN)
    assert "Erreur : Valeur invalide pour '--format'" in wrong.stderr
    assert "Essayez « conseil check --help » pour l'aide." in wrong.stderr
    assert "Commande inconnue : 'chek'" in run_conseil("chek", cwd=BROKEN).stderr
    help_text = run_conseil("--help", cwd=BROKEN).stdout
    assert "Usage : conseil" in help_text and "Affiche cette aide et s'arrête." in help_text


def test_from_a_sub_folder_of_the_site():
    """The nearest mkdocs.yml is found; paths are shown from the site's root."""
    result = run_conseil("check", ".", cwd=BROKEN / "content/reponses")
    assert located(result.stdout) == [EXPECTED[4]]


def test_files_that_are_not_records_are_skipped():
    """pre-commit may pass any Markdown file: a README is no record and has nothing to report."""
    result = run_conseil("check", "README.md", cwd=REPO)
    assert result.returncode == 0
    assert "0 fiches vérifiées" in result.stdout


def test_a_note_is_told_located_and_blocks_neither_the_check_nor_a_strict_build(demo_copy: Path, tmp_path: Path):
    """Version 3: a concertation préalable of 11 days (Code de l'environnement, L121-16: 15 days to 3 months)."""
    organe = next((demo_copy / "content/organes").glob("*.md")).stem
    (demo_copy / "content/concertations/courte.md").write_text(
        f"---\ntitre: Courte\nmaitre_ouvrage: {organe}\ncadre: code-environnement\ndebut: 2025-03-10\n"
        "fin: 2025-03-20\n---\n", encoding="utf-8")
    result = run_conseil("check", cwd=demo_copy)
    assert result.returncode == 0, result.stdout
    assert "content/concertations/courte.md:6:6: note [duree-concertation] fin : la concertation dure 11 jours" \
        in result.stdout
    assert "aucun problème (1 note)" in result.stdout
    github = run_conseil("check", "--format", "github", cwd=demo_copy)
    assert github.returncode == 0 and github.stdout.startswith("::notice ")
    built = mkdocs_build(demo_copy / "mkdocs.yml", tmp_path / "site", strict=True)
    assert built.returncode == 0, built.stderr
    assert "note [duree-concertation]" in built.stderr
