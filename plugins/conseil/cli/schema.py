"""`conseil schema`: the JSON Schemas and the editor configuration, generated from the model."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from ..core.editing.decap import Backend, config_yaml, decap_config
from ..core.editing.editor import frontmatter_config, vscode_extensions, vscode_settings
from ..core.editing.jsonschema import all_schemas
from ..core.editing.reference import content_model_reference
from .console import make_console
from .project import ProjectError, discover

SCHEMAS_DIR = "schemas"
REFERENCE = Path("docs") / "modele-de-contenu.md"  # the model's reference, for the people who write records


def generated_files(root: Path, content_dir: Path, schemas_dir: str = SCHEMAS_DIR,
                    cms: dict | None = None, site_url: str | None = None) -> dict[Path, str]:
    """Every file `conseil schema` writes, with its text: the model (and mkdocs.yml's `cms:`) is their only source."""
    content = _relative(content_dir, root)
    files = {root / schemas_dir / name: _dump(data) for name, data in all_schemas().items()}
    files[root / "frontmatter.json"] = _dump(frontmatter_config(content))
    files[root / ".vscode" / "settings.json"] = _dump(vscode_settings(schemas_dir, content))
    files[root / ".vscode" / "extensions.json"] = _dump(vscode_extensions())
    files[root / "admin" / "config.yml"] = config_yaml(decap_config(content, Backend.from_options(cms),
                                                                    site_url=site_url))
    files[root / REFERENCE] = content_model_reference()
    return files


def _dump(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return os.path.relpath(path.resolve(), root.resolve())


@click.command("schema")
@click.option("--check", "check_only", is_flag=True,
              help="N'écrit rien : échoue (code 1) si un fichier généré n'est plus à jour avec le modèle.")
@click.option("--config-file", "-f", type=click.Path(dir_okay=False, path_type=Path),
              help="Le mkdocs.yml du site (par défaut : celui du dossier courant).")
def schema(check_only: bool, config_file: Path | None) -> None:
    """Écrit les schémas JSON des fiches et la configuration des éditeurs.

    schemas/<type>.schema.json : un schéma JSON (Draft 2020-12) par type de fiche ;
    frontmatter.json : les types de contenu de Front Matter CMS (champs, choix, liens entre fiches) ;
    .vscode/settings.json et extensions.json : les réglages de VS Code qui s'en servent ;
    admin/config.yml : les formulaires de Decap CMS (édition dans le navigateur, /admin/).
    docs/modele-de-contenu.md : la référence de chaque clé et de chaque code d'erreur.
    """
    try:
        project = discover(config_file)
    except ProjectError as error:
        raise click.UsageError(str(error)) from None
    console = make_console()
    stale = []
    files = generated_files(project.root, project.content_dir, cms=project.options.get("cms"),
                            site_url=project.site_url)
    for path, text in files.items():
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        shown = _relative(path, Path.cwd())
        if current == text:
            console.print(f"à jour : {shown}", style="dim")
            continue
        if check_only:
            stale.append(shown)
            console.print(f"pas à jour : {shown}", style="bold red")
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        console.print(f"écrit : {shown}", style="green")
    if stale:
        console.print("Lancez « conseil schema » pour régénérer ces fichiers depuis le modèle.", style="bold")
        raise SystemExit(1)
