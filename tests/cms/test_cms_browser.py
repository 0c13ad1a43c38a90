"""Editing from a browser, as `make edit` runs it: decap-server and `mkdocs serve` on a copy of the demo.

The form writes into the copy's content/; what it writes passes `conseil check` unchanged, and the
preview serves the new page. Editing one value of an existing record leaves every other key and the body
as they were.
"""

from __future__ import annotations

import datetime
import json
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest
import yaml

from tests.conftest import REPO, build_env
from tests.serving import fetch, free_port, running
from tests.site.browsing import browser  # noqa: F401 - the fixture, by name

pytestmark = pytest.mark.browser

NODE_MODULES = REPO / "node_modules"
DECAP_SERVER = NODE_MODULES / ".bin" / "decap-server"
ANSWER = "2025-10-21-reponse-ligne-12-soiree"  # two commitments, both `realise`
TIMEOUT = 30


def _wait_for(check, what: str, timeout: float = TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.2)
    pytest.fail(f"{what}: toujours pas au bout de {timeout} s")


def _proxy_answers(url: str) -> bool:
    request = urllib.request.Request(url, data=json.dumps({"action": "info"}).encode(),
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


class Editing:
    """The copy of the demo, its preview and its local CMS proxy."""

    def __init__(self, root: Path, site: str):
        self.root = root
        self.site = site

    def record(self, folder: str, name: str) -> Path:
        return self.root / "content" / folder / f"{name}.md"


@pytest.fixture(scope="module")
def editing(tmp_path_factory) -> Iterator[Editing]:
    if not DECAP_SERVER.exists():
        pytest.fail("decap-server est introuvable : lancez « make install-cms » (npm ci)")
    root = tmp_path_factory.mktemp("edition")
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "node_modules").symlink_to(NODE_MODULES)
    proxy_port, site_port = free_port(), free_port()
    env = build_env(DECAP_PORT=str(proxy_port))
    proxy_env = {**env, "PORT": str(proxy_port), "BIND_HOST": "127.0.0.1", "MODE": "fs", "GIT_REPO_DIRECTORY": str(root)}
    serve = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{site_port}"]
    with running([str(DECAP_SERVER)], cwd=root, env=proxy_env), running(serve, cwd=root, env=env):
        site = f"http://127.0.0.1:{site_port}/"
        _wait_for(lambda: _proxy_answers(f"http://127.0.0.1:{proxy_port}/api/v1"), "decap-server")
        _wait_for(lambda: fetch(site + "admin/config.yml", timeout=5)[0] == 200, "mkdocs serve", timeout=90)
        yield Editing(root, site)


@pytest.fixture
def cms(browser, editing):  # noqa: F811 - the fixture imported above
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="fr-FR")
    tab = context.new_page()
    tab.set_default_timeout(TIMEOUT * 1000)
    tab.goto(editing.site + "admin/")
    tab.get_by_role("button", name="Se connecter").click()  # local mode: no account, decap-server writes
    yield tab
    context.close()


def _field(tab, name: str, nth: int = 0):
    return tab.locator(f'[id^="{name}-field-"]').nth(nth)


def _choose(tab, name: str, text: str, nth: int = 0) -> None:
    """A select or relation widget: type, then take the option shown."""
    field = _field(tab, name, nth)
    field.fill(text)
    tab.get_by_role("option", name=text).first.click()


def _publish(tab) -> None:
    tab.get_by_role("button", name="Publier").click()
    tab.get_by_text("Publier maintenant").click()


def _saved(path: Path, before: str | None = None) -> bool:
    """The file is written in full (decap-server truncates, then writes): a whole header, the same text twice."""
    def complete() -> str | None:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        return text if text.startswith("---\n") and text.count("---\n") >= 2 and text != before else None

    first = complete()
    time.sleep(0.2)
    return first is not None and complete() == first


