"""Content model version 2: each new key and rule, with the smallest record that shows it."""

from __future__ import annotations

from datetime import date

import pytest

from conseil.core.model.dates import date_fr, is_approximate, parse_approximate
from conseil.core.model.records import Attendance
from tests.core.helpers import ASSEMBLEE, CONTRIBUTION, REPONSE, codes, corpus, parse

ORGANE = "nom: Conseil de la Métropole\ntype: conseil\n"
DOSSIER = "titre: PLUi de la Métropole\ntype: plui\n"
C1 = "contributions/2025-04-02-mobilites"


def dated(header: str, value: str) -> str:
    return header.replace("date: 2025-03-12", f"date: {value}").replace("date: 2025-04-02", f"date: {value}")


# -- approximate dates --------------------------------------------------------------------------------

@pytest.mark.parametrize("written, first, last", [
    ("2016", date(2016, 1, 1), date(2016, 12, 31)),
    ('"2019-03"', date(2019, 3, 1), date(2019, 3, 31)),
    ("2016/2018", date(2016, 1, 1), date(2018, 12, 31)),
    ("2023-06/2023-12", date(2023, 6, 1), date(2023, 12, 31)),
])
def test_a_date_may_be_known_by_its_year_month_or_bounds(written, first, last):
    record, diagnostics = parse("contributions", dated(CONTRIBUTION, written))
    assert diagnostics == []
    assert is_approximate(record.date) and record.date == first and record.date.last == last
    assert record.date.isoformat() == written.strip('"')


def test_an_exact_date_stays_a_plain_date():
    record, _ = parse("contributions", CONTRIBUTION)
    assert record.date == date(2025, 4, 2) and not is_approximate(record.date)


@pytest.mark.parametrize("key, header", [
    ("date_fin", ASSEMBLEE + "date_fin: 2025-03\n"),
    ("mandat_debut", "nom: A\nfonction: B\nmandat_debut: 2014\n"),
    ("mandat_fin", "nom: A\nfonction: B\nmandat_fin: 2020-06\n"),
])
def test_every_date_of_the_spec_may_be_approximate(key, header):
    record_type = "assemblees" if key == "date_fin" else "elus"
    record, diagnostics = parse(record_type, header)
    assert diagnostics == [] and is_approximate(getattr(record, key))


def test_a_month_that_does_not_exist_is_located():
    _, diagnostics = parse("contributions", dated(CONTRIBUTION, "2019-13"))
    assert codes(diagnostics) == ["date-invalide"]
    assert (diagnostics[0].line, diagnostics[0].column) == (3, 7)
    assert "n'existe pas" in diagnostics[0].message


def test_an_interval_that_ends_before_it_starts():
    _, diagnostics = parse("contributions", dated(CONTRIBUTION, "2018/2016"))
    assert codes(diagnostics) == ["date-invalide"]
    assert "finit avant de commencer" in diagnostics[0].message


def test_a_date_in_another_format_says_every_accepted_form():
    _, diagnostics = parse("contributions", dated(CONTRIBUTION, "03/2019"))
    assert codes(diagnostics) == ["date-invalide"]
    assert "AAAA-MM-JJ, AAAA-MM ou AAAA" in diagnostics[0].message and "2016/2018" in diagnostics[0].help


def test_the_embargo_date_stays_exact():
    _, diagnostics = parse("themes", "titre: A\npublication: 2025\n")
    assert codes(diagnostics) == ["type-invalide"]


def test_an_answer_in_the_same_year_as_a_dated_contribution_is_not_before_it():
    result = corpus({C1: CONTRIBUTION, "reponses/r": dated(REPONSE, "2025").replace("date: 2025-05-02", "date: 2025")})
    assert result.diagnostics == []


def test_an_answer_surely_before_the_contribution():
    result = corpus({C1: dated(CONTRIBUTION, "2025-04"), "reponses/r": REPONSE.replace("2025-05-02", "2024")})
    assert codes(result.diagnostics) == ["date-anterieure"]


