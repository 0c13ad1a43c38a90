"""The content model's reference, in French Markdown, generated from `schema.py` and the error codes.

`docs/modele-de-contenu.md` is this text; a test keeps the committed file equal to it.
"""

from __future__ import annotations

from ..model import schema
from ..model.diagnostics import CODES
from ..model.schema import Field
from ..reading import membres

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
- **Clé `type` des assemblées, organes et dossiers** : dans le code Python, l'attribut s'appelle
  `type_assemblee`, `type_organe`, `type_dossier` (le mot `type` désigne déjà la collection) ; la clé écrite
  dans les fiches reste `type`.

## Précisions et écarts par rapport au modèle version 2

- **Dates restées exactes** : `publication` (l'embargo), `echeance_reponse` et `engagements[].echeance`
  demandent un jour `AAAA-MM-JJ` : une échéance ou un embargo sont des jours. Les dates approchées valent pour
  `date`, `date_fin`, `mandat_debut`, `mandat_fin` et `etapes[].date` des dossiers.
- **Comparaisons de dates approchées** : une date approchée est classée au début de sa période ; une règle
  d'ordre (`date-anterieure` : réponse avant la contribution, `date_fin` avant `date`, étape précédente plus
  récente, mandat) ne signale une erreur que si l'ordre est faux de façon certaine (fin de la période la plus
  tardive possible contre début de l'autre). `hors-suivi` compare le début de la période à `suivi_depuis`.
- **Obligatoire sauf…** : `destinataires` (sauf `reponse_attendue: false`), `elu` (sauf `organe`) et
  `position` (sauf `portee: intervention`) sont vérifiés comme tout champ obligatoire : une fiche à laquelle
  il en manque un n'est pas publiée (en version 1, une contribution sans destinataires était signalée mais
  publiée dans l'aperçu).
- **Identifiant à la fois élu et organe** : l'erreur `id-en-double` est signalée sur les deux fiches.
- **Éditeurs** : Front Matter CMS présente les dates qui acceptent une date approchée, et `participants`,
  comme des champs texte : un sélecteur de date inventerait le jour.
- **Agenda iCalendar** : une assemblée datée seulement du mois ou de l'année n'y figure pas (aucun jour à y
  inscrire) ; une assemblée sur plusieurs jours finit le jour de `date_fin`.
- **Données ouvertes** : `participants` vaut N ; la colonne `participants_mention` dit « environ », « près
  de » ou « plus de ». Le jeu `reponses` garde les interventions, marquées par la colonne `portee`.
- **Rapports d'activité** : une année qui n'a que des fiches d'archives (par exemple un avis daté `2016`)
  a son rapport, comme toute année qui a des fiches publiées.
- **Réponses d'un élu** : les interventions d'un élu figurent sur sa page, marquées « Intervention », mais
  ne comptent pas dans ses réponses du rapport d'activité.

## Précisions et écarts par rapport au modèle version 3

- **Notes** : la durée d'une concertation préalable du Code de l'environnement (15 jours à 3 mois,
  art. L121-16) est une *note* (`duree-concertation`) : localisée et expliquée par `conseil check` et dans le
  journal de la construction, elle ne fait échouer ni la vérification ni `mkdocs build --strict`.
- **`niveau` d'une concertation ou d'un outil** : un nombre de 1 à 4 (`niveau: 2`), pas un texte ; le libellé
  (conseil, accompagnement, pilotage, stratégique) vient du modèle.
- **Garant** : `garant_cndp` vaut `true` par défaut quand `garants` est donné ; `garant_cndp: false` avec des
  garants nommés dit qu'ils ne sont pas ceux de la CNDP : pas d'échéance du Code de l'environnement. Un bilan du
  garant demande un garant nommé ou `garant_cndp: true`.
