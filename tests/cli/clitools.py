"""Helpers for the `conseil` command's tests: run it as a writer would, on copies of the corpora."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO, build_env  # tests/conftest.py

BROKEN = FIXTURES / "cli-broken"


def run_conseil(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    """`python -m conseil ARGS` in `cwd`, output captured (so never a terminal: no colour)."""
    return subprocess.run([sys.executable, "-m", "conseil", *args], cwd=cwd, env=build_env(**env),
                          capture_output=True, text=True, timeout=120)


def copy_site(source: Path, target: Path) -> Path:
    """A writable copy of a site: its mkdocs.yml and content/ (and an empty overrides/ it may name)."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(source / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(source / "content", target / "content")
    (target / "overrides").mkdir(exist_ok=True)
    return target


@pytest.fixture
def demo_copy(tmp_path: Path) -> Path:
    return copy_site(REPO, tmp_path / "demo")


@pytest.fixture
def broken_copy(tmp_path: Path) -> Path:
    return copy_site(BROKEN, tmp_path / "broken")
