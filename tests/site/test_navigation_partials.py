"""Material's navigation, rendered once for the pages out of it, writes what Material writes on each page."""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2
import material
import pytest

from conseil.plugin.partials import NavigationPartials

from tests.conftest import REPO, mkdocs_build
from tests.site.sitefiles import digests

MATERIAL = Path(material.__file__).resolve().parent / "templates"


@pytest.mark.slow
def test_every_page_gets_the_navigation_material_renders_for_it(tmp_path: Path) -> None:
    project = tmp_path / "projet"
    shutil.copytree(REPO / "content", project / "content")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    remembered = mkdocs_build(project / "mkdocs.yml", tmp_path / "memorisee")
    assert remembered.returncode == 0, remembered.stderr
    # A site's own partial comes before ours: with Material's copied into overrides/, every page renders it.
    (project / "overrides" / "partials").mkdir(parents=True)
    for name in ("nav.html", "tabs.html"):
        shutil.copy(MATERIAL / "partials" / name, project / "overrides" / "partials" / name)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("theme:\n", "theme:\n  custom_dir: overrides\n", 1), encoding="utf-8")
    rendered = mkdocs_build(project / "mkdocs.yml", tmp_path / "material")
    assert rendered.returncode == 0, rendered.stderr

    first, second = digests(tmp_path / "memorisee"), digests(tmp_path / "material")
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    record = (tmp_path / "memorisee" / "contributions" / "2025-03-27-avis-plan-de-mobilite" / "index.html").read_text()
    assert record.count('class="md-nav md-nav--primary') == 1 and 'class="md-tabs"' in record
    assert 'href="../../assemblees/"' in record  # links relative to a record two folders deep


@pytest.mark.parametrize("override", ["partials/nav-item.html", "partials/logo.html", "partials/tabs-item.html"])
def test_a_site_overriding_a_piece_of_the_navigation_gets_it_rendered_on_every_page(tmp_path: Path, override: str) -> None:
    site, ours = tmp_path / "overrides", tmp_path / "nos-gabarits"
    (site / override).parent.mkdir(parents=True)
    (site / override).write_text("{{ page.title }}")  # a piece that shows something of the page
    env = jinja2.Environment(loader=jinja2.FileSystemLoader([str(site), str(ours), str(MATERIAL)]))
    partials = NavigationPartials()
    partials.install(env, [str(site), str(ours), str(MATERIAL)], str(ours))
    assert not partials.reusable
    partials.install(jinja2.Environment(), [str(tmp_path / "rien"), str(ours), str(MATERIAL)], str(ours))
    assert partials.reusable
