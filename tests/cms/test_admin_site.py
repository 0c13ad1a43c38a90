"""/admin/ in the built site: served from the site itself, configured from mkdocs.yml, hidden from readers and robots."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import REPO, mkdocs_build
from tests.site.pagefind_index import fragments

SMALL_SITE = "site_name: Essai\nsite_url: https://essai.example.org/\ndocs_dir: content\ntheme:\n  name: material\n"


def _pinned(package: str) -> str:
    lock = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))
    return lock["packages"][f"node_modules/{package}"]["version"]


def test_the_admin_page_loads_only_files_of_the_site(demo_site: Path):
    page = (demo_site / "admin" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    sources = re.findall(r'<script[^>]*\bsrc="([^"]+)"', page)
    assert sources == ["manual-init.js", "decap-cms.js", "conseil-cms.js"]
    assert not re.search(r"<script>(?!</script>)", page)  # no inline script: the page's policy forbids them
    assert "script-src 'self'" in page
    assert '<link rel="icon" href="../assets/images/favicon.png">' in page and \
        (demo_site / "assets" / "images" / "favicon.png").is_file()  # the site's icon: no request left unanswered
    bundle = (demo_site / "admin" / "decap-cms.js").read_text(encoding="utf-8")
    assert _pinned("decap-cms") in bundle  # the version of package-lock.json, not a CDN's latest
    assert (demo_site / "admin" / "yaml" / "index.js").is_file()
    assert not list((demo_site / "admin").glob("*.map"))  # 50 MB of source maps stay out


def test_the_served_config_is_the_committed_one(demo_site: Path):
    assert (demo_site / "admin" / "config.yml").read_text(encoding="utf-8") == \
        (REPO / "admin" / "config.yml").read_text(encoding="utf-8")


def test_admin_is_out_of_the_sitemap_the_search_index_and_every_page(demo_site: Path):
    assert "/admin" not in (demo_site / "sitemap.xml").read_text(encoding="utf-8")
    indexed = [fragment["url"] for fragment in fragments(demo_site)]
    assert indexed and not [url for url in indexed if url.startswith("/admin")]
    linking = [p for p in demo_site.rglob("*.html")
               if "admin" not in p.relative_to(demo_site).parts and "admin/" in p.read_text(encoding="utf-8")]
    assert not linking


def _small_site(tmp_path: Path, cms: str) -> Path:
    (tmp_path / "content" / "themes").mkdir(parents=True)
    (tmp_path / "content" / "index.md").write_text("# Essai\n", encoding="utf-8")
    (tmp_path / "content" / "themes" / "eau.md").write_text("---\ntitre: Eau\n---\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(SMALL_SITE + "plugins:\n  - conseil:\n" + cms, encoding="utf-8")
    return tmp_path / "mkdocs.yml"


def test_without_a_backend_there_is_no_admin(tmp_path: Path):
    result = mkdocs_build(_small_site(tmp_path, "      nom: Essai\n"), tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "site" / "admin").exists()


def test_a_gitlab_backend_is_served_with_its_settings(tmp_path: Path):
    config = _small_site(tmp_path, "      cms:\n        backend: gitlab\n        repo: groupe/site\n"
                                   "        app_id: 0123abcd\n")
    result = mkdocs_build(config, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    served = (tmp_path / "site" / "admin" / "config.yml").read_text(encoding="utf-8")
    assert "name: gitlab\n  repo: groupe/site\n  branch: main\n  app_id: 0123abcd\n  auth_type: pkce\n" in served
    assert "site_url: https://essai.example.org/" in served


def test_a_hosted_backend_needs_its_repository(tmp_path: Path):
    result = mkdocs_build(_small_site(tmp_path, "      cms:\n        backend: github\n"), tmp_path / "site")
    assert result.returncode != 0
    assert "cms.repo est obligatoire avec le backend « github »" in result.stderr
