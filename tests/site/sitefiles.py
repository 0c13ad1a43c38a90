"""Reading a built site: every file's text (gzip opened), every HTML page's links and ids."""

from __future__ import annotations

import gzip
import hashlib
import io
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit


def file_text(path: Path) -> str:
    """A file's content as text, gzip and zip archives opened; undecodable bytes kept as escapes."""
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    if data[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            data = b"\n".join(name.encode() + b"\n" + archive.read(name) for name in archive.namelist())
    return data.decode("utf-8", errors="backslashreplace")


EDITOR_APP = "admin/"  # the browser editor (Decap CMS): an application served with the site, not a page of it


def site_pages(site: Path) -> list[Path]:
    """Every HTML page of the public site, sorted; the editor's application is left out (it has no site chrome,
    no sharing data and is never indexed), while link and HTML checks still read it."""
    return [p for p in sorted(site.rglob("*.html")) if not p.relative_to(site).as_posix().startswith(EDITOR_APP)]


def digests(root: Path) -> dict[str, str]:
    """Every file under `root` (relative path) -> sha256 of its bytes; the search index's files by what they
    hold (`canonical_digests`: Pagefind writes its filters in a random order)."""
    from tests.site.pagefind_index import canonical_digests

    index = root / "pagefind"
    found = {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
             for p in sorted(root.rglob("*")) if p.is_file() and index not in p.parents}
    return found | (canonical_digests(root) if index.is_dir() else {})


class PageParser(HTMLParser):
    """The ids a page defines and the URLs it points to (href, src), with the tag that holds them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        for attribute in ("href", "src"):
            if values.get(attribute) is not None:
                self.links.append((tag, values[attribute]))


def parse_page(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


BASE = "http://site.invalid/"  # resolves relative links as a browser would


def target_file(site: Path, path: str) -> Path | None:
    """The file a url path serves, as a static host would (folder -> its index.html)."""
    candidate = site / unquote(path).lstrip("/")
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def broken_links(site: Path, parsed: dict, page: str, links: list[tuple[str, str]],
                 site_url: str | None = None) -> list[str]:
    """Every internal link of `page` (given as (tag, url)) that names no file, or no anchor of the page it names;
    links that leave the site are not followed. `parsed` maps each page to its `parse_page`; absolute links to
    `site_url` count as internal."""
    problems = []
    page_url = BASE + ("" if page == "404.html" else page)  # the 404 page's links are root-relative
    for tag, link in links:
        if site_url and link.startswith(site_url):
            link = "/" + link[len(site_url):]
        url = urlsplit(urljoin(page_url, link))
        if url.scheme in ("mailto", "tel", "data") or (url.scheme in ("http", "https") and url.netloc != "site.invalid"):
            continue  # leaves the site: not ours to check here
        if url.scheme not in ("http", "https"):
            problems.append(f"{page}: <{tag}> {link} : schéma {url.scheme} interdit")
            continue
        target = target_file(site, url.path)
        if target is None:
            problems.append(f"{page}: <{tag}> {link} : aucun fichier {url.path}")
            continue
        fragment = unquote(url.fragment)
        if fragment and target.suffix == ".html":
            ids = parsed[target.relative_to(site).as_posix()].ids
            if fragment not in ids:
                problems.append(f"{page}: <{tag}> {link} : pas d'ancre #{fragment} dans {url.path}")
    return problems