def test_date_fin_not_before_date():
    result = corpus({"assemblees/a": ASSEMBLEE + "date_fin: 2025-03-11\n"})
    assert codes(result.diagnostics) == ["date-anterieure"]
    assert result.diagnostics[0].key == "date_fin" and result.diagnostics[0].line == 5


def test_a_meeting_over_several_days():
    result = corpus({"assemblees/a": ASSEMBLEE + "date_fin: 2025-03-14\n"})
    assert result.diagnostics == []


# -- attendance ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("written, qualifier", [("environ 150", "environ"), ("près de 150", "près de"),
                                                ("plus de 150", "plus de")])
def test_attendance_known_roughly(written, qualifier):
    record, diagnostics = parse("assemblees", ASSEMBLEE + f"participants: {written}\n")
    assert diagnostics == [] and record.participants == 150
    assert isinstance(record.participants, Attendance) and str(record.participants) == written


def test_attendance_in_words_is_refused():
    _, diagnostics = parse("assemblees", ASSEMBLEE + "participants: beaucoup\n")
    assert codes(diagnostics) == ["effectif-invalide"]
    assert "environ 150" in diagnostics[0].help and diagnostics[0].line == 5


# -- new choices --------------------------------------------------------------------------------------

def test_origine_may_be_unknown():
    record, diagnostics = parse("contributions", CONTRIBUTION.replace("origine: saisine", "origine: inconnue"))
    assert diagnostics == [] and record.origine == "inconnue"


@pytest.mark.parametrize("kind", ["seance-collectivite", "rencontre-externe"])
def test_new_kinds_of_meetings(kind):
    record, diagnostics = parse("assemblees", ASSEMBLEE.replace("assemblee-ouverte", kind))
    assert diagnostics == [] and record.type_assemblee == kind


# -- organes and destinataires ------------------------------------------------------------------------

def test_an_organe_record():
    record, diagnostics = parse("organes", ORGANE)
    assert diagnostics == [] and record.nom == "Conseil de la Métropole" and record.type_organe == "conseil"


def test_an_organe_needs_a_type():
    _, diagnostics = parse("organes", "nom: Conseil\n")
    assert codes(diagnostics) == ["champ-manquant"] and diagnostics[0].key == "type"


def test_a_contribution_may_be_addressed_to_an_organe():
    result = corpus({"organes/conseil": ORGANE, C1: CONTRIBUTION.replace("[claire-morel]", "[conseil, claire-morel]")})
    assert result.diagnostics == []
    assert [d.id for d in result.graph.get("contributions", "2025-04-02-mobilites").destinataires] == \
        ["conseil", "claire-morel"]


def test_unknown_destinataire_is_suggested_across_elus_and_organes():
    result = corpus({"organes/conseil-metropolitain": ORGANE,
                     C1: CONTRIBUTION.replace("[claire-morel]", "[conseil-metropolitan]")})
    assert codes(result.diagnostics) == ["ref-inconnue"]
    assert "« conseil-metropolitain » ? (content/organes/conseil-metropolitain.md)" in result.diagnostics[0].help


def test_an_id_in_both_elus_and_organes():
    result = corpus({"organes/claire-morel": ORGANE})
    assert sorted(codes(result.diagnostics)) == ["id-en-double", "id-en-double"]
    assert {d.path for d in result.diagnostics} == {"content/organes/claire-morel.md", "content/elus/claire-morel.md"}


# -- who answered, and how ----------------------------------------------------------------------------

