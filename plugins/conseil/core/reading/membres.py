"""The list of the council's members: `content/composition/membres.csv`, read and checked.

A comms team keeps that list in a spreadsheet, so it is one CSV file, not one record per person.
It is read with the standard `csv` module, one physical line at a time, so that every problem is
located at `membres.csv:LINE:COLUMN` like a record's, with the column's name and the fix.

The rows hold every member's name, consenting or not: they never leave the core. Pages, exports
and reports are built from `composition.Registre`, which names only the members who consented.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field, make_dataclass
from datetime import date
from typing import Any, Iterable, Iterator, Mapping

from ..model import schema
from ..model.diagnostics import Diagnostic, closest, guillemets

MEMBRES_URI = "composition/membres.csv"  # under content/

# The columns and their values are declared in the schema, like the keys of a record.
COLONNES = schema.MEMBRES_COLUMNS
COLUMN_NAMES = tuple(c.key for c in COLONNES)
SEXES, TRANCHES_AGE, FONCTIONS = schema.SEXES, schema.TRANCHES_AGE, schema.FONCTIONS
CONSENTEMENT = "oui"  # the only `publication_nom` that lets a name be published
LIST_SEPARATOR = ";"
LAW_INCOMPATIBILITY = ("les conseillers communautaires ou métropolitains ne peuvent être membres du conseil de "
                       "développement")


class _MembreBehaviour:
    line: int
    debut: date
    fin: date | None
    publication_nom: str

    def is_current(self, on: date) -> bool:
        """A member on `on`: entered on or before it and not yet left."""
        return self.debut <= on and (self.fin is None or self.fin > on)

    @property
    def consenti(self) -> bool:
        """Whether the person agreed to be named."""
        return self.publication_nom == CONSENTEMENT


# One line of membres.csv, one attribute per declared column. Holds names that may not be published:
# it stays in the core (`composition.Registre` is what the graph gets).
Membre = make_dataclass(
    "Membre", [("line", int), *[(c.name, Any, field(default=() if c.kind is schema.LIST else c.default))
                                for c in COLONNES]],
    bases=(_MembreBehaviour,), frozen=True, namespace={"__module__": __name__})


@dataclass(frozen=True)
class Options:
    """What the checks need beyond the file: the configured lists and the ids and names of records."""

    colleges: tuple[str, ...] = ()
    communes: tuple[str, ...] = ()
    instances: dict[str, str] | None = None  # id -> display path of instances/<id>.md
    elus: dict[str, str] | None = None  # élu name as written -> display path of the élu's record

    def allowed(self, option: str) -> tuple[str, ...]:
        """The values a column `checked_against` this plugin option may take (none: any)."""
        return {"colleges": self.colleges, "communes": self.communes}[option]

    def records(self, record_type: str) -> dict[str, str] | None:
        """The ids of a record type a column names, with their file (None: not checked)."""
        return {"instances": self.instances}[record_type]


@dataclass
class Lecture:
    """The outcome of reading membres.csv: its members (lines without an error), the problems, its lines."""

    membres: list[Membre]
    diagnostics: list[Diagnostic]
    lines: list[str]


@dataclass(frozen=True)
class _Cell:
    """A cell of the file: its text and where it starts."""

    value: str
    line: int
    column: int
    length: int


class _Row:
    """A line of cells, by column name; reports its problems located at the cell."""

    def __init__(self, path: str, cells: dict[str, _Cell], line: int) -> None:
        self.path = path
        self.cells = cells
        self.line = line
        self.problems: list[Diagnostic] = []

    def text(self, name: str) -> str:
        cell = self.cells.get(name)
        return cell.value.strip() if cell else ""

    def report(self, name: str, code: str, message: str, help: str, label: str | None = None) -> None:
        cell = self.cells.get(name)
        line, column, length = (cell.line, cell.column, max(cell.length, 1)) if cell else (self.line, 1, 1)
        self.problems.append(Diagnostic(code, self.path, line, column, message, key=name, label=label,
                                        help=help, length=length))


def read_membres(raw: bytes, path: str, options: Options) -> Lecture:
    """Read and check membres.csv; every problem is collected, none raised."""
    text, problem = _decode(raw, path)
    if text is None:  # quoted with a replacement mark where the bad bytes are
        return Lecture([], [problem], raw.decode("utf-8", errors="replace").splitlines())
    lines = text.splitlines()
    if not text.strip():
        return Lecture([], [Diagnostic("fichier-vide", path, 1, 1, "la liste des membres est vide",
                                       help="écrivez la ligne d'en-tête : " + ",".join(COLUMN_NAMES))], lines)
    delimiter = _delimiter(lines[0])
    rows = list(_rows(text, delimiter))
    header_cells = rows[0][1]
    columns, problems = _read_header(header_cells, path, delimiter)
    if any(p.code in ("colonne-manquante", "colonne-dupliquee") for p in problems):
        return Lecture([], problems, lines)
    membres: list[Membre] = []
    identified: list[Membre] = []  # lines whose name and dates are readable, errors elsewhere or not
    name_cells: dict[int, _Cell] = {}
    for line, cells in rows[1:]:
        if all(not c.value.strip() for c in cells):
            continue  # a blank line, often left at the end by a spreadsheet
        if len(cells) != len(header_cells):
            problems.append(_cell_count_problem(path, line, cells, len(header_cells), delimiter))
            continue
        row = _Row(path, {name: cell for name, cell in zip(columns, cells) if name}, line)
        name_cells[line] = row.cells["nom"]
        membre = _read_membre(row, options)
        problems.extend(row.problems)
        if membre is not None:
            identified.append(membre)
            if not row.problems:
                membres.append(membre)
    problems.extend(check_duplicates(identified, path, name_cells))
    return Lecture(membres, problems, lines)


def _decode(raw: bytes, path: str) -> tuple[str | None, Diagnostic | None]:
    """UTF-8 text, with or without the byte-order mark spreadsheets write."""
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = raw[:error.start].count(b"\n") + 1
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        column = len(raw[line_start:error.start].decode("utf-8-sig", errors="replace")) + 1  # in characters
        return None, Diagnostic(
            "fichier-illisible", path, line, column, "le fichier n'est pas en UTF-8",
            help="dans le tableur, « Enregistrer sous » : CSV, jeu de caractères « Unicode (UTF-8) » "
                 "(Excel : « CSV UTF-8 (délimité par des virgules) »)")


def _delimiter(header: str) -> str:
    """`,` as the model says; `;` when the header has no comma (a French spreadsheet's default)."""
    return ";" if "," not in header and ";" in header else ","


def _rows(text: str, delimiter: str) -> Iterator[tuple[int, list[_Cell]]]:
    """(first line, cells) of each row; a quoted cell may span lines."""
    physical = text.splitlines(keepends=True)
    reader = csv.reader(iter(physical), delimiter=delimiter)
    start = 1
    for values in reader:
        first_line = physical[start - 1] if start <= len(physical) else ""
        spans = _cell_spans(first_line.rstrip("\r\n"), delimiter)
        cells = []
        for index, value in enumerate(values):
            column, length = spans[index] if index < len(spans) else (1, 1)
            cells.append(_Cell(value, start, column, length))
        yield start, cells
        start = reader.line_num + 1


def _cell_spans(line: str, delimiter: str) -> list[tuple[int, int]]:
    """(column, length) of each cell of a physical line, quotes understood."""
    spans = []
    start, quoted = 0, False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            spans.append((start + 1, index - start))
            start = index + 1
    spans.append((start + 1, len(line) - start))
    return spans


def _read_header(cells: list[_Cell], path: str, delimiter: str) -> tuple[list[str | None], list[Diagnostic]]:
    """The column name of each position (None for an unknown column), and the header's problems."""
    problems = []
    columns: list[str | None] = []
    seen: dict[str, _Cell] = {}
    for cell in cells:
        name = cell.value.strip()
        normalised = _normalise_column(name)
        if normalised in COLUMN_NAMES:
            if normalised in seen:
                problems.append(Diagnostic("colonne-dupliquee", path, cell.line, cell.column,
                                           f"la colonne {guillemets(normalised)} apparaît deux fois", key=normalised,
                                           length=max(cell.length, 1), label="en double",
                                           help=f"supprimez l'une des deux colonnes (la première est à la colonne "
                                                f"{seen[normalised].column})"))
            seen[normalised] = cell
            columns.append(normalised)
            continue
        columns.append(None)
        suggestion = closest(normalised, COLUMN_NAMES)
        hint = (f"vouliez-vous dire {guillemets(suggestion)} ?" if suggestion
                else "colonnes connues : " + ", ".join(COLUMN_NAMES))
        problems.append(Diagnostic("colonne-inconnue", path, cell.line, cell.column,
                                   f"la colonne {guillemets(name)} ne fait pas partie de la liste des membres",
                                   key=name or None, length=max(cell.length, 1), label="colonne inconnue",
                                   help=hint))
    for column in COLONNES:
        if column.required and column.key not in seen:
            if len(cells) == 1 and delimiter == ",":
                hint = ("l'en-tête n'a qu'une colonne : le fichier n'est pas séparé par des virgules ; "
                        "enregistrez-le en CSV avec la virgule (ou le point-virgule) comme séparateur")
            else:
                hint = f"ajoutez la colonne {guillemets(column.key)} ({column.description})"
            problems.append(Diagnostic("colonne-manquante", path, 1, 1,
                                       f"la colonne obligatoire {guillemets(column.key)} manque", key=column.key,
                                       help=hint))
    return columns, problems


def _normalise_column(name: str) -> str:
    """`Tranche d'âge` → `tranche_d_age`; exact names are kept as they are."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "_", plain).strip("_")


def _cell_count_problem(path: str, line: int, cells: list[_Cell], expected: int, delimiter: str) -> Diagnostic:
    if len(cells) > expected and delimiter == ";":
        hint = ("la colonne « instances » sépare ses identifiants par « ; », le séparateur du fichier : "
                "mettez la cellule entre guillemets, ou enregistrez le fichier avec la virgule comme séparateur")
    elif len(cells) > expected:
        hint = "une cellule contient-elle une virgule ? mettez-la entre guillemets"
    else:
        hint = "complétez la ligne : une cellule vide s'écrit par deux séparateurs qui se suivent"
    last = cells[min(len(cells), expected) - 1] if cells else None
    column = last.column if last else 1
    return Diagnostic("cellules-en-nombre-invalide", path, line, column,
                      f"la ligne a {len(cells)} cellules, l'en-tête en a {expected}", help=hint)


def _read_membre(row: _Row, options: Options) -> Membre | None:
    """The member of a row, or None when a required cell is wrong; its problems are in `row.problems`."""
    values = {spec.name: _READERS[spec.kind](row, spec, options) for spec in COLONNES}
    if values["nom"]:
        values["nom"] = " ".join(values["nom"].split())
    if values["debut"] and values["fin"] and values["fin"] <= values["debut"]:
        row.report("fin", "date-anterieure", f"la fin ({values['fin'].isoformat()}) ne suit pas le début "
                   f"({values['debut'].isoformat()})", "vérifiez les colonnes debut et fin")
    if values["nom"] and options.elus:
        _check_not_elu(row, values["nom"], options.elus)
    if any(values[spec.name] is None for spec in COLONNES if spec.required):
        return None
    return Membre(line=row.line, **{k: v for k, v in values.items() if v is not None})


def _read_text(row: _Row, spec: schema.Field, options: Options) -> str | None:
    value = row.text(spec.key)
    if not value:
        if spec.required:
            row.report(spec.key, "champ-vide", f"la colonne {guillemets(spec.key)} est vide", spec.description)
        return None
    allowed = options.allowed(spec.checked_against) if spec.checked_against else ()
    if allowed and value not in allowed:
        code = "commune-inconnue" if spec.checked_against == "communes" else "choix-invalide"
        _unknown(row, spec.key, code, value, allowed, f"n'est pas dans l'option « {spec.checked_against} »",
                 f"ajoutez cette valeur à l'option « {spec.checked_against} » de mkdocs.yml si elle est juste")
    return value


def _read_choice(row: _Row, spec: schema.Field, options: Options) -> str | None:
    value = row.text(spec.key)
    if not value:
        if spec.required:
            row.report(spec.key, "champ-vide", f"la colonne {guillemets(spec.key)} est vide",
                       "valeurs permises : " + ", ".join(spec.choices))
        return spec.default
    if value in spec.choices:
        return value
    _unknown(row, spec.key, "choix-invalide", value, spec.choices, "n'est pas une valeur permise",
             "valeurs permises : " + ", ".join(spec.choices))
    return None


def _read_references(row: _Row, spec: schema.Field, options: Options) -> tuple[str, ...]:
    """`bureau;groupe-mobilites`: ids of records, each checked when the records are known."""
    ids = tuple(i.strip() for i in row.text(spec.key).split(LIST_SEPARATOR) if i.strip())
    target = spec.item.target
    known = options.records(target)
    if known is None:
        return ids
    label = schema.RECORD_TYPES[target].label
    for ref in ids:
        if ref in known:
            continue
        suggestion = closest(ref, known)
        hint = (f"vouliez-vous dire {guillemets(suggestion)} ? ({known[suggestion]})" if suggestion
                else f"créez la fiche {target}/{ref}.md ou corrigez l'identifiant")
        row.report(spec.key, "ref-inconnue", f"aucune {label} {guillemets(ref)}", hint,
                   label=f"aucune {label} {guillemets(ref)}")
    return ids


def _unknown(row: _Row, name: str, code: str, value: str, known: Iterable[str], what: str, otherwise: str) -> None:
    known = tuple(known)
    suggestion = next((k for k in known if k.casefold() == value.casefold()), None) or closest(value, known)
    hint = f"vouliez-vous dire {guillemets(suggestion)} ? " if suggestion else ""
    listed = otherwise if otherwise.startswith("valeurs permises") else f"{otherwise} ; connus : {', '.join(known)}"
    row.report(name, code, f"{guillemets(value)} {what}", hint + listed, label="valeur inconnue")


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _read_date(row: _Row, spec: schema.Field, options: Options) -> date | None:
    name = spec.key
    value = row.text(name)
    if not value:
        if spec.required:
            row.report(name, "champ-vide", f"la colonne {guillemets(name)} est vide",
                       f"{spec.description} AAAA-MM-JJ, par exemple 2024-01-15")
        return None
    if _ISO_DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            row.report(name, "date-invalide", f"la date {guillemets(value)} n'existe pas",
                       "vérifiez le jour et le mois (AAAA-MM-JJ)", label="date inexistante")
            return None
    hint = "écrivez la date au format AAAA-MM-JJ"
    french = re.match(r"^(\d{1,2})/(\d{1,2})/(\d{4})$", value)
    if french:
        hint += (f" ({french.group(3)}-{int(french.group(2)):02d}-{int(french.group(1)):02d}) ; dans le tableur, "
                 "donnez à la colonne le format de date AAAA-MM-JJ avant d'enregistrer")
    row.report(name, "date-invalide", f"{guillemets(value)} n'est pas une date au format AAAA-MM-JJ", hint,
               label="date invalide")
    return None


def _check_not_elu(row: _Row, nom: str, elus: dict[str, str]) -> None:
    """CGCT art. L5211-10-1: no community councillor sits in the council."""
    wanted = person_key(nom)
    for elu_nom, elu_path in elus.items():
        if person_key(elu_nom) == wanted:
            row.report("nom", "membre-elu", f"{guillemets(nom)} est le nom d'un élu ({elu_path}) : « "
                       f"{LAW_INCOMPATIBILITY} » (CGCT, art. L5211-10-1)",
                       "retirez cette personne de la liste, ou vérifiez qu'il s'agit d'un homonyme et "
                       "distinguez les deux noms (deuxième prénom, initiale)", label="nom d'un élu")
            return


_READERS = {schema.TEXT: _read_text, schema.CHOICE: _read_choice, schema.DATE: _read_date,
            schema.LIST: _read_references}


def person_key(nom: str) -> str:
    """A name compared without case, accents, hyphens or extra spaces: `Anne-Marie  Léger` = `anne marie leger`."""
    plain = unicodedata.normalize("NFKD", nom).encode("ascii", "ignore").decode().casefold()
    return " ".join(re.split(r"[\s\-']+", plain)).strip()


def check_duplicates(membres: list[Membre], path: str, name_cells: dict[int, _Cell]) -> Iterator[Diagnostic]:
    """A person has one line per period of membership: two lines whose periods overlap are one member twice."""
    seen: dict[str, list[Membre]] = {}
    for membre in membres:
        earlier = seen.setdefault(person_key(membre.nom), [])
        clash = next((m for m in earlier if _overlap(m, membre)), None)
        earlier.append(membre)
        if clash is None:
            continue
        cell = name_cells.get(membre.line)
        column, length = (cell.column, max(cell.length, 1)) if cell else (1, 1)
        yield Diagnostic("membre-duplique", path, membre.line, column,
                         f"ce membre figure déjà à la ligne {clash.line}", key="nom", length=length,
                         label="déjà dans la liste",
                         help=f"gardez une seule ligne par période : supprimez celle-ci, ou donnez une date de fin "
                              f"à la ligne {clash.line} antérieure au début de celle-ci")


def _overlap(a: Membre, b: Membre) -> bool:
    return (a.fin is None or a.fin > b.debut) and (b.fin is None or b.fin > a.debut)


def population_shares(option: Mapping[Any, Any] | None) -> tuple[tuple[str, float], ...]:
    """The option `population_tranches_age` checked: census age classes -> share in %, summing to about 100.

    Raises ValueError with a French message naming the problem.
    """
    if not option:
        return ()
    if not isinstance(option, Mapping):
        raise ValueError("population_tranches_age doit associer chaque classe d'âge à sa part en % "
                         "(par exemple « 15-29: 18.5 »)")
    shares = []
    for key, value in option.items():
        if str(key) not in TRANCHES_AGE:
            raise ValueError(f"population_tranches_age : « {key} » n'est pas une classe d'âge "
                             f"({', '.join(TRANCHES_AGE)})")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
            raise ValueError(f"population_tranches_age : la part de « {key} » doit être un nombre de 0 à 100 "
                             f"(un pourcentage), pas « {value} »")
        shares.append((str(key), float(value)))
    missing = [t for t in TRANCHES_AGE if t not in dict(shares)]
    if missing:
        raise ValueError(f"population_tranches_age : il manque {', '.join(missing)}")
    total = sum(v for _, v in shares)
    if abs(total - 100) > 1:
        raise ValueError(f"population_tranches_age : les parts font {total:g} %, pas 100 % "
                         "(reprenez les chiffres du recensement)")
    return tuple(sorted(shares, key=lambda item: list(TRANCHES_AGE).index(item[0])))
