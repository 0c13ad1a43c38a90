"""Robustness: whatever a record file holds, validation answers with located French diagnostics, never a crash.

Hypothesis generates malformed records (broken YAML, wrong types, unknown or duplicate keys, dangling
references, binary garbage, huge values, empty files) and feeds them to the core directly.
"""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conseil.core import Settings, SourceFile, load
from conseil.core.model import schema
from conseil.core.model.diagnostics import CODES
from conseil.core.reading.parse import parse_record

BUILD_DATE = date(2026, 11, 23)
# Fragments of libyaml's English that must never reach an editor.
ENGLISH = ("expected", "found", "while ", "could not", "not allowed", "unexpected", "mapping", "scalar",
           "Traceback", "Error")
SETTINGS = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])

KEYS = sorted({f.key for t in schema.RECORD_TYPES.values() for f in t.fields}
              | {"titre ", "Titre", "échéance", "destinataire", "clé-inconnue", "", "?", "- x"})
IDS = ["claire-morel", "mobilites", "2025-03-27-avis-plan-de-mobilite", "inconnu", "r1", "x#r1", "contrib#", ""]
VALUES = [
    "", "~", "null", "true", "no", "0", "-1", "12", "1e9", "3.5", "14:30", '"14:30"', '"25:99"', "2025-02-30",
    "2025-3-1", "2025-03-12", "2025-03-12T10:00:00", '"texte"', "'texte'", "texte : avec deux-points",
    "[claire-morel]", "[inconnu, inconnu]", "[]", "{}", "[a, [b]]", "{titre: x}", "[{id: r1, texte: x}]",
    "[{recommandation: r9, position: retenue}]", "[{texte: x, etat: fini}]", "*alias", "&ancre x", "!!binary aGk=",
    "!!python/object:os.system x", "|\n  bloc\n  texte", ">-\n  plié", '"non fermé', "[non, fermé", "{a: b",
    "- élément", "\t", "« guillemets »", "\u202e\u0000", "x" * 100_000, "9" * 400, "🙂" * 50,
]


@st.composite
def front_matter(draw) -> str:
    """A header of key/value lines drawn from the model's keys and from wrong values, maybe unclosed."""
    lines = []
    for _ in range(draw(st.integers(0, 12))):
        key = draw(st.sampled_from(KEYS) | st.text(max_size=12))
        value = draw(st.sampled_from(VALUES) | st.sampled_from(IDS) | st.text(max_size=40))
        indent = draw(st.sampled_from(["", "", "", "  ", "\t"]))
        lines.append(f"{indent}{key}: {value}")
    opening = draw(st.sampled_from(["---\n", "---\n", "--- \r\n", "", "\ufeff---\n", "----\n"]))
    closing = draw(st.sampled_from(["---\n", "---\n", "...\n", "", "--- trailing\n"]))
    body = draw(st.text(max_size=200) | st.sampled_from(["", "<script>alert(1)</script>", "a@b.fr 06 12 34 56 78"]))
    return opening + "\n".join(lines) + "\n" + closing + body


VALID = {
    "assemblees": ["titre: Atelier", "date: 2025-03-12", "type: atelier", 'heure_debut: "18:00"', 'heure_fin: "20:00"',
                   "lieu: Salle", "themes: [mobilites]", "participants: 40", "niveau: concertation",
                   "documents:\n  - titre: CR\n    fichier: https://example.org/cr.pdf"],
    "contributions": ["titre: Avis", "date: 2025-03-27", "nature: avis", "origine: saisine",
                      "destinataires: [claire-morel]", "themes: [mobilites]", "resume: Court.",
                      "echeance_reponse: 2025-06-01", "reponse_attendue: true",
                      "recommandations:\n  - id: r1\n    texte: Faire."],
    "reponses": ["titre: Réponse", "date: 2025-06-30", "contributions: [2025-03-27-avis-plan-de-mobilite]",
                 "elu: claire-morel", "position: retenue",
                 "suites:\n  - recommandation: r1\n    position: retenue\n    commentaire: Oui.",
                 "engagements:\n  - texte: Faire\n    etat: prevu\n    echeance: 2026-01-01"],
    "elus": ['nom: "Claire Morel"', "fonction: Vice-présidente", "mandat_debut: 2020-07-15",
             "mandat_fin: 2026-03-15", "themes: [mobilites]"],
    "themes": ["titre: Mobilités", "description: Se déplacer."],
}


