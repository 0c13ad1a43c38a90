"""What a shared link shows: Open Graph and Twitter card metadata, and the sentence that describes a record.

Everything is read from published nodes of the graph, so nothing unpublished can reach a meta tag.
The values are plain text: the template escapes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model import grammaire, schema
from ..model.dates import date_fr, is_approximate, of_date_fr, on_date_fr, since_fr
from .opendata import public_url

SHARE_IMAGE = "assets/conseil/partage.png"
SHARE_IMAGE_SIZE = (1200, 630)


@dataclass(frozen=True)
class Sharing:
    """One page as a shared link shows it."""

    title: str
    description: str
    path: str  # the page's url within the site: "contributions/x/", "" for the home page
    kind: str = "website"  # og:type: "article" for a record's page


def image_alt(nom: str) -> str:
    """What the default image shows (share_image.py), for those who cannot see it."""
    return f"« {nom} » en lettres blanches sur fond bleu"


def sharing_tags(sharing: Sharing, *, site_name: str, site_url: str, image_text: str) -> list[tuple[str, str, str]]:
    """(attribute, name, content) of each meta tag: `property` for Open Graph, `name` for Twitter.

    `image_text` is the name drawn on the default image. Without a `site_url` there is no absolute address
    to give: og:url and the image are left out.
    """
    tags = [
        ("property", "og:type", sharing.kind),
        ("property", "og:site_name", site_name),
        ("property", "og:locale", "fr_FR"),
        ("property", "og:title", sharing.title),
        ("property", "og:description", sharing.description),
    ]
    if site_url:
        image = public_url(site_url, SHARE_IMAGE)
        tags += [
            ("property", "og:url", public_url(site_url, sharing.path)),
            ("property", "og:image", image),
            ("property", "og:image:type", "image/png"),
            ("property", "og:image:width", str(SHARE_IMAGE_SIZE[0])),
            ("property", "og:image:height", str(SHARE_IMAGE_SIZE[1])),
            ("property", "og:image:alt", image_alt(image_text)),
        ]
    tags += [
        ("name", "twitter:card", "summary_large_image" if site_url else "summary"),
        ("name", "twitter:title", sharing.title),
        ("name", "twitter:description", sharing.description),
    ]
    if site_url:
        tags += [("name", "twitter:image", public_url(site_url, SHARE_IMAGE)), ("name", "twitter:image:alt", image_alt(image_text))]
    return tags


def record_sharing(node: Any) -> Sharing:
    """A record's page: its title, its summary or a sentence made from its fields."""
    return Sharing(title=node.titre, description=describe(node), path=node.url, kind="article")


def describe(node: Any) -> str:
    """The record's `resume` or `description` when it has one, else a French sentence made from its fields."""
    written = getattr(node.record, "resume", None) or getattr(node.record, "description", None)
    if written:
        return " ".join(written.split())
    return _SENTENCES[node.type](node)


def _contribution(node: Any) -> str:
    remise = grammaire.nom(node.nature).accorde("remis")
    return (f"{schema.NATURES[node.nature]} du conseil de développement {remise} aux élus {on_date_fr(node.date)}. "
            f"Statut : {schema.STATUTS[node.statut].lower()}.")


def _reponse(node: Any) -> str:
    kind = "Intervention" if node.intervention else "Réponse"
    who = f"{kind} de {node.repondant.nom}" if node.repondant else kind
    if len(node.contributions) == 1:
        contribution = node.contributions[0]
        to = f"{grammaire.nom(contribution.nature).au} « {contribution.titre} »"
    else:
        to = f"à {len(node.contributions)} textes du conseil de développement"
    position = f" Position : {schema.POSITIONS[node.position].lower()}." if node.position else ""
    return f"{who} {to}, {on_date_fr(node.date)}.{position}"


def _assemblee(node: Any) -> str:
    day = of_date_fr(node.date) if is_approximate(node.date) else f"du {date_fr(node.date, with_weekday=True)}"
    when = f"{schema.ASSEMBLEE_TYPES[node.type_assemblee]} {day}"
    if node.heure_debut:
        when += f", de {_heure(node.heure_debut)} à {_heure(node.heure_fin)}" if node.heure_fin else \
            f", à {_heure(node.heure_debut)}"
    place = ", ".join(p for p in (node.lieu, node.commune) if p)
    return f"{when}{', ' + place if place else ''}."


def _elu(node: Any) -> str:
    return f"{node.nom}, {node.fonction} : les contributions reçues du conseil de développement et les réponses."


def _theme(node: Any) -> str:
    return f"Assemblées, contributions et réponses sur le thème « {node.titre} »."


def _organe(node: Any) -> str:
    return (f"{node.nom} ({schema.ORGANE_TYPES[node.type_organe].lower()}) : les textes du conseil de développement "
            "qui lui sont adressés et ses réponses.")


def _dossier(node: Any) -> str:
    return (f"{node.titre} ({schema.DOSSIER_TYPES[node.type_dossier]}) : les avis du conseil de développement, "
            "les réponses et les réunions de ce dossier, au fil des années.")


def _instance(node: Any) -> str:
    return f"{node.nom}, instance du conseil de développement : son rôle et ses membres."


def periode_fr(debut, fin) -> str:
    """`du 3 mars 2025 au 30 mai 2025`; as known: `de mars 2016 à juin 2016`; `depuis le 14 septembre 2026` while open."""
    if fin is None:
        return since_fr(debut)
    end = f"au {date_fr(fin)}" if not is_approximate(fin) else f"à {date_fr(fin)}" if not fin.is_interval \
        else date_fr(fin)
    return f"{of_date_fr(debut)} {end}"


def _concertation(node: Any) -> str:
    cadre = f" ({schema.CADRES[node.cadre]})" if node.cadre else ""
    who = f", portée par {node.maitre_ouvrage.nom}" if node.maitre_ouvrage else ""
    return (f"Concertation{cadre}{who}, {periode_fr(node.debut, node.fin)}. "
            f"Statut : {schema.STATUTS_CONCERTATION[node.statut].lower()}.")


def _bilan(node: Any) -> str:
    of = f" de la concertation « {node.concertation.titre} »" if node.concertation else ""
    suites = f" {len(node.suites)} sujet{'s' if len(node.suites) > 1 else ''} et la suite donnée à chacun." \
        if node.suites else ""
    return f"{schema.BILAN_TYPES[node.type_bilan]}{of}, {on_date_fr(node.date)}.{suites}"


def _outil(node: Any) -> str:
    used = len(node.dispositifs)
    usage = (f" Employée par {used} dispositif{'s' if used > 1 else ''} de {len(node.concertations)} "
             f"concertation{'s' if len(node.concertations) > 1 else ''}." if used else "")
    return f"{node.nom}, méthode de la boîte à outils de la participation : comment la mener, ses écueils.{usage}"


def _heure(value: str) -> str:
    """`18:30` -> `18 h 30`, `18:00` -> `18 h`."""
    hours, minutes = value.split(":")
    return f"{int(hours)} h" + (f" {minutes}" if minutes != "00" else "")


_SENTENCES = {
    "contributions": _contribution,
    "reponses": _reponse,
    "assemblees": _assemblee,
    "elus": _elu,
    "themes": _theme,
    "organes": _organe,
    "dossiers": _dossier,
    "instances": _instance,
    "concertations": _concertation,
    "bilans": _bilan,
    "outils": _outil,
}
