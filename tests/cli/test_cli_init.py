"""`conseil init`: a council's own site, written only into a new or empty folder, that builds strict at once."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from conseil.cli import main
from conseil.cli.init import CMS_OPTIONS, OPTIONS, of, phrase
from conseil.core.model import schema
from conseil.plugin.config import ConseilConfig, EditionNavigateur

from tests.cli.clitools import run_conseil
from tests.cli.inittools import COLLECTIVITE, NOM, demo_text_in
from tests.conftest import mkdocs_build

init_module = importlib.import_module("conseil.cli.init")  # the module: `conseil.cli.init` names the command


def init(folder: Path, *args: str, cwd: Path) -> object:
    return run_conseil("init", str(folder), "--nom", NOM, "--collectivite", COLLECTIVITE, *args, cwd=cwd)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_init_refuses_a_folder_that_is_not_empty_and_touches_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    (folder / "content").mkdir(parents=True)
    (folder / "notes.txt").write_text("à garder", encoding="utf-8")
    before = snapshot(folder)
    result = init(folder, cwd=tmp_path)
    assert result.returncode != 0
    assert "n'est pas vide" in result.stderr and "Rien n'a été modifié" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(folder) == before and sorted(p.name for p in folder.iterdir()) == ["content", "notes.txt"]


def test_init_without_a_terminal_says_what_is_missing_and_writes_nothing(tmp_path: Path) -> None:
    result = run_conseil("init", "site", "--collectivite", COLLECTIVITE, cwd=tmp_path)
    assert result.returncode == 2
    assert "il manque --nom (le nom du conseil, par exemple « Conseil" in result.stderr and "--collectivite" not in result.stderr.split("il manque")[1]
    both = run_conseil("init", "site", cwd=tmp_path)
    assert both.returncode == 2 and "--nom" in both.stderr and "--collectivite (la collectivité, comme dans une phrase" in both.stderr
    assert not (tmp_path / "site").exists()


def test_init_in_a_terminal_asks_for_what_is_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(init_module, "interactive", lambda: True)
    result = CliRunner().invoke(main, ["init", str(tmp_path / "site"), "--nom", NOM], input=f"{COLLECTIVITE}\n")
    assert result.exit_code == 0, result.output
    assert "La collectivité, comme dans une phrase (par exemple « la Métropole de Lyon »)" in result.output
    assert "de la Métropole de Testville" in (tmp_path / "site" / "content" / "a-propos.md").read_text(encoding="utf-8")


def test_init_writes_the_council_site_for_the_chosen_forge(tmp_path: Path) -> None:
    github = init(tmp_path / "gh", "--adresse", "https://cdd.testville.fr", cwd=tmp_path)
    assert github.returncode == 0, github.stderr
    gitlab = init(tmp_path / "gl", "--forge", "gitlab", cwd=tmp_path)
    assert gitlab.returncode == 0, gitlab.stderr
    for site in (tmp_path / "gh", tmp_path / "gl"):
        for page in ("index.md", "a-propos.md", "mentions-legales.md", "accessibilite.md", "donnees-personnelles.md"):
            assert "Testville" in (site / "content" / page).read_text(encoding="utf-8"), page
        assert all((site / "content" / name).is_dir() for name in schema.RECORD_TYPES)
        assert re.fullmatch(r"conseil==\d+\.\d+\.\d+", (site / "requirements.txt").read_text().splitlines()[2])
        assert "/site/" in (site / ".gitignore").read_text() and "conseil new" in (site / "README.md").read_text()
    workflow = yaml.safe_load((tmp_path / "gh" / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    assert set(workflow[True]) == {"pull_request", "push", "schedule", "workflow_dispatch"}  # YAML 1.1 reads `on` as True
    assert "mkdocs build --strict" in workflow["jobs"]["construire"]["steps"][5]["run"]
    assert not (tmp_path / "gh" / ".gitlab-ci.yml").exists() and not (tmp_path / "gl" / ".github").exists()
    gitlab_ci = yaml.safe_load((tmp_path / "gl" / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab_ci["pages"]["artifacts"]["paths"] == ["public"]
    assert gitlab_ci["verifier"]["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    config = yaml.safe_load((tmp_path / "gh" / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    assert config["site_url"] == ["SITE_URL", "https://cdd.testville.fr/"]
    assert "GitLab Pages" in (tmp_path / "gl" / "content" / "mentions-legales.md").read_text(encoding="utf-8")


def test_mkdocs_yml_lists_every_plugin_option_and_its_examples_are_valid(tmp_path: Path) -> None:
    assert init(tmp_path / "site", cwd=tmp_path).returncode == 0
    text = (tmp_path / "site" / "mkdocs.yml").read_text(encoding="utf-8")
    assert set(OPTIONS) == {key for key, _ in ConseilConfig._schema}
    assert set(CMS_OPTIONS) == {key for key, _ in EditionNavigateur._schema}
    block = text.split("  - conseil:\n")[1].split("\n\n")[0]
    # Every option's line, commented out but its help, made live: the plugin's own configuration accepts them all.
    keys = "|".join([*OPTIONS, *CMS_OPTIONS])
    live = re.sub(rf"^(\s*)# ( *)({keys}):", r"\1\2\3:", block, flags=re.M)
    options = yaml.safe_load(live.replace("!ENV [CONSEIL_DATE_REFERENCE, null]", "null"))
    assert set(options) == set(OPTIONS) and set(options["cms"]) == set(CMS_OPTIONS)
    config = ConseilConfig()
    config.load_dict(options)
    failed, warnings = config.validate()
    assert failed == [] and warnings == []


@pytest.mark.parametrize("collectivite", ["la Métropole de Testville", "Amiens Métropole", "le Grand Testville"])
def test_the_pages_name_the_collectivite_in_good_french(collectivite: str) -> None:
    site = init_module.scaffold(NOM, collectivite, None, "github")
    text = "\n".join(text for path, text in site.items() if path.endswith((".md", ".yml")))
    assert of(collectivite) in text
    assert not re.search(r"\bde (de|du|des|d')\b|\bde l[ae] (de|du)\b", text), re.findall(r".{30}\bde d.{30}", text)


@pytest.mark.parametrize("nom, collectivite, expected", [
    ("Conseil de développement de la Métropole de Lyon", "la Métropole de Lyon",
     ("conseil de développement de la Métropole de Lyon", "de la Métropole de Lyon")),
    ("Codev Grand Lyon", "le Grand Lyon", ("Codev Grand Lyon", "du Grand Lyon")),
    ("Conseil de développement", "Amiens Métropole", ("conseil de développement", "d'Amiens Métropole")),
])
def test_names_read_well_inside_a_sentence(nom: str, collectivite: str, expected: tuple[str, str]) -> None:
    assert (phrase(nom), of(collectivite)) == expected


@pytest.mark.slow
def test_an_empty_council_builds_strict_with_nothing_of_the_demo(tmp_path: Path) -> None:
    assert init(tmp_path / "site", "--forge", "gitlab", cwd=tmp_path).returncode == 0
    built = mkdocs_build(tmp_path / "site" / "mkdocs.yml", tmp_path / "public")
    assert built.returncode == 0, built.stderr
    assert demo_text_in(tmp_path / "public") == []
    home = (tmp_path / "public" / "index.html").read_text(encoding="utf-8")
    assert "Testville" in home and 'href="composition/"' not in home and 'href="organes/"' not in home
    assert 'href="concertations/"' not in home  # an optional part: in the navigation with its first record
    for section in ("contributions", "reponses", "assemblees", "elus", "themes"):
        page = (tmp_path / "public" / section / "index.html").read_text(encoding="utf-8")
        assert re.search(r"Aucun[e]? [^<]*publié", page), section