def _front_matter_and_body(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    _, header, body = text.split("---\n", 2)
    return yaml.safe_load(header), body


def test_a_contribution_created_in_the_form_passes_the_checks_and_is_served(cms, editing):
    tab = cms
    tab.goto(editing.site + "admin/#/collections/contributions/new")
    _field(tab, "titre").fill("Mobilités à vélo entre les villages")
    _field(tab, "date").fill("2026-11-20")
    _choose(tab, "nature", "Alerte")
    _choose(tab, "origine", "Auto-saisine")
    _choose(tab, "destinataires", "Claire Morel")
    _choose(tab, "destinataires", "Julien Faure")
    _choose(tab, "themes", "Mobilités")
    for number, text in ((1, "Relier les villages par une piste cyclable"), (2, "Ouvrir des abris à vélos sûrs")):
        tab.get_by_role("button", name="Ajouter une recommandation").click()
        _field(tab, "id", number - 1).fill(f"r{number}")
        _field(tab, "texte", number - 1).fill(text)
    _field(tab, "body").fill("Le conseil demande des pistes cyclables.\n")
    _publish(tab)

    record = editing.record("contributions", "2026-11-20-mobilites-a-velo-entre-les-villages")
    _wait_for(lambda: _saved(record), f"{record.name} écrite par le formulaire")
    header, body = _front_matter_and_body(record)
    assert header == {
        "titre": "Mobilités à vélo entre les villages",
        "date": datetime.date(2026, 11, 20),
        "nature": "alerte",
        "origine": "auto-saisine",
        "destinataires": ["claire-morel", "julien-faure"],
        "themes": ["mobilites"],
        "reponse_attendue": True,  # the box is ticked at first: what an absent key means
        "recommandations": [{"id": "r1", "texte": "Relier les villages par une piste cyclable"},
                            {"id": "r2", "texte": "Ouvrir des abris à vélos sûrs"}],
    }  # no empty optional key written
    assert body.strip() == "Le conseil demande des pistes cyclables."
    check = subprocess.run([sys.executable, "-m", "conseil", "check", str(record)], cwd=editing.root,
                           env=build_env(), capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stdout + check.stderr
    page = editing.site + "contributions/2026-11-20-mobilites-a-velo-entre-les-villages/"
    status, html = _wait_for(lambda: (lambda r: r if r[0] == 200 else None)(fetch(page, timeout=5)), "la page de la contribution",
                             timeout=90)
    assert "Mobilités à vélo entre les villages" in html


def test_changing_one_commitment_keeps_every_other_key_and_the_body(cms, editing):
    tab = cms
    record = editing.record("reponses", ANSWER)
    before_header, before_body = _front_matter_and_body(record)
    before_text = record.read_text(encoding="utf-8")
    assert [e["etat"] for e in before_header["engagements"]] == ["realise", "realise"]
    tab.goto(editing.site + f"admin/#/collections/reponses/entries/{ANSWER}")
    engagements = tab.locator('[id^="engagements-field-"]').first
    engagements.wait_for()
    # Items of a list are shown folded, under their first key: unfold the second commitment.
    summary = tab.get_by_text("Bilan de fréquentation du transport à la demande").first
    summary.locator("xpath=..").get_by_role("button").first.click()
    _choose(tab, "etat", "En cours", nth=1)
    _publish(tab)

    _wait_for(lambda: _saved(record, before_text), "la réponse enregistrée")
    after_header, after_body = _front_matter_and_body(record)
    expected = json.loads(json.dumps(before_header, default=str))
    expected["engagements"][1]["etat"] = "en-cours"
    assert json.loads(json.dumps(after_header, default=str)) == expected
    assert after_header["date"] == before_header["date"]  # still a date, not a text
    assert after_body == before_body
    check = subprocess.run([sys.executable, "-m", "conseil", "check", str(record)], cwd=editing.root,
                           env=build_env(), capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stdout + check.stderr
