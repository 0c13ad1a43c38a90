"""From the text of one file to one typed record, checking its shape against the model.

YAML is composed (not loaded) with PyYAML's C parser, so every key and value keeps
its line and column, duplicate keys stay visible and each scalar keeps its raw text
and its quoting: `heure_debut: 14:30` is caught before YAML turns it into 870.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any

import yaml

from . import schema
from .diagnostics import Diagnostic, closest, guillemets
from .dates import NoSuchDay, NotADate, ReversedInterval, parse_approximate
from .records import OBJECT_CLASSES, RECORD_CLASSES, Attendance, Position, Record, Source
from .schema import Field, RecordType

try:  # the C parser is 10x faster; fall back on the pure-Python one where libyaml is missing
    _Parser = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Parser = yaml.SafeLoader

_OPENING = re.compile(r"\A---[ \t]*\r?\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)
_ID = re.compile(schema.ID_PATTERN)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_INTEGER = re.compile(r"^[-+]?\d+$")
_ATTENDANCE = re.compile(rf"^({'|'.join(schema.ATTENDANCE_QUALIFIERS)}) (\d+)$", re.IGNORECASE)

_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_INT = "tag:yaml.org,2002:int"
_BOOL = "tag:yaml.org,2002:bool"


class _Loader(_Parser):
    """The safe loader, with its tag resolution made cheap: we only compose, and a header has no path resolvers.

    PyYAML resolves every scalar in Python (a third of the composing time); the tags stay those of
    YAML 1.1's safe schema, looked up by first character as PyYAML does, without its per-call lists.
    """

    _by_first = {first: tuple(resolvers) for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    _none: tuple = ()

    def resolve(self, kind, value, implicit, _by_first=_by_first, _none=_none):
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in _by_first.get(value[:1], _none):
                    if regexp.match(value):
                        return tag
            return _STR
        return yaml.SafeLoader.DEFAULT_SEQUENCE_TAG if kind is yaml.SequenceNode else yaml.SafeLoader.DEFAULT_MAPPING_TAG

    def descend_resolver(self, current_node, current_index):
        pass

    def ascend_resolver(self):
        pass

_SCALAR_NAMES = {
    "tag:yaml.org,2002:int": "un nombre",
    "tag:yaml.org,2002:float": "un nombre",
    "tag:yaml.org,2002:bool": "un booléen",
    "tag:yaml.org,2002:timestamp": "une date",
    "tag:yaml.org,2002:null": "une valeur vide",
}


def describe_node(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "un ensemble de clés"
    if isinstance(node, yaml.SequenceNode):
        return "une liste"
    return _SCALAR_NAMES.get(node.tag, "un texte")


def normalise_key(key: str) -> str:
    """Lowercase, accents stripped: `Échéance` and `echeance` compare equal."""
    decomposed = unicodedata.normalize("NFKD", key.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("-", "_").replace(" ", "_")


def suggest_key(key: str, known: list[str]) -> str | None:
    normalised = {normalise_key(k): k for k in known}
    if normalise_key(key) in normalised:
        return normalised[normalise_key(key)]
    match = closest(normalise_key(key), list(normalised))
    return normalised[match] if match else None


class _Reader:
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
               label: str | None = None, help: str | None = None) -> None:
        pos = node if isinstance(node, Position) else self.position_of(node)
        self.diagnostics.append(
            Diagnostic(code, self.source.path, pos.line, pos.column, message, key=key,
                       label=label, help=help, length=pos.length)
        )

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
        if isinstance(node, yaml.ScalarNode) and node.tag == _NULL and node.value in ("", "~", "null"):
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
        if not isinstance(node, yaml.ScalarNode) or node.tag not in (_STR, "tag:yaml.org,2002:timestamp"):
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
        year_as_number = node.tag == _INT if isinstance(node, yaml.ScalarNode) else False
        if not isinstance(node, yaml.ScalarNode) or (node.tag not in (_STR, "tag:yaml.org,2002:timestamp")
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
        if isinstance(node, yaml.ScalarNode) and node.tag == _STR:
            qualified = _ATTENDANCE.match(" ".join(node.value.split()))
            if qualified:
                return True, Attendance(int(qualified.group(2)), qualified.group(1).lower())
            if not _INTEGER.match(node.value.strip()):
                self.report("effectif-invalide", node, f"{guillemets(node.value.strip())} n'est pas un nombre de "
                            "participants", key=field.key, label="nombre attendu",
                            help=f"écrivez {field.key}: 150, ou si le nombre n'est pas connu exactement : "
                                 f"{field.key}: environ 150 (ou près de 150, plus de 150)")
                return False, None
            node = yaml.ScalarNode(_INT, node.value.strip(), node.start_mark, node.end_mark)
        return self._read_entier(field, node, path)

    def _read_heure(self, field: Field, node: yaml.Node, path: str):
        if not isinstance(node, yaml.ScalarNode):
            return self._wrong_type(field, node)
        raw = node.value.strip()
        if not node.style:  # plain scalar (None or "" by parser): YAML 1.1 reads 14:30 as 870
            read_as = f" : YAML la lit comme le nombre {_sexagesimal(raw)}" if node.tag == _INT else ""
            self.report("heure-non-citee", node, f"l'heure {raw} est écrite sans guillemets{read_as}",
                        key=field.key, label="guillemets manquants", help=f'écrivez {field.key}: "{raw}"')
            return False, None
        if not _TIME.match(raw):
            self.report("heure-invalide", node, f"{guillemets(raw)} n'est pas une heure au format \"HH:MM\"",
                        key=field.key, help=f'écrivez par exemple {field.key}: "18:30"')
            return False, None
        return True, raw

    def _read_entier(self, field: Field, node: yaml.Node, path: str):
        if not isinstance(node, yaml.ScalarNode) or node.tag != _INT or not _INTEGER.match(node.value):
            return self._wrong_type(field, node)
        number = int(node.value)
        if field.minimum is not None and number < field.minimum:
            self.report("nombre-invalide", node, f"{number} est inférieur au minimum {field.minimum}",
                        key=field.key, help=f"écrivez un nombre supérieur ou égal à {field.minimum}")
            return False, None
        return True, number

    def _read_booleen(self, field: Field, node: yaml.Node, path: str):
        if not isinstance(node, yaml.ScalarNode) or node.tag != _BOOL:
            return self._wrong_type(field, node)
        return True, node.value.lower() in ("true", "yes", "on", "y")

    def _read_choix(self, field: Field, node: yaml.Node, path: str):
        if not isinstance(node, yaml.ScalarNode) or isinstance(node.value, list):
            return self._wrong_type(field, node)
        raw = node.value.strip()
        if raw in field.choices:
            return True, raw
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
                                             group=field.key)
        if not complete:
            return False, None
        return True, OBJECT_CLASSES[field.key](**values)


_Reader._readers = {kind.name: getattr(_Reader, f"_read_{kind.name}") for kind in schema.KINDS}
_new_position = tuple.__new__  # Position(...) without its Python-level __new__: one per value read


def _mapping_start(reader: _Reader, node: yaml.MappingNode, path: str) -> Position:
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


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(header, body, first body line) or None when the file has no header."""
    opening = _OPENING.match(text)
    if not opening:
        return None
    closing = _CLOSING.search(text, opening.end())
    if not closing:
        return text[opening.end():], "", -1
    header = text[opening.end():closing.start()]
    body_start = closing.end() + 1
    body_line = text.count("\n", 0, min(body_start, len(text))) + 1
    return header, text[body_start:], body_line


