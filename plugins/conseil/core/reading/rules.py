"""The rules that need more than one field, or more than one record.

Each rule is a function named after what it checks, yielding diagnostics; the
error code it reports is in its body, so a code leads straight to its rule.
Rules run on every parsed record, drafts included: a draft is checked too.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping

from ..model import grammaire, schema
from ..model.dates import date_fr, first_day, is_approximate, last_day, reference_date
from ..model.diagnostics import AVERTISSEMENT, NOTE, Diagnostic, closest, guillemets
from ..model.records import Assemblee, Bilan, Concertation, Contribution, Elu, Record, Reponse, has_garant, \
    split_recommandation
from .membres import population_shares


@dataclass(frozen=True)
class Settings:
    """What the rules and the graph need to know beyond the records."""

    build_date: date
    delai_reponse_jours: int = schema.DEFAULT_DELAI_REPONSE_JOURS
    communes: tuple[str, ...] = ()
    content_dir: Path | None = None  # to check that local documents exist
    # The composition (membres.csv): colleges, census shares by age class (%), next renewal.
    colleges: tuple[str, ...] = ()
    population_tranches_age: tuple[tuple[str, float], ...] = ()
    renouvellement: date | None = None
    suivi_depuis: date | None = None  # answers are followed from this day: older contributions are `hors-suivi`
    # Concertations with a CNDP garant: the garant's bilan is due this many days after the end, the maître
    # d'ouvrage's answer this many days after the garant's bilan.
    delai_bilan_garant_jours: int = schema.DEFAULT_DELAI_BILAN_GARANT_JOURS
    delai_reponse_maitre_ouvrage_jours: int = schema.DEFAULT_DELAI_REPONSE_MAITRE_OUVRAGE_JOURS

    @classmethod
    def from_options(cls, options: Mapping[str, Any], content_dir: Path | None, *,
                     config_name: str = "mkdocs.yml") -> Settings:
        """The settings of the plugin's options (its entry in mkdocs.yml): for the build and the command alike."""
        explicit = options.get("date_reference")
        try:
            build_date = reference_date(explicit)
        except ValueError:
            raise SettingsError(f"date_reference « {explicit} » n'est pas une date AAAA-MM-JJ ({config_name})") from None
        try:
            population = population_shares(options.get("population_tranches_age"))
        except ValueError as error:
            raise SettingsError(f"{error} ({config_name})") from None
        return cls(build_date=build_date,
                   delai_reponse_jours=int(options.get("delai_reponse_jours", schema.DEFAULT_DELAI_REPONSE_JOURS)),
                   communes=tuple(options.get("communes") or ()), content_dir=content_dir,
                   colleges=tuple(options.get("colleges") or ()), population_tranches_age=population,
                   renouvellement=_day_option(options, "renouvellement", config_name),
                   suivi_depuis=_day_option(options, "suivi_depuis", config_name),
                   delai_bilan_garant_jours=int(options.get("delai_bilan_garant_jours",
                                                            schema.DEFAULT_DELAI_BILAN_GARANT_JOURS)),
                   delai_reponse_maitre_ouvrage_jours=int(options.get(
                       "delai_reponse_maitre_ouvrage_jours", schema.DEFAULT_DELAI_REPONSE_MAITRE_OUVRAGE_JOURS)))


def _day_option(options: Mapping[str, Any], key: str, config_name: str) -> date | None:
    """An option holding a day: YAML gives a date, a quoted value is read as AAAA-MM-JJ."""
    value = options.get(key)
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise SettingsError(f"{key} « {value} » n'est pas une date AAAA-MM-JJ ({config_name})") from None


class SettingsError(ValueError):
    """An option of the plugin that cannot be used; its text is French, for the editor."""


@dataclass
class Index:
    """Every record that parsed, by type and id, and every id that exists as a file."""

    records: dict[str, dict[str, Record]] = field(default_factory=lambda: {t: {} for t in schema.RECORD_TYPES})
    files: dict[str, dict[str, str]] = field(default_factory=lambda: {t: {} for t in schema.RECORD_TYPES})
    partial: list[Record] = field(default_factory=list)  # records with a bad required field: references only

    def add_file(self, record_type: str, record_id: str, path: str) -> None:
        self.files[record_type][record_id] = path

    def add(self, record: Record) -> None:
        self.records[record.type][record.id] = record

    def all(self) -> Iterator[Record]:
        for by_id in self.records.values():
            yield from by_id.values()


