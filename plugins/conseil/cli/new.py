"""`conseil new`: a correctly named record with every required key, ready to fill in."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from ..core import files_in, load
from ..core.editing.scaffold import base_id, new_record_text, record_type_named, records_to_create_first
from ..core.model import schema
from ..core.model.dates import reference_date
from .check import check_paths
from .console import make_console, print_diagnostics
from .project import open_project

TYPE_NAMES = ", ".join(t.singular for t in schema.RECORD_TYPES.values())


def _parse_day(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"« {value} » n'est pas une date AAAA-MM-JJ") from None


def free_path(folder: Path, record_id: str) -> Path:
    """`<id>.md`, or `<id>-2.md`, `<id>-3.md`… when taken: an existing record is never overwritten."""
    candidate = folder / f"{record_id}.md"
    number = 2
    while candidate.exists():
        candidate = folder / f"{record_id}-{number}.md"
        number += 1
    return candidate


@click.command("new")
@click.argument("type_name", metavar="TYPE")
@click.argument("titre")
@click.option("--date", "day", callback=_parse_day, metavar="AAAA-MM-JJ",
              help="Date de la fiche (par défaut : aujourd'hui, heure de Paris).")
@click.option("--brouillon", is_flag=True, help="Crée la fiche en brouillon : vérifiée mais jamais publiée.")
@click.option("--config-file", "-f", type=click.Path(dir_okay=False, path_type=Path),
              help="Le mkdocs.yml du site (par défaut : celui du dossier courant).")
def new(type_name: str, titre: str, day: date | None, brouillon: bool, config_file: Path | None) -> None:
    """Crée une fiche TYPE intitulée TITRE, bien nommée, avec tous ses champs expliqués.

    TYPE : assemblee, contribution, reponse, elu, organe, dossier, theme, instance, concertation, bilan ou outil
    (au singulier ou au pluriel).
    Exemple : conseil new contribution "Mobilités du quotidien".
    """
    record_type = record_type_named(type_name)
    if record_type is None:
        raise click.BadParameter(f"type « {type_name} » inconnu ; types : {TYPE_NAMES}", param_hint="TYPE")
    if not titre.strip():
        raise click.BadParameter("le titre est vide", param_hint="TITRE")
    project, settings = open_project(config_file)
    day = day or reference_date()
    corpus = load(files_in(project.content_dir), settings)
    folder = project.content_dir / record_type.name
    folder.mkdir(parents=True, exist_ok=True)
    path = free_path(folder, base_id(record_type, titre, day))
    with path.open("x", encoding="utf-8") as out:  # "x": fail rather than overwrite, even in a race
        out.write(new_record_text(record_type, titre.strip(), day, corpus.index, corpus.graph, brouillon=brouillon,
                                  communes=settings.communes))

    console = make_console()
    shown = _shown(path)
    console.print(f"Fiche créée : [bold]{shown}[/bold]")
    if path.stem != base_id(record_type, titre, day):
        console.print(f"(le nom {base_id(record_type, titre, day)}.md était déjà pris)", style="yellow")
    outcome = check_paths([path], project)
    if outcome.diagnostics:
        print_diagnostics(console, outcome.diagnostics, outcome.sources)
        console.print("La fiche est créée mais demande encore les corrections ci-dessus.", style="bold yellow")
        for target in records_to_create_first(record_type, corpus.index, day):
            console.print(f"aide : le site n'a encore aucune fiche {target}/ ; créez-en une d'abord "
                          f"(« conseil new {schema.RECORD_TYPES[target].singular} \"…\" »), puis citez-la dans cette fiche.")
    else:
        console.print("Vérifiée : aucun problème. Complétez-la, puis lancez « conseil check ».", style="green")


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)