def decode(raw: bytes | str) -> str | None:
    if isinstance(raw, str):
        return raw.lstrip("\ufeff")
    try:
        return raw.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError:
        return None


def parse_record(record_type: RecordType, record_id: str, path: str, raw: bytes | str, *,
                 partial: bool = False) -> tuple[Record | None, list[Diagnostic]]:
    """Parse one record file. The record is None when a required field is missing or wrong,
    unless `partial`: then it comes with `complete=False`, so its references can still be checked."""
    text = decode(raw)
    if text is None:
        return None, [Diagnostic("fichier-illisible", path, 1, 1, "le fichier n'est pas un texte UTF-8",
                                 help="enregistrez le fichier en UTF-8 (c'est le réglage par défaut des éditeurs de texte)")]
    if "\x00" in text:
        return None, [Diagnostic("fichier-illisible", path, 1, 1, "le fichier contient des données binaires",
                                 help="une fiche est un fichier texte Markdown ; remplacez-le par du texte")]
    source = Source(path, header=text)
    if not text.strip():
        return None, [Diagnostic("fichier-vide", path, 1, 1, "le fichier est vide",
                                 help=f"commencez par un en-tête, par exemple ---⏎titre: …⏎--- ; voir « conseil new {record_type.singular} »")]
    parts = split_front_matter(text)
    if parts is None:
        return None, [Diagnostic("entete-absente", path, 1, 1, "la fiche ne commence pas par « --- »", length=3,
                                 help="la première ligne doit être --- , suivie des champs puis d'une ligne ---")]
    header, body, body_line = parts
    if body_line < 0:
        return None, [Diagnostic("entete-non-fermee", path, 1, 1, "l'en-tête ouvert ici n'est jamais fermé", length=3,
                                 help="ajoutez une ligne --- après le dernier champ de l'en-tête")]
    source.header, source.body, source.body_line = text[:len(text) - len(body)], body, body_line
    reader = _Reader(source, first_line=2)

    tabbed = _first_tab(header)
    if tabbed:
        line, column = tabbed
        reader.report("yaml-tabulation", Position(line + 2, column + 1), "tabulation dans l'en-tête", key=None,
                      label="tabulation", help="remplacez les tabulations par des espaces")
        return None, reader.diagnostics
    try:
        root = yaml.compose(header, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 2, mark.column + 1) if mark else (2, 1)
        reader.report("yaml-invalide", Position(line, column), f"YAML illisible : {_yaml_problem(error)}",
                      key=None, help="vérifiez les deux-points, l'indentation et les guillemets ; "
                                     "un texte qui contient « : » ou commence par un signe se met entre guillemets")
        return None, reader.diagnostics
    except yaml.YAMLError:
        reader.report("yaml-invalide", Position(2, 1), "YAML illisible : syntaxe incorrecte", key=None,
                      help="vérifiez la syntaxe de l'en-tête")
        return None, reader.diagnostics
    if root is None:
        root = yaml.MappingNode("tag:yaml.org,2002:map", [], start_mark=None)
    if not isinstance(root, yaml.MappingNode):
        reader.report("entete-non-dictionnaire", root if root.start_mark else Position(2, 1),
                      f"l'en-tête est {describe_node(root)}", key=None,
                      help="écrivez une ligne « clé: valeur » par champ")
        return None, reader.diagnostics

    values, complete = reader.read_mapping(root, record_type.by_key, "", f"dans une fiche {record_type.name}")
    if not _ID.match(record_id):
        reader.report("id-invalide", Position(1, 1, 3), f"le nom de fichier {guillemets(record_id + '.md')} "
                      "ne fait pas un identifiant valide", key=None,
                      help=f"renommez le fichier en {guillemets(slugify(record_id) + '.md')} : minuscules sans accents, chiffres et tirets")
    if not complete and not partial:
        return None, reader.diagnostics
    cls = RECORD_CLASSES[record_type.name]
    by_key = record_type.by_key
    attributes = {by_key[k].name: v for k, v in values.items()}
    record = cls(id=record_id, source=source, body=body, positions=reader.positions, complete=complete,
                 **attributes)
    return record, reader.diagnostics


