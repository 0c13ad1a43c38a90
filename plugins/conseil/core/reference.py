"""The content model's reference, in French Markdown, generated from `schema.py` and the error codes.

`docs/modele-de-contenu.md` is this text; a test keeps the committed file equal to it.
"""

from __future__ import annotations

from . import schema
from .diagnostics import CODES
from .schema import Field

DEVIATIONS = """\
## Précisions et écarts par rapport au modèle version 1

- **Heures** : une heure doit être écrite entre guillemets (`heure_debut: "18:30"`). Sans guillemets,
  YAML 1.1 lit `18:30` comme le nombre 1110 ; l'erreur `heure-non-citee` le signale et donne la correction.
- **Champ facultatif vide** : `lieu:` sans valeur vaut absence du champ (les éditeurs comme Front Matter CMS
  écrivent ainsi les champs laissés vides). Un champ obligatoire vide est une erreur (`champ-vide`).
- **Réponse non attendue mais reçue** : une contribution `reponse_attendue: false` qui reçoit une réponse
  publiée prend le statut `repondue` ; elle n'entre pas pour autant dans le taux de réponse.
- **Fiche dont un champ obligatoire est faux** : elle n'est pas publiée, mais ses références sont tout de même
  vérifiées, pour que tous les problèmes sortent en une seule fois.
- **Avertissements** (`donnee-personnelle`) : ils n'empêchent pas l'aperçu, mais `mkdocs build --strict`
  (la publication) échoue tant qu'ils demeurent : une adresse électronique ou un numéro de téléphone ne doit
  pas être publié par mégarde.
- **Taux de réponse par élu** : une contribution adressée à plusieurs élus compte comme répondue pour chacun
  dès qu'une réponse est publiée.
- **Clé `type` des assemblées** : dans le code Python, l'attribut s'appelle `type_assemblee` (le mot `type`
  désigne déjà la collection) ; la clé écrite dans les fiches reste `type`.
"""


def _kind(field: Field) -> str:
    """The type column: the kind's name, made precise by what the field declares."""
    if field.item is not None:
        inner = field.item
        if inner.target:
            return f"liste d'identifiants de `{inner.target}/`"
        if inner.fields:
            keys = ", ".join(f"`{f.key}`" + ("" if f.required else " ?") for f in inner.fields)
            return f"liste de {{{keys}}}"
        return f"liste de {inner.kind.doc}"
    if field.target:
        return f"identifiant de `{field.target}/`"
    if field.choices:
        return "un de : " + ", ".join(f"`{c}`" for c in field.choices)
    return field.kind.doc


def _object_rows(field: Field) -> list[str]:
    rows = []
    if field.item is not None:
        for sub in field.item.fields:
            required = "oui" if sub.required else "non"
            rows.append(f"| `{field.key}[].{sub.key}` | {required} | {_kind(sub)} | {sub.description} |")
    return rows


def content_model_reference() -> str:
    """The whole reference page: every record type, every key, every error code."""
    out = [
        "# Modèle de contenu",
        "",
        "<!-- Généré par `python -m conseil.core.reference` à partir de plugins/conseil/core/schema.py : "
        "ne pas modifier à la main. -->",
        "",
        "Une fiche = un fichier Markdown `content/<type>/<identifiant>.md` avec un en-tête YAML entre deux "
        "lignes `---`. L'identifiant est le nom du fichier (minuscules sans accents, chiffres, tirets) ; "
        "l'adresse publique de la fiche est `/<type>/<identifiant>/`.",
        "",
    ]
    for record_type in schema.RECORD_TYPES.values():
        out += [f"## `{record_type.name}/` — {record_type.description}", "",
                f"Corps de la fiche : {record_type.body}", "",
                "| clé | obligatoire | type | signification |", "|---|---|---|---|"]
        for field in record_type.fields:
            required = "oui" if field.required else \
                f"oui, sauf `{field.unless_text(record_type.by_key)}`" if field.required_unless else "non"
            out.append(f"| `{field.key}` | {required} | {_kind(field)} | {field.description} |")
            out += _object_rows(field)
        out.append("")
    out += ["## Valeurs calculées", "",
            "Le **statut** d'une contribution n'est jamais écrit à la main :", ""]
    out += [f"- `{value}` : {label}" for value, label in schema.STATUTS.items()]
    out += ["", "Chaque recommandation prend la position de la dernière réponse qui la cite dans `suites`, "
                f"ou `{schema.SANS_SUITE}` ({schema.RECOMMANDATION_POSITIONS[schema.SANS_SUITE].lower()}).", "",
            "## Codes d'erreur", "", "| code | règle |", "|---|---|"]
    out += [f"| `{code}` | {text} |" for code, text in CODES.items()]
    out += ["", DEVIATIONS]
    return "\n".join(out)


if __name__ == "__main__":  # pragma: no cover
    print(content_model_reference(), end="")
