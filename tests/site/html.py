"""Reading the built site as a browser would: links of a page, resolved to site paths."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.hrefs.append(attributes["href"])
        if attributes.get("id"):
            self.ids.add(attributes["id"])


def page_path(site: Path, url: str) -> Path:
    """`contributions/x/` -> site/contributions/x/index.html."""
    path = site / url.strip("/")
    return path / "index.html" if not url or url.endswith("/") else path


def links_of(site: Path, url: str) -> set[str]:
    """Every internal link of the page at `url`, as site-root paths like `contributions/x/`."""
    parser = _Links()
    parser.feed(page_path(site, url).read_text(encoding="utf-8"))
    base = "http://site/" + url.lstrip("/")
    resolved = set()
    for href in parser.hrefs:
        target = urlsplit(urljoin(base, href))
        if target.netloc == "site":
            resolved.add(target.path.lstrip("/"))
    return resolved


def ids_of(site: Path, url: str) -> set[str]:
    parser = _Links()
    parser.feed(page_path(site, url).read_text(encoding="utf-8"))
    return parser.ids
