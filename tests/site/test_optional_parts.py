"""Optional parts of a site (composition, instances, organes, dossiers, concertations, the toolbox, reports) are in
the navigation only with content."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conseil.plugin.pages import prune_navigation

from tests.conftest import REPO, mkdocs_build

NAV = [
    {"Accueil": "index.md"},
    {"Composition": "composition/index.md"},
    "organes/index.md",
    {"Le conseil": [{"Instances": "instances/index.md"}, {"Dossiers": "/dossiers/index.md"}]},
    {"À propos": "a-propos.md"},
    {"Ailleurs": "https://example.org/"},
]


def test_the_entries_of_empty_parts_leave_the_navigation_and_an_emptied_section_goes_too() -> None:
    dropped = {"composition/index.md", "organes/index.md", "instances/index.md", "dossiers/index.md"}
    assert prune_navigation(NAV, dropped) == [{"Accueil": "index.md"}, {"À propos": "a-propos.md"},
                                              {"Ailleurs": "https://example.org/"}]
    assert prune_navigation(NAV, {"instances/index.md"})[3] == {"Le conseil": [{"Dossiers": "/dossiers/index.md"}]}
    assert prune_navigation(NAV, set()) == NAV


@pytest.mark.slow
def test_the_demo_builds_strict_without_its_members_list(tmp_path: Path) -> None:
    project = tmp_path / "demo"
    shutil.copytree(REPO / "content", project / "content")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    (project / "content" / "composition" / "membres.csv").unlink()
    built = mkdocs_build(project / "mkdocs.yml", tmp_path / "site")
    assert built.returncode == 0, built.stderr
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert not (tmp_path / "site" / "composition").exists()
    assert 'href="composition/"' not in home
    assert 'href="organes/"' in home and 'href="dossiers/"' in home  # parts with content stay
