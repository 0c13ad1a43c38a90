"""The served folder kept between preview rebuilds: unchanged files stay untouched, stale ones go, nothing else."""

from __future__ import annotations

import os
from pathlib import Path

from conseil.plugin.served_site import ServedSite, engine_utils

utils = engine_utils()
ORIGINALS = (utils.clean_directory, utils.write_file, utils.copy_file)


def _old(path: Path) -> int:
    """Date the file in the past, as a previous build left it; returns its modification time."""
    os.utime(path, ns=(10**18, 10**18))
    return path.stat().st_mtime_ns


def _previous_build(site: Path) -> ServedSite:
    served = ServedSite()
    served.begin(str(site), known_plugins=True)  # the first build of a session empties the folder as MkDocs does
    assert (utils.clean_directory, utils.write_file, utils.copy_file) == ORIGINALS
    for name, text in {"a/index.html": "A", "b/index.html": "B", "gone/index.html": "G", "style.css": "S"}.items():
        utils.write_file(text.encode(), str(site / name))
    (site / ".nojekyll").write_text("")
    served.finish()
    return served


def test_a_rebuild_writes_changed_files_only_and_removes_what_it_no_longer_makes(tmp_path: Path) -> None:
    site, assets = tmp_path / "site", tmp_path / "assets"
    site.mkdir()
    assets.mkdir()
    (assets / "style.css").write_text("S")
    served = _previous_build(site)
    unchanged, changed, _, hidden, copied = (_old(site / p) for p in
                                                 ("a/index.html", "b/index.html", "gone/index.html", ".nojekyll", "style.css"))

    served.begin(str(site), known_plugins=True)
    utils.clean_directory(str(site))  # what MkDocs calls first: the folder stays
    utils.write_file(b"A", str(site / "a" / "index.html"))
    utils.write_file(b"B, revu", str(site / "b" / "index.html"))
    utils.write_file(b"N", str(site / "new" / "index.html"))
    utils.copy_file(str(assets / "style.css"), str(site / "style.css"))
    assert served.finish() == 1

    assert (site / "a" / "index.html").stat().st_mtime_ns == unchanged  # same bytes: not written again
    assert (site / "style.css").stat().st_mtime_ns == copied
    assert (site / "b" / "index.html").read_text() == "B, revu"
    assert (site / "b" / "index.html").stat().st_mtime_ns != changed
    assert (site / "new" / "index.html").read_text() == "N"
    assert not (site / "gone").exists()  # its page and its folder: a clean build would not have them
    assert (site / ".nojekyll").stat().st_mtime_ns == hidden  # hidden entries are not MkDocs' either
    assert (utils.clean_directory, utils.write_file, utils.copy_file) == ORIGINALS


def test_a_failed_build_puts_mkdocs_back_and_the_next_one_starts_from_an_empty_folder(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    served = _previous_build(site)
    served.begin(str(site), known_plugins=True)
    assert utils.write_file is not ORIGINALS[1]
    served.forget()
    assert (utils.clean_directory, utils.write_file, utils.copy_file) == ORIGINALS
    served.begin(str(site), known_plugins=True)
    assert (utils.clean_directory, utils.write_file, utils.copy_file) == ORIGINALS  # MkDocs cleans, as always
    served.finish()


def test_an_unknown_plugin_or_another_folder_gets_mkdocs_own_cleaning(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    served = _previous_build(site)
    served.begin(str(site), known_plugins=False)
    assert utils.clean_directory is ORIGINALS[0]
    served.finish()
    other = tmp_path / "other"
    other.mkdir()
    served.begin(str(other), known_plugins=True)
    assert utils.clean_directory is ORIGINALS[0]
    served.finish()
