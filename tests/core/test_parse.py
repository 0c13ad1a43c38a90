"""The shape of one record: each rule with one good and one bad example."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from conseil.core.reading import yaml_header
from conseil.core.model.diagnostics import CODES, render
from conseil.core.reading.parse import parse_record
from conseil.core.model.schema import RECORD_TYPES
from tests.core.helpers import ASSEMBLEE, CONTRIBUTION, ELU, REPONSE, THEME, codes, parse


@pytest.mark.parametrize("record_type, header", [
    ("themes", THEME), ("elus", ELU), ("assemblees", ASSEMBLEE), ("contributions", CONTRIBUTION),
    ("reponses", REPONSE),
])
def test_minimal_records_are_valid(record_type, header):
    record, diagnostics = parse(record_type, header)
    assert diagnostics == []
    assert record is not None and record.type == record_type


def test_values_are_typed():
    record, _ = parse("assemblees", ASSEMBLEE + 'heure_debut: "18:30"\nparticipants: 42\nthemes: [mobilites]\n')
    assert record.date == date(2025, 3, 12)
    assert record.heure_debut == "18:30"
    assert record.participants == 42
    assert record.themes == ["mobilites"]
    assert record.type_assemblee == "assemblee-ouverte"


def test_body_and_its_first_line_are_kept():
    record, _ = parse("themes", THEME, body="\n## Titre\n\nTexte.\n")
    assert record.body.strip().startswith("## Titre")
    assert record.source.lines[record.source.body_line - 1] == ""


def test_duplicate_key():
    _, diagnostics = parse("themes", "titre: A\ntitre: B\n")
    assert codes(diagnostics) == ["cle-dupliquee"]
    assert (diagnostics[0].line, diagnostics[0].column) == (3, 1)


def test_unknown_key_suggests_the_closest():
    _, diagnostics = parse("contributions", CONTRIBUTION + "resumé: Un texte court\n")
    assert codes(diagnostics) == ["cle-inconnue"]
    assert "« resume »" in diagnostics[0].help
    assert diagnostics[0].key == "resumé"


def test_missing_required_field():
    record, diagnostics = parse("contributions", CONTRIBUTION.replace("nature: avis\n", ""))
    assert record is None
    assert codes(diagnostics) == ["champ-manquant"]
    assert diagnostics[0].key == "nature"
    assert "nature: avis" in diagnostics[0].help


def test_empty_required_field():
    record, diagnostics = parse("themes", "titre:\n")
    assert record is None and codes(diagnostics) == ["champ-vide"]


def test_empty_optional_field_means_absent():
    record, diagnostics = parse("assemblees", ASSEMBLEE + "lieu:\n")
    assert diagnostics == [] and record.lieu is None


def test_wrong_type():
    _, diagnostics = parse("assemblees", ASSEMBLEE + "participants: [12]\n")
    assert codes(diagnostics) == ["type-invalide"]
    assert "nombre entier" in diagnostics[0].message


def test_list_expected():
    _, diagnostics = parse("contributions", CONTRIBUTION.replace("[claire-morel]", "claire-morel"))
    assert codes(diagnostics) == ["type-invalide"]
    assert "destinataires: [claire-morel]" in diagnostics[0].help


def test_date_must_be_iso():
    _, diagnostics = parse("assemblees", ASSEMBLEE.replace("2025-03-12", "12/03/2025"))
    assert codes(diagnostics) == ["date-invalide"]
    assert (diagnostics[0].line, diagnostics[0].column) == (3, 7)


def test_date_must_exist():
    _, diagnostics = parse("assemblees", ASSEMBLEE.replace("2025-03-12", "2025-02-30"))
    assert codes(diagnostics) == ["date-invalide"]


def test_single_digit_month_is_not_iso():
    _, diagnostics = parse("assemblees", ASSEMBLEE.replace("2025-03-12", "2025-3-12"))
    assert codes(diagnostics) == ["date-invalide"]


def test_unquoted_time_is_read_as_a_number():
    _, diagnostics = parse("assemblees", ASSEMBLEE + "heure_debut: 18:30\n")
    assert codes(diagnostics) == ["heure-non-citee"]
    assert "1110" in diagnostics[0].message  # what YAML made of it
    assert 'heure_debut: "18:30"' in diagnostics[0].help


def test_time_format():
    _, diagnostics = parse("assemblees", ASSEMBLEE + 'heure_debut: "18h30"\n')
    assert codes(diagnostics) == ["heure-invalide"]


def test_choice_suggests_the_closest():
    _, diagnostics = parse("contributions", CONTRIBUTION.replace("origine: saisine", "origine: autosaisine"))
    assert codes(diagnostics) == ["choix-invalide"]
    assert "« auto-saisine »" in diagnostics[0].help


def test_resume_length():
    good, _ = parse("contributions", CONTRIBUTION + "resume: " + "a" * 300 + "\n")
    _, diagnostics = parse("contributions", CONTRIBUTION + "resume: " + "a" * 301 + "\n")
    assert good is not None
    assert codes(diagnostics) == ["texte-trop-long"]


def test_negative_attendance():
    _, diagnostics = parse("assemblees", ASSEMBLEE + "participants: -3\n")
    assert codes(diagnostics) == ["nombre-invalide"]


def test_empty_reference_list():
    _, diagnostics = parse("reponses", REPONSE.replace("[2025-04-02-mobilites]", "[]"))
    assert codes(diagnostics) == ["liste-vide"]


def test_duplicate_reference():
    _, diagnostics = parse("contributions", CONTRIBUTION + "themes: [mobilites, mobilites]\n")
    assert codes(diagnostics) == ["ref-dupliquee"]


def test_unknown_key_inside_an_object():
    _, diagnostics = parse("contributions", CONTRIBUTION + "recommandations:\n  - id: r1\n    text: Oups\n")
    assert sorted(codes(diagnostics)) == ["champ-manquant", "cle-inconnue"]
    unknown = next(d for d in diagnostics if d.code == "cle-inconnue")
    assert (unknown.line, unknown.column) == (9, 5) and "« texte »" in unknown.help


def test_tabs_are_refused():
    _, diagnostics = parse("themes", "titre: A\ndescription:\n\t- b\n")
    assert codes(diagnostics) == ["yaml-tabulation"]
    assert diagnostics[0].line == 4


def test_broken_yaml_is_located():
    _, diagnostics = parse("themes", "titre: A: B\n")
    assert codes(diagnostics) == ["yaml-invalide"]
    assert diagnostics[0].line == 2 and "guillemets" in diagnostics[0].message


def test_header_must_be_a_mapping():
    _, diagnostics = parse("themes", "- titre\n")
    assert codes(diagnostics) == ["entete-non-dictionnaire"]


@pytest.mark.parametrize("text, code", [
    ("", "fichier-vide"),
    ("titre: A\n", "entete-absente"),
    ("---\ntitre: A\n", "entete-non-fermee"),
    (b"\xff\xfe\x00t", "fichier-illisible"),
])
def test_files_that_are_not_records(text, code):
    record, diagnostics = parse_record(RECORD_TYPES["themes"], "a", "content/themes/a.md", text)
    assert record is None and codes(diagnostics) == [code]


def test_file_name_must_be_an_id():
    _, diagnostics = parse("themes", THEME, record_id="Mobilités")
    assert codes(diagnostics) == ["id-invalide"]
    assert "« mobilites.md »" in diagnostics[0].help


def test_every_problem_of_a_file_is_reported_at_once():
    header = "titre: A\ntitre: B\nnature: avs\ndate: hier\norigine: saisine\ncouleur: bleu\n"
    _, diagnostics = parse("contributions", header)
    assert sorted(codes(diagnostics)) == ["champ-manquant", "choix-invalide", "cle-dupliquee", "cle-inconnue",
                                         "date-invalide"]  # champ-manquant: destinataires


def test_every_code_is_documented():
    _, diagnostics = parse("assemblees", ASSEMBLEE + "heure_debut: 18:30\nniveau: total\n")
    assert all(d.code in CODES for d in diagnostics)


def test_rendering_quotes_the_line_and_marks_the_value():
    _, diagnostics = parse("contributions", CONTRIBUTION.replace("nature: avis", "nature: avsi"))
    text = render(diagnostics[0], ["---", *CONTRIBUTION.replace("nature: avis", "nature: avsi").splitlines()])
    lines = text.splitlines()
    assert lines[0] == ("content/contributions/fiche.md:4:9: erreur [choix-invalide] nature : "
                        "« avsi » n'est pas une valeur permise")
    assert lines[1] == "  4 | nature: avsi"
    assert lines[2] == "    |         ^^^^ valeur inconnue"
    assert lines[3].startswith("  aide : vouliez-vous dire « avis » ?")


@pytest.mark.parametrize("record_type", list(RECORD_TYPES))
def test_record_classes_follow_the_schema(record_type):
    """The typed records and the schema declare the same keys: the schema stays the one source of truth."""
    from dataclasses import fields

    from conseil.core.model.records import RECORD_CLASSES, Record

    base = {f.name for f in fields(Record)}
    attributes = {f.name for f in fields(RECORD_CLASSES[record_type])} - base
    keys = {f.name for f in RECORD_TYPES[record_type].fields}
    assert attributes == keys


@pytest.mark.parametrize("record_type", list(RECORD_TYPES))
def test_record_defaults_are_the_schemas(record_type):
    """A key left out takes the default the schema declares (lists: empty), and nothing else."""
    from conseil.core.model.records import RECORD_CLASSES

    record = RECORD_CLASSES[record_type](id="fiche", source=None)
    for spec in RECORD_TYPES[record_type].fields:
        assert getattr(record, spec.name) == spec.make_default(), spec.key


@pytest.mark.parametrize("text", [
    "a: 14:30", "a: '14:30'", "a: 2025-03-12", "a: ~", "a:", "a: null", "a: Null", "a: yes", "a: No", "a: on",
    "a: TRUE", "a: 12", "a: -3", "a: 0x1F", "a: 1_000", "a: 3.5", "a: .inf", "a: .NaN", "a: =", "a: <<",
    "a: texte", "a: \"12\"", "a: [1, b, ~]", "a: {b: 2}", "a:\n  - 2025-01-01\n  - x", "a: |\n  bloc\n",
    "Yes: Off", "\"12\": 12", "a: 1:2:3", "a: 2025-3-1", "a: 2025-03-12T10:00:00Z", "a: ''",
])
def test_fast_tag_resolution_gives_the_tags_of_pyyaml(text):
    """yaml_header.py composes with its own cheap resolver: every node must get the tag PyYAML's safe loader gives."""
    def tags(node):
        if isinstance(node, yaml.MappingNode):
            return [node.tag] + [t for k, v in node.value for t in tags(k) + tags(v)]
        if isinstance(node, yaml.SequenceNode):
            return [node.tag] + [t for item in node.value for t in tags(item)]
        return [(node.tag, node.value)]
    assert tags(yaml_header.compose(text)) == tags(yaml.compose(text, Loader=yaml.SafeLoader))
