"""The composition in the demo site: its page, the bodies' pages, the report section and the open data.

Expected figures are counted by hand in content/composition/membres.csv (see test_composition_cli.py):
on 23 November 2026, 34 current members, 7 of them consenting to be named.
"""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import REPO, mkdocs_build
from tests.report.test_report_page import ChartParser

pytestmark = pytest.mark.slow

NAMED = ["Martine Aubert", "Bernard Collin", "Fatou Diallo", "Thomas Girard", "Karim Haddad", "Hélène Marchand",
         "Aurélie Noël"]  # current members with publication_nom = oui, by last name


class Tables(HTMLParser):
    """Each table's rows as lists of cell texts, by the id of its caption."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: dict[str, list[list[str]]] = {}
        self.current: str | None = None
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "caption":
            self.current = dict(attrs).get("id")
            self.tables[self.current] = []
        elif tag == "tr" and self.current:
            self.tables[self.current].append([])
        elif tag in ("td", "th") and self.current:
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None and self.current:
            self.tables[self.current][-1].append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "table":
            self.current = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def tables(html: str) -> dict[str, list[list[str]]]:
    parser = Tables()
    parser.feed(html)
    return {ident: rows[1:] for ident, rows in parser.tables.items()}  # without the header row


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("\u00a0", " ").replace("&#39;", "'")


def test_the_page_counts_current_members_and_names_only_the_consenting(demo_site):
    html = page(demo_site, "composition")
    assert "compte 34 membres" in text(html)
    assert "7 le sont, les 27 autres sont comptés sans être nommés" in text(html)
    bureau = tables(html)["table-instance-bureau"]
    assert bureau == [["Présidence", "Hélène Marchand (présidente)", "0", "1"],
                      ["Vice-présidence", "Karim Haddad (vice-président)", "1", "2"],
                      ["Membres", "Thomas Girard", "2", "3"]]
    comite = tables(html)["table-instance-comite-organisation"]
    assert comite[-1] == ["Membres", "Martine Aubert, Bernard Collin, Fatou Diallo, Thomas Girard", "17", "21"]


def test_every_body_with_its_total(demo_site):
    html = page(demo_site, "composition")
    totals = re.findall(r'<h3 id="instance-([a-z-]+)"><a href="../instances/\1/">[^<]+</a> <small>\((\d+) membres\)',
                        html)
    assert totals == [("bureau", "6"), ("comite-organisation", "24"), ("groupe-cohesion-sociale", "9"),
                      ("groupe-mobilites", "8"), ("groupe-transition-ecologique", "9")]


def test_parity_states_the_law_and_the_gap(demo_site):
    words = text(page(demo_site, "composition"))
    assert "l'écart entre le nombre des hommes et le nombre des femmes ne soit pas supérieur à un" in words
    assert "16 femmes et 18 hommes, 2 hommes de plus que de femmes" in words
    assert "L'écart est de 2, au-delà de l'écart de 1 que fixe la loi" in words
    assert tables(page(demo_site, "composition"))["table-sexes"] == [["Femmes", "16", "47 %"], ["Hommes", "18", "53 %"]]


def test_age_classes_table_beside_the_census(demo_site):
    assert tables(page(demo_site, "composition"))["table-ages"] == [
        ["15 à 29 ans", "6", "18 %", "20 %", "−1,9 points"],
        ["30 à 44 ans", "8", "24 %", "23 %", "+0,5 points"],
        ["45 à 59 ans", "9", "26 %", "25 %", "+1,9 points"],
        ["60 à 74 ans", "8", "24 %", "21 %", "+2,2 points"],
        ["75 ans ou plus", "3", "9 %", "12 %", "−2,8 points"],
    ]


def test_the_age_chart_is_an_image_with_its_data_in_words_and_a_table_of_the_same_name(demo_site):
    html = page(demo_site, "composition")
    parser = ChartParser()
    parser.feed(html)
    [chart] = [c for c in parser.charts if "cdd-graphique" in (c["attrs"].get("class") or "")]
    assert chart["attrs"]["role"] == "img"
    assert chart["attrs"]["aria-labelledby"] == "composition-ages-graphique-titre composition-ages-graphique-desc"
    assert chart["title"] in {t["caption"].strip() for t in parser.tables}
    assert chart["desc"].startswith("15 à 29 ans : 18\u00a0% des membres, 20\u00a0% de la population ; ")
    assert all(scope in ("col", "row") for t in parser.tables for scope in t["th"])


def test_colleges_communes_and_renewal(demo_site):
    html = page(demo_site, "composition")
    assert tables(html)["table-colleges"] == [["Acteurs économiques", "7", "21 %"], ["Associations", "9", "26 %"],
                                              ["Citoyens volontaires", "12", "35 %"],
                                              ["Personnalités qualifiées", "6", "18 %"]]
    assert "7 communes sur 8 comptent au moins un membre" in text(html)
    communes = tables(html)["table-communes"]
    assert communes[0] == ["Val-d'Arvel", "12", "35 %"] and communes[-1] == ["Villard-Sainte-Odile", "2", "6 %"]
    assert "Les Granges-d'Arvel" not in [row[0] for row in communes]
    assert '<time datetime="2027-01-15">15 janvier 2027</time>' in html


def test_a_body_has_its_page_with_its_members(demo_site):
    html = page(demo_site, "instances/bureau")
    assert "<h1>Bureau</h1>" in html and "La présidente, les deux vice-présidents" in html
    assert tables(html)["table-membres"][0] == ["Présidence", "Hélène Marchand (présidente)", "0", "1"]
    index = tables(page(demo_site, "instances"))["table-instances"]
    assert [row[1] for row in index] == ["6", "24", "9", "8", "9"]


def test_the_member_list_itself_is_not_published(demo_site):
    assert sorted(p.relative_to(demo_site).as_posix() for p in (demo_site / "composition").rglob("*")) == \
        ["composition/index.html"]


def test_the_report_has_the_composition_at_the_end_of_its_period(demo_site):
    words = text(page(demo_site, "rapport/2025"))
    # 31 December 2025: the 34 current members plus Julie Moreau (left 31 March 2026): 17 women, 18 men.
    assert "Au 31 décembre 2025, le conseil compte 35 membres, venus de 7 communes sur 8" in words
    assert "17 femmes et 18 hommes, 1 homme de plus que de femmes" in words and "L'écart (1) respecte la règle" in words
    ages = tables(page(demo_site, "rapport/2025"))["rapport-composition-ages"]
    assert [row[:2] for row in ages] == [["15 à 29 ans", "6"], ["30 à 44 ans", "9"], ["45 à 59 ans", "9"],
                                         ["60 à 74 ans", "8"], ["75 ans ou plus", "3"]]
    current = text(page(demo_site, "rapport/2026"))  # the period is not over: the build date
    assert "Au 23 novembre 2026, le conseil compte 34 membres" in current
    assert "L'écart est de 2" in current


def test_the_report_names_nobody(demo_site):
    html = page(demo_site, "rapport/2025")
    assert not [nom for nom in NAMED + ["Julie Moreau"] if nom in html]


def test_open_data_counts_and_consenting_names(demo_site):
    rows = json.loads((demo_site / "donnees" / "composition.json").read_text(encoding="utf-8"))
    counts = {(r["dimension"], r["valeur"]): r["membres"] for r in rows}
    assert (counts[("sexe", "F")], counts[("sexe", "M")]) == (16, 18)
    assert [counts[("tranche_age", t)] for t in ("15-29", "30-44", "45-59", "60-74", "75+")] == [6, 8, 9, 8, 3]
    assert counts[("college", "Citoyens volontaires")] == 12 and counts[("commune", "Lanceval")] == 4
    assert counts[("instance", "comite-organisation")] == 24
    population = {r["valeur"]: r["part_population"] for r in rows if r["dimension"] == "tranche_age"}
    assert population == {"15-29": 0.195, "30-44": 0.23, "45-59": 0.246, "60-74": 0.213, "75+": 0.116}
    membres = json.loads((demo_site / "donnees" / "membres.json").read_text(encoding="utf-8"))
    assert [m["nom"] for m in membres] == NAMED
    assert set(membres[0]) == {"id", "nom", "fonction", "instances", "college", "commune", "debut"}  # no sex, no age


def test_a_site_without_a_member_list_has_no_composition_page(tmp_path):
    project = tmp_path / "projet"
    shutil.copytree(REPO / "content", project / "content")
    (project / "content" / "composition" / "membres.csv").unlink()
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("  - Composition: composition/index.md\n", "")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = mkdocs_build(project / "mkdocs.yml", project / "site")
    assert result.returncode == 0, result.stderr
    assert not (project / "site" / "composition").exists()
    bureau = page(project / "site", "instances/bureau")
    assert "Aucun membre n'est inscrit dans cette instance" in bureau and "composition/" not in bureau
    assert not (project / "site" / "donnees" / "membres.json").read_text(encoding="utf-8").strip("[]\n")