def _at(record: Record, path: str, code: str, message: str, *, key: str, label: str | None = None,
        help: str | None = None, severity: str = "erreur") -> Diagnostic:
    pos = record.place_of(path)
    return Diagnostic(code, record.source.path, pos.line, pos.column, message, key=key, label=label,
                      help=help, length=pos.length, severity=severity)


def _reference_fields(record: Record) -> Iterator[tuple[str, str, tuple[str, ...], str]]:
    """(key, key path, target types, id) of every reference a record makes."""
    record_type = schema.RECORD_TYPES[record.type]
    for spec in record_type.fields:
        if spec.kind == schema.REFERENCE:
            value = getattr(record, spec.name, None)
            if value:
                yield spec.key, spec.key, spec.target_types, value
        elif spec.kind == schema.LIST and spec.item.kind == schema.REFERENCE:
            for index, value in enumerate(getattr(record, spec.name, [])):
                yield spec.key, f"{spec.key}[{index}]", spec.item.target_types, value
        elif spec.kind == schema.LIST and spec.item.kind == schema.OBJECT:  # `dispositifs[].outil`
            nested = [sub for sub in spec.item.fields if sub.kind == schema.REFERENCE]
            for index, item in enumerate(getattr(record, spec.name, []) if nested else ()):
                for sub in nested:
                    value = getattr(item, sub.name, None)
                    if value:
                        yield spec.key, f"{spec.key}[{index}].{sub.key}", sub.target_types, value


def _named(targets: tuple[str, ...]) -> str:
    """« aucun élu », « aucune contribution », « aucun élu ni organe »."""
    return " ni ".join([grammaire.nom(targets[0]).aucun, *(schema.RECORD_TYPES[t].label for t in targets[1:])])


def check_references(record: Record, index: Index, settings: Settings) -> Iterator[Diagnostic]:
    """Each reference names an existing record of the right type, published when the citer is."""
    for key, path, targets, ref in _reference_fields(record):
        target = next((t for t in targets if ref in index.files[t]), None)
        if target is None:
            candidates = {i: p for t in targets for i, p in index.files[t].items()}  # suggested across every type
            suggestion = closest(ref, candidates)
            if suggestion:
                hint = f"vouliez-vous dire {guillemets(suggestion)} ? ({candidates[suggestion]})"
            else:
                hint = f"créez la fiche {' ou '.join(f'{t}/{ref}.md' for t in targets)} ou corrigez l'identifiant"
            yield _at(record, path, "ref-inconnue", f"{_named(targets)} {guillemets(ref)}", key=key,
                      label=f"{_named(targets)} {guillemets(ref)}", help=hint)
            continue
        cited = index.records[target].get(ref)
        if cited and record.is_published(settings.build_date) and not cited.is_published(settings.build_date):
            why = "en brouillon" if cited.brouillon else f"sous embargo jusqu'au {cited.publication.isoformat()}"
            yield _at(record, path, "ref-non-publiee",
                      f"cette fiche publiée cite {target}/{ref}, qui est {why}", key=key,
                      label="fiche non publiée",
                      help="publiez la fiche citée, retirez la référence, ou mettez cette fiche en brouillon")


def check_ids_unique_across_types(record: Record, index: Index, settings: Settings) -> Iterator[Diagnostic]:
    """A reference that may name several types (`destinataires`: élus and organes) must name only one record."""
    for others in _SHARED_IDS.get(record.type, ()):
        if record.id in index.files[others]:
            yield Diagnostic("id-en-double", record.source.path, 1, 1,
                             f"l'identifiant {guillemets(record.id)} existe aussi dans {others}/ "
                             f"({index.files[others][record.id]})", key=None, length=3,
                             help="renommez l'une des deux fiches : un destinataire doit désigner une seule fiche")


def _types_sharing_ids() -> dict[str, tuple[str, ...]]:
    """For each record type, the other types whose ids a reference may confuse with its own."""
    shared: dict[str, set[str]] = {}
    for record_type in schema.RECORD_TYPES.values():
        for spec in record_type.fields:
            targets = (spec.item or spec).target_types
            for target in targets:
                shared.setdefault(target, set()).update(t for t in targets if t != target)
    return {t: tuple(sorted(others)) for t, others in shared.items() if others}


_SHARED_IDS = _types_sharing_ids()


def check_repondant(record: Record, index: Index, settings: Settings) -> Iterator[Diagnostic]:
    """An answer comes from one élu or one organe, not both (the parser requires one of them)."""
    if not isinstance(record, Reponse):
        return
    if record.elu and record.organe:
        yield _at(record, "organe", "repondant-double", "la réponse nomme à la fois un élu et un organe", key="organe",
                  label="un seul répondant", help="gardez elu (un élu répond) ou organe (un organe vote ou délibère)")


