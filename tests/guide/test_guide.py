"""The guide (docs/, guide/mkdocs.yml) builds strictly, every internal link and anchor resolves, and the pages
generated from the code say what the code does. External links are listed, never fetched."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conseil.cli import main
from conseil.core.model.diagnostics import CODES
from conseil.core.model.schema import RECORD_TYPES
from conseil.plugin.config import ConseilConfig, EditionNavigateur, PeriodeRapport
from tests.conftest import REPO, mkdocs_build
from tests.guide.building import DOCS, guide_site  # noqa: F401 - fixture
from tests.site.sitefiles import broken_links, parse_page


@pytest.fixture(scope="module")
def parsed(guide_site: Path) -> dict[str, object]:
    return {p.relative_to(guide_site).as_posix(): parse_page(p) for p in sorted(guide_site.rglob("*.html"))}


def _page(site: Path, name: str) -> str:
    return (site / name / "index.html").read_text(encoding="utf-8")


def test_every_written_page_is_built(guide_site):
    written = sorted(p.relative_to(DOCS).with_suffix("").as_posix() for p in DOCS.rglob("*.md"))
    assert len(written) >= 20
    for name in written:
        folder = name.removesuffix("index").rstrip("/")
        assert (guide_site / folder / "index.html").is_file(), f"{name}.md n'a pas de page dans le guide construit"


def test_every_internal_link_and_anchor_resolves(guide_site, parsed):
    problems = [problem for page, parser in parsed.items()
                for problem in broken_links(guide_site, parsed, page, parser.links)]
    checked = sum(len(parser.links) for parser in parsed.values())
    print(f"\nguide : {len(parsed)} pages HTML, {checked} liens et ressources vérifiés")
    assert checked > 500  # Material's navigation alone gives each page dozens: an empty crawl proves nothing
    assert not problems, f"{len(problems)} liens cassés :\n" + "\n".join(problems[:50])


def test_external_links_are_listed_and_secure(parsed):
    """Not fetched (no network in the tests): listed for a person to review; https, but for the local preview."""
    external = sorted({link for parser in parsed.values() for tag, link in parser.links
                       if tag == "a" and urlsplit(link).scheme in ("http", "https")})
    print("\nliens externes du guide (non visités) :\n" + "\n".join(f"  {link}" for link in external))
    assert external, "le guide cite ses sources (Légifrance, Decap CMS…) : aucun lien externe trouvé"
    local_preview = ("127.0.0.1", "localhost")  # `mkdocs serve` on the reader's machine: plain http is right there
    assert [link for link in external
            if urlsplit(link).scheme != "https" and urlsplit(link).hostname not in local_preview] == []


class _Resources(HTMLParser):
    """What a browser loads by itself when it opens the page: scripts, stylesheets, icons, images, frames."""

    def __init__(self) -> None:
        super().__init__()
        self.loaded: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag in ("script", "img", "iframe", "source") and values.get("src"):
            self.loaded.append(values["src"])
        if tag == "link" and values.get("href") and values.get("rel") not in ("canonical", "alternate"):
            self.loaded.append(values["href"])


def test_no_page_loads_anything_from_another_host(guide_site):
    for page in sorted(guide_site.rglob("*.html")):
        reader = _Resources()
        reader.feed(page.read_text(encoding="utf-8"))
        remote = [url for url in reader.loaded if urlsplit(url).netloc]
        assert remote == [], f"{page.relative_to(guide_site)} charge {remote}"


class _Headings(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.levels: list[int] = []

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]", tag) and ("class", "md-nav__title") not in attrs:
            self.levels.append(int(tag[1]))


def test_each_page_has_one_title_and_no_skipped_heading_level(guide_site):
    for page in sorted(guide_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        article = re.search(r'<article class="md-content__inner.*?</article>', html, re.S)
        if article is None:  # the 404 page and search have no article
            continue
        reader = _Headings()
        reader.feed(article.group(0))
        name = page.relative_to(guide_site)
        assert reader.levels.count(1) == 1 and reader.levels[0] == 1, f"{name} : un seul titre h1, en tête"
        jumps = [(a, b) for a, b in zip(reader.levels, reader.levels[1:]) if b > a + 1]
        assert jumps == [], f"{name} : niveaux de titre sautés {jumps}"


def test_strict_build_fails_on_a_broken_link_or_anchor(tmp_path):
    """The guide's `validation:` settings are what make a dead link fail the build: proven on a copy."""
    shutil.copytree(REPO / "guide", tmp_path / "guide", ignore=shutil.ignore_patterns("site", "__pycache__"))
    shutil.copytree(DOCS, tmp_path / "docs")
    with (tmp_path / "docs" / "index.md").open("a", encoding="utf-8") as page:
        page.write("\n[perdu](page-inexistante.md) et [ancre](tutoriel.md#ancre-inexistante)\n")
    result = mkdocs_build(tmp_path / "guide" / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert "page-inexistante.md" in result.stderr and "ancre-inexistante" in result.stderr


def test_command_reference_is_generated_from_every_command(guide_site):
    page = _page(guide_site, "reference/commandes")
    for name, command in main.commands.items():
        assert f"conseil {name}" in page
        for param in command.params:
            for option in getattr(param, "opts", []):
                if option.startswith("-"):
                    assert option in page, f"conseil {name} {option} absent de la référence"


def test_content_model_reference_names_every_record_type_and_error_code(guide_site):
    page = _page(guide_site, "modele-de-contenu")
    for name in RECORD_TYPES:
        assert f"<code>{name}/</code>" in page
    for code in CODES:
        assert f"<code>{code}</code>" in page


def test_options_page_describes_every_option_of_the_plugin():
    text = (DOCS / "reference" / "options.md").read_text(encoding="utf-8")
    for config, prefix in ((ConseilConfig, ""), (EditionNavigateur, "cms."), (PeriodeRapport, "rapports[].")):
        for name, _option in config._schema:
            assert f"`{prefix}{name}`" in text, f"l'option {prefix}{name} n'est pas décrite dans reference/options.md"


def _modules() -> list[str]:
    package = REPO / "plugins" / "conseil"
    return sorted(p.relative_to(package).as_posix() for p in package.rglob("*.py")
                  if p.name not in ("__init__.py", "__main__.py"))


def test_module_map_names_every_module():
    """The maintainers' map stays true: a module added, moved or renamed must be placed on it."""
    text = (DOCS / "mainteneurs" / "index.md").read_text(encoding="utf-8")
    missing = [module for module in _modules() if f"`{module}`" not in text]
    assert missing == [], f"modules absents de docs/mainteneurs/index.md : {missing}"


README = REPO / "README.md"


def test_readme_is_a_front_door():
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 200
    for command in ("make serve", "make test", "make guide"):
        assert command in text
    targets = re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text)
    local = [t for t in targets if not urlsplit(t).scheme]
    assert "docs/tutoriel.md" in local
    assert [t for t in local if not (REPO / t).exists()] == []
