"""The council's composition as the public may see it (CGCT art. L5211-10-1), and its figures.

Built from the checked lines of membres.csv. Consent is enforced here, not in a template: a member
without `publication_nom: oui` becomes a count, and nothing built from a `Composition` (pages,
search index, exports, reports) can hold that member's name.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Iterable, Mapping

from ..reading.membres import FONCTIONS, SEXES, TRANCHES_AGE, Membre
from .figures import Count, breakdown

DIMENSIONS = ("sexe", "tranche_age", "college", "commune", "instance")
ECART_PARITE_MAX = 1  # « l'écart entre le nombre des hommes et le nombre des femmes ne [doit pas être] supérieur à un »
SANS_INSTANCE = "sans-instance"
NON_RENSEIGNE = "Non renseigné"

# Functions grouped as a page lists them: who presides, who assists, the members.
GROUPES_FONCTION = {
    "presidence": ("Présidence", ("president", "presidente", "co-president", "co-presidente")),
    "vice-presidence": ("Vice-présidence", ("vice-president", "vice-presidente")),
    "membres": ("Membres", ("membre",)),
}
_GROUPE_OF = {fonction: groupe for groupe, (_, fonctions) in GROUPES_FONCTION.items() for fonction in fonctions}


@dataclass(frozen=True)
class MembreNomme:
    """A current member who consented to be named: the only member a page may name."""

    nom: str
    fonction: str  # a key of FONCTIONS
    instances: tuple[str, ...]
    college: str | None
    commune: str | None
    debut: date

    @property
    def fonction_libelle(self) -> str:
        return FONCTIONS[self.fonction]


@dataclass(frozen=True)
class GroupeFonction:
    """The members of a body who hold one kind of function: those named, and how many others."""

    groupe: str  # presidence, vice-presidence, membres
    libelle: str
    nommes: tuple[MembreNomme, ...]
    non_nommes: int

    @property
    def total(self) -> int:
        return len(self.nommes) + self.non_nommes


@dataclass(frozen=True)
class InstanceComposition:
    """A body of the council and its current members by function."""

    id: str
    nom: str
    instance: Any | None  # the instance's published node (its page), None for members of no body
    fonctions: tuple[GroupeFonction, ...]

    @property
    def total(self) -> int:
        return sum(g.total for g in self.fonctions)

    @property
    def nommes(self) -> int:
        return sum(len(g.nommes) for g in self.fonctions)


@dataclass(frozen=True)
class Parite:
    femmes: int
    hommes: int

    @property
    def ecart(self) -> int:
        return abs(self.femmes - self.hommes)

    @property
    def respectee(self) -> bool:
        return self.ecart <= ECART_PARITE_MAX

    @property
    def en_plus(self) -> str | None:
        """Which sex outnumbers the other (« femmes », « hommes »), None when equal."""
        if self.femmes == self.hommes:
            return None
        return "femmes" if self.femmes > self.hommes else "hommes"

    def phrase(self) -> str:
        """The gap in words, as the page, the report and `conseil check` say it."""
        if self.ecart == 0:
            return "autant de femmes que d'hommes"
        plus = ("femme" if self.en_plus == "femmes" else "homme") + ("s" if self.ecart > 1 else "")
        return f"{self.ecart} {plus} de plus que " + ("d'hommes" if self.en_plus == "femmes" else "de femmes")


@dataclass(frozen=True)
class TrancheAge:
    """One census age class: its share among current members beside its share of the population."""

    value: str
    label: str
    count: int
    share: float  # among current members, 0 to 1
    population: float | None  # the territory's census share, 0 to 1, when configured

    @property
    def ecart_points(self) -> float | None:
        """Members' share minus the population's, in percentage points."""
        if self.population is None:
            return None
        return round((self.share - self.population) * 100, 1)


@dataclass
class Composition:
    """Everything the public may know of the council's composition on `date`."""

    date: date
    membres: int  # current members
    parite: Parite
    tranches_age: list[TrancheAge]
    colleges: list[Count]
    communes: list[Count]  # communes represented, most members first
    communes_configurees: int  # how many communes the territory has (0: not configured)
    instances: list[InstanceComposition]
    nommes: list[MembreNomme]  # current members who consented, by name
    renouvellement: date | None = None
    sexes: list[Count] = field(default_factory=list)

    @property
    def non_nommes(self) -> int:
        return self.membres - len(self.nommes)

    @property
    def population_connue(self) -> bool:
        return any(t.population is not None for t in self.tranches_age)

    def instance(self, instance_id: str) -> InstanceComposition | None:
        return next((i for i in self.instances if i.id == instance_id), None)

    def decomptes(self) -> list[Decompte]:
        """Every count of the composition, one row each, as the open data publishes them."""
        rows = [Decompte("sexe", c.value, c.label, c.count, c.share, None) for c in self.sexes]
        rows += [Decompte("tranche_age", t.value, t.label, t.count, t.share, t.population) for t in self.tranches_age]
        rows += [Decompte("college", c.value or None, c.label, c.count, c.share, None) for c in self.colleges]
        rows += [Decompte("commune", c.value or None, c.label, c.count, c.share, None) for c in self.communes]
        rows += [Decompte("instance", i.id, i.nom, i.total, i.total / self.membres if self.membres else 0.0, None)
                 for i in self.instances]
        return rows