def test_an_organe_answers_by_a_deliberation():
    answer = REPONSE.replace("elu: claire-morel", "organe: conseil") + (
        "forme: deliberation\nvote: unanimite\ndeliberation:\n  numero: 2025-0412\n"
        "  url: https://example.org/d.pdf\nseance: 2025-03-12-seance\n")
    result = corpus({"organes/conseil": ORGANE, C1: CONTRIBUTION, "reponses/r": answer,
                     "assemblees/2025-03-12-seance": ASSEMBLEE})
    assert result.diagnostics == []
    node = result.graph.get("reponses", "r")
    assert node.repondant.id == "conseil" and node.deliberation.numero == "2025-0412" and node.seance.id
    assert node.forme == "deliberation" and node.vote == "unanimite"


def test_an_answer_defaults_to_an_official_letter():
    record, _ = parse("reponses", REPONSE)
    assert (record.forme, record.portee) == ("courrier", "officielle")


def test_an_answer_from_both_an_elu_and_an_organe():
    result = corpus({"organes/conseil": ORGANE, C1: CONTRIBUTION, "reponses/r": REPONSE + "organe: conseil\n"})
    assert codes(result.diagnostics) == ["repondant-double"]
    assert result.diagnostics[0].key == "organe" and result.diagnostics[0].line == 7


def test_an_answer_from_nobody():
    result = corpus({C1: CONTRIBUTION, "reponses/r": REPONSE.replace("elu: claire-morel\n", "")})
    assert codes(result.diagnostics) == ["champ-manquant"]
    assert "organe" in result.diagnostics[0].message


def test_an_official_answer_needs_a_position():
    result = corpus({C1: CONTRIBUTION, "reponses/r": REPONSE.replace("position: retenue\n", "")})
    assert codes(result.diagnostics) == ["champ-manquant"] and result.diagnostics[0].key == "position"


def test_an_intervention_needs_no_position():
    answer = REPONSE.replace("position: retenue\n", "portee: intervention\n")
    result = corpus({C1: CONTRIBUTION, "reponses/r": answer})
    assert result.diagnostics == []


def test_a_deliberation_url_is_https():
    answer = REPONSE + "deliberation:\n  numero: 12\n  url: http://example.org/d.pdf\n"
    result = corpus({C1: CONTRIBUTION, "reponses/r": answer})
    assert codes(result.diagnostics) == ["adresse-invalide"] and result.diagnostics[0].line == 9


def test_a_deliberation_needs_its_number():
    _, diagnostics = parse("reponses", REPONSE + "deliberation:\n  url: https://example.org/d.pdf\n")
    assert codes(diagnostics) == ["champ-manquant"] and diagnostics[0].key == "numero"


@pytest.mark.parametrize("key, value", [("forme", "oral"), ("portee", "interventions"), ("vote", "unanime")])
def test_forme_portee_and_vote_are_choices(key, value):
    _, diagnostics = parse("reponses", REPONSE + f"{key}: {value}\n")
    assert codes(diagnostics) == ["choix-invalide"] and "vouliez-vous dire" in diagnostics[0].help


def test_seance_names_an_assembly():
    result = corpus({C1: CONTRIBUTION, "reponses/r": REPONSE + "seance: inconnue\n"})
    assert codes(result.diagnostics) == ["ref-inconnue"] and "aucune assemblée" in result.diagnostics[0].message


# -- stages and dossiers ------------------------------------------------------------------------------

def test_two_stages_of_an_opinion():
    result = corpus({"contributions/preliminaire": dated(CONTRIBUTION, "2025-01-10") + "etape: preliminaire\n",
                     C1: CONTRIBUTION + "etape: definitif\nsuite_de: preliminaire\n"})
    assert result.diagnostics == []
    final = result.graph.get("contributions", "2025-04-02-mobilites")
    assert final.precedente.id == "preliminaire" and [c.id for c in final.etapes] == ["preliminaire", final.id]


def test_an_earlier_stage_may_not_be_later():
    result = corpus({"contributions/apres": dated(CONTRIBUTION, "2025-06-10"),
                     C1: CONTRIBUTION + "suite_de: apres\n"})
    assert codes(result.diagnostics) == ["date-anterieure"] and result.diagnostics[0].key == "suite_de"


