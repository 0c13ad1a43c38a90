"""Consent is a guarantee: a member without `publication_nom` = oui is named in no file of the built site.

Pages, search index, exports, feeds, calendars, sitemap, HTML comments: every file is searched, gzip and zip
opened, for every spelling a name could take there (as written, HTML-escaped, JSON-escaped, as an id).
The names are read from membres.csv here, with the csv module, not by the code under test.
"""

from __future__ import annotations

import csv
import html
import json
import shutil
import unicodedata
from pathlib import Path

import pytest

from tests.conftest import REPO, mkdocs_build
from tests.site.sitefiles import file_text

pytestmark = pytest.mark.slow

LIST = REPO / "content" / "composition" / "membres.csv"
MARKER = "Zqxnom Sansaccord"  # a planted member's name, found nowhere in the demo


def members() -> list[dict[str, str]]:
    with LIST.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def spellings(nom: str) -> set[str]:
    """How a name could appear in a page, an export, a JSON index or an id; compared in lower case."""
    first, _, last = nom.partition(" ")
    folded = "".join(c for c in unicodedata.normalize("NFKD", nom) if not unicodedata.combining(c))
    written = {nom, html.escape(nom), json.dumps(nom)[1:-1], f"{last} {first}", folded, "-".join(folded.split())}
    return {spelling.lower() for spelling in written}


def site_texts(site: Path) -> dict[str, str]:
    """Every file of the site as lower-case text."""
    return {p.relative_to(site).as_posix(): file_text(p).lower() for p in site.rglob("*") if p.is_file()}


def leaks(texts: dict[str, str], nom: str) -> list[str]:
    return sorted(f"{name} ({spelling!r})" for name, text in texts.items() for spelling in spellings(nom)
                  if spelling in text)


def test_the_demo_has_consenting_and_non_consenting_members():
    rows = members()
    assert sum(r["publication_nom"] == "oui" for r in rows) == 8  # 7 current, 1 who left
    assert sum(r["publication_nom"] != "oui" for r in rows) == 30


def test_no_file_of_the_demo_site_names_a_member_who_did_not_consent(demo_site):
    texts = site_texts(demo_site)
    found = {r["nom"]: leaks(texts, r["nom"]) for r in members() if r["publication_nom"] != "oui"}
    found = {nom: where for nom, where in found.items() if where}
    assert not found, "noms publiés sans accord :\n" + "\n".join(f"{n} : {w}" for n, w in found.items())


def test_the_search_index_names_only_members_who_consented(demo_site):
    """Pagefind's pages read as data (text and metadata): consenting members are found, the others never."""
    from tests.site.pagefind_index import fragments

    texts = {f["url"]: (f["content"] + " " + json.dumps(f["meta"], ensure_ascii=False)).lower()
             for f in fragments(demo_site)}
    assert leaks(texts, "Hélène Marchand")  # the instance pages name the members who consented
    found = [where for r in members() if r["publication_nom"] != "oui" for where in leaks(texts, r["nom"])]
    assert not found, "noms sans accord dans l'index de recherche :\n" + "\n".join(found)


def test_the_search_finds_the_names_that_may_be_published(demo_site):
    """A guard: the same search finds consenting members, in pages and exports."""
    texts = site_texts(demo_site)
    where = leaks(texts, "Hélène Marchand")
    assert "composition/index.html ('hélène marchand')" in where
    assert "donnees/membres.json ('hélène marchand')" in where
    assert "instances/bureau/index.html ('hélène marchand')" in where


def plant(tmp: Path, consent: str) -> Path:
    """A copy of the demo whose list gains a vice-president of the bureau named MARKER, with the spreadsheet it
    was saved from kept beside it; returns its built site."""
    project = tmp / "projet"
    shutil.copytree(REPO / "content", project / "content")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    path = project / "content" / "composition" / "membres.csv"
    path.write_text(path.read_text(encoding="utf-8") + f"{MARKER},F,15-29,Associations,Lanceval,"
                    f"bureau;groupe-mobilites,vice-presidente,2025-01-06,,{consent}\n", encoding="utf-8")
    (path.parent / "membres.xlsx").write_bytes(b"classeur " + MARKER.encode())  # not a page: copied, were it not withheld
    result = mkdocs_build(project / "mkdocs.yml", project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.mark.parametrize("consent", ["non", ""])
def test_a_planted_member_without_consent_is_counted_never_named(tmp_path, consent):
    site = plant(tmp_path, consent)
    texts = site_texts(site)
    assert leaks(texts, MARKER) == []
    assert "compte <strong>35</strong> membres" in texts["composition/index.html"]  # counted all the same
    assert not (site / "composition" / "membres.xlsx").exists() and not (site / "composition" / "membres.csv").exists()


def test_the_same_member_with_consent_is_found_everywhere_a_name_goes(tmp_path):
    """The search above would see a leak: with consent, the marker is in the page, the body's and the export."""
    where = {entry.split(" (")[0] for entry in leaks(site_texts(plant(tmp_path, "oui")), MARKER)}
    assert {"composition/index.html", "instances/bureau/index.html", "instances/groupe-mobilites/index.html",
            "donnees/membres.json", "donnees/membres.csv"} <= where
