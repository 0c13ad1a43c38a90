"""The composition page, and the member list kept out of the built site.

`content/composition/` holds the list of every member, named or not: MkDocs would copy it into the
site as a static file. Its files are taken out of the site's files before anything else sees them;
the page shows `graph.composition`, which names only the members who consented.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..core.membres import MEMBRES_URI
from .pages import Section, front_matter

COMPOSITION = Section("composition/index.md", "Composition du conseil", "conseil/composition.html")
FOLDER = MEMBRES_URI.partition("/")[0] + "/"


def member_list(files: Files) -> File | None:
    return files.get_file_from_path(MEMBRES_URI)


def withhold_member_list(files: Files) -> None:
    """Remove every file of content/composition/ from the site: the list, and any spreadsheet beside it."""
    for file in list(files):
        if file.src_uri.startswith(FOLDER) and file.src_uri != COMPOSITION.uri:
            files.remove(file)


def add_composition_page(files: Files, config: MkDocsConfig, has_composition: bool) -> None:
    """/composition/, when the site has a member list and writes no page of its own."""
    if has_composition and files.get_file_from_path(COMPOSITION.uri) is None:
        files.append(File.generated(config, COMPOSITION.uri,
                                    content=front_matter(COMPOSITION.title, COMPOSITION.template)))
