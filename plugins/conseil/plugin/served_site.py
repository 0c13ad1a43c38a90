"""The folder `serve` shows, kept from one rebuild to the next: only the files whose bytes change are written.

MkDocs 1.6 empties the site folder before every build, then writes every page and copies every asset
again: on a council of 2,000 records that is most of a preview rebuild on a slow disk, for pages whose
bytes did not change. During a serve rebuild, this module stands in for three of MkDocs' file helpers:

- emptying the folder does nothing;
- a page, a feed or an asset is written only when its bytes differ from the file already there;
- after the build, every file nobody wrote or confirmed during this build is deleted (a deleted or
  renamed record's page, a removed asset), so the folder holds what a clean build would.

The helpers are swapped for the duration of one build and put back after it, failed or not. A failed
build, or a plugin we do not know (it may write files by other means), starts the next one from an
emptied folder, as MkDocs does.
"""

from __future__ import annotations

import filecmp
import importlib
import os
from dataclasses import dataclass, field
from typing import Any

MARKER = ".conseil-reconstruction"  # hidden: MkDocs' own cleaning never removes hidden entries either


@dataclass
class ServedSite:
    """One serve session's site folder: what was confirmed unchanged during the current build."""

    reusable: bool = False  # the folder holds the output of a successful build
    site_dir: str = ""
    started_ns: int = 0  # the file system's clock when this build started
    confirmed: set[str] = field(default_factory=set)  # files left in place because their bytes were already right
    _originals: dict[str, Any] = field(default_factory=dict)
    _helpers: Any = None  # the module whose helpers stand in: `engine_utils()` when the build started

    def begin(self, site_dir: str, *, known_plugins: bool) -> None:
        """Before MkDocs empties the folder: keep it, if the previous build succeeded into the same folder."""
        site_dir = os.path.abspath(site_dir)
        if not (self.reusable and known_plugins and site_dir == self.site_dir and os.path.isdir(site_dir)):
            self.reusable = False
            self.site_dir = site_dir
            return
        self.started_ns = _file_system_now(site_dir)
        self.confirmed = set()
        self._helpers = engine_utils()
        self._originals = {name: getattr(self._helpers, name) for name in ("clean_directory", "write_file", "copy_file")}
        self._helpers.clean_directory = _keep_folder
        self._helpers.write_file = self._write_file
        self._helpers.copy_file = self._copy_file

    def finish(self) -> int:
        """The build succeeded: delete what it did not make. Returns how many files were deleted."""
        deleted = self._remove_stale() if self._originals else 0
        self._restore()
        self.reusable = True
        return deleted

    def forget(self) -> None:
        """A failed build leaves the folder half-made: the next build empties it first."""
        self._restore()
        self.reusable = False

    # -- stand-ins for MkDocs' helpers ------------------------------------------

    def _write_file(self, content: bytes, output_path: str) -> None:
        if _holds(output_path, content):
            self.confirmed.add(os.path.abspath(output_path))
            return
        self._originals["write_file"](content, output_path)

    def _copy_file(self, source_path: str, output_path: str) -> None:
        target = os.path.join(output_path, os.path.basename(source_path)) if os.path.isdir(output_path) else output_path
        if os.path.isfile(target) and filecmp.cmp(source_path, target, shallow=False):
            self.confirmed.add(os.path.abspath(target))
            return
        self._originals["copy_file"](source_path, output_path)

    # -- after the build --------------------------------------------------------

    def _remove_stale(self) -> int:
        """Files neither written (their time is this build's) nor confirmed belong to an earlier build only."""
        deleted = 0
        for root, dirs, names in os.walk(self.site_dir, topdown=False):
            if root == self.site_dir:
                names = [n for n in names if not n.startswith(".")]
                dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in names:
                path = os.path.join(root, name)
                if path in self.confirmed or os.stat(path).st_mtime_ns >= self.started_ns:
                    continue
                os.remove(path)
                deleted += 1
            if root != self.site_dir and not os.listdir(root):
                os.rmdir(root)
        return deleted

    def _restore(self) -> None:
        for name, function in self._originals.items():
            setattr(self._helpers, name, function)
        self._originals = {}
        self.confirmed = set()


def engine_utils() -> Any:
    """The file helpers of the engine that builds: `mkdocs.utils`, which ProperDocs answers with its own module
    once it runs (`properdocs.replacement` sends every `mkdocs.*` import to `properdocs.*`)."""
    return importlib.import_module("mkdocs.utils")


def _keep_folder(directory: str) -> None:
    """MkDocs' `clean_directory` during a serve rebuild: the folder is kept, stale files go after the build."""


def _holds(path: str, content: bytes) -> bool:
    """Whether the file at `path` already holds exactly `content` (a size check first: most changes show there)."""
    try:
        if os.stat(path).st_size != len(content):
            return False
        with open(path, "rb") as existing:
            return existing.read() == content
    except OSError:
        return False


def _file_system_now(site_dir: str) -> int:
    """The modification time the file system gives a file written now: its clock, not Python's, decides freshness."""
    marker = os.path.join(site_dir, MARKER)
    with open(marker, "wb"):
        pass
    try:
        return os.stat(marker).st_mtime_ns
    finally:
        os.remove(marker)
