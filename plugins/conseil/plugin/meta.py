"""The head of every page: what a shared link shows (Open Graph, Twitter card) and an assembly's event data."""

from __future__ import annotations

from html import unescape
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..core.outputs.share_image import share_image
from ..core.outputs.sharing import SHARE_IMAGE, Sharing, record_sharing, sharing_tags
from ..core.outputs.structured_data import concertation_events, event, script_json

def add_share_image(files: Files, config: MkDocsConfig, nom: str) -> None:
    """The default image of shared links, drawn at build time with the council's name."""
    files.append(File.generated(config, SHARE_IMAGE, content=share_image(nom)))


def head_context(node: Any | None, page_title: str | None, page_url: str, page_meta: dict, *, config: MkDocsConfig,
                 nom: str) -> dict[str, Any]:
    """`conseil_partage` (the meta tags) for every page, and `donnees_structurees` for an assembly's or a
    concertation's page."""
    if node is not None:
        sharing = record_sharing(node)
    else:
        is_home = page_url == ""
        title = config.site_name if is_home or not page_title else unescape(page_title)
        description = page_meta.get("description") or config.site_description or config.site_name
        # Our generated pages' descriptions are HTML-escaped in their front matter (pages.front_matter).
        sharing = Sharing(title=title, description=" ".join(unescape(str(description)).split()), path=page_url)
    context: dict[str, Any] = {"conseil_partage": tags(sharing, config, nom)}
    data = None
    if node is not None and node.type == "assemblees":
        data = event(node, organizer=nom, site_url=config.site_url or "")
    elif node is not None and node.type == "concertations":  # its dispositifs dated to the day
        data = concertation_events(node, site_url=config.site_url or "")
    if data is not None:
        context["donnees_structurees"] = Markup(script_json(data))
    return context


def tags(sharing: Sharing, config: MkDocsConfig, nom: str) -> list[tuple[str, str, str]]:
    return sharing_tags(sharing, site_name=config.site_name, site_url=config.site_url or "", image_text=nom)
