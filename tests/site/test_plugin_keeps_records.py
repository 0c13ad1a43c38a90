"""The plugin reads the core's records and never changes them: after a build they are as `load()` made them.

Records may be kept from one preview build to the next: a body or a position emptied by one build
would be missing from the next.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

from tests.conftest import ENGINE, REPO, build_env


def compare_after_build(engine: str, site_dir: str) -> list[str]:
    """Build the demo with `engine` in this process, then compare the plugin's records with a fresh load.

    Run in a child process: ProperDocs takes over every `mkdocs.*` import of the process that runs it.
    """
    if engine == "properdocs":
        importlib.import_module("properdocs.replacement")  # as `python -m properdocs` does
    load_config = importlib.import_module(f"{engine}.config").load_config
    build = importlib.import_module(f"{engine}.commands.build").build
    from conseil.core import load
    from conseil.core.loader import files_in

    config = load_config(config_file=str(REPO / "mkdocs.yml"), site_dir=site_dir)
    build(config)
    plugin = config.plugins["conseil"]
    built = plugin.corpus
    fresh = load(files_in(Path(config.docs_dir), relative_to=REPO), plugin.site.graph.settings)

    problems = []
    records = {record.key: record for record in built.index.all()}
    if records.keys() != {record.key for record in fresh.index.all()}:
        problems.append("pas les mêmes fiches")
    for record in fresh.index.all():
        kept = records.get(record.key)
        if kept is None:
            continue
        if (kept.body, kept.source.body, kept.source.header) != (record.body, record.source.body, record.source.header):
            problems.append(f"{record.key} : texte modifié")
        if kept.positions != record.positions:
            problems.append(f"{record.key} : positions modifiées")
    if built.membres is None or built.membres != fresh.membres:
        problems.append("liste des membres modifiée")
    return problems


def test_records_are_intact_after_a_build(tmp_path: Path) -> None:
    code = ("import json, sys; from tests.site.test_plugin_keeps_records import compare_after_build; "
            "print(json.dumps(compare_after_build(sys.argv[1], sys.argv[2])))")
    result = subprocess.run([sys.executable, "-c", code, ENGINE, str(tmp_path / "site")], cwd=REPO,
                            env=build_env(PYTHONPATH=str(REPO)), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    problems = result.stdout.strip().splitlines()[-1]
    assert problems == "[]", problems[:2000]
    assert (tmp_path / "site" / "contributions" / "index.html").exists()  # the build did run
