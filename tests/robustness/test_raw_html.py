"""Raw HTML in a record never runs: the validator rejects the obvious, the sanitiser and escaping catch the rest."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import REPO, mkdocs_build
from tests.site.pagefind_index import fragments
from conseil.core import Settings, SourceFile, load
from conseil.plugin.sanitise import sanitise

DANGEROUS_BODIES = {
    "script": "<script>alert('x')</script>",
    "iframe": '<iframe src="https://example.org/"></iframe>',
    "gestionnaire": '<img src="photo.png" onerror="alert(1)">',
    "gestionnaire-majuscules": '<p ONCLICK="alert(1)">x</p>',
    "lien-javascript": '<a href="javascript:alert(1)">x</a>',
    "lien-javascript-markdown": "[x](javascript:alert(1))",
    "objet": '<object data="x.swf"></object>',
    "style": "<style>body{display:none}</style>",
}
# What slips past a line-by-line validator and must be caught by the sanitiser or the escaping.
EVASIVE_BODY = """Texte.

<a href="jav&#x61;script:alert('entite')">entité</a>
<a href="java&#9;script:alert('tabulation')">tabulation</a>
<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">données</a>
<img src="https://traceur.example.net/pixel.gif" alt="pixel">
<img src="//traceur.example.net/pixel.gif" alt="pixel">
<svg><a href="#">x</a></svg>
"""
FIELD_PAYLOAD = "<img src=x onerror=alert('champ')><script>alert('champ')</script>\" onmouseover=\"alert('attr')"


class ActiveContent(HTMLParser):
    """Everything in a page that could run code or call another host, outside Material's own scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            plain = re.sub(r"[\x00-\x20\x7f]+", "", unescape(value or "")).lower()
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name in ("href", "src", "action", "formaction") and re.match(r"(javascript|data|vbscript):", plain):
                self.found.append(f"<{tag} {name}={value}>")
            if tag == "img" and name == "src" and (plain.startswith("//") or "://" in plain):
                self.found.append(f"<img src={value}>")
        if tag in ("iframe", "object", "embed", "style"):  # Material has one <form>: its search
            self.found.append(f"<{tag}>")
        self._script = tag == "script"

    def handle_endtag(self, tag):
        self._script = False

    def handle_data(self, data):
        if self._script and "alert(" in data:
            self.found.append(f"<script>{data[:40]}")


def active_content(html: str) -> list[str]:
    parser = ActiveContent()
    parser.feed(html)
    parser.close()
    return parser.found


@pytest.mark.parametrize("name", sorted(DANGEROUS_BODIES))
def test_validator_rejects_dangerous_html_in_a_body(name):
    text = f"---\ntitre: T\ndescription: D\n---\n\nAvant.\n\n{DANGEROUS_BODIES[name]}\n"
    corpus = load([SourceFile("themes/t.md", "content/themes/t.md", lambda: text.encode())],
                  Settings(build_date=date(2026, 11, 23)))
    found = [d for d in corpus.diagnostics if d.code == "html-interdit"]
    assert found and found[0].is_error and found[0].line == 8, corpus.diagnostics


@pytest.mark.parametrize("name", sorted(DANGEROUS_BODIES))
def test_sanitiser_removes_dangerous_html(name):
    html = sanitise(f"<p>Avant.</p>{DANGEROUS_BODIES[name]}<p>Après.</p>")
    assert not active_content(html), html
    assert "<p>Avant.</p>" in html and "<p>Après.</p>" in html


def test_sanitiser_undoes_obfuscated_schemes_and_drops_third_party_images():
    html = sanitise(EVASIVE_BODY)
    assert not active_content(html), html
    assert 'alt="pixel"' in html  # the image stays, without its tracking source
    assert sanitise('<a href="https://example.org/a">a</a> <img src="../images/plan.png" alt="plan">') == \
        '<a href="https://example.org/a">a</a> <img src="../images/plan.png" alt="plan">'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    """The demo plus a theme and a contribution whose fields and body carry what the validator lets pass."""
    project = tmp_path_factory.mktemp("hostile") / "projet"
    shutil.copytree(REPO / "content", project / "content")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    quoted = FIELD_PAYLOAD.replace("\\", "\\\\").replace('"', '\\"')
    (project / "content" / "themes" / "hostile.md").write_text(
        f'---\ntitre: "Thème {quoted}"\ndescription: "Description {quoted}"\n---\n\n{EVASIVE_BODY}', encoding="utf-8")
    (project / "content" / "contributions" / "2026-11-19-hostile.md").write_text(
        f'---\ntitre: "Avis {quoted}"\ndate: 2026-11-19\nnature: avis\norigine: saisine\n'
        f'destinataires: [claire-morel]\nthemes: [hostile]\nresume: "Résumé {quoted}"\n'
        f'recommandations:\n  - id: r1\n    texte: "Reco {quoted}"\n---\n\n{EVASIVE_BODY}', encoding="utf-8")
    site = project / "site"
    result = mkdocs_build(project / "mkdocs.yml", site)
    assert result.returncode == 0, result.stderr
    return site


def test_no_page_carries_active_content_from_a_record(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    found = {p.relative_to(hostile_site).as_posix(): active_content(p.read_text(encoding="utf-8")) for p in pages}
    found = {page: items for page, items in found.items() if items}
    assert not found, found


def test_field_markup_is_shown_as_text(hostile_site):
    page = (hostile_site / "themes" / "hostile" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#39;champ&#39;)&lt;/script&gt;" in page or "&lt;script&gt;alert('champ')" in page
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert "<script" not in title and "&lt;script&gt;" in title
    # The index keeps the field's words as text (its excerpts are text: the search page never reads them as HTML)
    search = json.dumps(fragments(hostile_site), ensure_ascii=False)
    assert "alert('champ')" in search


PREVIEW = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config("mkdocs.yml", site_dir=sys.argv[1])
config.plugins.on_startup(command="serve", dirty=False)  # what `mkdocs serve` does: errors shown, not fatal
build(config, serve_url="http://127.0.0.1:8000/")
"""


def test_preview_shows_a_rejected_body_without_its_active_content(tmp_path):
    """In `mkdocs serve`, a record the validator rejects is still shown to its editor: sanitised."""
    import subprocess
    import sys

    from tests.conftest import build_env

    project = tmp_path / "projet"
    shutil.copytree(REPO / "content", project / "content")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    body = "\n\n".join(DANGEROUS_BODIES.values())
    (project / "content" / "themes" / "dangereux.md").write_text(
        f"---\ntitre: Thème dangereux\ndescription: D\n---\n\nAvant.\n\n{body}\n\nAprès.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", PREVIEW, str(tmp_path / "site")], cwd=project,
                            env=build_env(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "themes" / "dangereux" / "index.html").read_text(encoding="utf-8")
    content = page[page.index('<div id="contenu"'):page.index("</article>")]
    assert not active_content(content), active_content(content)
    assert "Avant." in content and "Après." in content
    # The banner lists one problem per dangerous body, each on its own line of the record (8, 10, 12…).
    assert content.count("[html-interdit]") == len(DANGEROUS_BODIES), content.count("[html-interdit]")
    for number in range(len(DANGEROUS_BODIES)):
        assert f"dangereux.md:{8 + 2 * number}:" in content, f"ligne {8 + 2 * number} absente du bandeau"