_INDENTING_TAB = re.compile(r"^ *\t", re.MULTILINE)


def _first_tab(header: str) -> tuple[int, int] | None:
    """(line, column) from 0 of a tab in a line's indentation; libyaml's message for them is cryptic."""
    if "\t" not in header:
        return None
    found = _INDENTING_TAB.search(header)
    if found is None:
        return None
    line_start = header.rfind("\n", 0, found.start()) + 1
    return header.count("\n", 0, found.start()), found.end() - 1 - line_start


def _yaml_problem(error: yaml.MarkedYAMLError) -> str:
    problems = {
        "mapping values are not allowed": "deux-points inattendu (un texte contenant « : » doit être entre guillemets)",
        "could not find expected ':'": "deux-points attendu après la clé",
        "found character that cannot start any token": "caractère inattendu en début de valeur",
        "found undefined alias": "alias inconnu (un texte qui commence par * doit être entre guillemets)",
        "did not find expected key": "indentation incohérente ou clé attendue",
        "found unexpected end of stream": "fin de l'en-tête inattendue (guillemet ou crochet non fermé ?)",
        "did not find expected ',' or ']'": "crochet non fermé ou virgule manquante dans la liste",
        "did not find expected ',' or '}'": "accolade non fermée ou virgule manquante",
        "found unknown escape character": "séquence d'échappement inconnue entre guillemets doubles",
        "expected <block end>, but found '-'": "élément de liste mal indenté",
        "did not find expected node content": "valeur attendue (crochet, accolade ou guillemet non fermé ?)",
        "did not find expected <document start>": "texte inattendu après la fin de l'en-tête",
        "expected <block end>": "indentation incohérente",
        "found a tab character": "tabulation dans la valeur",
        "could not determine a constructor": "étiquette YAML inconnue (un texte qui commence par ! doit être entre guillemets)",
        "found duplicate anchor": "ancre YAML en double (un texte qui commence par & doit être entre guillemets)",
        "expected alphabetic or numeric character": "caractère inattendu après « * » ou « & » (mettez le texte entre guillemets)",
        "found unacceptable character": "caractère interdit dans l'en-tête",
        "special characters are not allowed": "caractère interdit dans l'en-tête",
    }
    problem = (error.problem or "").strip()
    for english, french in problems.items():
        if problem.startswith(english) or english in problem:
            return french
    # libyaml's other messages are English: editors get a French one, located by the marker.
    return "syntaxe incorrecte"


def slugify(text: str) -> str:
    """`Mobilités du quotidien` → `mobilites-du-quotidien`."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "fiche"
