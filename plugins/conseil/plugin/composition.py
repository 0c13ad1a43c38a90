"""The member list kept out of the built site.

`content/composition/` holds the list of every member, named or not: MkDocs would copy it into the
site as a static file. Its files are taken out of the site's files before anything else sees them;
the composition page (`pages.COMPOSITION`) shows `graph.composition`, which names only the members
who consented.
"""

from __future__ import annotations

from mkdocs.structure.files import File, Files

from ..core.reading.membres import MEMBRES_URI
from .pages import COMPOSITION

FOLDER = MEMBRES_URI.partition("/")[0] + "/"


def member_list(files: Files) -> File | None:
    return files.get_file_from_path(MEMBRES_URI)


def withhold_member_list(files: Files) -> None:
    """Remove every file of content/composition/ from the site: the list, and any spreadsheet beside it."""
    for file in list(files):
        if file.src_uri.startswith(FOLDER) and file.src_uri != COMPOSITION.uri:
            files.remove(file)
