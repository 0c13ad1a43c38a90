"""Reading mkdocs.yml without MkDocs: `!ENV` tags resolved, other tags tolerated."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conseil.cli.project import ProjectError, discover, plugin_options, read_config

CONFIG = """\
site_name: Essai
docs_dir: fiches
theme:
  name: material
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
plugins:
  - search
  - conseil:
      delai_reponse_jours: !ENV [CONSEIL_DELAI, 45]
      communes: [Granges]
      date_reference: !ENV [CONSEIL_DATE_REFERENCE, null]
"""


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "fiches").mkdir()
    return tmp_path


def test_env_tags_take_the_variable_or_the_default(site: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("CONSEIL_DELAI", raising=False)
    assert plugin_options(read_config(site / "mkdocs.yml"))["delai_reponse_jours"] == 45
    monkeypatch.setenv("CONSEIL_DELAI", "30")
    assert plugin_options(read_config(site / "mkdocs.yml"))["delai_reponse_jours"] == 30


def test_settings_as_the_plugin_builds_them(site: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CONSEIL_DATE_REFERENCE", "2026-02-03")
    project = discover(cwd=site)
    settings = project.settings()
    assert project.content_dir == site / "fiches"
    assert settings.build_date == date(2026, 2, 3)
    assert settings.communes == ("Granges",)
    assert settings.content_dir == (site / "fiches").resolve()


def test_a_wrong_reference_date_is_reported(site: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CONSEIL_DATE_REFERENCE", "03/02/2026")
    with pytest.raises(ProjectError, match="n'est pas une date"):
        discover(cwd=site).settings()


def test_a_site_switched_to_properdocs_is_found_by_its_config_name(site: Path):
    (site / "mkdocs.yml").rename(site / "properdocs.yml")
    project = discover(cwd=site / "fiches")
    assert project.config_file == site / "properdocs.yml" and project.content_dir == site / "fiches"
    assert project.options["communes"] == ["Granges"]


def test_without_mkdocs_yml_content_is_the_default(tmp_path: Path):
    project = discover(cwd=tmp_path)
    assert project.content_dir == tmp_path / "content"
    assert project.options == {}


def test_core_does_not_import_mkdocs():
    import subprocess
    import sys
    code = ("import sys, conseil.cli.check, conseil.cli.new, conseil.cli.schema, conseil.cli.stats; "
            "print(any(m == 'mkdocs' or m.startswith('mkdocs.') for m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"  # the command stays fast: no MkDocs import


def test_the_build_and_the_command_build_the_same_settings_and_say_the_same_error(site: Path):
    """One constructor, `Settings.from_options`: the plugin's build and `conseil check` refuse a bad date alike."""
    import subprocess
    import sys

    from tests.conftest import build_env

    env = build_env(CONSEIL_DATE_REFERENCE="03/02/2026")
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(site / "site")], cwd=site, env=env,
                           capture_output=True, text=True, timeout=300)
    check = subprocess.run([sys.executable, "-m", "conseil", "check"], cwd=site, env=env,
                           capture_output=True, text=True, timeout=300)
    expected = "date_reference « 03/02/2026 » n'est pas une date AAAA-MM-JJ"
    assert build.returncode != 0 and f"conseil : {expected} (mkdocs.yml)" in build.stderr, build.stderr
    assert check.returncode == 2 and f"{expected} ({site / 'mkdocs.yml'})" in check.stderr, check.stderr
