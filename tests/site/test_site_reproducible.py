"""Reproducible builds: the same sources and SOURCE_DATE_EPOCH give a byte-identical site."""

from __future__ import annotations

import gzip
import struct
from pathlib import Path

import pytest

from tests.conftest import REPO, SOURCE_DATE_EPOCH, mkdocs_build
from tests.site.sitefiles import digests

pytestmark = pytest.mark.slow


def test_two_builds_are_byte_identical(demo_site: Path, tmp_path: Path):
    second = tmp_path / "elsewhere" / "site"  # another folder: no absolute path may leak into the output
    sources = digests(REPO / "content")
    result = mkdocs_build(REPO / "mkdocs.yml", second)
    assert result.returncode == 0, result.stderr
    assert digests(REPO / "content") == sources, "la construction a modifié content/"
    first, again = digests(demo_site), digests(second)
    assert sorted(first) == sorted(again), "les deux constructions n'ont pas les mêmes fichiers"
    differing = [name for name in first if first[name] != again[name]]
    assert not differing, "fichiers différents d'une construction à l'autre :\n" + "\n".join(differing)


def test_compressed_sitemap_is_dated_by_source_date_epoch(demo_site: Path):
    header = (demo_site / "sitemap.xml.gz").read_bytes()[:10]
    (mtime,) = struct.unpack("<I", header[4:8])
    epoch = int(SOURCE_DATE_EPOCH)
    assert mtime == epoch - epoch % 86400  # MkDocs keeps the day of SOURCE_DATE_EPOCH, as in <lastmod>
    assert gzip.decompress((demo_site / "sitemap.xml.gz").read_bytes()) == (demo_site / "sitemap.xml").read_bytes()
