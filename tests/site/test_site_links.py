"""No broken internal link or anchor anywhere in the built site (every page crawled)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.site.pagefind_index import fragments
from tests.site.sitefiles import broken_links, parse_page

SITE_URL = "https://conseil-developpement.example.org/"  # mkdocs.yml's default site_url


@pytest.fixture(scope="module")
def parsed(demo_site: Path) -> dict[str, object]:
    return {p.relative_to(demo_site).as_posix(): parse_page(p) for p in sorted(demo_site.rglob("*.html"))}


def test_site_has_pages_to_crawl(parsed):
    assert len(parsed) > 50  # the demo has about 90 pages: an empty crawl would prove nothing


def test_every_internal_link_and_anchor_resolves(demo_site, parsed):
    problems = [problem for page, parser in parsed.items()
                for problem in broken_links(demo_site, parsed, page, parser.links, SITE_URL)]
    assert not problems, f"{len(problems)} liens cassés :\n" + "\n".join(problems[:50])


def test_every_search_entry_points_to_an_existing_page_and_anchor(demo_site, parsed):
    links = [("search", fragment["url"]) for fragment in fragments(demo_site)]
    problems = broken_links(demo_site, parsed, "index.html", links, SITE_URL)
    assert not problems, "\n".join(problems[:50])


def test_crawler_sees_a_broken_link(tmp_path, parsed):
    """The crawler itself is tested: a page with a dead link and a dead anchor is caught."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="ici"><a href="../b/">b</a> <a href="#la">là</a>'
                                               '<a href="#ici">ici</a></p>', encoding="utf-8")
    pages = {"a/index.html": parse_page(tmp_path / "a" / "index.html")}
    problems = broken_links(tmp_path, pages, "a/index.html", pages["a/index.html"].links)
    assert len(problems) == 2 and "../b/" in problems[0] and "#la" in problems[1]