@dataclass(frozen=True)
class Decompte:
    """One count of the composition: how many current members have a value of a dimension."""

    dimension: str  # sexe, tranche_age, college, commune, instance
    valeur: str | None  # None: not filled in the list
    libelle: str
    membres: int
    part: float  # of the current members, 0 to 1
    part_population: float | None  # census share, for age classes


@dataclass(frozen=True)
class Registre:
    """The member lines as the graph may hold them: a member who did not consent has no name here.

    Everything public is computed from it (the composition on the build date, or at the end of a
    report's period), so no page, export or report can name that member.
    """

    membres: tuple[Membre, ...]
    instances: Mapping[str, Any] = field(default_factory=dict)  # id -> published instance node
    colleges: tuple[str, ...] = ()
    communes: tuple[str, ...] = ()
    population_tranches_age: tuple[tuple[str, float], ...] = ()
    renouvellement: date | None = None

    def au(self, day: date) -> Composition:
        """The composition on `day`."""
        return build_composition(self.membres, day, instances=self.instances, colleges=self.colleges,
                                 communes=self.communes,
                                 population_tranches_age=dict(self.population_tranches_age),
                                 renouvellement=self.renouvellement)


def public_register(membres: Iterable[Membre], **options: Any) -> Registre:
    """The register without the names nobody agreed to publish."""
    return Registre(tuple(m if m.consenti else replace(m, nom="") for m in membres), **options)


def build_composition(membres: Iterable[Membre], on: date, *, instances: Mapping[str, Any] | None = None,
                      colleges: Iterable[str] = (), communes: Iterable[str] = (),
                      population_tranches_age: Mapping[str, float] | None = None,
                      renouvellement: date | None = None) -> Composition:
    """The public composition on `on`. `instances`: id -> published instance node (with `nom`)."""
    current = [m for m in membres if m.is_current(on)]
    instances = instances or {}
    population = population_tranches_age or {}
    total = len(current)
    sexes = Counter(m.sexe for m in current)
    ages = Counter(m.tranche_age for m in current)
    college_labels = {c: c for c in colleges}
    if any(m.college is None for m in current) and college_labels:
        college_labels[""] = NON_RENSEIGNE
    return Composition(
        date=on,
        membres=total,
        parite=Parite(femmes=sexes["F"], hommes=sexes["M"]),
        sexes=breakdown((m.sexe for m in current), SEXES),
        tranches_age=[TrancheAge(value, label, ages[value], ages[value] / total if total else 0.0,
                                 population[value] / 100 if value in population else None)
                      for value, label in TRANCHES_AGE.items()],
        colleges=breakdown((m.college or "" for m in current), college_labels) if college_labels else
        _counts_of(m.college for m in current),
        communes=_counts_of(m.commune for m in current),
        communes_configurees=len(tuple(communes)),
        instances=_by_instance(current, instances),
        nommes=sorted((_named(m, instances) for m in current if m.consenti), key=lambda m: _sort_name(m.nom)),
        renouvellement=renouvellement,
    )


