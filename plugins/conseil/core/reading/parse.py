"""From the text of one file to one typed record: the header split off and composed, its fields read, the id checked."""

from __future__ import annotations

import re

import yaml

from ..model import schema
from ..model.diagnostics import Diagnostic, guillemets
from ..model.names import slugify
from ..model.records import RECORD_CLASSES, Position, Record, Source
from ..model.schema import RecordType
from .field_reader import FieldReader
from .yaml_header import compose, decode, describe_node, first_tab, split_front_matter, yaml_problem

_ID = re.compile(schema.ID_PATTERN)


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
    reader = FieldReader(source, first_line=2)

    tabbed = first_tab(header)
    if tabbed:
        line, column = tabbed
        reader.report("yaml-tabulation", Position(line + 2, column + 1), "tabulation dans l'en-tête", key=None,
                      label="tabulation", help="remplacez les tabulations par des espaces")
        return None, reader.diagnostics
    try:
        root = compose(header)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 2, mark.column + 1) if mark else (2, 1)
        reader.report("yaml-invalide", Position(line, column), f"YAML illisible : {yaml_problem(error)}",
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
