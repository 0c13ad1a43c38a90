"""`conseil stats`: the follow-up figures in the terminal, computed by the core as the site shows them."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.table import Table

from ..core import files_in, load
from ..core.graph.figures import follow_up
from ..core.loader import summary
from ..core.model.dates import date_fr
from .console import make_console
from .project import open_project


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{round(value * 100)} %"


def _days(value: float | int | None) -> str:
    if value is None:
        return "—"
    rounded = round(value)
    return f"{rounded} jour{'s' if rounded > 1 else ''}"


def figures(suivi) -> dict:
    """The key figures, by name: what the JSON output holds and the table shows."""
    chiffres = suivi.chiffres
    return {
        "contributions": chiffres.contributions,
        "reponses_attendues": chiffres.attendues,
        "repondues": chiffres.repondues,
        "en_attente": chiffres.en_attente,
        "en_retard": chiffres.en_retard,
        "taux_reponse": chiffres.taux_reponse,
        "repondues_dans_les_delais": chiffres.repondues_dans_les_delais,
        "delai_median_jours": chiffres.delai_median,
        "engagements": suivi.engagements,
        "engagements_en_retard": len(suivi.engagements_en_retard),
        "suivi_depuis": suivi.suivi_depuis.isoformat() if suivi.suivi_depuis else None,
        "hors_suivi": chiffres.hors_suivi,
        "delais_inconnus": chiffres.delais_inconnus,
        "interventions": suivi.interventions,
    }


def composition_figures(composition) -> dict:
    """Parity and age shares of the current members, by name (counts only: no member is named)."""
    parite = composition.parite
    return {
        "date": composition.date.isoformat(),
        "membres": composition.membres,
        "femmes": parite.femmes,
        "hommes": parite.hommes,
        "ecart_parite": parite.ecart,
        "parite_respectee": parite.respectee,
        "tranches_age": {t.value: {"membres": t.count, "part": round(t.share, 4),
                                   "part_population": None if t.population is None else round(t.population, 4)}
                         for t in composition.tranches_age},
    }


def composition_table(composition) -> Table:
    parite = composition.parite
    table = Table(title=f"Composition du conseil au {date_fr(composition.date)} : {composition.membres} membres",
                  title_justify="left")
    table.add_column("Indicateur")
    table.add_column("Membres", justify="right")
    table.add_column("Part", justify="right")
    table.add_column("Population", justify="right")
    table.add_row("Femmes", str(parite.femmes), _percent(parite.femmes / composition.membres if composition.membres
                                                           else None), "")
    table.add_row("Hommes", str(parite.hommes), _percent(parite.hommes / composition.membres if composition.membres
                                                           else None), "")
    gap = f"Écart femmes-hommes ({'respecte' if parite.respectee else '[bold red]dépasse[/]'} la limite de 1)"
    table.add_row(gap, str(parite.ecart), "", "")
    for tranche in composition.tranches_age:
        table.add_row(tranche.label, str(tranche.count), _percent(tranche.share), _percent(tranche.population))
    return table


@click.command("stats")
@click.option("--format", "-F", "output_format", type=click.Choice(("human", "json")), default="human",
              show_default=True, help="human : tableau lisible ; json : les chiffres pour un autre outil.")
@click.option("--config-file", "-f", type=click.Path(dir_okay=False, path_type=Path),
              help="Le mkdocs.yml du site (par défaut : celui du dossier courant).")
def stats(output_format: str, config_file: Path | None) -> None:
    """Les chiffres clés du suivi : réponses en attente, en retard, taux de réponse.

    Seules les fiches publiées comptent, comme sur le site (date de référence : celle de la construction).
    Donne aussi le délai médian, la liste des contributions en retard et la composition du conseil
    (femmes et hommes, écart, classes d'âge à côté du recensement), sans nommer aucun membre.
    """
    project, settings = open_project(config_file)
    corpus = load(files_in(project.content_dir), settings)
    suivi = follow_up(corpus.graph)
    values = figures(suivi)
    if output_format == "json":
        values["date_reference"] = settings.build_date.isoformat()
        values["en_retard_liste"] = [
            {"id": c.id, "titre": c.titre, "echeance": c.echeance.isoformat(), "retard_jours": c.retard_jours,
             "destinataires": [e.id for e in c.destinataires]} for c in suivi.en_retard]
        composition = corpus.graph.composition
        if composition is not None:
            values["composition"] = composition_figures(composition)
        click.echo(json.dumps(values, ensure_ascii=False, indent=2))
        return

    console = make_console()
    table = Table(title=f"Suivi des réponses au {date_fr(settings.build_date)}", title_justify="left")
    table.add_column("Indicateur")
    table.add_column("Valeur", justify="right")
    table.add_row("Contributions publiées", str(values["contributions"]))
    table.add_row("dont appelant une réponse", str(values["reponses_attendues"]))
    table.add_row("Répondues", str(values["repondues"]))
    table.add_row("En attente de réponse", str(values["en_attente"]))
    table.add_row("[bold red]En retard[/]" if values["en_retard"] else "En retard", str(values["en_retard"]))
    table.add_row("Taux de réponse", _percent(values["taux_reponse"]))
    table.add_row("Répondues dans les délais", str(values["repondues_dans_les_delais"]))
    table.add_row("Délai médian de réponse", _days(values["delai_median_jours"]))
    table.add_row("Engagements pris", str(values["engagements"]))
    table.add_row("Engagements à l'échéance dépassée", str(values["engagements_en_retard"]))
    if suivi.suivi_depuis:
        table.add_row(f"Antérieures au suivi (avant le {date_fr(suivi.suivi_depuis)})", str(values["hors_suivi"]))
    if values["delais_inconnus"]:
        table.add_row("Répondues, délai inconnu (date au mois ou à l'année)", str(values["delais_inconnus"]))
    if values["interventions"]:
        table.add_row("Interventions (pas des réponses)", str(values["interventions"]))
    console.print(table)

    if suivi.en_retard:
        late = Table(title="Contributions en retard (la plus ancienne échéance d'abord)", title_justify="left")
        late.add_column("Contribution")
        late.add_column("Échéance")
        late.add_column("Retard", justify="right")
        late.add_column("Destinataires")
        for c in suivi.en_retard:
            late.add_row(f"{c.titre}\n[dim]{c.id}[/]", date_fr(c.echeance), _days(c.retard_jours),
                         ", ".join(e.nom for e in c.destinataires))
        console.print(late)
    next_due = next((c for c in suivi.en_attente if c.echeance), None)  # approximate dates have no deadline
    if next_due:
        console.print(f"Prochaine échéance : {date_fr(next_due.echeance)} ({next_due.titre}).")
    if corpus.graph.composition is not None:
        console.print(composition_table(corpus.graph.composition))
    if corpus.diagnostics:
        console.print(f"Attention : {summary(corpus)} dans les fiches (lancez « conseil check »).", style="yellow")