def _named(membre: Membre, instances: Mapping[str, Any]) -> MembreNomme:
    """A consenting member as pages show them: only the bodies that are published."""
    bodies = tuple(i for i in membre.instances if i in instances)
    return MembreNomme(membre.nom, membre.fonction, bodies, membre.college, membre.commune, membre.debut)


def _counts_of(values: Iterable[str | None]) -> list[Count]:
    """Counts of the values present, most first; members with no value counted last as « Non renseigné »."""
    counter = Counter(v or "" for v in values)
    total = sum(counter.values())
    rows = sorted(((v, n) for v, n in counter.items() if v), key=lambda item: (-item[1], item[0]))
    if counter[""]:
        rows.append(("", counter[""]))
    return [Count(v, v or NON_RENSEIGNE, n, n / total if total else 0.0) for v, n in rows]


def _by_instance(current: list[Membre], instances: Mapping[str, Any]) -> list[InstanceComposition]:
    """Each published body with its members; members of no published body last."""
    members_of: dict[str, list[Membre]] = {instance_id: [] for instance_id in instances}
    outside: list[Membre] = []
    for membre in current:
        bodies = [i for i in membre.instances if i in instances]
        for body in bodies:
            members_of[body].append(membre)
        if not bodies:
            outside.append(membre)
    result = [InstanceComposition(instance_id, instances[instance_id].nom, instances[instance_id],
                                  _by_function(members_of[instance_id], instances))
              for instance_id in sorted(instances, key=lambda i: (instances[i].nom.lower(), i))]
    if outside:
        result.append(InstanceComposition(SANS_INSTANCE, "Membres d'aucune instance", None,
                                          _by_function(outside, instances)))
    return result


def _by_function(membres: list[Membre], instances: Mapping[str, Any]) -> tuple[GroupeFonction, ...]:
    groups = []
    for groupe, (libelle, fonctions) in GROUPES_FONCTION.items():
        holders = [m for m in membres if m.fonction in fonctions]
        if not holders:
            continue
        named = tuple(sorted((_named(m, instances) for m in holders if m.consenti),
                             key=lambda m: _sort_name(m.nom)))
        groups.append(GroupeFonction(groupe, libelle, named, len(holders) - len(named)))
    return tuple(groups)


def _sort_name(nom: str) -> tuple[str, str]:
    return (nom.split()[-1].lower(), nom.lower())


def notice(composition: Composition) -> list[str]:
    """What `conseil check` and the build say of the composition: parity and ages, never blocking."""
    parite = composition.parite
    lines = [f"composition au {composition.date.isoformat()} : {composition.membres} membres, "
             f"{parite.femmes} femmes et {parite.hommes} hommes ({parite.phrase()})"]
    if not parite.respectee:
        lines.append(f"  parité : écart de {parite.ecart}, la loi demande au plus {ECART_PARITE_MAX} "
                     "(CGCT, art. L5211-10-1) ; à corriger lors du prochain renouvellement, la publication "
                     "n'est pas bloquée")
    ages = []
    for tranche in composition.tranches_age:
        part = f"{tranche.value} : {round(tranche.share * 100)} %"
        if tranche.population is not None:
            part += f" (population {round(tranche.population * 100)} %)"
        ages.append(part)
    lines.append("  classes d'âge : " + ", ".join(ages))
    return lines