def check_deliberation(record: Record, index: Index, settings: Settings) -> Iterator[Diagnostic]:
    """A deliberation's address is an https one."""
    for key in ("deliberation", "deliberation_ouverture"):
        deliberation = getattr(record, key, None)
        if deliberation and deliberation.url and not deliberation.url.startswith("https://"):
            yield _at(record, f"{key}.url", "adresse-invalide",
                      f"{guillemets(deliberation.url)} n'est pas une adresse https", key=key,
                      label="adresse https attendue", help="donnez l'adresse publique de la délibération : https://…")


def check_suite_de(record: Record, index: Index, settings: Settings) -> Iterator[Diagnostic]:
    """The earlier stage of an opinion is not later than it, and stages never loop back."""
    if not isinstance(record, Contribution) or not record.suite_de:
        return
    contributions = index.records["contributions"]
    previous = contributions.get(record.suite_de)
    if previous is not None and previous.date and record.date and first_day(previous.date) > last_day(record.date):
        yield _at(record, "suite_de", "date-anterieure",
                  f"l'étape précédente {record.suite_de} ({previous.date.isoformat()}) est plus récente que "
                  f"cette contribution ({record.date.isoformat()})", key="suite_de",
                  help="suite_de nomme l'étape antérieure ; inversez-la si c'est l'autre fiche qui suit celle-ci")
    seen = [record.id]
    while previous is not None and previous.suite_de:
        if previous.suite_de in seen:
            chain = " → ".join([*seen, previous.suite_de])
            yield _at(record, "suite_de", "suite-circulaire", f"les étapes bouclent : {chain}", key="suite_de",
                      label="boucle", help="une étape suit une étape plus ancienne ; retirez suite_de de la première")
            return
        seen.append(previous.id)
        previous = contributions.get(previous.suite_de)


def check_date_fin(record: Record, index: Index, settings: Settings) -> Iterator[Diagnostic]:
    """A meeting over several days ends on or after its first day."""
    if isinstance(record, Assemblee) and record.date_fin and record.date and last_day(record.date_fin) < record.date:
        yield _at(record, "date_fin", "date-anterieure",
                  f"la fin ({record.date_fin.isoformat()}) précède le début ({record.date.isoformat()})",
                  key="date_fin", help="date_fin est le dernier jour de la réunion : vérifiez date et date_fin")


def _slug_problems(record: Record, path: str, value: str, key: str, examples: str) -> Iterator[Diagnostic]:
    """An id written inside a record (a recommendation's, a dispositif's) is a short slug."""
    if not re.match(schema.ID_PATTERN, value):
        yield _at(record, path, "id-invalide", f"{guillemets(value)} n'est pas un identifiant valide", key=key,
                  help=f"minuscules sans accents, chiffres et tirets : {examples}")


def check_recommandation_ids(record: Record, index: Index, settings: Settings) -> Iterator[Diagnostic]:
    """Recommendation ids are short slugs, unique within their contribution or bilan."""
    if not isinstance(record, (Contribution, Bilan)):
        return
    where = "cette contribution" if isinstance(record, Contribution) else "ce bilan"
    seen: set[str] = set()
    for number, recommandation in enumerate(record.recommandations):
        path = f"recommandations[{number}].id"
        yield from _slug_problems(record, path, recommandation.id, "recommandations", "r1, mobilite-nocturne")
        if recommandation.id in seen:
            yield _at(record, path, "recommandation-dupliquee",
                      f"l'identifiant {guillemets(recommandation.id)} est déjà pris dans {where}",
                      key="recommandations", help=f"renommez-la, par exemple r{len(record.recommandations) + 1}")
        seen.add(recommandation.id)


