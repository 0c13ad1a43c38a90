"""The plugin reads the core's records and never changes them: after a build they are as `load()` made them.

Records may be kept from one preview build to the next: a body or a position emptied by one build
would be missing from the next.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from conseil.core import load
from conseil.core.loader import files_in
from tests.conftest import ENGINE, REFERENCE_DATE, REPO, SOURCE_DATE_EPOCH

if ENGINE == "properdocs":
    importlib.import_module("properdocs.replacement")  # as `python -m properdocs` does: mkdocs.* is properdocs.*
load_config = importlib.import_module(f"{ENGINE}.config").load_config
build = importlib.import_module(f"{ENGINE}.commands.build").build


def test_records_are_intact_after_a_build(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("CONSEIL_DATE_REFERENCE", REFERENCE_DATE.isoformat())
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
    config = load_config(config_file=str(REPO / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    build(config)
    plugin = config.plugins["conseil"]
    built = plugin.corpus
    fresh = load(files_in(Path(config.docs_dir), relative_to=REPO), plugin.site.graph.settings)

    records = {record.key: record for record in built.index.all()}
    assert records.keys() == {record.key for record in fresh.index.all()}
    for record in fresh.index.all():
        kept = records[record.key]
        assert (kept.body, kept.source.body, kept.source.header) == (record.body, record.source.body,
                                                                     record.source.header), record.key
        assert kept.positions == record.positions, record.key
    assert built.membres is not None and built.membres == fresh.membres
