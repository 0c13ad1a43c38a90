"""The YAML header of a record file: decoded, split from its body, composed into nodes that keep their positions.

YAML is composed (not loaded) with PyYAML's C parser, so every key and value keeps
its line and column, duplicate keys stay visible and each scalar keeps its raw text
and its quoting: `heure_debut: 14:30` is caught before YAML turns it into 870.
YAML's own problems, and the kinds of its nodes, are named here in French.
"""

from __future__ import annotations

import re

import yaml

try:  # the C parser is 10x faster; fall back on the pure-Python one where libyaml is missing
    _Parser = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Parser = yaml.SafeLoader

_OPENING = re.compile(r"\A---[ \t]*\r?\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)
_INDENTING_TAB = re.compile(r"^ *\t", re.MULTILINE)

STR_TAG = "tag:yaml.org,2002:str"
NULL_TAG = "tag:yaml.org,2002:null"
INT_TAG = "tag:yaml.org,2002:int"
BOOL_TAG = "tag:yaml.org,2002:bool"


def decode(raw: bytes | str) -> str | None:
    """The file's text without its byte-order mark, or None when it is not UTF-8."""
    if isinstance(raw, str):
        return raw.lstrip("\ufeff")
    try:
        return raw.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError:
        return None


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


def first_tab(header: str) -> tuple[int, int] | None:
    """(line, column) from 0 of a tab in a line's indentation; libyaml's message for them is cryptic."""
    if "\t" not in header:
        return None
    found = _INDENTING_TAB.search(header)
    if found is None:
        return None
    line_start = header.rfind("\n", 0, found.start()) + 1
    return header.count("\n", 0, found.start()), found.end() - 1 - line_start


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
            return STR_TAG
        return yaml.SafeLoader.DEFAULT_SEQUENCE_TAG if kind is yaml.SequenceNode else yaml.SafeLoader.DEFAULT_MAPPING_TAG

    def descend_resolver(self, current_node, current_index):
        pass

    def ascend_resolver(self):
        pass


def compose(header: str) -> yaml.Node | None:
    """The header's YAML node tree (None when it is empty); raises `yaml.YAMLError` when it is not YAML."""
    return yaml.compose(header, Loader=_Loader)


_SCALAR_NAMES = {
    "tag:yaml.org,2002:int": "un nombre",
    "tag:yaml.org,2002:float": "un nombre",
    "tag:yaml.org,2002:bool": "un booléen",
    "tag:yaml.org,2002:timestamp": "une date",
    "tag:yaml.org,2002:null": "une valeur vide",
}


def describe_node(node: yaml.Node) -> str:
    """A YAML node as a message names it: « une liste », « un nombre »…"""
    if isinstance(node, yaml.MappingNode):
        return "un ensemble de clés"
    if isinstance(node, yaml.SequenceNode):
        return "une liste"
    return _SCALAR_NAMES.get(node.tag, "un texte")


def yaml_problem(error: yaml.MarkedYAMLError) -> str:
    """libyaml's problem, said in French."""
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
