"""A preview session the incremental-preview test drives: one line in, one build, one line out.

    python -m tests.site.preview_worker ENGINE PROJECT

Each input line is `preview SITE_DIR` (a rebuild of the long-lived `serve` session, as `mkdocs serve`
runs it after a change: the configuration read again, the plugins kept) or `reference SITE_DIR` (the first
build of a brand-new `serve` session on the same sources: what the preview must be identical to).
Each answer is one JSON line: {"ok": true, "notes": [the plugin's info lines]} or {"ok": false, "error": "..."}.
"""

from __future__ import annotations

import importlib
import json
import logging
import sys
import traceback

ENGINE, PROJECT = sys.argv[1], sys.argv[2]
if ENGINE == "properdocs":
    importlib.import_module("properdocs.replacement")  # what `python -m properdocs` does: mkdocs.* is properdocs.*
engine = importlib.import_module(ENGINE)
load_config = importlib.import_module(f"{ENGINE}.config").load_config
build = importlib.import_module(f"{ENGINE}.commands.build").build
defaults = importlib.import_module(f"{ENGINE}.config.defaults")
PLUGINS = dict(getattr(defaults, "MkDocsConfig", None)._schema)["plugins"]  # its instances outlive a config
SERVE_URL = "http://127.0.0.1:8000/"

logging.basicConfig(level=logging.ERROR, stream=sys.stderr)


class _Notes(logging.Handler):
    """The plugin's info lines of one build: they say how much of the preview was reused."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


NOTES = _Notes()
_plugin_log = logging.getLogger("mkdocs.plugins.conseil")
_plugin_log.setLevel(logging.INFO)
_plugin_log.addHandler(NOTES)


def session_build(cache: dict, site_dir: str, *, first: bool) -> None:
    """A build of the `serve` session whose plugin instances `cache` holds."""
    outer, PLUGINS.plugin_cache = PLUGINS.plugin_cache, cache
    try:
        config = load_config(config_file=f"{PROJECT}/mkdocs.yml", site_dir=site_dir)
        if first:
            config.plugins.on_startup(command="serve", dirty=False)
        build(config, serve_url=SERVE_URL)
    finally:
        PLUGINS.plugin_cache = outer


def main() -> None:
    preview: dict = {}
    started = False
    for line in sys.stdin:
        kind, site_dir = line.split()
        NOTES.lines = []
        try:
            if kind == "preview":
                session_build(preview, site_dir, first=not started)
                started = True
            else:
                session_build({}, site_dir, first=True)
            answer = {"ok": True, "notes": NOTES.lines}
        except BaseException as error:  # a failed build is an answer, not the end of the session
            answer = {"ok": False, "error": f"{type(error).__name__}: {error}\n{traceback.format_exc()[-2000:]}"}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
