"""`conseil check`: the build's validation, without building the site."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import click

from ..core import Diagnostic, files_in, record_location, validate
from ..core.graph.composition import notice, public_register
from ..core.loader import summary
from ..core.model.diagnostics import count_errors, plural, problems, sort_key
from ..core.reading.membres import MEMBRES_URI
from .console import make_console, print_diagnostics
from .formats import github_report, github_step_summary, gitlab_report, json_report
from .project import Project, ProjectError, discover, project_of

FORMATS = ("human", "github", "gitlab", "json")


@dataclass
class Outcome:
    """What a check found among the files asked for."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    sources: dict[str, list[str]] = field(default_factory=dict)
    checked: int = 0  # record files checked
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)  # the composition's parity and ages: told, never failing

    @property
    def error_count(self) -> int:
        return count_errors(self.diagnostics)

    @property
    def problems(self) -> list[Diagnostic]:
        """What fails the check: every diagnostic but the notes."""
        return problems(self.diagnostics)


def check_paths(paths: list[Path], default: Project) -> Outcome:
    """Load each content dir once, as the plugin does, and keep the problems of the files asked for."""
    started = time.perf_counter()
    wanted: dict[Path, tuple[Project, list[Path]]] = {}
    for path in paths or [default.content_dir]:
        project = project_of(path, default)
        if project is None:
            continue  # not a record: nothing to check
        entry = wanted.setdefault(project.content_dir.resolve(), (project, []))
        entry[1].append(path.resolve())
    outcome = Outcome()
    for content_dir, (project, targets) in wanted.items():
        if not content_dir.is_dir():
            raise ProjectError(f"le dossier des fiches {project.content_dir} n'existe pas")
        sources = files_in(project.content_dir, relative_to=_display_base(project))
        corpus = validate(sources, project.settings())
        whole = any(t == content_dir or t == project.root.resolve() for t in targets)
        selected = {s.display_path for s in sources if (record_location(s.uri) or s.uri == MEMBRES_URI)
                    and (whole or _selected(content_dir / s.uri, targets))}
        outcome.checked += sum(1 for path in selected if not path.endswith(MEMBRES_URI))
        outcome.diagnostics.extend(d for d in corpus.diagnostics if whole or d.path in selected)
        outcome.sources.update(corpus.sources)
        if corpus.membres is not None and any(p.endswith(MEMBRES_URI) for p in selected):
            outcome.notes += composition_notice(corpus.membres, project.settings())
    outcome.diagnostics.sort(key=sort_key)
    outcome.seconds = time.perf_counter() - started
    return outcome


def composition_notice(membres, settings) -> list[str]:
    """Parity and age shares of the current members: the law binds the deliberation, so this never fails a check."""
    return notice(public_register(membres, colleges=settings.colleges, communes=settings.communes,
                                  population_tranches_age=settings.population_tranches_age)
                  .au(settings.build_date))


def _display_base(project: Project) -> Path:
    """Paths are shown from the working directory (as the build shows them), or from the site's root below it."""
    cwd = Path.cwd().resolve()
    root = project.root.resolve()
    return cwd if cwd == root or cwd in root.parents else root


def _selected(path: Path, targets: list[Path]) -> bool:
    return any(path == t or t in path.parents for t in targets)


@click.command("check")
@click.argument("paths", nargs=-1, metavar="[CHEMINS]...", type=click.Path(exists=True, path_type=Path))
@click.option("--format", "-F", "output_format", type=click.Choice(FORMATS), default="human", show_default=True,
              help="human : lisible, en couleur sur un terminal ; github : annotations de pull request ; "
                   "gitlab : rapport Code Quality ; json : tous les détails.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Écrit le rapport dans ce fichier ; le terminal affiche alors les problèmes en clair.")
@click.option("--config-file", "-f", type=click.Path(dir_okay=False, path_type=Path),
              help="Le mkdocs.yml du site (par défaut : celui du dossier courant).")
def check(paths: tuple[Path, ...], output_format: str, output: Path | None, config_file: Path | None) -> None:
    """Vérifie les fiches sans construire le site, avec les règles et les messages de la construction.

    CHEMINS : des fiches ou des dossiers (par défaut, le docs_dir de ./mkdocs.yml, sinon content/).
    Une fiche seule est vérifiée avec toutes les autres (pour les références), mais seuls ses
    problèmes sont signalés. Code de sortie : 0 sans problème, 1 s'il y en a, 2 pour une erreur d'usage ;
    une forme dépréciée est signalée avec sa correction, sans faire échouer la vérification.

    Vérifie aussi composition/membres.csv, et note l'écart entre femmes et hommes et les classes d'âge
    des membres, sans échouer. Les réglages (delai_reponse_jours, communes, date_reference, colleges…)
    sont lus dans l'entrée « conseil » de mkdocs.yml.
    """
    try:
        outcome = check_paths(list(paths), discover(config_file))
    except ProjectError as error:
        raise click.UsageError(str(error)) from None
    report = _report(outcome, output_format)
    step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if output_format == "github" and step_summary:
        with open(step_summary, "a", encoding="utf-8") as page:
            page.write(github_step_summary(outcome.diagnostics, _summary_line(outcome)))
    if output is not None:
        output.write_text(report or "", encoding="utf-8")
    if output_format == "human" or output is not None:
        _print_human(outcome)
    else:
        click.echo(report, nl=False)
        click.echo(_summary_line(outcome), err=True)  # stdout stays a valid report
        for note in outcome.notes:
            click.echo(f"note : {note.strip()}", err=True)
    raise SystemExit(1 if outcome.problems else 0)


def _report(outcome: Outcome, output_format: str) -> str | None:
    if output_format == "github":
        return github_report(outcome.diagnostics)
    if output_format == "gitlab":
        return gitlab_report(outcome.diagnostics)
    if output_format == "json":
        return json_report(outcome.diagnostics, outcome.checked)
    return None


def _summary_line(outcome: Outcome) -> str:
    checked = plural(outcome.checked, "fiche vérifiée", "fiches vérifiées")
    if not outcome.problems:
        return f"conseil : {checked}, {summary(outcome)} ({outcome.seconds:.2f} s)."
    files = len({d.path for d in outcome.problems})
    where = plural(files, "fiche")
    return f"conseil : {summary(outcome)} dans {where} ({checked}, {outcome.seconds:.2f} s)."


def _print_human(outcome: Outcome) -> None:
    console = make_console()
    print_diagnostics(console, outcome.diagnostics, outcome.sources)
    style = "bold red" if outcome.error_count else ("bold yellow" if outcome.problems else "bold green")
    mark = "✗" if outcome.problems else "✓"
    for note in outcome.notes:
        console.print(f"note : {note}" if not note.startswith(" ") else note, style="cyan", highlight=False)
    console.print(f"{mark} {_summary_line(outcome)}", style=style)
    if outcome.problems:
        console.print("Corrigez les fiches puis relancez « conseil check » ; « mkdocs serve » montre "
                      "les mêmes problèmes en tête de chaque page dans l'aperçu.", style="dim")
