"""Reading what a page tells other sites: its sharing meta tags and its JSON-LD blocks."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from tests.site.sitefiles import site_pages


class _HeadData(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: list[tuple[str, str]] = []  # (property or name, content), in page order
        self.json_ld: list[str] = []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        key = attributes.get("property") or attributes.get("name") or ""
        if tag == "meta" and key.startswith(("og:", "twitter:")):
            self.meta.append((key, attributes.get("content") or ""))
        self._in_json_ld = tag == "script" and attributes.get("type") == "application/ld+json"
        if self._in_json_ld:
            self.json_ld.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld[-1] += data


def head_data(html: str) -> tuple[list[tuple[str, str]], list[str]]:
    """The page's Open Graph and Twitter meta tags as (name, value), and the text of its JSON-LD scripts."""
    parser = _HeadData()
    parser.feed(html)
    return parser.meta, parser.json_ld


def site_head_data(site: Path) -> dict[str, tuple[list[tuple[str, str]], list[str]]]:
    """head_data of every HTML page of a built site, by path."""
    return {p.relative_to(site).as_posix(): head_data(p.read_text(encoding="utf-8"))
            for p in site_pages(site)}