@st.composite
def mutated_record(draw) -> tuple[str, str]:
    """A sound record of a random type, then a few values swapped, keys renamed, lines doubled or dropped."""
    record_type = draw(st.sampled_from(sorted(VALID)))
    lines = list(VALID[record_type]) + draw(st.sampled_from([[], ["brouillon: true"], ["publication: 2027-01-01"]]))
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(lines) - 1))
        key = lines[where].split(":", 1)[0]
        mutation = draw(st.sampled_from(["value", "key", "double", "drop", "indent"]))
        if mutation == "value":
            lines[where] = f"{key}: {draw(st.sampled_from(VALUES) | st.sampled_from(IDS) | st.text(max_size=20))}"
        elif mutation == "key":
            lines[where] = draw(st.sampled_from(KEYS) | st.text(max_size=8)) + ":" + lines[where].split(":", 1)[1]
        elif mutation == "double":
            lines.insert(where, lines[where])
        elif mutation == "drop" and len(lines) > 1:
            lines.pop(where)
        else:
            lines[where] = "  " + lines[where]
    body = draw(st.sampled_from(["", "Texte.", "y" * 200_000, "a." * 100_000, "Écrire à a.b@example.org ou au 06 12 34 56 78.",
                                 '<a href="javascript:alert(1)">x</a>', "<img src=x onerror=alert(1)>"]))
    return record_type, "---\n" + "\n".join(lines) + "\n---\n\n" + body + "\n"


@SETTINGS
@given(mutated=mutated_record())
def test_parse_record_reports_every_mutation_of_a_sound_record(mutated):
    record_type, raw = mutated
    path = f"content/{record_type}/x.md"
    record, diagnostics = parse_record(schema.RECORD_TYPES[record_type], "x", path, raw)
    assert record is not None or diagnostics
    assert_well_formed(diagnostics, {path}, {path: line_count(raw)})
    if record is not None:  # the cross-record rules run on it too, dangling references included
        corpus = load([SourceFile(f"{record_type}/x.md", path, lambda: raw.encode())], Settings(build_date=BUILD_DATE))
        assert_well_formed(corpus.diagnostics, {path}, {path: line_count(raw)})


RAW = front_matter() | mutated_record().map(lambda pair: pair[1]) | st.text(max_size=300) | st.binary(max_size=300) | st.just("") | st.just(b"\x00" * 10)
RECORD_TYPE = st.sampled_from(sorted(schema.RECORD_TYPES))
RECORD_ID = st.sampled_from(["avis-test", "2025-01-01-x", "Avis Test", "é", "a--b", "-"]) | st.text(max_size=10)


def assert_well_formed(diagnostics, paths: set[str], lines_of: dict[str, int]) -> None:
    for d in diagnostics:
        assert d.path in paths, d
        assert d.code in CODES, d
        assert isinstance(d.line, int) and 1 <= d.line <= max(lines_of.get(d.path, 1), 1) + 1, d
        assert isinstance(d.column, int) and d.column >= 1, d
        assert isinstance(d.message, str) and d.message.strip(), d
        english = [word for word in ENGLISH if word in d.message or word in (d.help or "")]
        assert not english, f"message pas en français : {d.summary()} / {d.help}"


def line_count(raw: bytes | str) -> int:
    text = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw
    return len(text.splitlines())