def check_recommandation_references(record: Record, index: Index, settings: Settings) -> Iterator[Diagnostic]:
    """`suites` and `engagements` name recommendations of the contributions answered."""
    if not isinstance(record, Reponse):
        return
    cited = [(f"suites[{n}].recommandation", "suites", s.recommandation) for n, s in enumerate(record.suites)]
    cited += [(f"engagements[{n}].recommandation", "engagements", e.recommandation)
              for n, e in enumerate(record.engagements) if e.recommandation]
    for path, key, reference in cited:
        contribution_id, recommandation_id = split_recommandation(record, reference)
        if contribution_id is None:
            yield _at(record, path, "recommandation-ambigue",
                      f"{guillemets(reference)} : cette réponse couvre {len(record.contributions)} contributions",
                      key=key, help=f"écrivez {record.contributions[0]}#{recommandation_id}")
            continue
        if contribution_id not in record.contributions:
            yield _at(record, path, "recommandation-inconnue",
                      f"la contribution {guillemets(contribution_id)} n'est pas dans les contributions de cette réponse",
                      key=key, help=f"contributions de la réponse : {', '.join(record.contributions)}")
            continue
        contribution = index.records["contributions"].get(contribution_id)
        if contribution is None:
            continue  # reported by check_references or by its own file
        ids = [r.id for r in contribution.recommandations]
        if recommandation_id not in ids:
            suggestion = closest(recommandation_id, ids)
            hint = (f"vouliez-vous dire {guillemets(suggestion)} ?" if suggestion
                    else f"recommandations de {contribution_id} : {', '.join(ids) or 'aucune'}")
            yield _at(record, path, "recommandation-inconnue",
                      f"aucune recommandation {guillemets(recommandation_id)} dans {contribution_id}", key=key,
                      label="recommandation inconnue", help=hint)


def check_reponse_dates(record: Record, index: Index, settings: Settings) -> Iterator[Diagnostic]:
    """An answer is not dated before what it answers."""
    if not isinstance(record, Reponse):
        return
    for contribution_id in record.contributions:
        contribution = index.records["contributions"].get(contribution_id)
        if contribution and contribution.date and last_day(record.date) < first_day(contribution.date):
            yield _at(record, "date", "date-anterieure",
                      f"la réponse ({record.date.isoformat()}) précède la contribution {contribution_id} "
                      f"({contribution.date.isoformat()})", key="date",
                      help="vérifiez la date de la réponse ou la contribution citée")


def check_echeance(record: Record, index: Index, settings: Settings) -> Iterator[Diagnostic]:
    """A reply deadline comes after the contribution."""
    if isinstance(record, Contribution) and record.echeance_reponse and record.echeance_reponse < first_day(record.date):
        yield _at(record, "echeance_reponse", "date-anterieure",
                  f"l'échéance ({record.echeance_reponse.isoformat()}) précède la contribution "
                  f"({record.date.isoformat()})", key="echeance_reponse",
                  help="l'échéance de réponse doit suivre la date de la contribution")


def check_mandat(record: Record, index: Index, settings: Settings) -> Iterator[Diagnostic]:
    """A term ends after it begins."""
    if isinstance(record, Elu) and record.mandat_debut and record.mandat_fin \
            and last_day(record.mandat_fin) < first_day(record.mandat_debut):
        yield _at(record, "mandat_fin", "date-anterieure", "la fin du mandat précède son début", key="mandat_fin",
                  help="vérifiez mandat_debut et mandat_fin")


def check_heures(record: Record, index: Index, settings: Settings) -> Iterator[Diagnostic]:
    """A meeting (or a concertation's dispositif) ends after it starts."""
    timed = [("", "heure_fin", record)] if isinstance(record, Assemblee) else \
        [(f"dispositifs[{n}].", "dispositifs", d) for n, d in enumerate(record.dispositifs)] \
        if isinstance(record, Concertation) else []
    for prefix, key, held in timed:
        if held.heure_debut and held.heure_fin and held.heure_fin <= held.heure_debut:
            yield _at(record, f"{prefix}heure_fin", "heures-incoherentes",
                      f"la fin ({held.heure_fin}) ne suit pas le début ({held.heure_debut})", key=key,
                      help="vérifiez heure_debut et heure_fin (format 24 h : \"21:00\")")


def check_commune(record: Record, index: Index, settings: Settings) -> Iterator[Diagnostic]:
    """Every commune (`commune`, `communes[]`, `dispositifs[].commune`) belongs to the configured list, when there is
    one: the fields the schema declares `checked_against="communes"`."""
    if not settings.communes:
        return
    for key, path, commune in _communes(record):
        if commune not in settings.communes:
            suggestion = closest(commune, settings.communes)
            hint = f"vouliez-vous dire {guillemets(suggestion)} ?" if suggestion else \
                "ajoutez-la à la liste « communes » de mkdocs.yml si elle fait partie de la Métropole"
            yield _at(record, path, "commune-inconnue", f"{guillemets(commune)} n'est pas une commune connue",
                      key=key, help=hint)


