"""Where the records are and how the site checks them: read from mkdocs.yml, without importing MkDocs."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
import yaml

from ..core import Settings
from ..core.model import schema
from ..core.reading.rules import SettingsError

# ProperDocs' own name first, as ProperDocs looks for them; a council that switched may have renamed the file.
CONFIG_NAMES = ("properdocs.yml", "properdocs.yaml", "mkdocs.yml", "mkdocs.yaml")
DEFAULT_CONTENT = "content"


class ProjectError(Exception):
    """A problem with the project's configuration, reported in French as a usage error."""


class _ConfigLoader(yaml.SafeLoader):
    """Safe YAML that reads MkDocs' `!ENV` tags and tolerates any other tag (`!!python/name:…`, `!relative`)."""


def _construct_env(loader: _ConfigLoader, node: yaml.Node) -> Any:
    """`!ENV VAR` or `!ENV [VAR1, VAR2, default]`: the first variable set, else the default (as pyyaml_env_tag)."""
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        items = loader.construct_sequence(node)
        names, default = items[:-1], items[-1] if len(items) > 1 else None
        if len(items) == 1:
            names = items
    for name in names:
        value = os.environ.get(str(name))
        if value is not None:
            return yaml.safe_load(value) if value else value
    return default


def _construct_other(loader: _ConfigLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_scalar(node)


_ConfigLoader.add_constructor("!ENV", _construct_env)
_ConfigLoader.add_multi_constructor("", _construct_other)


@dataclass(frozen=True)
class Project:
    """A site: its config file (if any), its records folder and the plugin's settings."""

    root: Path
    content_dir: Path
    config_file: Path | None
    options: dict[str, Any]  # the `conseil` plugin entry of mkdocs.yml
    site_url: str | None = None

    def settings(self) -> Settings:
        """The Settings the plugin builds from the same options."""
        try:
            return Settings.from_options(self.options, self.content_dir.resolve(),
                                         config_name=str(self.config_file or "mkdocs.yml"))
        except SettingsError as error:
            raise ProjectError(str(error)) from None


def read_config(config_file: Path) -> dict[str, Any]:
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except (OSError, yaml.YAMLError) as error:
        raise ProjectError(f"impossible de lire {config_file} : {error}") from None
    return data if isinstance(data, dict) else {}


def plugin_options(config: dict[str, Any]) -> dict[str, Any]:
    """The options of the `conseil` entry of `plugins:` (a name alone, or a one-key mapping)."""
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and "conseil" in entry:
            return dict(entry["conseil"] or {})
    plugins = config.get("plugins")
    if isinstance(plugins, dict) and "conseil" in plugins:
        return dict(plugins["conseil"] or {})
    return {}


def from_config(config_file: Path) -> Project:
    config = read_config(config_file)
    root = config_file.parent
    content_dir = root / str(config.get("docs_dir") or "docs")
    return Project(root, content_dir, config_file, plugin_options(config), config.get("site_url") or None)


def find_config(start: Path) -> Path | None:
    """The nearest mkdocs.yml (or properdocs.yml) in `start` or its parents."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
    return None


def discover(config_file: Path | None = None, cwd: Path | None = None) -> Project:
    """The project of the working directory: the docs_dir of the nearest mkdocs.yml, else ./content."""
    cwd = cwd or Path.cwd()
    if config_file is not None:
        if not config_file.is_file():
            raise ProjectError(f"fichier de configuration introuvable : {config_file}")
        return from_config(config_file)
    found = find_config(cwd)  # from a sub-folder of the site too
    if found is not None:
        return from_config(found)
    return Project(cwd, cwd / DEFAULT_CONTENT, None, {})


def project_of(path: Path, fallback: Project) -> Project | None:
    """The project a file or folder belongs to: the fallback when it is inside its content dir,
    else the nearest mkdocs.yml whose docs_dir holds it, else the folder holding its records folder;
    None when it is no record and holds none (a README, an image…)."""
    resolved = path.resolve()
    if _inside(resolved, fallback.content_dir.resolve()):
        return fallback
    config = find_config(resolved if resolved.is_dir() else resolved.parent)
    if config is not None:
        project = from_config(config)
        if _inside(resolved, project.content_dir.resolve()) or resolved == project.root.resolve():
            return project
    content_dir = content_dir_of(resolved)
    return Project(content_dir.parent, content_dir, None, {}) if content_dir else None


def content_dir_of(path: Path) -> Path | None:
    """For a path outside any configured site: the folder that holds the record folders."""
    if path.is_dir() and any((path / name).is_dir() for name in schema.RECORD_TYPES):
        return path
    for folder in (path, *path.parents):
        if folder.name in schema.RECORD_TYPES:
            return folder.parent
    return None


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def open_project(config_file: Path | None = None) -> tuple[Project, Settings]:
    """The project of a command and its settings; a configuration problem is a usage error (exit 2)."""
    try:
        project = discover(config_file)
        settings = project.settings()
    except ProjectError as error:
        raise click.UsageError(str(error)) from None
    if not project.content_dir.is_dir():
        raise click.UsageError(f"le dossier des fiches {project.content_dir} n'existe pas ; "
                               "lancez la commande à la racine du site (là où se trouve mkdocs.yml)")
    return project, settings
