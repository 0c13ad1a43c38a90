"""Shared fixtures: the demo site built once per session, and a helper to build any corpus."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# The day the tests build for: statuses, deadlines and embargoes depend on it.
REFERENCE_DATE = date(2026, 11, 23)
SOURCE_DATE_EPOCH = "1795435200"  # 2026-11-23T12:00:00Z
# The site builds with MkDocs 1.6 or ProperDocs, its maintained fork: `make test ENGINE=properdocs` runs
# every build of the suite with the latter (tests/site/test_engines.py compares the two on the demo).
ENGINES = ("mkdocs", "properdocs")
ENGINE = os.environ.get("CONSEIL_ENGINE") or "mkdocs"
if ENGINE not in ENGINES:
    raise ValueError(f"CONSEIL_ENGINE={ENGINE!r}: expected one of {', '.join(ENGINES)}")


def build_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH,
               CONSEIL_DATE_REFERENCE=REFERENCE_DATE.isoformat(), PYTHONDONTWRITEBYTECODE="1")
    env.update(extra)
    return env


def mkdocs_build(config_file: Path, site_dir: Path, *, strict: bool = True, engine: str = ENGINE,
                 **env: str) -> subprocess.CompletedProcess:
    """Run `mkdocs build` (or `properdocs build`) as a user would, in the config's folder."""
    command = [sys.executable, "-m", engine, "build", "--config-file", str(config_file), "--site-dir", str(site_dir)]
    if strict:
        command.append("--strict")
    return subprocess.run(command, cwd=config_file.parent, env=build_env(**env), capture_output=True, text=True,
                          timeout=600)


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo council's site, built strictly once for the whole session."""
    site = tmp_path_factory.mktemp("demo") / "site"
    result = mkdocs_build(REPO / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return site