def _communes(record: Record) -> Iterator[tuple[str, str, str]]:
    """(key, key path, commune) of every value of a record checked against the plugin option `communes`."""
    for spec in schema.RECORD_TYPES[record.type].fields:
        value = getattr(record, spec.name, None)
        if spec.checked_against == "communes" and value:
            yield spec.key, spec.key, value
        elif spec.item is not None and spec.item.checked_against == "communes":
            yield from ((spec.key, f"{spec.key}[{n}]", v) for n, v in enumerate(value or ()))
        elif spec.item is not None and spec.item.kind == schema.OBJECT:
            for sub in spec.item.fields:
                if sub.checked_against == "communes":
                    for n, item in enumerate(value or ()):
                        if getattr(item, sub.name, None):
                            yield spec.key, f"{spec.key}[{n}].{sub.key}", getattr(item, sub.name)


def check_documents(record: Record, index: Index, settings: Settings) -> Iterator[Diagnostic]:
    """A document is an https address or a file under content/."""
    for number, document in enumerate(getattr(record, "documents", [])):
        path = f"documents[{number}].fichier"
        target = document.fichier
        if target.startswith("https://"):
            continue
        if re.match(r"^[a-z]+:", target):
            yield _at(record, path, "document-introuvable", f"{guillemets(target)} n'est pas une adresse https",
                      key="documents", help="donnez une adresse https:// ou un chemin sous content/")
            continue
        if settings.content_dir is not None:
            relative = target.lstrip("/")
            candidate = (settings.content_dir / relative).resolve()
            inside = settings.content_dir.resolve() in candidate.parents
            if not inside or not candidate.is_file():
                yield _at(record, path, "document-introuvable", f"aucun fichier content/{relative}", key="documents",
                          help="déposez le fichier sous content/ (par exemple content/documents/) ou corrigez le chemin")


# -- Version 3: concertations and their bilans ------------------------------------------------------------------------

def _certainly_before(a: date, b: date) -> bool:
    """Whether `a` is before `b` whatever the days of their periods: `fin: 2023` is not before a bilan of 2023-10-18."""
    return last_day(a) < first_day(b)


def check_concertation_fin(record: Record, index: Index, settings: Settings) -> Iterator[Diagnostic]:
    """A concertation ends on or after its first day."""
    if isinstance(record, Concertation) and record.fin and _certainly_before(record.fin, record.debut):
        yield _at(record, "fin", "date-anterieure",
                  f"la fin ({record.fin.isoformat()}) précède le début ({record.debut.isoformat()})", key="fin",
                  help="fin est le dernier jour de la participation du public : vérifiez debut et fin")


def check_concertation_calendrier(record: Record, index: Index, settings: Settings) -> Iterator[Diagnostic]:
    """Phases and dispositifs take place within [debut, fin]; only a restitution may come after the end."""
    if not isinstance(record, Concertation):
        return
    periode = f"du {record.debut.isoformat()} au {record.fin.isoformat()}" if record.fin else \
        f"ouverte depuis le {record.debut.isoformat()}"
    spans = [(f"phases[{n}]", "phases", f"la phase {guillemets(p.libelle)}", p.debut, p.fin, "debut", "fin", False)
             for n, p in enumerate(record.phases)]
    spans += [(f"dispositifs[{n}]", "dispositifs", f"le dispositif {guillemets(d.id)}", d.date, d.date_fin, "date",
               "date_fin", d.type == schema.RESTITUTION) for n, d in enumerate(record.dispositifs) if d.date]
    for path, key, what, start, end, start_key, end_key, after_end_allowed in spans:
        if end and _certainly_before(end, start):
            yield _at(record, f"{path}.{end_key}", "date-anterieure",
                      f"{what} finit ({end.isoformat()}) avant de commencer ({start.isoformat()})", key=key,
                      help=f"vérifiez {start_key} et {end_key}")
        if _certainly_before(start, record.debut):
            yield _at(record, f"{path}.{start_key}", "hors-periode",
                      f"{what} ({start.isoformat()}) précède le début de la concertation ({record.debut.isoformat()})",
                      key=key, label="avant le début", help=f"la concertation se tient {periode} : vérifiez la date, "
                      "ou le début de la concertation")
        elif record.fin and not after_end_allowed and _certainly_before(record.fin, end or start):
            yield _at(record, f"{path}.{end_key if end else start_key}", "hors-periode",
                      f"{what} ({(end or start).isoformat()}) suit la fin de la concertation ({record.fin.isoformat()})",
                      key=key, label="après la fin",
                      help=f"la concertation se tient {periode} ; seule une restitution (type: restitution) peut "
                           "suivre la fin")


