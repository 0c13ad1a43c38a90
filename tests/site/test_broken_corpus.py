"""A corpus full of mistakes: one located French message per problem, no traceback, nothing changed."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, mkdocs_build

EXPECTED = [
    "content/assemblees/2025-03-12-assemblee.md:3:7: erreur [date-invalide] date",
    "content/assemblees/2025-03-12-assemblee.md:5:14: erreur [heure-non-citee] heure_debut",
    "content/assemblees/2025-10-08-rencontres.md:4:11: erreur [date-anterieure] date_fin",
    "content/assemblees/2025-10-08-rencontres.md:6:15: erreur [effectif-invalide] participants",
    "content/bilans/2025-04-15-bilan-avant-fin.md:5:7: erreur [bilan-avant-fin] date : le bilan (2025-04-15) précède la fin",
    "content/bilans/2025-05-10-bilan-du-brouillon.md:3:15: erreur [ref-non-publiee] concertation",
    "content/bilans/2025-05-15-bilan-garant-sans-garant.md:4:7: erreur [garant-absent] type",
    "content/bilans/2025-06-25-bilan-recommandations.md:7:3: erreur [recommandations-hors-garant] recommandations",
    "content/bilans/2025-08-21-reponse.md:9:21: erreur [recommandation-inconnue] suites",
    "content/concertations/deliberation-tardive.md:6:9: erreur [deliberation-apres-debut] deliberation_ouverture",
    "content/concertations/dispositifs-doubles.md:8:9: erreur [dispositif-duplique] dispositifs",
    "content/concertations/fin-avant-debut.md:5:6: erreur [date-anterieure] fin",
    "content/concertations/hors-periode.md:8:12: erreur [hors-periode] phases",
    "content/concertations/hors-periode.md:12:11: erreur [hors-periode] dispositifs : le dispositif « atelier »",
    "content/concertations/references.md:3:17: erreur [ref-inconnue] maitre_ouvrage : aucun organe « conseill »",
    "content/concertations/references.md:8:12: erreur [ref-inconnue] dispositifs : aucun outil « balade-urbain »",
    "content/contributions/2016-archive.md:3:7: erreur [date-invalide] date : la date « 2016-13 » n'existe pas",
    "content/contributions/2025-04-02-mobilites.md:5:10: erreur [choix-invalide] origine",
    "content/contributions/2025-04-02-mobilites.md:6:17: erreur [ref-inconnue] destinataires : aucun élu ni organe « claire-moreau »",
    "content/contributions/2025-04-02-mobilites.md:8:1: erreur [cle-inconnue] resumé",
    "content/contributions/vide.md:1:1: erreur [fichier-vide]",
    "content/dossiers/plui.md:5:5: erreur [champ-manquant] libelle",
    "content/dossiers/plui.md:6:5: erreur [cle-inconnue] libele",
    "content/organes/conseil.md:3:7: erreur [choix-invalide] type",
    "content/reponses/2025-05-02-reponse.md:7:1: erreur [cle-dupliquee] position",
    "content/reponses/2025-06-01-prise-d-acte.md:6:9: erreur [repondant-double] organe",
    "content/themes/Logement.md:1:1: erreur [id-invalide]",
    "content/themes/climat.md:4:1: erreur [yaml-tabulation]",
]


def fingerprint(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture()
def broken(tmp_path: Path) -> Path:
    copy = tmp_path / "broken"
    shutil.copytree(FIXTURES / "broken", copy)
    return copy


@pytest.mark.parametrize("strict", [True, False])
def test_every_problem_is_reported_once_and_the_build_fails(broken: Path, tmp_path: Path, strict: bool):
    before = fingerprint(broken)
    result = mkdocs_build(broken / "mkdocs.yml", tmp_path / "site", strict=strict)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output
    reported = re.findall(r"^ERROR\s+-\s+(content/\S+: erreur \[.*)$", output, re.MULTILINE)
    assert len(reported) == len(EXPECTED)
    for expected, line in zip(EXPECTED, reported):
        assert line.startswith(expected)
    assert f"{len(EXPECTED)} erreurs et 1 note dans les fiches ; site non construit" in output  # the note: told
    assert fingerprint(broken) == before  # no source file modified
    assert not list((tmp_path / "site").rglob("*.html"))  # no half-built site


def test_each_message_quotes_the_line_and_says_how_to_fix_it(broken: Path, tmp_path: Path):
    output = mkdocs_build(broken / "mkdocs.yml", tmp_path / "site").stderr
    block = output.split("[ref-inconnue] destinataires", 1)[1].split("ERROR", 1)[0]
    assert "  6 | destinataires: [claire-moreau]" in block
    assert "^^^^^^^^^^^^^ aucun élu ni organe « claire-moreau »" in block
    assert "aide : vouliez-vous dire « claire-morel » ? (content/elus/claire-morel.md)" in block


def test_broken_records_of_the_new_kinds_say_how_to_fix_them(broken: Path, tmp_path: Path):
    """Version 2: an organe, a dossier, an answer and an assembly in a broken form, each located with its fix."""
    output = mkdocs_build(broken / "mkdocs.yml", tmp_path / "site").stderr
    assert "aide : vouliez-vous dire « conseil » ?" in output.split("content/organes/conseil.md", 1)[1]
    assert "aide : vouliez-vous dire « libelle » ?" in output.split("[cle-inconnue] libele", 1)[1]
    assert "aide : gardez elu (un élu répond) ou organe" in output.split("[repondant-double]", 1)[1]
    assert "environ 150" in output.split("[effectif-invalide]", 1)[1].split("ERROR", 1)[0]


def test_broken_concertations_and_bilans_say_how_to_fix_them_and_the_duration_is_a_note(broken: Path, tmp_path: Path):
    """Version 3: a broken record of each rule, located with its fix; the Code de l'environnement's duration is
    told as a note, which blocks nothing (the records it names are no error)."""
    output = mkdocs_build(broken / "mkdocs.yml", tmp_path / "site").stderr
    block = lambda code: output.split(f"[{code}]", 1)[1].split("ERROR", 1)[0]  # noqa: E731
    assert "aide : vouliez-vous dire « transparence » ?" in block("recommandation-inconnue")
    assert "ajoutez garants: [Prénom Nom] (ou garant_cndp: true) à content/concertations/sans-garant.md" \
        in block("garant-absent")
    assert "seule une restitution (type: restitution) peut suivre la fin" in output  # not the restitution itself
    assert "« restitution »" not in output
    assert "vouliez-vous dire « balade-urbaine » ? (content/outils/balade-urbaine.md)" in output
    note = re.search(r"^INFO\s+-\s+content/concertations/trop-courte.md:6:6: note \[duree-concertation\] fin : "
                     r"la concertation dure 11 jours.*L121-16", output, re.MULTILINE)
    assert note, output
    assert "trop-courte.md" not in "".join(re.findall(r"^(?:ERROR|WARNING).*$", output, re.MULTILINE))
