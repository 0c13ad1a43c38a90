"""The report pages of the demo site: figures from the records, accessible charts, the team's narrative, print."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, REPO, mkdocs_build

pytestmark = pytest.mark.slow


def report_html(site: Path, slug: str) -> str:
    return (site / "rapport" / slug / "index.html").read_text(encoding="utf-8")


def test_one_report_per_year_with_records_and_one_per_configured_period(demo_site):
    built = sorted(p.parent.name for p in (demo_site / "rapport").glob("*/index.html"))
    # 2023: only the PLUi concertation ended; 2024: only its bilan. Each still has its report.
    assert built == ["2016", "2023", "2024", "2025", "2026", "mandature-2020-2026"]
    index = (demo_site / "rapport" / "index.html").read_text(encoding="utf-8")
    for slug in built:
        assert f'href="{slug}/"' in index


def test_nav_leads_to_the_reports_and_the_open_data(demo_site):
    home = (demo_site / "index.html").read_text(encoding="utf-8")
    assert "Rapport d&#39;activité" in home or "Rapport d'activité" in home
    assert "Données ouvertes" in home


def test_the_report_shows_the_hand_counted_figures(demo_site):
    html = report_html(demo_site, "2025")
    expected = json.loads((FIXTURES / "rapport-2025.json").read_text(encoding="utf-8"))
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("\u00a0", " ")
    assert f"{expected['assemblees']} réunions tenues" in text
    # « près de 400 » at the national meetings makes the year's total a rough one.
    assert f"environ {expected['participants']:,} participations".replace(",", " ") in text  # \s took the thin space
    assert f"{round(expected['taux_reponse'] * 100)} % de taux de réponse : {expected['repondues']} contributions sur {expected['attendues']}" in text
    assert f"{expected['delai_median_jours']} jours de délai médian de réponse (le plus long : {expected['delai_max_jours']} jours)" in text
    for contribution_id in expected["en_retard"]:
        assert f"contributions/{contribution_id}/" in html


def test_the_report_states_how_its_figures_are_computed(demo_site):
    html = report_html(demo_site, "2025")
    assert "Comment ces chiffres sont calculés" in html
    assert "Taux de réponse</strong> : parmi les contributions de la période qui attendent une réponse" in html
    assert "de la remise de la contribution à sa première réponse" in html


def test_the_narrative_of_the_team_is_merged_into_the_report(demo_site):
    assert "mise en route du programme de travail" in report_html(demo_site, "2025")
    assert "mise en route du programme de travail" not in report_html(demo_site, "2026")
    assert not (demo_site / "rapports").exists()  # the narrative file is not a page of its own


class ChartParser(HTMLParser):
    """Collects each <svg> with its title, desc and inner tags, and each table's caption and header cells."""

    def __init__(self) -> None:
        super().__init__()
        self.charts: list[dict] = []
        self.tables: list[dict] = []
        self.in_svg = False
        self.text_of: str | None = None  # the element whose text is being collected

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "svg":
            self.in_svg = True
            self.charts.append({"attrs": attrs, "title": "", "desc": "", "tags": set()})
        elif self.in_svg:
            self.charts[-1]["tags"].add(tag)
            if tag in ("title", "desc"):
                self.text_of = tag
                self.charts[-1][tag + "_id"] = attrs.get("id")
        elif tag == "table":
            self.tables.append({"caption": "", "th": []})
        elif tag == "caption" and self.tables:
            self.text_of = "caption"
        elif tag == "th" and self.tables:
            self.tables[-1]["th"].append(attrs.get("scope"))

    def handle_endtag(self, tag):
        if tag == "svg":
            self.in_svg = False
        if tag in ("title", "desc", "caption"):
            self.text_of = None

    def handle_data(self, data):
        if self.text_of in ("title", "desc"):
            self.charts[-1][self.text_of] += data
        elif self.text_of == "caption":
            self.tables[-1]["caption"] += data


