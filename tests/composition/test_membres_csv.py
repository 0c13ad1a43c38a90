"""membres.csv: each rule with the smallest list that shows it, located at LINE:COLUMN with the column."""

from __future__ import annotations

from conseil.core.model.diagnostics import render
from conseil.core.reading.membres import Options, read_membres

PATH = "content/composition/membres.csv"
HEADER = "nom,sexe,tranche_age,debut\n"
ANNE = "Anne Martin,F,30-44,2024-01-15\n"


def read(text: str | bytes, **options):
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return read_membres(raw, PATH, Options(**options))


def only(lecture):
    assert len(lecture.diagnostics) == 1, [d.summary() for d in lecture.diagnostics]
    return lecture.diagnostics[0]


def test_a_valid_list_reads_every_column():
    lecture = read("nom,sexe,tranche_age,college,commune,instances,fonction,debut,fin,publication_nom\n"
                   "Anne Martin,F,30-44,Associations,Lanceval,bureau;groupe-mobilites,presidente,2024-01-15,"
                   "2027-01-14,oui\n"
                   "Paul Roche,M,75+,,,,,2023-05-02,,\n",
                   colleges=("Associations",), communes=("Lanceval",),
                   instances={"bureau": "b.md", "groupe-mobilites": "g.md"})
    assert lecture.diagnostics == []
    anne, paul = lecture.membres
    assert (anne.line, anne.instances, anne.fonction, anne.consenti) == \
        (2, ("bureau", "groupe-mobilites"), "presidente", True)
    assert (paul.line, paul.fonction, paul.consenti, paul.fin, paul.college) == (3, "membre", False, None, None)


def test_unknown_sexe_is_located_at_its_cell():
    problem = only(read(HEADER + "Anne Martin,X,30-44,2024-01-15\n"))
    assert problem.summary() == (f"{PATH}:2:13: erreur [choix-invalide] sexe : « X » n'est pas une valeur permise")
    assert problem.help == "valeurs permises : F, M"


def test_lowercase_sexe_suggests_the_capital():
    assert "vouliez-vous dire « F » ?" in only(read(HEADER + "Anne Martin,f,30-44,2024-01-15\n")).help


def test_unknown_age_class_suggests_the_nearest():
    problem = only(read(HEADER + "Anne Martin,F,30-45,2024-01-15\n"))
    assert (problem.code, problem.key, problem.line, problem.column, problem.length) == \
        ("choix-invalide", "tranche_age", 2, 15, 5)
    assert problem.help.startswith("vouliez-vous dire « 30-44 » ?")


def test_unknown_instance_suggests_the_nearest_record():
    problem = only(read("nom,sexe,tranche_age,instances,debut\nAnne Martin,F,30-44,burau,2024-01-15\n",
                        instances={"bureau": "content/instances/bureau.md"}))
    assert (problem.code, problem.key, problem.column) == ("ref-inconnue", "instances", 21)
    assert problem.help == "vouliez-vous dire « bureau » ? (content/instances/bureau.md)"


def test_unknown_college_when_colleges_are_configured():
    problem = only(read("nom,sexe,tranche_age,college,debut\nAnne Martin,F,30-44,Associatons,2024-01-15\n",
                        colleges=("Associations", "Citoyens volontaires")))
    assert (problem.code, problem.key, problem.column) == ("choix-invalide", "college", 21)
    assert "vouliez-vous dire « Associations » ?" in problem.help
    assert "option « colleges » de mkdocs.yml" in problem.help


def test_any_college_without_the_option():
    assert read("nom,sexe,tranche_age,college,debut\nAnne Martin,F,30-44,Libre,2024-01-15\n").diagnostics == []


def test_unknown_commune_when_communes_are_configured():
    problem = only(read("nom,sexe,tranche_age,commune,debut\nAnne Martin,F,30-44,Lanceval-le-Haut,2024-01-15\n",
                        communes=("Lanceval",)))
    assert (problem.code, problem.key, problem.column) == ("commune-inconnue", "commune", 21)


def test_unknown_fonction():
    problem = only(read("nom,sexe,tranche_age,fonction,debut\nAnne Martin,F,30-44,tresoriere,2024-01-15\n"))
    assert (problem.code, problem.key) == ("choix-invalide", "fonction")
    assert "presidente" in problem.help


def test_publication_nom_is_oui_or_non():
    problem = only(read("nom,sexe,tranche_age,debut,publication_nom\nAnne Martin,F,30-44,2024-01-15,yes\n"))
    assert (problem.code, problem.key, problem.help) == ("choix-invalide", "publication_nom",
                                                         "valeurs permises : oui, non")


def test_a_spreadsheet_date_gets_its_iso_form_in_the_help():
    problem = only(read(HEADER + "Anne Martin,F,30-44,15/01/2024\n"))
    assert (problem.code, problem.key, problem.column) == ("date-invalide", "debut", 21)
    assert "(2024-01-15)" in problem.help


def test_a_date_that_does_not_exist():
    problem = only(read(HEADER + "Anne Martin,F,30-44,2024-02-30\n"))
    assert problem.message == "la date « 2024-02-30 » n'existe pas"


def test_missing_debut_is_an_empty_required_cell():
    problem = only(read(HEADER + "Anne Martin,F,30-44,\n"))
    assert (problem.code, problem.key, problem.line) == ("champ-vide", "debut", 2)


def test_an_end_before_the_start():
    problem = only(read("nom,sexe,tranche_age,debut,fin\nAnne Martin,F,30-44,2024-01-15,2023-12-31\n"))
    assert (problem.code, problem.key, problem.column) == ("date-anterieure", "fin", 32)


