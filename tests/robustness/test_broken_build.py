"""A broken corpus stops the build with French, located errors: no traceback, no source file touched."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, mkdocs_build

pytestmark = pytest.mark.slow

BROKEN = {
    "contributions/2025-01-01-yaml-casse.md": "---\ntitre: [non fermé\ndate: 2025-01-01\n---\n",
    "contributions/2025-01-02-binaire.md": b"\x00\xff\xfe\x89PNG\r\n\x1a\n" * 20,
    "contributions/2025-01-03-vide.md": b"",
    "reponses/2025-01-04-reference-fantome.md": "---\ntitre: R\ndate: 2025-01-04\ncontributions: [fantome]\n"
                                                "elu: claire-moreau\nposition: retenue\n---\n",
    "assemblees/2025-01-05-mauvais-types.md": "---\ntitre: [1, 2]\ndate: 12/03/2025\ntype: reunion\n"
                                              "heure_debut: 14:30\nparticipants: beaucoup\nclef_inconnue: x\n---\n",
    "elus/Nom Invalide.md": "---\nnom: X\nnom: Y\n---\n",
    # Huge values: a 300,000-character summary (too long) over a 300,000-character line of body.
    "contributions/2025-01-06-enorme.md": "---\ntitre: Énorme\ndate: 2025-01-06\nnature: avis\norigine: saisine\n"
                                          "destinataires: [claire-morel]\nresume: " + "x" * 300_000 + "\n---\n"
                                          + "y" * 300_000,
}


def tree_digest(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_broken_corpus_fails_cleanly_and_leaves_sources_untouched(tmp_path):
    project = tmp_path / "projet"
    shutil.copytree(REPO / "content", project / "content")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    for relative, data in BROKEN.items():
        target = project / "content" / relative
        target.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    before = tree_digest(project)

    result = mkdocs_build(project / "mkdocs.yml", tmp_path / "site")

    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert tree_digest(project) == before, "la construction a modifié des fichiers sources"
    for relative in BROKEN:
        assert f"content/{relative}:" in output, f"aucune erreur localisée pour {relative}"
    assert "site non construit" in output
