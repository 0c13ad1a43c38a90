"""French articles from the noun: « de l'avis », « du thème », « à la contribution », « aux élus ».

Every generated sentence that puts an article or a preposition before a record type or a contribution's
nature takes it from here, never from a fixed « la ». A noun's gender and whether it elides (vowel or
mute h) are declared once, in the table below; record types take their gender from the content model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import schema

_VOWELS = frozenset("aeiouàâäéèêëîïôöùûüœæ")
# Words starting with an aspirated h take no elision (« la hausse », « le hameau »): the ones a council writes.
H_ASPIRE = frozenset({
    "hache", "haie", "haine", "hall", "halle", "halte", "hameau", "hanche", "handicap", "hangar", "harcèlement",
    "hardi", "hareng", "haricot", "hasard", "hâte", "hausse", "haut", "haute", "hauteur", "havre", "hérisson",
    "héros", "hêtre", "hibou", "hiérarchie", "hochet", "hockey", "homard", "honte", "hors", "hotte", "houille",
    "housse", "hublot", "huit", "huitième", "hurlement",
})
# Words starting with a vowel sound that still take no elision.
SANS_ELISION = frozenset({"onze", "onzième", "yaourt", "yacht", "yoga"})


def elide(word: str) -> bool:
    """Does an article before `word` elide (« l'avis », « l'habitat ») rather than stay whole (« la hausse »)?"""
    first = re.split(r"[\s'’-]", word.strip().lower(), maxsplit=1)[0]  # « hors-série » is read as « hors »
    if not first or first in SANS_ELISION:
        return False
    if first[0] == "h":
        return first not in H_ASPIRE and first.rstrip("sx") not in H_ASPIRE  # « les hausses » too
    return first[0] in _VOWELS


@dataclass(frozen=True)
class Nom:
    """A noun and what French grammar needs to put an article before it."""

    singulier: str
    pluriel: str
    feminin: bool
    elision: bool

    def accorde(self, participe: str) -> str:
        """A past participle agreeing with the noun: « avis remis », « alerte remise »."""
        return f"{participe}e" if self.feminin else participe

    @property
    def le(self) -> str:
        """« l'avis », « la contribution », « le thème »."""
        if self.elision:
            return f"l'{self.singulier}"
        return f"{'la' if self.feminin else 'le'} {self.singulier}"

    @property
    def les(self) -> str:
        return f"les {self.pluriel}"

    @property
    def de(self) -> str:
        """Without article: « fiche d'assemblée », « fiche de thème »."""
        return f"d'{self.singulier}" if self.elision else f"de {self.singulier}"

    @property
    def du(self) -> str:
        """« de l'avis », « de la contribution », « du thème »."""
        if self.elision:
            return f"de l'{self.singulier}"
        return f"de la {self.singulier}" if self.feminin else f"du {self.singulier}"

    @property
    def des(self) -> str:
        return f"des {self.pluriel}"

    @property
    def au(self) -> str:
        """« à l'avis », « à la contribution », « au thème »."""
        if self.elision:
            return f"à l'{self.singulier}"
        return f"à la {self.singulier}" if self.feminin else f"au {self.singulier}"

    @property
    def aux(self) -> str:
        return f"aux {self.pluriel}"

    @property
    def un(self) -> str:
        return f"{'une' if self.feminin else 'un'} {self.singulier}"

    @property
    def aucun(self) -> str:
        return f"{'aucune' if self.feminin else 'aucun'} {self.singulier}"

    @property
    def ce(self) -> str:
        """« cet avis », « cette alerte », « ce thème »."""
        if self.feminin:
            return f"cette {self.singulier}"
        return f"{'cet' if self.elision else 'ce'} {self.singulier}"


FORMES = ("le", "les", "de", "du", "des", "au", "aux", "un", "aucun", "ce")

# The natures of a contribution, as a reader says them. Keys are those of `schema.NATURES`.
NATURES: dict[str, Nom] = {
    "avis": Nom("avis", "avis", feminin=False, elision=True),
    "contribution": Nom("contribution", "contributions", feminin=True, elision=False),
    "alerte": Nom("alerte", "alertes", feminin=True, elision=True),
    "question": Nom("question", "questions", feminin=True, elision=False),
}


def _record_type_noun(record_type: schema.RecordType) -> Nom:
    return Nom(record_type.label, record_type.label_plural, feminin=record_type.feminine,
               elision=elide(record_type.label))


# The record types, by folder name (« assemblees ») and by singular (« assemblee »).
TYPES: dict[str, Nom] = {
    **{t.name: _record_type_noun(t) for t in schema.RECORD_TYPES.values()},
    **{t.singular: _record_type_noun(t) for t in schema.RECORD_TYPES.values()},
}


def nom(key: str) -> Nom:
    """The noun of a contribution's nature or of a record type; a KeyError names a noun the table lacks."""
    if key in NATURES:
        return NATURES[key]
    return TYPES[key]


def avec_article(key: str, forme: str = "le") -> str:
    """`avec_article("avis", "du")` -> « de l'avis »: the noun `key` with the article or preposition `forme`."""
    if forme not in FORMES:
        raise ValueError(f"forme inconnue : {forme!r} (formes : {', '.join(FORMES)})")
    return getattr(nom(key), forme)
