"""`conseil rapport-pdf`: the activity report as an A4 PDF, printed by headless Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import click

from .project import find_config

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
TIMEOUT_SECONDS = 180


def find_chromium() -> str | None:
    """The browser to print with: $CHROMIUM when set, else the first one on the PATH."""
    explicit = os.environ.get("CHROMIUM")
    if explicit:
        return shutil.which(explicit)
    return next((found for name in CHROMIUM_NAMES if (found := shutil.which(name))), None)


def build_site(config_file: Path, site_dir: Path) -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config_file),
               "--site-dir", str(site_dir)]
    result = subprocess.run(command, cwd=config_file.parent, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        click.echo(result.stderr, err=True)
        raise click.ClickException("la construction du site a échoué ; corrigez les problèmes ci-dessus "
                                   "(ou lancez « conseil check content »).")


def report_page(site_dir: Path, periode: str | None) -> Path:
    """The built report page of `periode`, by default the latest calendar year."""
    reports = site_dir / "rapport"
    available = sorted(p.parent.name for p in reports.glob("*/index.html"))
    if periode is None:
        years = [name for name in available if name.isdigit()]
        if not years:
            raise click.ClickException(f"aucun rapport annuel dans {reports} : le site a-t-il des fiches publiées ?")
        periode = years[-1]
    page = reports / periode / "index.html"
    if not page.is_file():
        choices = ", ".join(available) or "aucune"
        raise click.ClickException(f"pas de rapport pour la période « {periode} ». Périodes disponibles : {choices}.")
    return page


def print_to_pdf(chromium: str, page: Path, output: Path) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    output.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="conseil-chromium-") as profile:
        command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                   "--disable-background-networking", "--disable-component-update", "--no-first-run",
                   f"--user-data-dir={profile}", f"--print-to-pdf={output.resolve()}", page.resolve().as_uri()]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            raise click.ClickException(f"Chromium n'a pas fini d'imprimer le rapport en {TIMEOUT_SECONDS} secondes.")
    if not output.is_file() or output.stat().st_size == 0:
        click.echo(result.stderr, err=True)
        raise click.ClickException("Chromium n'a pas produit de PDF (voir ses messages ci-dessus).")


@click.command("rapport-pdf")
@click.option("-p", "--periode", metavar="PÉRIODE",
              help="Année (2025) ou identifiant d'une période de « rapports: » ; par défaut la dernière année.")
@click.option("-o", "--sortie", type=click.Path(dir_okay=False, path_type=Path),
              help="Fichier PDF à écrire ; par défaut rapport-<période>.pdf dans le dossier courant.")
@click.option("-f", "--config-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Configuration du site à construire (par défaut : le mkdocs.yml ou properdocs.yml du dossier).")
@click.option("--site", "site_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Site déjà construit (dossier de « mkdocs build ») ; sinon le site est construit à part.")
def rapport_pdf(periode: str | None, sortie: Path | None, config_file: Path | None, site_dir: Path | None) -> None:
    """Écrire le rapport d'activité en PDF A4, imprimé par Chromium sans interface."""
    chromium = find_chromium()
    if chromium is None:
        raise click.ClickException("Chromium est introuvable : installez le paquet Debian « chromium » "
                                   "(sudo apt-get install chromium), ou imprimez la page du rapport en PDF "
                                   "depuis votre navigateur.")
    with tempfile.TemporaryDirectory(prefix="conseil-site-") as temporary:
        if site_dir is None:
            config_file = config_file or find_config(Path.cwd())
            if config_file is None:
                raise click.UsageError("aucun mkdocs.yml (ni properdocs.yml) dans ce dossier ni au-dessus : "
                                       "lancez la commande à la racine du site, ou passez -f FICHIER")
            click.echo("Construction du site…", err=True)
            site_dir = Path(temporary) / "site"
            build_site(config_file.resolve(), site_dir)
        page = report_page(site_dir, periode)
        output = sortie or Path(f"rapport-{page.parent.name}.pdf")
        print_to_pdf(chromium, page, output)
    click.echo(f"Rapport d'activité écrit dans {output} ({output.stat().st_size // 1024} Ko).")