@SETTINGS
@given(record_type=RECORD_TYPE, record_id=RECORD_ID, raw=RAW)
@example(record_type="contributions", record_id="x", raw="---\ntitre: [\n---\n")
@example(record_type="assemblees", record_id="x", raw="---\nheure_debut: 14:30\n---\n")
@example(record_type="elus", record_id="x", raw=b"\xff\xfe\x00garbage")
@example(record_type="themes", record_id="x", raw="")
@example(record_type="themes", record_id="x", raw="---\ntitre: " + "x" * 1_000_000 + "\n---\n")
def test_parse_record_never_raises_and_locates_every_problem(record_type, record_id, raw):
    path = f"content/{record_type}/{record_id}.md"
    record, diagnostics = parse_record(schema.RECORD_TYPES[record_type], record_id, path, raw)
    assert record is not None or diagnostics, "une fiche refusée doit dire pourquoi"
    assert_well_formed(diagnostics, {path}, {path: line_count(raw)})


@st.composite
def corpus_files(draw) -> list[tuple[str, bytes | str]]:
    """A few records of every type, well-formed or not, whose references often point nowhere."""
    files: dict[str, bytes | str] = {}
    for _ in range(draw(st.integers(1, 8))):
        record_type = draw(RECORD_TYPE)
        record_id = draw(st.sampled_from(IDS[:4]) | st.from_regex(r"[a-z]{1,6}", fullmatch=True))
        files[f"{record_type}/{record_id}.md"] = draw(RAW)  # one file per path, as on a disk
    return list(files.items())


@SETTINGS
@given(files=corpus_files())
def test_load_never_raises_and_publishes_only_sound_records(files):
    sources = [SourceFile(uri, f"content/{uri}", (lambda raw=raw: raw.encode() if isinstance(raw, str) else raw))
               for uri, raw in files]
    corpus = load(sources, Settings(build_date=BUILD_DATE))
    paths = {f"content/{uri}" for uri, _ in files}
    lines = {f"content/{uri}": line_count(raw) for uri, raw in files}
    assert_well_formed(corpus.diagnostics, paths, lines)
    # The graph holds exactly the records that parse whole and are published on the build date.
    sound = set()
    for uri, raw in files:
        record_type, record_id = uri[:-3].split("/")
        record, _ = parse_record(schema.RECORD_TYPES[record_type], record_id, f"content/{uri}",
                                 raw.encode() if isinstance(raw, str) else raw, partial=True)
        if record is not None and record.complete and record.is_published(BUILD_DATE):
            sound.add(f"{record_type}/{record_id}")
    assert set(corpus.graph.by_key) == sound
    for key, node in corpus.graph.by_key.items():
        assert not node.record.brouillon and (node.record.publication or BUILD_DATE) <= BUILD_DATE, key


def test_dangling_references_are_reported_not_raised():
    files = {
        "reponses/r.md": "---\ntitre: R\ndate: 2025-05-01\ncontributions: [fantome]\nelu: personne\n"
                         "position: retenue\nsuites:\n  - recommandation: r1\n    position: retenue\n---\n",
        "contributions/c.md": "---\ntitre: C\ndate: 2025-04-01\nnature: avis\norigine: saisine\n"
                              "destinataires: [absent]\nthemes: [vide]\nassemblees: [nulle]\n---\n",
    }
    corpus = load([SourceFile(uri, f"content/{uri}", (lambda t=text: t.encode())) for uri, text in files.items()],
                  Settings(build_date=BUILD_DATE))
    assert_well_formed(corpus.diagnostics, {f"content/{uri}" for uri in files},
                       {f"content/{uri}": line_count(text) for uri, text in files.items()})
    # Each dangling reference once, where it stands; the suite's `r1` is not judged against a missing contribution.
    assert [(d.path, d.line, d.column, d.code, d.key) for d in corpus.diagnostics] == [
        ("content/contributions/c.md", 6, 17, "ref-inconnue", "destinataires"),
        ("content/contributions/c.md", 7, 10, "ref-inconnue", "themes"),
        ("content/contributions/c.md", 8, 14, "ref-inconnue", "assemblees"),
        ("content/reponses/r.md", 4, 17, "ref-inconnue", "contributions"),
        ("content/reponses/r.md", 5, 6, "ref-inconnue", "elu"),
    ]