def check_deliberation_ouverture(record: Record, index: Index, settings: Settings) -> Iterator[Diagnostic]:
    """The opening deliberation sets objectives and modalities before the public is asked."""
    deliberation = getattr(record, "deliberation_ouverture", None) if isinstance(record, Concertation) else None
    if deliberation and _certainly_before(record.debut, deliberation.date):
        yield _at(record, "deliberation_ouverture.date", "deliberation-apres-debut",
                  f"la délibération d'ouverture ({deliberation.date.isoformat()}) suit le début de la concertation "
                  f"({record.debut.isoformat()})", key="deliberation_ouverture",
                  help="la délibération fixe les objectifs et les modalités avant la participation du public : "
                       "vérifiez sa date et debut")


# How a message names a bilan by its type.
_LE_BILAN = {schema.BILAN: "le bilan", schema.BILAN_GARANT: "le bilan du garant",
             schema.REPONSE_MAITRE_OUVRAGE: "la réponse du maître d'ouvrage"}


def _concertation_of(record: Bilan, index: Index) -> Concertation | None:
    return index.records["concertations"].get(record.concertation)


def check_bilan_apres_fin(record: Record, index: Index, settings: Settings) -> Iterator[Diagnostic]:
    """A bilan or a garant's bilan comes after the concertation's end; a concertation still open has none yet."""
    if not isinstance(record, Bilan) or record.type_bilan not in (schema.BILAN, schema.BILAN_GARANT):
        return
    concertation = _concertation_of(record, index)
    if concertation is None:
        return  # reported by check_references
    what = _LE_BILAN[record.type_bilan]
    if concertation.fin is None:
        yield _at(record, "concertation", "bilan-avant-fin",
                  f"la concertation {concertation.id} n'a pas de fin : {what} suit la fin de la participation",
                  key="concertation", help=f"ajoutez fin: AAAA-MM-JJ à {concertation.source.path}, ou vérifiez "
                                           "la concertation citée")
    elif _certainly_before(record.date, concertation.fin):
        yield _at(record, "date", "bilan-avant-fin",
                  f"{what} ({record.date.isoformat()}) précède la fin de la concertation {concertation.id} "
                  f"({concertation.fin.isoformat()})", key="date",
                  help="vérifiez la date du bilan et la fin de la concertation ; le bilan d'une phase se date "
                       "après la fin de la concertation, ou se publie dans son corps")


def check_bilan_garant(record: Record, index: Index, settings: Settings) -> Iterator[Diagnostic]:
    """A garant's bilan needs a concertation followed by a garant."""
    if not isinstance(record, Bilan) or record.type_bilan != schema.BILAN_GARANT:
        return
    concertation = _concertation_of(record, index)
    if concertation is not None and not has_garant(concertation):
        yield _at(record, "type", "garant-absent",
                  f"la concertation {concertation.id} n'a pas de garant", key="type", label="bilan du garant",
                  help=f"ajoutez garants: [Prénom Nom] (ou garant_cndp: true) à {concertation.source.path}, "
                       "ou écrivez type: bilan")


def check_recommandations_du_garant(record: Record, index: Index, settings: Settings) -> Iterator[Diagnostic]:
    """Only a garant's bilan makes recommendations (the others answer them in `suites`)."""
    if isinstance(record, Bilan) and record.recommandations and record.type_bilan != schema.BILAN_GARANT:
        yield _at(record, "recommandations", "recommandations-hors-garant",
                  f"seul le bilan du garant porte des recommandations, pas {_LE_BILAN[record.type_bilan]}",
                  key="recommandations",
                  help="les recommandations sont celles du garant (type: bilan-garant) ; ce qu'un bilan retient "
                       "s'écrit dans suites (sujet, position, motif)")


