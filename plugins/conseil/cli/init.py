"""`conseil init`: a new council's own site, in a new or empty folder, ready to build, preview and publish.

The files come from `conseil/scaffold/` (Jinja templates, shipped in the package), written for the council
named on the command line; the plugin's options in mkdocs.yml are listed from its typed configuration
(`plugin/config.py`), each with its French explanation below, so that none can be missed or go stale.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from importlib import metadata
from pathlib import Path
from typing import Any

import click
import jinja2

from .. import __version__
from ..core.model import schema
from ..core.model.dates import date_fr, reference_date
from .console import make_console

SCAFFOLD = Path(__file__).resolve().parent.parent / "scaffold"
FORGES = {"github": "GitHub", "gitlab": "GitLab"}
HOSTS = {
    "github": "Le site est hébergé par GitHub Pages, service fourni par GitHub Inc., 88 Colin P Kelly Jr St, "
              "San Francisco, CA 94107, États-Unis.",
    "gitlab": "Le site est hébergé par GitLab Pages, [à compléter : l'organisation qui exploite l'instance GitLab "
              "et son adresse ; pour gitlab.com, GitLab Inc., 268 Bush Street #350, San Francisco, CA 94104, "
              "États-Unis].",
}
# Where each scaffold file goes in the new site (None: every forge), beside the content pages.
FILES = {
    "mkdocs.yml": ("mkdocs.yml", None),
    "README.md": ("README.md", None),
    "gitignore": (".gitignore", None),
    "github/site.yml": (".github/workflows/site.yml", "github"),
    "gitlab-ci.yml": (".gitlab-ci.yml", "gitlab"),
}
PAGES = ("index.md", "a-propos.md", "mentions-legales.md", "accessibilite.md", "donnees-personnelles.md")

# What each option of the plugin does, as mkdocs.yml explains it, and the example a council adapts. Every option
# of `ConseilConfig` (and of its `cms`) needs its line here: the tests check it, so a new option is never missed.
OPTIONS: dict[str, tuple[str, str | None]] = {
    "enabled": ("false coupe l'extension : le site n'est plus construit à partir des fiches.", None),
    "nom": ("Le nom du conseil, dans les titres des pages, les flux et le rapport d'activité.", None),
    "delai_reponse_jours": ("Jours laissés aux élus pour répondre, quand une contribution ne fixe pas son "
                            "echeance_reponse.", None),
    "delai_bilan_garant_jours": ("Jours laissés au garant de la CNDP pour rendre son bilan après la fin d'une "
                                 "concertation (Code de l'environnement : un mois).", None),
    "delai_reponse_maitre_ouvrage_jours": ("Jours laissés au maître d'ouvrage pour répondre au bilan du garant "
                                           "(deux mois).", None),
    "communes": ("Les communes du territoire : la commune de chaque assemblée doit en faire partie.",
                 "[Commune A, Commune B]"),
    "date_reference": ("Le jour pour lequel le site est construit (AAAA-MM-JJ) : embargos, échéances, assemblées "
                       "à venir. Par défaut : aujourd'hui, heure de Paris.", "!ENV [CONSEIL_DATE_REFERENCE, null]"),
    "suivi_depuis": ("Les réponses sont suivies à partir de ce jour (AAAA-MM-JJ), par exemple le début du mandat : "
                     "les textes plus anciens sans réponse sont des archives, jamais « en retard ».", "2026-07-01"),
    "rapports": ("Des rapports d'activité sur plusieurs années (un mandat), en plus d'un par année civile.",
                 "[{id: mandature-2026-2032, titre: Mandature 2026-2032, debut: 2026-07-01, fin: 2032-06-30}]"),
    "colleges": ("Les collèges du conseil : le collège de chaque membre (content/composition/membres.csv) doit en "
                 "faire partie.", "[Habitants, Associations, Acteurs économiques]"),
    "population_tranches_age": ("La part de chaque classe d'âge dans la population du territoire (recensement, "
                                "en % des 15 ans ou plus), comparée à celle des membres.",
                                "{15-29: 20.0, 30-44: 24.0, 45-59: 24.0, 60-74: 21.0, 75+: 11.0}"),
    "renouvellement": ("La date du prochain renouvellement des membres (AAAA-MM-JJ), sur la page de composition.",
                       "2028-01-15"),
    "recherche": ("false construit le site sans son index de recherche (Pagefind) ; la page /recherche/ le dit.",
                  None),
    "cms": ("L'édition des fiches dans le navigateur, à l'adresse /admin/ du site (Decap CMS) : retirez les « # » "
            "des lignes ci-dessous pour l'activer.", None),
}
CMS_OPTIONS: dict[str, tuple[str, str | None]] = {
    "backend": ("la forge où le site est déposé", None),
    "repo": ("organisation/projet du dépôt du site", "organisation/site-conseil"),
    "branch": ("la branche publiée", None),
    "editorial_workflow": ("true : chaque fiche enregistrée ouvre une demande de fusion", None),
    "base_url": ("GitHub : l'adresse du service d'authentification OAuth", "https://auth.example.org"),
    "app_id": ("GitLab : l'identifiant de l'application OAuth", "0123456789abcdef"),
    "api_root": ("GitLab auto-hébergé : l'adresse de son API", "https://gitlab.example.org/api/v4"),
    "port_local": ("le port de decap-server pour l'édition sur le poste (mkdocs serve)", None),
    "node_modules": ("un dossier node_modules/ à utiliser au lieu de la copie de Decap CMS du paquet",
                     "node_modules"),
}
_INDENT = " " * 6  # the options of `- conseil:` in mkdocs.yml


@click.command("init")
@click.argument("dossier", type=click.Path(file_okay=False, path_type=Path))
@click.option("--nom", metavar="NOM", help="Nom du conseil, par exemple « Conseil de développement de la Métropole de Lyon ».")
@click.option("--collectivite", metavar="COLLECTIVITÉ", help="La collectivité, écrite comme dans une phrase : « la Métropole de Lyon », "
                                     "« Grenoble-Alpes Métropole ».")
@click.option("--adresse", metavar="URL", help="Adresse publique du site (par défaut : celle que donne la forge).")
@click.option("--forge", type=click.Choice(tuple(FORGES)), default="github", show_default=True,
              help="Où le site est déposé et publié (GitHub Pages ou GitLab Pages).")
def init(dossier: Path, nom: str | None, collectivite: str | None, adresse: str | None, forge: str) -> None:
    """Crée le site d'un conseil de développement dans DOSSIER (nouveau ou vide).

    Exemple : conseil init site-conseil --nom "Conseil de développement de la Métropole de Lyon"
    --collectivite "la Métropole de Lyon"
    """
    refuse_non_empty(dossier)
    nom, collectivite = ask_missing(nom, collectivite)
    if adresse is not None and not re.match(r"^https?://[^\s/]+", adresse):
        raise click.BadParameter(f"« {adresse} » n'est pas une adresse http(s)://…", param_hint="--adresse")
    site = scaffold(nom, collectivite, adresse, forge)
    refuse_non_empty(dossier)  # again: nothing may have appeared while the questions were asked
    for relative, text in site.items():
        path = dossier / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    console = make_console()
    console.print(f"Site du {phrase(nom)} créé dans [bold]{dossier}[/bold].", style="green")
    console.print("Ensuite :\n"
                  f"  cd {dossier}\n"
                  "  conseil new elu \"Prénom Nom\"                  (un premier élu, à qui s'adressent les avis)\n"
                  "  conseil new contribution \"Titre de l'avis\"   (une première contribution)\n"
                  "  mkdocs serve                                  (l'aperçu sur http://127.0.0.1:8000)\n"
                  "Complétez les passages « à compléter » des pages légales avant de publier (voir README.md).")


def refuse_non_empty(folder: Path) -> None:
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        what = "n'est pas un dossier" if not folder.is_dir() else "n'est pas vide"
        raise click.ClickException(f"{folder} {what} : « conseil init » n'écrit que dans un dossier nouveau ou vide, "
                                   "pour ne rien écraser. Rien n'a été modifié ; choisissez un autre dossier.")


def interactive() -> bool:
    """Whether someone can answer questions: a terminal, not a pipe or a CI job."""
    return sys.stdin.isatty()


def ask_missing(nom: str | None, collectivite: str | None) -> tuple[str, str]:
    """The name and the collectivité: asked for in a terminal, else a usage error saying what is missing."""
    questions = {  # key: (option, what it is, an example)
        "nom": ("--nom", "le nom du conseil", "Conseil de développement de la Métropole de Lyon"),
        "collectivite": ("--collectivite", "la collectivité, comme dans une phrase", "la Métropole de Lyon"),
    }
    values = {"nom": (nom or "").strip(), "collectivite": (collectivite or "").strip()}
    missing = [key for key, value in values.items() if not value]
    if missing and interactive():
        for key in missing:
            _, what, example = questions[key]
            values[key] = click.prompt(f"{what[0].upper()}{what[1:]} (par exemple « {example} »)").strip()
        missing = [key for key, value in values.items() if not value]
    if missing:
        named = " et ".join(f"{questions[key][0]} ({questions[key][1]}, par exemple « {questions[key][2]} »)"
                            for key in missing)
        raise click.UsageError(f"il manque {named}. Rien n'a été écrit.")
    return values["nom"], values["collectivite"]


def scaffold(nom: str, collectivite: str, adresse: str | None, forge: str, *, today: date | None = None) -> dict[str, str]:
    """Every file of the new site, by its path in the site: nothing is written until all are made."""
    if adresse and not adresse.endswith("/"):
        adresse += "/"
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(SCAFFOLD)), keep_trailing_newline=True,
                             undefined=jinja2.StrictUndefined, autoescape=False)
    env.filters["yaml"] = lambda value: json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML scalar
    values = {
        "nom": nom, "nom_phrase": phrase(nom), "collectivite_nom": collectivite,
        "Collectivite": collectivite[0].upper() + collectivite[1:], "collectivite_de": of(collectivite),
        "adresse": adresse, "forge": forge, "forge_nom": FORGES[forge], "hebergement": HOSTS[forge],
        "ci_fichier": ".github/workflows/site.yml" if forge == "github" else ".gitlab-ci.yml",
        "version": __version__, "aujourdhui": date_fr(today or reference_date()),
        "description": f"Avis, contributions et alertes du {phrase(nom)}, et les réponses des élus {of(collectivite)}.",
        "copyright": f"{nom} — contenus sous Licence Ouverte 2.0",
        "options": plugin_options(nom, forge),
    }
    site = {}
    for source, (target, only_for) in FILES.items():
        if only_for in (None, forge):
            site[target] = env.get_template(source).render(values)
    for page in PAGES:
        site[f"content/{page}"] = env.get_template(f"content/{page}").render(values)
    for record_type in schema.RECORD_TYPES:
        site[f"content/{record_type}/.gitkeep"] = ""  # the section folders, kept by git while empty
    site["requirements.txt"] = requirements()
    return site


def plugin_options(nom: str, forge: str) -> str:
    """The `conseil` options of mkdocs.yml: every option of the plugin's typed configuration, explained, the name
    set and every other one commented out with its default or an example."""
    from mkdocs.config import config_options as c  # here: the other commands never import MkDocs

    from ..plugin.config import ConseilConfig

    lines = []
    for key, option in ConseilConfig._schema:
        help_text, example = OPTIONS[key]
        lines.append(f"{_INDENT}# {help_text}")
        if key == "nom":
            lines.append(f"{_INDENT}nom: {json.dumps(nom, ensure_ascii=False)}")
        elif isinstance(option, c.SubConfig):
            lines.append(f"{_INDENT}# {key}:")
            for sub_key, sub_option in option.config_class._schema:
                sub_help, sub_example = CMS_OPTIONS[sub_key]
                value = forge if sub_key == "backend" else _value(sub_option, sub_example)
                lines.append(f"{_INDENT}#   {sub_key}: {value}  # {sub_help}")
        else:
            lines.append(f"{_INDENT}# {key}: {_value(option, example)}")
    return "\n".join(lines)


def _value(option: Any, example: str | None) -> str:
    default = getattr(option, "default", None)
    if default in (None, [], {}):
        return example or "null"
    return json.dumps(default, ensure_ascii=False) if not isinstance(default, bool) else str(default).lower()


def requirements() -> str:
    """conseil at this version and its direct dependencies at the versions installed with it: the site builds
    tomorrow as it did today, until the council changes these lines."""
    lines = ["# L'outil de publication du site et ses dépendances directes, aux versions exactes avec lesquelles",
             "# « conseil init » a créé le site. Pour mettre à jour, voir README.md (et le CHANGELOG de conseil).",
             f"conseil=={__version__}"]
    try:
        required = metadata.requires("conseil") or []
    except metadata.PackageNotFoundError:
        required = []
    for requirement in required:
        if "extra ==" in requirement:
            continue
        name = re.match(r"[A-Za-z0-9._-]+", requirement).group(0)
        try:
            lines.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            lines.append(requirement)
    return "\n".join(lines) + "\n"


def phrase(nom: str) -> str:
    """The name inside a sentence: « le conseil de développement de … » (« le Codev » stays as written)."""
    return nom[0].lower() + nom[1:] if nom.startswith("Conseil ") else nom


def of(collectivite: str) -> str:
    """« de la Métropole de Lyon », « du Grand Lyon », « d'Amiens Métropole »."""
    lowered = collectivite.lower()
    for article, contracted in (("le ", "du "), ("les ", "des ")):
        if lowered.startswith(article):
            return contracted + collectivite[len(article):]
    if collectivite[0].lower() in "aeiouyéèêh" and not lowered.startswith(("la ", "l'", "l’")):
        return "d'" + collectivite
    return "de " + collectivite
