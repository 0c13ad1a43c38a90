"""Generated French is correct on every page of the demo: no « de la avis », « de le », « à les »…

The visible text of each built page (not attributes, URLs, scripts or styles) is scanned for an article
that should have elided or contracted. An aspirated h keeps its article (« la hausse », « la haute vallée »).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.site.sitefiles import site_pages

_VOWEL_START = "aeiouàâäéèêëîïôöùûüœæ"
# The aspirated-h words of the demo and of a council's vocabulary: « la hausse » is right, « la habitat » is not.
_H_ASPIRE = ("hache", "haie", "haine", "hall", "halle", "halte", "hameau", "handicap", "hangar", "harcèlement",
             "hasard", "hâte", "hausse", "haut", "hauteur", "héros", "hiérarchie", "hockey", "honte", "hors",
             "housse", "huit")
_NOT_ELIDED = re.compile(
    rf"\b(?:de la|la|le) (?!(?:{'|'.join(_H_ASPIRE)})\w*\b|onze\b|onzième\b)[{_VOWEL_START}h]\w*",
    re.IGNORECASE)
_NOT_CONTRACTED = re.compile(r"\b(?:de le|à le|de les|à les)\b", re.IGNORECASE)


class _VisibleText(HTMLParser):
    """The text nodes of a page, outside <script> and <style>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._hidden += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.parts))


def french_mistakes(text: str) -> list[str]:
    found = []
    for pattern in (_NOT_ELIDED, _NOT_CONTRACTED):
        found += [text[max(0, m.start() - 30):m.end() + 10] for m in pattern.finditer(text)]
    return found


@pytest.mark.parametrize("text", [
    "Texte de la avis", "Texte de la alerte", "réponse de le élu", "aux élus de les communes",
    "la habitat", "le élu", "réponse à le conseil", "à les élus", "Texte <b>de la</b> avis",
])
def test_the_scan_finds_each_mistake(text):
    assert french_mistakes(visible_text(text))


@pytest.mark.parametrize("text", [
    "Texte de l'avis", "la hausse des loyers", "la haute vallée", "la halte de Villard", "le onze mars",
    "la contribution", "du thème", '<a href="/la-avis/" title="de le">lien</a>', "<script>de la avis</script>",
])
def test_the_scan_lets_correct_french_and_markup_pass(text):
    assert not french_mistakes(visible_text(text))


def test_no_page_of_the_demo_has_an_article_error(demo_site: Path):
    pages = site_pages(demo_site)
    assert len(pages) > 90  # every page, not a sample
    mistakes = [f"{p.relative_to(demo_site)} : « {m} »" for p in pages
                for m in french_mistakes(visible_text(p.read_text(encoding="utf-8")))]
    assert not mistakes, "\n".join(mistakes)
