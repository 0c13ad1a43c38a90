"""Browser editing at /admin/: Decap CMS served from the site itself, configured from the model.

Every file is a generated static file (no Markdown page): it is in no navigation, no sitemap and no
search index. The CMS bundle comes from the package itself (`conseil/vendor/`, copied from the npm packages
pinned by package-lock.json when the wheel is made: building a site needs no Node), never a CDN; a development
checkout, whose editable install holds no copy, reads `node_modules/`.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from ..core.editing.decap import Backend, config_yaml, decap_config

ADMIN = "admin"
PACKAGE = Path(__file__).resolve().parent.parent
_ASSETS = PACKAGE / "assets" / "admin"
_VENDOR = PACKAGE / "vendor"  # the bundles shipped in the wheel, laid out as in node_modules/ (setup.py)
_REPOSITORY = PACKAGE.parent.parent  # plugins/conseil -> the repository with package.json (a development checkout)
_DECAP_DIST = "decap-cms/dist"  # the prebuilt bundle and the chunks it loads beside itself
_YAML_DIST = "yaml/browser/dist"  # the YAML library of our front matter format, as ES modules


def add_admin(files: Files, config: MkDocsConfig, options, *, preview: bool) -> None:
    """/admin/index.html, config.yml, our format and the CMS bundle, when `cms.backend` is set."""
    if not options.backend:
        return
    backend = Backend.from_options(dict(options))
    if backend.name in ("github", "gitlab") and not backend.repo:
        raise PluginError(f"conseil : cms.repo est obligatoire avec le backend « {backend.name} » "
                          "(mkdocs.yml), par exemple « repo: organisation/site-conseil »")
    modules = _node_modules(Path(config.config_file_path).parent, options.node_modules)
    decap_dist, yaml_dist = modules / _DECAP_DIST, modules / _YAML_DIST
    content_dir = _relative(Path(config.docs_dir), Path(config.config_file_path).parent)
    settings = decap_config(content_dir, backend, site_url=config.site_url or None,
                            local_port=options.port_local if preview else None)
    files.append(File.generated(config, f"{ADMIN}/config.yml", content=config_yaml(settings)))
    favicon = config.theme.get("favicon")  # the site's own, else none (no request for /favicon.ico)
    page = (_ASSETS / "index.html").read_text(encoding="utf-8")
    files.append(File.generated(config, f"{ADMIN}/index.html",
                                content=page.replace("{favicon}", f"../{favicon}" if favicon else "data:,")))
    for name in ("manual-init.js", "conseil-cms.js"):
        files.append(File.generated(config, f"{ADMIN}/{name}", abs_src_path=str(_ASSETS / name)))
    bundle = [decap_dist / "decap-cms.js", decap_dist / "decap-cms.js.LICENSE.txt",
              *sorted(decap_dist.glob("*.decap-cms.js")), *sorted(decap_dist.glob("*.wasm"))]
    for path in bundle:
        files.append(File.generated(config, f"{ADMIN}/{path.name}", abs_src_path=str(path)))
    for path in sorted(yaml_dist.rglob("*.js")):
        files.append(File.generated(config, f"{ADMIN}/yaml/{path.relative_to(yaml_dist).as_posix()}",
                                    abs_src_path=str(path)))


def _node_modules(site: Path, option: str | None) -> Path:
    """The folder holding the CMS bundles: the option, else the package's own copy, else a node_modules/ beside
    mkdocs.yml or beside our package.json (a development checkout)."""
    candidates = [site / option] if option else [_VENDOR, site / "node_modules", _REPOSITORY / "node_modules"]
    for folder in candidates:
        if (folder / _DECAP_DIST / "decap-cms.js").is_file() and (folder / _YAML_DIST / "index.js").is_file():
            return folder
    if option:
        raise PluginError(f"conseil : Decap CMS est introuvable dans {candidates[0]} (cms.node_modules de mkdocs.yml) ; "
                          "lancez « npm ci » dans ce dossier, ou retirez cms.node_modules pour utiliser la copie du paquet")
    raise PluginError("conseil : Decap CMS est introuvable : ce paquet conseil n'en contient pas de copie (installation "
                      "de développement) et node_modules/ est absent ; lancez « make install » (ou « npm ci »), "
                      "installez le paquet construit (pip install conseil-….whl), ou retirez cms.backend de mkdocs.yml")


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