def test_charts_are_accessible_svg_with_the_same_data_as_a_table(demo_site):
    html = report_html(demo_site, "2025")
    parser = ChartParser()
    parser.feed(html)
    charts = [c for c in parser.charts if "cdd-graphique" in (c["attrs"].get("class") or "")]
    assert len(charts) >= 6
    for chart in charts:
        assert chart["attrs"]["role"] == "img"
        assert chart["attrs"]["aria-labelledby"] == f"{chart['title_id']} {chart['desc_id']}"
        assert chart["title"].strip() and chart["desc"].strip()
        assert not chart["tags"] & {"script", "image", "use", "foreignobject", "a"}
    svgs = re.findall(r'<svg[^>]*class="cdd-graphique".*?</svg>', html, flags=re.S)
    for svg in svgs:
        assert "javascript" not in svg.lower() and "href" not in svg
        assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", svg)  # nothing loaded from elsewhere
    # Each count chart is followed by its table: same caption, header cells with a scope.
    captions = {t["caption"].strip() for t in parser.tables}
    for chart in charts:
        if chart["title"].startswith("Taux de réponse par élu"):
            continue  # its data is the élu table's « Taux de réponse » column
        assert chart["title"] in captions
    assert all(scope in ("col", "row") for t in parser.tables for scope in t["th"])


def test_the_chart_description_holds_the_figures(demo_site):
    html = report_html(demo_site, "2025")
    desc = re.search(r'<desc id="rapport-contributions-nature-graphique-desc">(.*?)</desc>', html).group(1)
    assert desc == "Avis : 4 ; Contribution : 2 ; Alerte : 3 ; Question : 3."


def test_the_print_stylesheet_makes_a_clean_a4_document(demo_site):
    css = (demo_site / "assets" / "conseil" / "rapport.css").read_text(encoding="utf-8")
    assert re.search(r"@page\s*{[^}]*size:\s*A4", css)
    print_rules = css[css.index("@media print"):]
    for hidden in (".md-header", ".md-tabs", ".md-sidebar", ".md-footer"):
        assert hidden in print_rules
    assert "break-before: page" in print_rules
    assert 'a[href^="http"]::after { content: " (" attr(href) ")"' in print_rules
    assert 'href="../../assets/conseil/rapport.css"' in report_html(demo_site, "2025")


def test_a_narrative_for_no_period_fails_the_strict_build(tmp_path):
    site = tmp_path / "projet"
    (site / "content").mkdir(parents=True)
    for name in ("themes", "elus"):
        (site / "content" / name).symlink_to(REPO / "content" / name)
    (site / "content" / "rapports").mkdir()
    (site / "content" / "rapports" / "1999.md").write_text("Texte d'une année sans fiche.\n", encoding="utf-8")
    (site / "mkdocs.yml").write_text("site_name: Essai\ndocs_dir: content\ntheme:\n  name: material\n"
                                     "  language: fr\nplugins:\n  - conseil\n", encoding="utf-8")
    result = mkdocs_build(site / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert "content/rapports/1999.md ne correspond à aucune période de rapport" in result.stderr


def test_the_comparison_table_sets_each_figure_beside_the_previous_year(demo_site):
    html = report_html(demo_site, "2026")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("\u00a0", " ").replace("&nbsp;", " ")
    previous = json.loads((FIXTURES / "rapport-2025.json").read_text(encoding="utf-8"))
    current = json.loads((FIXTURES / "rapport-2026.json").read_text(encoding="utf-8"))
    change = current["assemblees"] - previous["assemblees"]
    sign = "+" if change >= 0 else "−"
    assert f"Réunions tenues {current['assemblees']} {previous['assemblees']} {sign}{abs(change)}" in text
    points = round((current["taux_reponse"] - previous["taux_reponse"]) * 100)
    assert f"Taux de réponse {round(current['taux_reponse'] * 100)} % {round(previous['taux_reponse'] * 100)} %" in text
    assert f"{'+' if points >= 0 else '−'}{abs(points)} points" in text
