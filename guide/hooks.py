"""The guide's build hooks: pages generated from the code at each build, and tables a keyboard can scroll."""

from __future__ import annotations

import re
from html import escape, unescape

from mkdocs.structure.files import File, Files

from conseil.cli import main
from conseil.cli.reference import commands_reference

COMMANDS_PAGE = "reference/commandes.md"

_TABLE = re.compile(r"<table>(.*?)</table>", re.S)
_HEADER = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
_TAG = re.compile(r"<[^>]+>")


def on_files(files: Files, config) -> Files:
    """Add the `conseil` command's reference, read from the click commands themselves."""
    files.append(File.generated(config, COMMANDS_PAGE, content=commands_reference(main)))
    return files


def on_page_content(html: str, page, config, files) -> str:
    """Each table in a region of its own, named by its columns, that the keyboard can reach and scroll:
    on a phone a wide table scrolls there (WCAG 1.4.10 allows it for data tables) instead of the page."""
    return _TABLE.sub(_scrollable_table, html)


def _scrollable_table(match: re.Match) -> str:
    columns = [" ".join(unescape(_TAG.sub("", cell)).split()) for cell in _HEADER.findall(match.group(1))]
    label = escape("Tableau : " + ", ".join(columns), quote=True)
    return f'<div class="guide-tableau" role="region" tabindex="0" aria-label="{label}">{match.group(0)}</div>'