def test_the_same_person_twice_over_overlapping_periods():
    problem = only(read(HEADER + ANNE + "anne  MARTIN,F,30-44,2025-03-01\n"))
    assert (problem.code, problem.line, problem.column, problem.key) == ("membre-duplique", 3, 1, "nom")
    assert problem.message == "ce membre figure déjà à la ligne 2"


def test_the_same_person_over_two_periods_is_not_a_duplicate():
    lecture = read("nom,sexe,tranche_age,debut,fin\nAnne Martin,F,30-44,2020-01-15,2022-01-15\n"
                   "Anne Martin,F,30-44,2024-01-15,\n")
    assert lecture.diagnostics == [] and len(lecture.membres) == 2


def test_a_member_named_like_an_elu_quotes_the_law():
    problem = only(read(HEADER + "Claire MOREL,F,45-59,2024-01-15\n",
                        elus={"Claire Morel": "content/elus/claire-morel.md"}))
    assert (problem.code, problem.key, problem.line, problem.column, problem.length) == ("membre-elu", "nom", 2, 1, 12)
    assert "« les conseillers communautaires ou métropolitains ne peuvent être membres du conseil de " \
           "développement »" in problem.message
    assert "content/elus/claire-morel.md" in problem.message


def test_a_missing_required_column():
    problem = only(read("nom,sexe,debut\n" + "Anne Martin,F,2024-01-15\n"))
    assert (problem.code, problem.key, problem.line, problem.column) == ("colonne-manquante", "tranche_age", 1, 1)
    assert "ajoutez la colonne « tranche_age »" in problem.help


def test_an_unknown_column_suggests_the_nearest():
    lecture = read("nom,sexe,tranche_age,debut,comune\nAnne Martin,F,30-44,2024-01-15,Lanceval\n")
    problem = only(lecture)
    assert (problem.code, problem.column, problem.help) == ("colonne-inconnue", 28, "vouliez-vous dire « commune » ?")


def test_a_column_twice():
    problem = only(read("nom,sexe,tranche_age,debut,sexe\nAnne Martin,F,30-44,2024-01-15,F\n"))
    assert (problem.code, problem.column) == ("colonne-dupliquee", 28)


def test_a_line_with_too_many_cells():
    problem = only(read(HEADER + "Martin, Anne,F,30-44,2024-01-15\n"))
    assert (problem.code, problem.line) == ("cellules-en-nombre-invalide", 2)
    assert problem.message == "la ligne a 5 cellules, l'en-tête en a 4"
    assert "guillemets" in problem.help


def test_a_quoted_cell_may_hold_the_separator():
    lecture = read(HEADER + '"Martin, Anne",F,30-44,2024-01-15\n')
    assert lecture.diagnostics == [] and lecture.membres[0].nom == "Martin, Anne"


def test_every_problem_of_a_line_is_reported_at_once():
    lecture = read(HEADER + "Anne Martin,X,30-45,15/01/2024\n")
    assert [(d.key, d.column) for d in lecture.diagnostics] == [("sexe", 13), ("tranche_age", 15), ("debut", 21)]


def test_the_diagnostic_quotes_the_line_with_a_marker():
    lecture = read(HEADER + "Anne Martin,F,30-45,2024-01-15\n")
    assert render(lecture.diagnostics[0], lecture.lines).splitlines()[1:3] == [
        "  2 | Anne Martin,F,30-45,2024-01-15",
        "    |               ^^^^^ valeur inconnue",
    ]


# -- what a spreadsheet writes ---------------------------------------------------------------------

def test_excel_csv_utf8_with_bom_and_crlf_is_read():
    lecture = read(b"\xef\xbb\xbf" + (HEADER + ANNE).replace("\n", "\r\n").encode("utf-8"))
    assert lecture.diagnostics == [] and lecture.membres[0].nom == "Anne Martin"


def test_semicolon_separated_file_is_read():
    lecture = read("nom;sexe;tranche_age;instances;debut\r\nAnne Martin;F;30-44;\"bureau;groupe\";2024-01-15\r\n",
                   instances={"bureau": "b.md", "groupe": "g.md"})
    assert lecture.diagnostics == [] and lecture.membres[0].instances == ("bureau", "groupe")


def test_semicolon_file_with_unquoted_instances_says_why():
    problem = only(read("nom;sexe;tranche_age;instances;debut\nAnne Martin;F;30-44;bureau;groupe;2024-01-15\n",
                        instances={"bureau": "b.md", "groupe": "g.md"}))
    assert problem.code == "cellules-en-nombre-invalide"
    assert "mettez la cellule entre guillemets" in problem.help


def test_a_windows_1252_file_is_refused_with_the_export_setting():
    problem = only(read((HEADER + "Hélène Martin,F,30-44,2024-01-15\n").encode("cp1252")))
    assert (problem.code, problem.line, problem.column) == ("fichier-illisible", 2, 2)
    assert "UTF-8" in problem.help


def test_a_tab_separated_file_is_refused_with_a_clear_message():
    lecture = read("nom\tsexe\ttranche_age\tdebut\nAnne Martin\tF\t30-44\t2024-01-15\n")
    problems = [d for d in lecture.diagnostics if d.code == "colonne-manquante"]
    assert problems and "n'est pas séparé par des virgules" in problems[0].help
    assert lecture.membres == []


def test_blank_lines_left_by_a_spreadsheet_are_skipped():
    lecture = read(HEADER + ANNE + ",,,\n\n")
    assert lecture.diagnostics == [] and len(lecture.membres) == 1


def test_a_quoted_cell_over_two_lines_keeps_later_lines_numbered():
    lecture = read(HEADER + '"Anne\nMartin",F,30-44,2024-01-15\nPaul Roche,M,30-45,2024-01-15\n')
    assert [(d.line, d.key) for d in lecture.diagnostics] == [(4, "tranche_age")]
