"""The search index is part of the build: switched off by an option, a missing Pagefind is one French message."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, mkdocs_build

pytestmark = pytest.mark.slow


def copy_of_demo(tmp_path: Path, *, extra_option: str = "") -> Path:
    project = tmp_path / "projet"
    shutil.copytree(REPO / "content", project / "content")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    if extra_option:
        config = config.replace("  - conseil:\n", f"  - conseil:\n      {extra_option}\n", 1)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project / "mkdocs.yml"


def test_the_option_turns_the_index_off_and_the_search_page_says_so(tmp_path):
    config = copy_of_demo(tmp_path, extra_option="recherche: false")
    site = tmp_path / "site"
    result = mkdocs_build(config, site)
    assert result.returncode == 0, result.stderr
    assert not (site / "pagefind").exists()
    page = (site / "recherche" / "index.html").read_text(encoding="utf-8")
    assert "La recherche n'est pas disponible" in page and "recherche.js" not in page
    assert 'action="../recherche/"' in (site / "a-propos" / "index.html").read_text(encoding="utf-8")


def test_a_missing_pagefind_stops_the_build_with_one_french_message(tmp_path):
    site = tmp_path / "site"
    result = mkdocs_build(REPO / "mkdocs.yml", site, PAGEFIND_BINARY_PATH=str(tmp_path / "absent" / "pagefind"))
    assert result.returncode != 0
    assert "l'index de recherche ne peut pas être construit" in result.stderr
    assert "recherche: false" in result.stderr and "Traceback" not in result.stderr


def test_every_file_of_the_index_is_whole(demo_site):
    """Pagefind's files are gzip streams: each must end with its end-of-stream marker (a service stopped while
    writing leaves them cut short, and a reader's search then fails)."""
    compressed = [p for p in (demo_site / "pagefind").rglob("*") if p.is_file() and p.read_bytes()[:2] == b"\x1f\x8b"]
    assert len(compressed) > 20
    cut = []
    for path in compressed:
        try:
            gzip.decompress(path.read_bytes())
        except EOFError:
            cut.append(path.relative_to(demo_site).as_posix())
    assert cut == []