def test_stages_may_not_loop():
    result = corpus({"contributions/a": CONTRIBUTION + "suite_de: b\n", "contributions/b": CONTRIBUTION + "suite_de: a\n"})
    assert codes(result.diagnostics) == ["suite-circulaire", "suite-circulaire"]


def test_a_stage_may_not_follow_itself():
    result = corpus({"contributions/a": CONTRIBUTION + "suite_de: a\n"})
    assert codes(result.diagnostics) == ["suite-circulaire"]


def test_etape_is_a_choice():
    _, diagnostics = parse("contributions", CONTRIBUTION + "etape: final\n")
    assert codes(diagnostics) == ["choix-invalide"]


def test_a_dossier_with_stages_and_its_contributions():
    dossier = DOSSIER + "etapes:\n  - date: 2024-06\n    libelle: Arrêt du projet\n  - date: 2025\n    libelle: Approbation\n"
    result = corpus({"dossiers/plui": dossier, C1: CONTRIBUTION + "dossiers: [plui]\n"})
    assert result.diagnostics == []
    node = result.graph.get("dossiers", "plui")
    assert [c.id for c in node.contributions] == ["2025-04-02-mobilites"]
    assert [e.kind for e in node.chronologie] == ["etape", "etape", "contribution"]


def test_a_dossier_stage_needs_a_label():
    _, diagnostics = parse("dossiers", DOSSIER + "etapes:\n  - date: 2024-06\n")
    assert codes(diagnostics) == ["champ-manquant"] and diagnostics[0].key == "libelle"


def test_a_dossier_type_is_a_choice():
    _, diagnostics = parse("dossiers", DOSSIER.replace("plui", "plu-i"))
    assert codes(diagnostics) == ["choix-invalide"]


def test_dossiers_names_dossiers():
    result = corpus({"dossiers/plui": DOSSIER, C1: CONTRIBUTION + "dossiers: [plu]\n"})
    assert codes(result.diagnostics) == ["ref-inconnue"] and "« plui »" in result.diagnostics[0].help


def test_recommendations_may_have_a_chapter():
    record, diagnostics = parse("contributions", CONTRIBUTION + "recommandations:\n  - id: r1\n    texte: A\n"
                                                                "    chapitre: Mobilités\n")
    assert diagnostics == [] and record.recommandations[0].chapitre == "Mobilités"


def test_every_version_1_record_of_the_demo_stays_valid():
    """The demo council was written for version 1: it still checks without a problem."""
    from conseil.core import Settings, files_in, load
    from tests.conftest import REPO
    result = load(files_in(REPO / "content"), Settings(build_date=date(2026, 11, 23), content_dir=REPO / "content"))
    assert [d for d in result.diagnostics if d.severity == "erreur"] == []


def test_a_wrong_position_keeps_an_official_answer_unpublished():
    record, diagnostics = parse("reponses", REPONSE.replace("position: retenue", "position: retenu"))
    assert record is None and codes(diagnostics) == ["choix-invalide"]


def test_a_wrong_position_does_not_hold_back_an_intervention():
    record, diagnostics = parse("reponses", REPONSE.replace("position: retenue", "position: retenu")
                                + "portee: intervention\n")
    assert record is not None and codes(diagnostics) == ["choix-invalide"]


@pytest.mark.parametrize("written, shown", [
    ("2016", "2016"), ("2019-03", "mars 2019"), ("2016/2018", "entre 2016 et 2018"),
    ("2023-06/2023-12", "entre juin et décembre 2023"), ("2025-03-12", "12 mars 2025"),
])
def test_a_date_is_shown_as_known_never_with_an_invented_day(written, shown):
    assert date_fr(parse_approximate(written)) == shown
    assert date_fr(parse_approximate(written), with_weekday=True).endswith(shown)
    if written != "2025-03-12":
        assert "1er" not in date_fr(parse_approximate(written), with_weekday=True)
