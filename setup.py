"""Build hook: the wheel carries the browser editor (Decap CMS), so that building a council's site needs no Node.

Everything else about the package is declared in pyproject.toml. Here, two setuptools commands learn to copy
the prebuilt bundles of the npm packages pinned by package-lock.json (decap-cms, yaml) into the package, under
`conseil/vendor/<npm package>/…` (the same layout as node_modules, with each package's licence):

- `build_py` (every wheel): from node_modules/ when it is there, checked against package-lock.json; else the
  package must already hold them (a wheel built from our sdist); else the build stops with a French message.
- `sdist`: the same copy into the source archive, so that a wheel built from it needs no Node either.

An editable install (`pip install -e .`, the development checkout) copies nothing: the plugin reads node_modules/.
The bundle is never committed: plugins/conseil/vendor/ is in .gitignore.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

ROOT = Path(__file__).resolve().parent
NODE_MODULES = ROOT / "node_modules"
VENDOR = Path("conseil") / "vendor"  # inside the package
# npm package -> the files a site's /admin/ serves (globs under the package's folder), then its licence files.
BUNDLES = {
    "decap-cms": ("dist/decap-cms.js", "dist/decap-cms.js.LICENSE.txt", "dist/*.decap-cms.js", "dist/*.wasm",
                  "package.json"),
    "yaml": ("browser/dist/**/*.js", "LICENSE", "package.json"),
}


class BundleError(SystemExit):
    pass


def pinned_version(package: str) -> str:
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    return lock["packages"][f"node_modules/{package}"]["version"]


def copy_bundles(target: Path) -> None:
    """Copy each npm package's bundle from node_modules/ into `target` (…/conseil/vendor)."""
    for package, patterns in BUNDLES.items():
        source = NODE_MODULES / package
        installed = json.loads((source / "package.json").read_text(encoding="utf-8"))["version"]
        if installed != pinned_version(package):
            raise BundleError(f"conseil : node_modules/{package} est en version {installed}, package-lock.json "
                              f"demande {pinned_version(package)} ; lancez « npm ci » avant de construire le paquet")
        shutil.rmtree(target / package, ignore_errors=True)
        for pattern in patterns:
            found = sorted(source.glob(pattern))
            if not found:
                raise BundleError(f"conseil : {source}/{pattern} est introuvable ; lancez « npm ci »")
            for path in found:
                destination = target / package / path.relative_to(source)
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, destination)


def has_bundles(folder: Path) -> bool:
    return (folder / "decap-cms" / "dist" / "decap-cms.js").is_file() and \
        (folder / "yaml" / "browser" / "dist" / "index.js").is_file()


def node_modules_ready() -> bool:
    return all((NODE_MODULES / package / "package.json").is_file() for package in BUNDLES)


class BuildWithBundles(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / VENDOR
        if node_modules_ready():
            copy_bundles(target)
        elif not has_bundles(target):  # an sdist's copy was already taken as package data
            raise BundleError("conseil : le paquet doit contenir l'éditeur Decap CMS, mais node_modules/ est absent "
                              "et le paquet n'en contient pas de copie : lancez « npm ci » (versions de "
                              "package-lock.json), puis reconstruisez le paquet")


class SdistWithBundles(sdist):
    def make_release_tree(self, base_dir: str, files: list[str]) -> None:
        super().make_release_tree(base_dir, files)
        if not node_modules_ready():
            raise BundleError("conseil : node_modules/ est absent ; lancez « npm ci » avant de construire l'archive")
        copy_bundles(Path(base_dir) / "plugins" / VENDOR)


setup(cmdclass={"build_py": BuildWithBundles, "sdist": SdistWithBundles})