- **Échéances** : le bilan du garant est attendu `fin` + `delai_bilan_garant_jours`, la réponse du maître
  d'ouvrage le premier bilan du garant + `delai_reponse_maitre_ouvrage_jours` ; seulement avec un garant de la
  CNDP, des jours connus, et une concertation suivie (close après `suivi_depuis`). Un retard se compte tant que
  le document manque ; publié après l'échéance, il est dit « après l'échéance ».
- **Statut `hors-suivi`** : comme pour les contributions, une fin approchée compte pour le début de sa période.
- **Premier bilan** : le premier `bilan` ou `bilan-garant` ; la réponse du maître d'ouvrage n'en est pas un.
  Le délai « N jours après la fin » se compte jusqu'à lui, seulement avec des jours connus.
- **`suites` d'un bilan** : `recommandation` nomme une recommandation d'un bilan du garant de la même
  concertation, qu'elle figure dans une réponse du maître d'ouvrage ou ailleurs ; `engagements[].recommandation`
  aussi. Front Matter CMS range ces suites dans le groupe de champs `suites_bilan` (celles d'une réponse d'élu
  restent `suites`).
- **Dispositifs** : leur `id` suit la règle des identifiants (minuscules, chiffres, tirets). Un dispositif
  tenu comme une assemblée qui a sa fiche (`assemblee`) figure une seule fois dans l'agenda : comme cette
  assemblée. Un dispositif daté du mois ou de l'année n'y figure pas.
- **Données ouvertes** : un dispositif a pour identifiant `<concertation>#<dispositif>`, une suite
  `<bilan>-s<rang>` ; les totaux de participants et de contributions d'une concertation disent « environ » ou
  « au moins » dans leur colonne `_mention`.
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


def _membres_section() -> list[str]:
    """The list of members: one CSV file, not one record per person."""
    out = [f"## `{membres.MEMBRES_URI}` — la liste des membres du conseil", "",
           "Un fichier CSV en UTF-8, une ligne d'en-tête, une ligne par membre et par période de participation. "
           "Séparateur : la virgule, ou le point-virgule quand l'en-tête n'a aucune virgule ; une liste "
           "(`instances`) sépare ses valeurs par « ; ». Un nom n'est publié qu'avec `publication_nom` à `oui` ; "
           "les autres membres sont comptés, jamais nommés.", "",
           "| colonne | obligatoire | type | signification |", "|---|---|---|---|"]
    out += [f"| `{c.key}` | {'oui' if c.required else 'non'} | {_kind(c)} | {c.description} |"
            for c in membres.COLONNES]
    return out + [""]


def _deprecations_section() -> list[str]:
    """The forms a version deprecates: still read, reported by `conseil check` with their fix."""
    out = ["## Formes dépréciées", "",
           "Une forme dépréciée est encore lue, comme sa remplaçante ; « conseil check » et la construction la "
           "signalent (note `forme-depreciee`, sans jamais bloquer) avec la correction à faire, avant qu'une version majeure "
           "ne la refuse.", ""]
    forms = schema.deprecated_forms()
    if not forms:
        return out + ["Aucune forme n'est dépréciée dans cette version.", ""]
    out += ["| dossier | clé | forme dépréciée | à écrire | depuis | refusée par |", "|---|---|---|---|---|---|"]
    out += [f"| `{folder}/` | `{key}` | `{old}` | `{d.replacement}` | {d.since} | {d.removal or 'prochaine majeure'} |"
            for folder, key, old, d in forms]
    return out + [""]


def content_model_reference() -> str:
    """The whole reference page: every record type, every key, every error code."""
    out = [
        "# Modèle de contenu",
        "",
        "<!-- Généré par `conseil schema` à partir de plugins/conseil/core/model/schema.py : "
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
            *_membres_section(),
            *_deprecations_section(),
            "## Codes d'erreur", "", "| code | règle |", "|---|---|"]
    out += [f"| `{code}` | {text} |" for code, text in CODES.items()]
    out += ["", DEVIATIONS]
    return "\n".join(out)


if __name__ == "__main__":  # pragma: no cover
    print(content_model_reference(), end="")
