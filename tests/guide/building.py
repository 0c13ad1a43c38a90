"""The guide built once per session, for the page checks and the browser checks (imported by name, as
tests/site/browsing.py is: a conftest.py here would shadow tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPO, mkdocs_build

GUIDE_CONFIG = REPO / "guide" / "mkdocs.yml"
DOCS = REPO / "docs"


@pytest.fixture(scope="session")
def guide_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The guide, built strictly as `make guide` builds it."""
    site = tmp_path_factory.mktemp("guide") / "site"
    result = mkdocs_build(GUIDE_CONFIG, site)
    assert result.returncode == 0, result.stderr
    return site
