"""Located diagnostics, their codes and their French rendering.

Every rule has a code; a newcomer finds the rule's code by searching for it.
The rendering follows rustc: a summary line with the location and the code,
the offending line quoted with a marker, then the fix.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable, NamedTuple

ERREUR = "erreur"
AVERTISSEMENT = "avertissement"  # does not stop the preview; a strict build (the publication) fails on it
# Told by `conseil check` and the build's log, never blocking: a legal duration to look at, or a form a minor version
# deprecates (it must stop neither a council's strict build nor the `conseil check` of its CI).
NOTE = "note"

# code -> what the rule checks (French, shown in the docs and in `conseil check --format json`).
CODES: dict[str, str] = {
    "fichier-illisible": "Le fichier n'est pas un texte UTF-8 lisible.",
    "fichier-vide": "Le fichier est vide.",
    "entete-absente": "Le fichier ne commence pas par un en-tête YAML entre deux lignes « --- ».",
    "entete-non-fermee": "L'en-tête YAML n'est pas fermé par une ligne « --- ».",
    "yaml-invalide": "L'en-tête n'est pas du YAML valide.",
    "yaml-tabulation": "L'en-tête contient une tabulation ; YAML n'accepte que des espaces.",
    "entete-non-dictionnaire": "L'en-tête doit être une suite de lignes « clé: valeur ».",
    "cle-dupliquee": "Une clé apparaît deux fois.",
    "cle-inconnue": "La clé ne fait pas partie du modèle de ce type de fiche.",
    "champ-manquant": "Un champ obligatoire manque.",
    "champ-vide": "Un champ obligatoire est vide.",
    "type-invalide": "La valeur n'est pas du type attendu.",
    "date-invalide": "La date n'est pas au format AAAA-MM-JJ (ou AAAA-MM, AAAA, AAAA/AAAA) ou n'existe pas.",
    "effectif-invalide": "Un nombre de participants (de séances, de contributions) n'est ni un nombre, ni "
                         "« environ N », « près de N », « plus de N ».",
    "heure-non-citee": "Une heure écrite sans guillemets est lue comme un nombre.",
    "heure-invalide": "L'heure n'est pas au format \"HH:MM\".",
    "choix-invalide": "La valeur n'est pas l'une des valeurs permises.",
    "forme-depreciee": "Une forme qu'une version de conseil déprécie : encore lue, à remplacer par la forme indiquée.",
    "texte-trop-long": "Le texte dépasse la longueur permise.",
    "nombre-invalide": "Le nombre est hors des bornes permises.",
    "liste-vide": "La liste doit contenir au moins un élément.",
    "id-invalide": "Le nom du fichier (l'identifiant) n'est pas en minuscules ASCII, chiffres et tirets.",
    "dossier-inconnu": "Le fichier est dans un sous-dossier que le site ne connaît pas.",
    "ref-inconnue": "La référence ne désigne aucune fiche existante du bon type.",
    "ref-non-publiee": "Une fiche publiée cite une fiche en brouillon ou sous embargo.",
    "ref-dupliquee": "La même référence est citée deux fois.",
    "id-en-double": "Le même identifiant existe dans elus/ et organes/ : un destinataire serait ambigu.",
    "repondant-double": "Une réponse nomme à la fois un élu et un organe.",
    "adresse-invalide": "L'adresse n'est pas une adresse https.",
    "suite-circulaire": "Les étapes d'un avis (suite_de) bouclent sur elles-mêmes.",
    "date-anterieure": "La date précède une date dont elle dépend.",
    "heures-incoherentes": "L'heure de fin précède l'heure de début.",
    "commune-inconnue": "La commune n'est pas dans la liste des communes configurée.",
    "document-introuvable": "Le document n'existe pas sous content/ et n'est pas une adresse https.",
    "recommandation-dupliquee": "Deux recommandations de la même contribution ont le même identifiant.",
    "recommandation-inconnue": "La recommandation citée n'existe pas dans les contributions répondues (ou, pour un "
                               "bilan, dans les bilans du garant de la concertation).",
    "recommandation-ambigue": "La réponse couvre plusieurs contributions : la recommandation doit être écrite contribution#id.",
    # Version 3: concertations and their bilans
    "hors-periode": "Une phase ou un dispositif se tient hors de la période de la concertation (seule une "
                    "restitution peut suivre la fin).",
    "deliberation-apres-debut": "La délibération d'ouverture est datée après le début de la concertation : les "
                                "modalités sont fixées avant que le public soit consulté.",
    "bilan-avant-fin": "Un bilan (ou le bilan du garant) précède la fin de la concertation, ou la concertation n'a "
                       "pas de fin.",
    "garant-absent": "Un bilan du garant pour une concertation sans garant.",
    "recommandations-hors-garant": "Seul le bilan du garant porte des recommandations.",
    "dispositif-duplique": "Deux dispositifs de la même concertation ont le même identifiant.",
    "duree-concertation": "Note : une concertation préalable du Code de l'environnement dure de 15 jours à 3 mois "
                          "(art. L121-16) ; jamais bloquant.",
    "donnee-personnelle": "Le texte contient une adresse électronique ou un numéro de téléphone.",
    "html-interdit": "Le texte contient du HTML dangereux (script, iframe, gestionnaire on…, lien javascript:).",
    # The list of members, content/composition/membres.csv
    "colonne-inconnue": "Liste des membres : une colonne de l'en-tête n'est pas une colonne connue.",
    "colonne-manquante": "Liste des membres : une colonne obligatoire manque dans l'en-tête.",
    "colonne-dupliquee": "Liste des membres : une colonne apparaît deux fois dans l'en-tête.",
    "cellules-en-nombre-invalide": "Liste des membres : une ligne n'a pas autant de cellules que l'en-tête.",
    "membre-duplique": "Liste des membres : la même personne figure deux fois sur des périodes qui se chevauchent.",
    "membre-elu": "Liste des membres : un membre porte le nom d'un élu ; « les conseillers communautaires ou "
                  "métropolitains ne peuvent être membres du conseil de développement » (CGCT, art. L5211-10-1).",
}


@dataclass(frozen=True)
class Diagnostic:
    """One problem, located in a source file."""

    code: str
    path: str
    line: int
    column: int
    message: str
    key: str | None = None
    label: str | None = None  # short text under the marker
    help: str | None = None  # how to fix it
    length: int = 1
    severity: str = ERREUR

    @property
    def is_error(self) -> bool:
        return self.severity == ERREUR

    @property
    def is_note(self) -> bool:
        """Told, never blocking: not a problem of the record, neither for `conseil check` nor for a strict build."""
        return self.severity == NOTE

    @property
    def text(self) -> str:
        """`key : message`, or the message alone when no key is at fault."""
        return f"{self.key} : {self.message}" if self.key else self.message

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}:{self.column}:"

    def summary(self) -> str:
        """`file:line:column: erreur [code] key : message` on one line."""
        return f"{self.location} {self.severity} [{self.code}] {self.text}"


class Part(NamedTuple):
    """A piece of a rendered diagnostic and what it is, so that a terminal can style it without re-reading it."""

    text: str
    role: str | None = None  # location, severity, code, message, gutter, marker, help; None: plain


def parts(diagnostic: Diagnostic, source_lines: list[str] | None = None) -> list[list[Part]]:
    """The rustc-like block, line by line: summary, quoted line with a marker, help."""
    lines = [[Part(diagnostic.location, "location"), Part(" "), Part(diagnostic.severity, "severity"), Part(" "),
              Part(f"[{diagnostic.code}]", "code"), Part(f" {diagnostic.text}", "message")]]
    if source_lines and 1 <= diagnostic.line <= len(source_lines):
        text = source_lines[diagnostic.line - 1].rstrip("\n").replace("\t", " ")
        number = str(diagnostic.line)
        pad = " " * len(number)
        lines.append([Part(f"  {number} | ", "gutter"), Part(text)])
        marker = " " * max(diagnostic.column - 1, 0) + "^" * max(diagnostic.length, 1)
        label = f" {diagnostic.label}" if diagnostic.label else ""
        lines.append([Part(f"  {pad} | ", "gutter"), Part(f"{marker}{label}", "marker")])
    if diagnostic.help:
        lines.append([Part("  aide", "help"), Part(f" : {diagnostic.help}")])
    return lines


def render(diagnostic: Diagnostic, source_lines: list[str] | None = None) -> str:
    """The rustc-like block as plain text (the build's log, the preview banner)."""
    return "\n".join("".join(part.text for part in line) for line in parts(diagnostic, source_lines))


def sort_key(diagnostic: Diagnostic) -> tuple:
    return (diagnostic.path, diagnostic.line, diagnostic.column, diagnostic.code)


def count_errors(diagnostics: Iterable[Diagnostic]) -> int:
    return sum(1 for d in diagnostics if d.is_error)


def problems(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Errors and warnings: what a check reports as wrong (notes are told beside them)."""
    return [d for d in diagnostics if not d.is_note]


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate nearest to `word`, for « vouliez-vous dire … ? »."""
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else None


def guillemets(text: object) -> str:
    return f"« {text} »"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count} {word}"
