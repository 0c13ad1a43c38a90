"""The site builds and serves the same with MkDocs 1.6 and with ProperDocs, its maintained fork.

ProperDocs runs our plugin and Material unchanged; the only byte that may differ is the generator's name,
which Material writes in every page's `<meta name="generator">`.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest

from tests.conftest import ENGINE, ENGINES, REPO, build_env, mkdocs_build
from tests.serving import free_port, running, wait_for
from tests.site.sitefiles import digests

pytestmark = pytest.mark.slow

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
ARTICLE = re.compile(r"<article.*?</article>", re.S)
OTHER_ENGINE = next(engine for engine in ENGINES if engine != ENGINE)


def without_generator(path: Path) -> bytes:
    return GENERATOR.sub(b"", path.read_bytes())


@pytest.fixture(scope="module")
def other_site(tmp_path_factory) -> Path:
    """The demo built by the engine the session's demo_site was not built with."""
    site = tmp_path_factory.mktemp("autre-moteur") / "site"
    result = mkdocs_build(REPO / "mkdocs.yml", site, engine=OTHER_ENGINE)
    assert result.returncode == 0, result.stderr
    return site


def test_both_engines_build_the_same_files(demo_site, other_site):
    assert sorted(digests(demo_site)) == sorted(digests(other_site))


def test_both_engines_write_the_same_bytes_but_the_generator(demo_site, other_site):
    ours, theirs = digests(demo_site), digests(other_site)
    differing = sorted(path for path in ours if ours[path] != theirs[path])
    assert all(path.endswith(".html") for path in differing), differing
    changed = [path for path in differing
               if without_generator(demo_site / path) != without_generator(other_site / path)]
    assert not changed, f"pages qui diffèrent au-delà du générateur : {changed[:10]}"
    # Material names the engine that built the page, and each engine gives its own name.
    home = {engine: GENERATOR.search((site / "index.html").read_bytes()).group().decode()
            for engine, site in ((ENGINE, demo_site), (OTHER_ENGINE, other_site))}
    assert "mkdocs-1.6.1" in home["mkdocs"] and "ProperDocs 1.6.7" in home["properdocs"], home


@pytest.mark.parametrize("engine", ENGINES)
def test_a_warning_fails_a_strict_build_with_either_engine(tmp_path, engine):
    """Our warnings go to the `mkdocs.plugins.conseil` logger: ProperDocs must count them as its own."""
    project = tmp_path / "projet"
    shutil.copytree(REPO / "content", project / "content")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    theme = project / "content" / "themes" / "mobilites.md"
    theme.write_text(theme.read_text(encoding="utf-8") + "\nContact : jean.dupont@example.org\n", encoding="utf-8")
    strict = mkdocs_build(project / "mkdocs.yml", tmp_path / "strict", engine=engine)
    assert strict.returncode != 0 and "[donnee-personnelle]" in strict.stderr, strict.stderr
    lenient = mkdocs_build(project / "mkdocs.yml", tmp_path / "lenient", strict=False, engine=engine)
    assert lenient.returncode == 0 and "[donnee-personnelle]" in lenient.stderr, lenient.stderr


def test_properdocs_serves_the_pages_it_builds(tmp_path, demo_site):
    """`properdocs serve` in the site's folder, as a council would run it: the same record page as a build."""
    port = free_port()
    log = tmp_path / "serve.log"
    command = [sys.executable, "-m", "properdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    path = "contributions/2025-03-27-avis-plan-de-mobilite/"
    with running(command, cwd=REPO, env=build_env(), log=log):
        page = wait_for(f"http://127.0.0.1:{port}/{path}", lambda text: "</html>" in text)
    built = (demo_site / path / "index.html").read_text(encoding="utf-8")
    # The preview points its canonical address at the local server and adds a live-reload script:
    # the page's content is compared.
    assert ARTICLE.search(page).group() == ARTICLE.search(built).group()
    assert "Traceback" not in log.read_text(encoding="utf-8")
