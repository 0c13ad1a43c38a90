"""Typed values from the YAML nodes of a header, checked against the model (`schema.py`), each diagnostic located."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import yaml

from ..model import schema
from ..model.dates import NoSuchDay, NotADate, ReversedInterval, parse_approximate
from ..model.diagnostics import AVERTISSEMENT, ERREUR, NOTE, Diagnostic, closest, guillemets
from ..model.names import normalise_key, suggest_key
from ..model.records import OBJECT_CLASSES, Attendance, Position, Source
from ..model.schema import Field
from .yaml_header import BOOL_TAG, INT_TAG, NULL_TAG, STR_TAG, describe_node

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_INTEGER = re.compile(r"^[-+]?\d+$")
_ATTENDANCE = re.compile(rf"^({'|'.join(schema.ATTENDANCE_QUALIFIERS)}) (\d+)$", re.IGNORECASE)


class FieldReader:
    """Converts the YAML nodes of one file, collecting diagnostics and positions."""

    def __init__(self, source: Source, first_line: int):
        self.source = source
        self.first_line = first_line  # file line of the first YAML line
        self.diagnostics: list[Diagnostic] = []
        self.positions: dict[str, Position] = {}

    # -- locations ------------------------------------------------------------

    def position_of(self, node: yaml.Node) -> Position:
        start, end = node.start_mark, node.end_mark
        line, column = start.line, start.column
        length = end.column - column if end.line == line and end.column > column else 1
        return _new_position(Position, (self.first_line + line, column + 1, length))

    def report(self, code: str, node: yaml.Node | Position, message: str, *, key: str | None,
               label: str | None = None, help: str | None = None, severity: str = ERREUR) -> None:
        pos = node if isinstance(node, Position) else self.position_of(node)
        self.diagnostics.append(
            Diagnostic(code, self.source.path, pos.line, pos.column, message, key=key,
                       label=label, help=help, length=pos.length, severity=severity)
        )

    def report_deprecated(self, field: Field, node: yaml.Node, raw: str, deprecation: schema.Deprecation) -> None:
        """A form a version deprecates: read as its replacement, reported with the fix (a note: never blocking)."""
        until = (f" ; la version {deprecation.removal} la refusera" if deprecation.removal
                 else " ; une prochaine version majeure la refusera")
        self.report("forme-depreciee", node,
                    f"{guillemets(raw)} est une forme dépréciée depuis conseil {deprecation.since}, lue comme "
                    f"{guillemets(deprecation.replacement)}{until}", key=field.key, label="forme dépréciée",
                    help=f"écrivez {field.key}: {deprecation.replacement}", severity=NOTE)

    # -- mappings -------------------------------------------------------------

    def read_mapping(self, node: yaml.MappingNode, by_key: dict[str, Field], path: str,
                     where: str, group: str | None = None) -> tuple[dict[str, Any], bool]:
        """Convert a mapping; returns the values and whether every required field is sound.

        `by_key`: the allowed fields by key (`RecordType.by_key`, `Field.by_key`). `group`: the list an item
        belongs to, whose name an editor may write under `schema.EDITOR_GROUP_KEY`.
        """
        values: dict[str, Any] = {}
        complete = True
        seen: dict[str, yaml.Node] = {}
        wrong: list[Field] = []
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.report("type-invalide", key_node, "une clé doit être un simple mot", key=None,
                            help="écrivez une ligne « clé: valeur » par champ")
                continue
            key = key_node.value
            if group and key == schema.EDITOR_GROUP_KEY and getattr(value_node, "value", None) == group:
                continue  # Front Matter CMS's mark of the item's field group: not content
            key_path = f"{path}.{key}" if path else key
            if key in seen:
                first = self.position_of(seen[key])
                self.report("cle-dupliquee", key_node, f"la clé {guillemets(key)} apparaît deux fois",
                            key=key, label="seconde occurrence",
                            help=f"gardez une seule ligne {guillemets(key)} (la première est ligne {first.line})")
                continue
            seen[key] = key_node
            field = by_key.get(key)
            if field is None:
                known = list(by_key)
                suggestion = suggest_key(key, known)
                hint = (f"vouliez-vous dire {guillemets(suggestion)} ?" if suggestion
                        else f"clés permises {where} : {', '.join(known)}")
                self.report("cle-inconnue", key_node, f"clé inconnue {where}", key=key,
                            label="clé inconnue", help=hint)
                continue
            self.positions[key_path] = self.position_of(value_node)
            ok, value = self.read_value(field, value_node, key_path)
            if ok and value is not None:
                values[key] = value
            elif field.required:
                complete = False
            elif not ok and field.required_unless:
                wrong.append(field)  # required unless another value says otherwise: known once all are read
        for field in wrong:
            if not field.exempted_by(values, by_key):
                complete = False
        for field in by_key.values():
            if field.key in seen:
                continue
            if field.required:
                complete = False
                self.report("champ-manquant", _mapping_start(self, node, path),
                            f"le champ obligatoire {guillemets(field.key)} manque {where}",
                            key=field.key, help=f"ajoutez {_example(field)}")
            elif field.required_unless and not field.exempted_by(values, by_key):
                complete = False
                unless = field.unless_text(by_key)
                self.report("champ-manquant", _mapping_start(self, node, path),
                            f"le champ {guillemets(field.key)} manque {where} (obligatoire sauf avec {unless})",
                            key=field.key, help=f"ajoutez {_example(field)}, ou {unless}")
        return values, complete

    # -- values ---------------------------------------------------------------

    def read_value(self, field: Field, node: yaml.Node, path: str) -> tuple[bool, Any]:
        """Convert one value; (False, None) when it is wrong, (True, None) when empty and optional."""
        if isinstance(node, yaml.ScalarNode) and node.tag == NULL_TAG and node.value in ("", "~", "null"):
            if field.required:
                self.report("champ-vide", node,
                            "ce champ obligatoire est vide", key=field.key, help=f"écrivez par exemple {_example(field)}")
                return False, None
            return True, None
        return self._readers[field.kind.name](self, field, node, path)

    def _wrong_type(self, field: Field, node: yaml.Node) -> tuple[bool, None]:
        self.report("type-invalide", node, f"attendu {field.kind.label}, trouvé {describe_node(node)}",
                    key=field.key, help=f"écrivez par exemple {_example(field)}")
        return False, None

    def _read_texte(self, field: Field, node: yaml.Node, path: str):
        if not isinstance(node, yaml.ScalarNode):
            return self._wrong_type(field, node)
        text = node.value.strip()
        if field.required and not text:
            self.report("champ-vide", node, "ce champ obligatoire est vide", key=field.key,
                        help=f"écrivez par exemple {_example(field)}")
            return False, None
        if field.max_length and len(text) > field.max_length:
            self.report("texte-trop-long", node,
                        f"{len(text)} caractères, pour {field.max_length} au plus", key=field.key,
                        help=f"raccourcissez le texte de {len(text) - field.max_length} caractères")
            return False, None
        return True, text

    def _read_date(self, field: Field, node: yaml.Node, path: str):
        if not isinstance(node, yaml.ScalarNode) or node.tag not in (STR_TAG, "tag:yaml.org,2002:timestamp"):
            return self._wrong_type(field, node)
        raw = node.value.strip()
        if _ISO_DATE.match(raw):
            try:
                return True, date.fromisoformat(raw)
            except ValueError:
                self.report("date-invalide", node, f"la date {guillemets(raw)} n'existe pas", key=field.key,
                            label="jour ou mois hors calendrier", help="vérifiez le jour et le mois (AAAA-MM-JJ)")
                return False, None
        self.report("date-invalide", node, f"{guillemets(raw)} n'est pas une date au format AAAA-MM-JJ",
                    key=field.key, help=f"écrivez l'année, le mois et le jour sur deux chiffres : {field.key}: 2025-03-12")
        return False, None

    def _read_periode(self, field: Field, node: yaml.Node, path: str):
        """A day, or what is known of it: `2016` (YAML reads it as a number: accepted), `2019-03`, `2016/2018`."""
        year_as_number = node.tag == INT_TAG if isinstance(node, yaml.ScalarNode) else False
        if not isinstance(node, yaml.ScalarNode) or (node.tag not in (STR_TAG, "tag:yaml.org,2002:timestamp")
                                                     and not year_as_number):
            return self._wrong_type(field, node)
        raw = node.value.strip()
        try:
            return True, parse_approximate(raw)
        except NoSuchDay:
            self.report("date-invalide", node, f"la date {guillemets(raw)} n'existe pas", key=field.key,
                        label="jour ou mois hors calendrier", help="vérifiez le jour et le mois (AAAA-MM-JJ)")
        except ReversedInterval:
            self.report("date-invalide", node, "l'intervalle finit avant de commencer", key=field.key,
                        label="intervalle inversé", help="un intervalle s'écrit début/fin : 2016/2018")
        except NotADate:
            self.report("date-invalide", node,
                        f"{guillemets(raw)} n'est pas une date au format AAAA-MM-JJ, AAAA-MM ou AAAA", key=field.key,
                        help=f"écrivez {field.key}: 2025-03-12 ; si le jour n'est pas connu, {field.key}: 2025-03 "
                             f"ou {field.key}: 2025 ; entre deux années, {field.key}: 2016/2018")
        return False, None

    def _read_effectif(self, field: Field, node: yaml.Node, path: str):
        """A number of people: `150`, or as known: `environ 150`, `près de 150`, `plus de 150`."""
        if isinstance(node, yaml.ScalarNode) and node.tag == STR_TAG:
            qualified = _ATTENDANCE.match(" ".join(node.value.split()))
            if qualified:
                return True, Attendance(int(qualified.group(2)), qualified.group(1).lower())
            if not _INTEGER.match(node.value.strip()):
                counted = "participants" if field.key == "participants" else "séances" if field.key == "nombre" \
                    else "contributions"
                self.report("effectif-invalide", node, f"{guillemets(node.value.strip())} n'est pas un nombre de "
                            f"{counted}", key=field.key, label="nombre attendu",
                            help=f"écrivez {field.key}: 150, ou si le nombre n'est pas connu exactement : "
                                 f"{field.key}: environ 150 (ou près de 150, plus de 150)")
                return False, None
            node = yaml.ScalarNode(INT_TAG, node.value.strip(), node.start_mark, node.end_mark)
        return self._read_entier(field, node, path)

    def _read_heure(self, field: Field, node: yaml.Node, path: str):
        if not isinstance(node, yaml.ScalarNode):
            return self._wrong_type(field, node)
        raw = node.value.strip()
        if not node.style:  # plain scalar (None or "" by parser): YAML 1.1 reads 14:30 as 870
            read_as = f" : YAML la lit comme le nombre {_sexagesimal(raw)}" if node.tag == INT_TAG else ""
            self.report("heure-non-citee", node, f"l'heure {raw} est écrite sans guillemets{read_as}",
                        key=field.key, label="guillemets manquants", help=f'écrivez {field.key}: "{raw}"')
            return False, None
        if not _TIME.match(raw):
            self.report("heure-invalide", node, f"{guillemets(raw)} n'est pas une heure au format \"HH:MM\"",
                        key=field.key, help=f'écrivez par exemple {field.key}: "18:30"')
            return False, None
        return True, raw

    def _read_entier(self, field: Field, node: yaml.Node, path: str):
        if not isinstance(node, yaml.ScalarNode) or node.tag != INT_TAG or not _INTEGER.match(node.value):
            return self._wrong_type(field, node)
        number = int(node.value)
        if field.minimum is not None and number < field.minimum:
            self.report("nombre-invalide", node, f"{number} est inférieur au minimum {field.minimum}",
                        key=field.key, help=f"écrivez un nombre supérieur ou égal à {field.minimum}")
            return False, None
        if field.maximum is not None and number > field.maximum:
            self.report("nombre-invalide", node, f"{number} est supérieur au maximum {field.maximum}",
                        key=field.key, help=f"écrivez un nombre entre {field.minimum or 0} et {field.maximum}")
            return False, None
        return True, number

    def _read_booleen(self, field: Field, node: yaml.Node, path: str):
        if not isinstance(node, yaml.ScalarNode) or node.tag != BOOL_TAG:
            return self._wrong_type(field, node)
        return True, node.value.lower() in ("true", "yes", "on", "y")

    def _read_choix(self, field: Field, node: yaml.Node, path: str):
        if not isinstance(node, yaml.ScalarNode) or isinstance(node.value, list):
            return self._wrong_type(field, node)
        raw = node.value.strip()
        if raw in field.choices:
            return True, raw
        deprecation = field.deprecated_choices.get(raw)
        if deprecation is not None:
            self.report_deprecated(field, node, raw, deprecation)
            return True, deprecation.replacement
        suggestion = closest(normalise_key(raw).replace("_", "-"), field.choices)
        hint = f"vouliez-vous dire {guillemets(suggestion)} ? " if suggestion else ""
        self.report("choix-invalide", node, f"{guillemets(raw)} n'est pas une valeur permise", key=field.key,
                    label="valeur inconnue", help=f"{hint}valeurs permises : {', '.join(field.choices)}")
        return False, None

    def _read_reference(self, field: Field, node: yaml.Node, path: str):
        if not isinstance(node, yaml.ScalarNode):
            return self._wrong_type(field, node)
        return True, node.value.strip()

    def _read_liste(self, field: Field, node: yaml.Node, path: str):
        if not isinstance(node, yaml.SequenceNode):
            return self._wrong_type(field, node)
        if field.min_items and len(node.value) < field.min_items:
            self.report("liste-vide", node, "la liste est vide", key=field.key,
                        help=f"donnez au moins un élément : {_example(field)}")
            return False, None
        items, ok_all, seen = [], True, set()
        for index, item_node in enumerate(node.value):
            item_path = f"{path}[{index}]"
            self.positions[item_path] = self.position_of(item_node)
            ok, value = self.read_value(field.item, item_node, item_path)
            if not ok or value is None:
                ok_all = ok_all and ok
                continue
            if field.item.kind == schema.REFERENCE:
                if value in seen:
                    self.report("ref-dupliquee", item_node, f"{guillemets(value)} est déjà dans la liste",
                                key=field.key, help="supprimez le doublon")
                    continue
                seen.add(value)
            items.append(value)
        return ok_all, items

    def _read_objet(self, field: Field, node: yaml.Node, path: str):
        if not isinstance(node, yaml.MappingNode):
            return self._wrong_type(field, node)
        values, complete = self.read_mapping(node, field.by_key, path, f"dans un élément de {field.key}",
                                             group=field.group_id)
        if not complete:
            return False, None
        return True, OBJECT_CLASSES[field.singular](**values)


FieldReader._readers = {kind.name: getattr(FieldReader, f"_read_{kind.name}") for kind in schema.KINDS}
_new_position = tuple.__new__  # Position(...) without its Python-level __new__: one per value read


def _mapping_start(reader: FieldReader, node: yaml.MappingNode, path: str) -> Position:
    if not path:  # the whole header: point at the opening `---`
        return Position(1, 1, 3)
    return reader.position_of(node)


def _example(field: Field) -> str:
    """The field's example on one line, for a help message."""
    return field.example_line().replace("\n", " ⏎ ")


def _sexagesimal(raw: str) -> int:
    total = 0
    for part in raw.split(":"):
        total = total * 60 + int(part or 0)
    return total
