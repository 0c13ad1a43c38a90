"""The guide's build hook: pages generated from the code at each build, never copied by hand."""

from __future__ import annotations

from mkdocs.structure.files import File, Files

from conseil.cli import main
from conseil.cli.reference import commands_reference

COMMANDS_PAGE = "reference/commandes.md"


def on_files(files: Files, config) -> Files:
    """Add the `conseil` command's reference, read from the click commands themselves."""
    files.append(File.generated(config, COMMANDS_PAGE, content=commands_reference(main)))
    return files