def check_bilan_recommandation_references(record: Record, index: Index, settings: Settings) -> Iterator[Diagnostic]:
    """`suites[].recommandation` and `engagements[].recommandation` of a bilan name a recommendation of a garant's
    bilan of the same concertation."""
    if not isinstance(record, Bilan):
        return
    cited = [(f"suites[{n}].recommandation", "suites", s.recommandation) for n, s in enumerate(record.suites)
             if s.recommandation]
    cited += [(f"engagements[{n}].recommandation", "engagements", e.recommandation)
              for n, e in enumerate(record.engagements) if e.recommandation]
    if not cited:
        return
    garant = [b for b in index.records["bilans"].values()
              if b.concertation == record.concertation and b.type_bilan == schema.BILAN_GARANT]
    ids = [r.id for b in sorted(garant, key=lambda b: (b.date, b.id)) for r in b.recommandations]
    for path, key, reference in cited:
        if reference in ids:
            continue
        suggestion = closest(reference, ids)
        hint = (f"vouliez-vous dire {guillemets(suggestion)} ?" if suggestion else
                f"recommandations du garant : {', '.join(ids)}" if ids else
                f"aucun bilan du garant (type: bilan-garant) ne porte de recommandations pour {record.concertation}")
        yield _at(record, path, "recommandation-inconnue",
                  f"aucune recommandation {guillemets(reference)} dans les bilans du garant de la concertation "
                  f"{record.concertation}",
                  key=key, label="recommandation inconnue", help=hint)


def check_dispositif_ids(record: Record, index: Index, settings: Settings) -> Iterator[Diagnostic]:
    """Dispositif ids are short slugs, unique within their concertation."""
    if not isinstance(record, Concertation):
        return
    seen: dict[str, int] = {}
    for number, dispositif in enumerate(record.dispositifs):
        path = f"dispositifs[{number}].id"
        yield from _slug_problems(record, path, dispositif.id, "dispositifs", "reunion-1, registre")
        if dispositif.id in seen:
            first = record.place_of(f"dispositifs[{seen[dispositif.id]}].id")
            yield _at(record, path, "dispositif-duplique",
                      f"l'identifiant {guillemets(dispositif.id)} est déjà pris dans cette concertation (ligne "
                      f"{first.line})", key="dispositifs", label="second dispositif",
                      help=f"renommez-le, par exemple {dispositif.id}-2")
        seen.setdefault(dispositif.id, number)


def _add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day when it has no such day)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def check_duree_code_environnement(record: Record, index: Index, settings: Settings) -> Iterator[Diagnostic]:
    """A concertation préalable (Code de l'environnement, L121-16) lasts 15 days to 3 months: a note, never blocking."""
    if not isinstance(record, Concertation) or record.cadre != "code-environnement" or record.fin is None \
            or _certainly_before(record.fin, record.debut):  # reversed: check_concertation_fin says so
        return
    longest = (last_day(record.fin) - first_day(record.debut)).days + 1
    exact = not is_approximate(record.debut) and not is_approximate(record.fin)
    if longest < 15:
        said = f"{longest} jours" if exact else f"au plus {longest} jours"
        yield _at(record, "fin", "duree-concertation", f"la concertation dure {said}, moins que les 15 jours d'une "
                  "concertation préalable du Code de l'environnement (art. L121-16)", key="fin", severity=NOTE,
                  help="vérifiez debut, fin et cadre ; cette note ne bloque pas la publication")
    elif first_day(record.fin) >= _add_months(last_day(record.debut), 3):
        yield _at(record, "fin", "duree-concertation", f"la concertation dure plus de 3 mois ({date_fr(record.debut)} "
                  f"– {date_fr(record.fin)}), plus qu'une concertation préalable du Code de l'environnement "
                  "(art. L121-16)", key="fin", severity=NOTE,
                  help="vérifiez debut, fin et cadre ; cette note ne bloque pas la publication")


# Both patterns open on a character, not a look-behind, so the engine tries them only where they can start,
# and neither can restart inside a word (a word-start guard keeps long words linear, not quadratic).
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A French number not glued to a word, a path or another number: `06 12 34 56 78`, `+33 6 12 34 56 78`.
# Two patterns opening on a literal character: the engine then skips to each "0" at memchr speed,
# where a class like [+0] is tested character by character (ten times slower on 45 MB of bodies).
_PHONE_NATIONAL = re.compile(r"0(?<![\w/.-]0)[1-9](?:[ .-]?\d{2}){4}(?![\w-])")
_PHONE_INTERNATIONAL = re.compile(r"\+(?<![\w/.-]\+)33[ .]?[1-9](?:[ .-]?\d{2}){4}(?![\w-])")


def check_personal_data(record: Record, index: Index, settings: Settings) -> Iterator[Diagnostic]:
    """Bodies and text fields do not publish e-mail addresses or phone numbers (personal data)."""
    yield from _personal_data_in(record, record.body, record.source.body_line, 1, key=None)
    header = record.source.header.split("\n")
    for spec in schema.RECORD_TYPES[record.type].fields:
        value = getattr(record, spec.key, None)
        if spec.kind == schema.TEXT and isinstance(value, str):
            pos = record.place_of(spec.key)
            yield from _personal_data_in(record, value, pos.line, pos.column + _is_quoted(header, pos), key=spec.key)


