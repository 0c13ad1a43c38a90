"""What every page must carry by design (RGAA): French language, legal footer, data tables, text alternatives."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.site.pages import LEGAL_PAGES, PAGES, page_file


class Structure(HTMLParser):
    """The language, the footer's links, the tables' captions and header cells, images and their alternatives."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.footer_links: list[tuple[str, str]] = []
        self.tables: list[dict] = []
        self.images_without_alt: list[str] = []
        self.unlabelled_svgs = 0
        self._footer = 0
        self._link: list | None = None
        self._caption = False
        self._svg_depth = 0

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang")
        if tag == "footer":
            self._footer += 1
        if tag == "a" and self._footer:
            self._link = [values.get("href", ""), ""]
        if tag == "table":
            self.tables.append({"caption": "", "th": 0})
        if tag == "caption" and self.tables:
            self._caption = True
        if tag == "th" and self.tables:
            self.tables[-1]["th"] += 1
        if tag == "img" and "alt" not in values:
            self.images_without_alt.append(values.get("src", "?"))
        if tag == "svg":
            # Icons sit in labelled buttons and links; a chart must name itself or be hidden next to its table.
            if self._svg_depth == 0 and values.get("role") == "img" and not (values.get("aria-label") or values.get("aria-labelledby")):
                self.unlabelled_svgs += 1
            self._svg_depth += 1

    def handle_endtag(self, tag):
        if tag == "footer":
            self._footer -= 1
        if tag == "a" and self._link is not None:
            self.footer_links.append((self._link[0], " ".join(self._link[1].split())))
            self._link = None
        if tag == "caption":
            self._caption = False
        if tag == "svg":
            self._svg_depth -= 1

    def handle_data(self, data):
        if self._link is not None:
            self._link[1] += data
        if self._caption:
            self.tables[-1]["caption"] += data


def structure(path: Path) -> Structure:
    parser = Structure()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


@pytest.fixture(scope="module")
def every_page(demo_site):
    return {p.relative_to(demo_site).as_posix(): structure(p) for p in sorted(demo_site.rglob("*.html"))}


def test_every_page_is_in_french(every_page):
    assert {page: s.lang for page, s in every_page.items() if s.lang != "fr"} == {}


def test_every_footer_links_the_legal_pages(every_page):
    for page, s in every_page.items():
        if page.startswith("admin/"):  # the browser editor (Decap CMS) is an application, not a page of the site
            continue
        texts = {text for _, text in s.footer_links}
        base = "http://site.invalid/" + ("" if page == "404.html" else page)
        targets = {urljoin(base, href) for href, _ in s.footer_links}
        for path, text in LEGAL_PAGES:
            assert any(t.startswith(text) for t in texts), f"{page} : pas de lien « {text} » dans le pied de page"
            assert "http://site.invalid/" + path in targets, f"{page} : lien vers {path} absent"


def test_home_page_states_the_conformity_level(demo_site):
    text = re.sub(r"\s+", " ", (demo_site / "index.html").read_text(encoding="utf-8"))
    assert re.search(r"Accessibilité : (totalement|partiellement|non) conforme", text)


def test_legal_pages_exist(demo_site):
    for path, _ in LEGAL_PAGES:
        assert page_file(demo_site, path).is_file(), path


def test_every_data_table_has_a_caption_and_header_cells(every_page):
    bad = [(page, table) for page, s in every_page.items() for table in s.tables
           if not table["caption"].strip() or table["th"] == 0]
    assert not bad, bad[:10]
    assert sum(len(s.tables) for s in every_page.values()) > 20  # the demo has tables: the check ran


def test_every_image_and_chart_has_a_text_alternative(every_page):
    assert {page: s.images_without_alt for page, s in every_page.items() if s.images_without_alt} == {}
    assert {page: s.unlabelled_svgs for page, s in every_page.items() if s.unlabelled_svgs} == {}


def test_page_list_matches_the_built_site(demo_site):
    """Every page type listed for the browser checks exists: a renamed page would silently drop out."""
    assert [path for _, path in PAGES if not page_file(demo_site, path).is_file()] == []
