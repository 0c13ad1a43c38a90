"""A council's first hour, from the wheel alone: install, `conseil init`, `conseil new`, a strict build, the
preview, then a hundred records; no Node anywhere, nothing of the demo council in what is published."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from conseil.core.model import schema

from tests.cli.inittools import COLLECTIVITE, NOM, demo_text_in
from tests.conftest import REPO
from tests.serving import free_port, running, wait_for

pytestmark = pytest.mark.slow


def init_site(installed, folder: Path, step: str = "init") -> Path:
    installed.run(step, "conseil", "init", folder.name, "--nom", NOM, "--collectivite", COLLECTIVITE, cwd=folder.parent)
    return folder


def with_browser_editing(site: Path) -> None:
    """Turn on the browser editor the way mkdocs.yml explains: uncomment `cms:`, its backend and its repo."""
    config = (site / "mkdocs.yml").read_text(encoding="utf-8")
    for key in ("cms", "backend", "repo"):
        config = re.sub(rf"^(\s*)# ( *{key}:)", r"\1\2", config, count=1, flags=re.M)
    (site / "mkdocs.yml").write_text(config, encoding="utf-8")


def test_a_council_site_from_the_wheel_alone(installed, tmp_path: Path) -> None:
    where = installed.run("module", "python", "-c", "import conseil; print(conseil.__file__)", cwd=tmp_path)
    assert str(installed.bin.parent) in where.stdout  # the wheel's copy, not this checkout
    site = init_site(installed, tmp_path / "site-conseil")
    assert (site / ".github" / "workflows" / "site.yml").is_file() and (site / ".gitignore").is_file()
    assert (site / "requirements.txt").read_text(encoding="utf-8") == \
        (installed.bin.parent.parent / "requirements.txt").read_text(encoding="utf-8")
    installed.run("new elu", "conseil", "new", "elu", "Camille Martin", cwd=site)
    created = installed.run("new", "conseil", "new", "contribution", "Avis sur le plan de mobilité", cwd=site)
    assert "aucun problème" in created.stdout
    with_browser_editing(site)
    installed.run("build", "mkdocs", "build", "--strict", cwd=site)

    built = site / "site"
    assert "Avis sur le plan de mobilité" in (built / "contributions" / "index.html").read_text(encoding="utf-8")
    shipped = REPO / "node_modules" / "decap-cms" / "dist" / "decap-cms.js"
    assert (built / "admin" / "decap-cms.js").read_bytes() == shipped.read_bytes()
    assert (built / "admin" / "decap-cms.js.LICENSE.txt").is_file()
    assert demo_text_in(built) == []

    port = free_port()
    started = time.perf_counter()
    serve = [str(installed.bin / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}"]
    with running(serve, cwd=site, env=installed.env, log=tmp_path / "serve.log"):
        wait_for(f"http://127.0.0.1:{port}/contributions/", lambda page: "Avis sur le plan de mobilité" in page)
        installed.timings["serve"] = round(time.perf_counter() - started, 2)
    print("\npremière heure (s) :", installed.timings)


def test_a_hundred_records_build_strict_with_nothing_of_the_demo(installed, tmp_path: Path) -> None:
    site = init_site(installed, tmp_path / "cent", step="init (100)")
    generated = tmp_path / "genere"
    installed.run("generate", "python", str(REPO / "benchmarks" / "generate.py"), "100", "--out", str(generated),
                  cwd=tmp_path)
    copied = 0
    for folder in schema.RECORD_TYPES:  # the records only: the generator's own pages and mkdocs.yml stay behind
        for path in (generated / "content" / folder).glob("*.md"):
            text = re.sub(r"arvel", "Lumière", path.read_text(encoding="utf-8"), flags=re.I)  # its invented places
            (site / "content" / folder / path.name).write_text(text, encoding="utf-8")
            copied += 1
    assert copied >= 100
    installed.run("check (100)", "conseil", "check", cwd=site)
    installed.run("build (100)", "mkdocs", "build", "--strict", cwd=site)
    built = site / "site"
    pages = list((built / "contributions").glob("*/index.html"))
    assert len(pages) >= 40
    assert demo_text_in(built, written=site / "content") == []  # the generator names some élus as the demo does
    print("\ncent fiches (s) :", {k: v for k, v in installed.timings.items() if "100" in k})