def _is_quoted(header: list[str], pos) -> int:
    """1 when the value at `pos` opens with a quote, so columns point inside it."""
    if 1 <= pos.line <= len(header) and pos.column <= len(header[pos.line - 1]):
        return int(header[pos.line - 1][pos.column - 1] in "\"'")
    return 0


def _personal_data_in(record: Record, text: str, line: int, column: int, *, key: str | None) -> Iterator[Diagnostic]:
    """Scan `text` (which starts at `line`, `column`) at once; lines are counted only on a match."""
    found = [(match, "un numéro de téléphone") for match in _phone_numbers(text)]
    if "@" in text:  # most texts have no @ at all
        found += [(match, "une adresse électronique") for match in _EMAIL.finditer(text)]
        found.sort(key=lambda item: item[0].start())
    for match, what in found:
        line_start = text.rfind("\n", 0, match.start()) + 1
        newlines = text.count("\n", 0, match.start())
        at_column = match.start() - line_start + (column if newlines == 0 else 1)
        yield Diagnostic("donnee-personnelle", record.source.path, line + newlines, at_column,
                         f"le texte publie {what}", key=key, label=what, length=len(match.group(0)),
                         help="supprimez cette donnée, ou renvoyez vers un formulaire de contact de la Métropole",
                         severity=AVERTISSEMENT)


def _phone_numbers(text: str) -> list[re.Match]:
    """French phone numbers in `text`, in order; a national one inside an international one is not counted twice."""
    found = list(_PHONE_NATIONAL.finditer(text))
    if "+" in text:
        international = list(_PHONE_INTERNATIONAL.finditer(text))
        if international:
            found = [m for m in found if not any(i.start() <= m.start() < i.end() for i in international)]
            found = sorted(found + international, key=re.Match.start)
    return found


_DANGEROUS_HTML = re.compile(
    r"<\s*(script|iframe|object|embed|form|style)\b|\son[a-z]+\s*=|javascript\s*:", re.IGNORECASE)


def check_html(record: Record, index: Index, settings: Settings) -> Iterator[Diagnostic]:
    """No script, frame, event handler or javascript: link in a body (the page sanitises them anyway)."""
    body = record.body
    if "<" not in body and "=" not in body and not _may_hold_javascript_scheme(body):
        return  # none of the patterns can match
    first = record.source.body_line
    for offset, line in enumerate(record.body.split("\n")):
        for match in _DANGEROUS_HTML.finditer(line):
            yield Diagnostic("html-interdit", record.source.path, first + offset, match.start() + 1,
                             f"HTML interdit : {guillemets(match.group(0).strip())}", label="retiré à la publication",
                             length=len(match.group(0)),
                             help="écrivez le texte en Markdown ; les scripts, cadres et liens javascript: ne sont pas publiés")


def _may_hold_javascript_scheme(text: str) -> bool:
    """Whether a colon follows "javascript" (any case, maybe spaces between); True when unsure.

    Looks behind each colon rather than lowering the whole text: bodies have few colons.
    """
    colon = text.find(":")
    while colon != -1:
        before = text[max(0, colon - 40):colon].rstrip()
        if len(before) <= 10 or before[-10:].lower() == "javascript":
            return True  # a match, or too much space (or the text's start) to tell without the full pattern
        colon = text.find(":", colon + 1)
    return False


RULES: tuple[Callable[[Record, Index, Settings], Iterable[Diagnostic]], ...] = (
    check_references,
    check_ids_unique_across_types,
    check_repondant,
    check_deliberation,
    check_suite_de,
    check_date_fin,
    check_recommandation_ids,
    check_recommandation_references,
    check_reponse_dates,
    check_echeance,
    check_mandat,
    check_heures,
    check_commune,
    check_documents,
    check_personal_data,
    check_html,
    check_concertation_fin,
    check_concertation_calendrier,
    check_deliberation_ouverture,
    check_bilan_apres_fin,
    check_bilan_garant,
    check_recommandations_du_garant,
    check_bilan_recommandation_references,
    check_dispositif_ids,
    check_duree_code_environnement,
)


def check_all(index: Index, settings: Settings) -> list[Diagnostic]:
    """Every rule on every complete record; references on the incomplete ones too, so one run says it all."""
    problems = [d for record in index.all() for rule in RULES for d in rule(record, index, settings)]
    problems += [d for record in index.partial for d in check_references(record, index, settings)]
    return problems
