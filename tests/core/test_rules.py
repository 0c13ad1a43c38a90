"""Rules across records: references, drafts, dates, recommendations."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.core.helpers import ASSEMBLEE, CONTRIBUTION, REPONSE, codes, corpus

CONTRIB_RECO = CONTRIBUTION + "recommandations:\n  - id: r1\n    texte: Une ligne de nuit\n  - id: r2\n    texte: Des vélos\n"


def test_valid_corpus_has_no_problem():
    result = corpus({"contributions/2025-04-02-mobilites": CONTRIB_RECO,
                     "reponses/2025-05-02-reponse": REPONSE + "suites:\n  - recommandation: r1\n    position: retenue\n"})
    assert result.diagnostics == []


def test_unknown_reference_suggests_the_closest_id():
    result = corpus({"contributions/c": CONTRIBUTION.replace("claire-morel", "claire-moreau")})
    assert codes(result.diagnostics) == ["ref-inconnue"]
    problem = result.diagnostics[0]
    assert problem.message == "aucun élu ni organe « claire-moreau »"
    assert "« claire-morel » ? (content/elus/claire-morel.md)" in problem.help
    assert (problem.line, problem.column) == (6, 17)


def test_reference_to_the_wrong_type():
    result = corpus({"contributions/c": CONTRIBUTION + "themes: [claire-morel]\n"})
    assert codes(result.diagnostics) == ["ref-inconnue"]
    assert "aucun thème" in result.diagnostics[0].message


def test_published_record_citing_a_draft():
    result = corpus({"themes/brouillon": "titre: Caché\nbrouillon: true\n",
                     "contributions/c": CONTRIBUTION + "themes: [brouillon]\n"})
    assert codes(result.diagnostics) == ["ref-non-publiee"]
    assert "en brouillon" in result.diagnostics[0].message


def test_published_record_citing_an_embargoed_one():
    result = corpus({"themes/plus-tard": "titre: Plus tard\npublication: 2027-01-01\n",
                     "contributions/c": CONTRIBUTION + "themes: [plus-tard]\n"})
    assert codes(result.diagnostics) == ["ref-non-publiee"]
    assert "embargo jusqu'au 2027-01-01" in result.diagnostics[0].message


def test_a_draft_may_cite_a_draft():
    result = corpus({"themes/brouillon": "titre: Caché\nbrouillon: true\n",
                     "contributions/c": CONTRIBUTION + "themes: [brouillon]\nbrouillon: true\n"})
    assert result.diagnostics == []


def test_drafts_are_checked_too():
    result = corpus({"contributions/c": CONTRIBUTION + "brouillon: true\nnature: rien\n"})
    assert "cle-dupliquee" in codes(result.diagnostics)


def test_destinataires_required_when_an_answer_is_expected():
    without = CONTRIBUTION.replace("destinataires: [claire-morel]\n", "")
    assert codes(corpus({"contributions/c": without}).diagnostics) == ["champ-manquant"]
    assert corpus({"contributions/c": without + "reponse_attendue: false\n"}).diagnostics == []


def test_answer_not_before_the_contribution():
    result = corpus({"contributions/2025-04-02-mobilites": CONTRIBUTION,
                     "reponses/r": REPONSE.replace("2025-05-02", "2025-03-01")})
    assert codes(result.diagnostics) == ["date-anterieure"]


def test_deadline_after_the_contribution():
    result = corpus({"contributions/c": CONTRIBUTION + "echeance_reponse: 2025-01-01\n"})
    assert codes(result.diagnostics) == ["date-anterieure"]


def test_term_ends_after_it_begins():
    result = corpus({"elus/x": "nom: X\nfonction: Y\nmandat_debut: 2020-07-01\nmandat_fin: 2019-01-01\n"})
    assert codes(result.diagnostics) == ["date-anterieure"]


def test_meeting_ends_after_it_starts():
    good = corpus({"assemblees/a": ASSEMBLEE + 'heure_debut: "18:00"\nheure_fin: "20:00"\n'})
    bad = corpus({"assemblees/a": ASSEMBLEE + 'heure_debut: "18:00"\nheure_fin: "17:00"\n'})
    assert good.diagnostics == [] and codes(bad.diagnostics) == ["heures-incoherentes"]


def test_commune_from_the_configured_list():
    record = {"assemblees/a": ASSEMBLEE + "commune: Val-d'Arvle\n"}
    assert corpus(record).diagnostics == []  # no list configured: any commune
    result = corpus(record, communes=("Val-d'Arvel", "Lanceval"))
    assert codes(result.diagnostics) == ["commune-inconnue"]
    assert "« Val-d'Arvel »" in result.diagnostics[0].help


def test_documents_are_https_or_local_files(tmp_path: Path):
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "avis.pdf").write_bytes(b"%PDF")
    docs = ("documents:\n  - titre: A\n    fichier: https://example.org/a.pdf\n"
            "  - titre: B\n    fichier: documents/avis.pdf\n")
    assert corpus({"assemblees/a": ASSEMBLEE + docs}, content_dir=tmp_path).diagnostics == []
    bad = ("documents:\n  - titre: A\n    fichier: http://example.org/a.pdf\n"
           "  - titre: B\n    fichier: documents/absent.pdf\n  - titre: C\n    fichier: ../../etc/passwd\n")
    result = corpus({"assemblees/a": ASSEMBLEE + bad}, content_dir=tmp_path)
    assert codes(result.diagnostics) == ["document-introuvable"] * 3


def test_recommendation_ids_are_unique():
    twice = CONTRIBUTION + "recommandations:\n  - id: r1\n    texte: A\n  - id: r1\n    texte: B\n"
    assert codes(corpus({"contributions/c": twice}).diagnostics) == ["recommandation-dupliquee"]


def test_suite_names_an_existing_recommendation():
    result = corpus({"contributions/2025-04-02-mobilites": CONTRIB_RECO,
                     "reponses/r": REPONSE + "suites:\n  - recommandation: r3\n    position: retenue\n"})
    assert codes(result.diagnostics) == ["recommandation-inconnue"]
    assert "r1" in result.diagnostics[0].help


def test_suite_must_name_its_contribution_when_the_answer_covers_several():
    other = CONTRIBUTION.replace("2025-04-02", "2025-04-03")
    answer = REPONSE.replace("[2025-04-02-mobilites]", "[2025-04-02-mobilites, autre]")
    ambiguous = corpus({"contributions/2025-04-02-mobilites": CONTRIB_RECO, "contributions/autre": other,
                        "reponses/r": answer + "suites:\n  - recommandation: r1\n    position: retenue\n"})
    assert codes(ambiguous.diagnostics) == ["recommandation-ambigue"]
    explicit = corpus({"contributions/2025-04-02-mobilites": CONTRIB_RECO, "contributions/autre": other,
                       "reponses/r": answer + "suites:\n  - recommandation: 2025-04-02-mobilites#r1\n"
                                              "    position: retenue\n"})
    assert explicit.diagnostics == []


def test_commitment_names_an_existing_recommendation():
    result = corpus({"contributions/2025-04-02-mobilites": CONTRIB_RECO,
                     "reponses/r": REPONSE + "engagements:\n  - texte: Étude\n    etat: prevu\n"
                                             "    recommandation: r9\n"})
    assert codes(result.diagnostics) == ["recommandation-inconnue"]


def test_personal_data_in_a_body_is_a_warning():
    from conseil.core import SourceFile, load, Settings
    text = "---\ntitre: Mobilités\n---\nÉcrire à jean.dupont@example.org ou au 06 12 34 56 78.\n"
    result = load([SourceFile("themes/t.md", "content/themes/t.md", lambda: text.encode())],
                  Settings(build_date=date(2026, 11, 23)))
    assert codes(result.diagnostics) == ["donnee-personnelle", "donnee-personnelle"]
    assert {d.severity for d in result.diagnostics} == {"avertissement"}
    assert [(d.line, d.column) for d in result.diagnostics] == [(4, 10), (4, 40)]


def test_dangerous_html_in_a_body_is_an_error():
    from conseil.core import SourceFile, load, Settings
    text = "---\ntitre: T\n---\n<script>alert(1)</script>\n[a](javascript:alert(1))\n<img src=x onerror=alert(1)>\n"
    result = load([SourceFile("themes/t.md", "content/themes/t.md", lambda: text.encode())],
                  Settings(build_date=date(2026, 11, 23)))
    assert codes(result.diagnostics) == ["html-interdit"] * 3


def test_records_in_subfolders_are_reported():
    from conseil.core import SourceFile, load, Settings
    result = load([SourceFile("themes/vieux/t.md", "content/themes/vieux/t.md", lambda: b"---\ntitre: T\n---\n")],
                  Settings(build_date=date(2026, 11, 23)))
    assert codes(result.diagnostics) == ["dossier-inconnu"]


def test_validation_alone_reports_what_the_full_load_reports():
    """`conseil check` validates without building the graph: the graph must not be where a problem is found."""
    from conseil.core import Settings, files_in, load, validate

    root = Path(__file__).resolve().parents[1] / "fixtures"
    found = []
    for content in (root / "broken" / "content", Path(__file__).resolve().parents[2] / "content"):
        settings = Settings(build_date=date(2026, 11, 23), content_dir=content)
        checked = validate(files_in(content), settings)
        loaded = load(files_in(content), settings)
        assert checked.graph is None and loaded.graph is not None
        assert checked.diagnostics == loaded.diagnostics
        assert checked.sources == loaded.sources and checked.failed == loaded.failed
        found.append(len(checked.diagnostics))
    assert found[0] >= 9 and found[1] == 0  # every planted problem; the demo council is clean
