"""Whatever membres.csv holds, reading it answers with located French diagnostics, never a crash."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conseil.core.model.diagnostics import CODES
from conseil.core.reading.membres import COLUMN_NAMES, Options, read_membres

CELLS = ["", "F", "M", "f", "X", "15-29", "75+", "30-45", "membre", "presidente", "tresorier", "oui", "non", "yes",
         "2024-01-15", "2024-02-30", "15/01/2024", "2024-1-5", "bureau", "bureau;groupe", "burau", "Lanceval",
         "Anne Martin", "Claire Morel", '"quoted, cell"', '"unclosed', "a\"b", ";", ",", "\t", "é" * 3, "x" * 5000]
HEADERS = [*COLUMN_NAMES, "comune", "Tranche d'âge", "", "nom"]


@st.composite
def member_lists(draw) -> bytes:
    separator = draw(st.sampled_from([",", ";", "\t"]))
    header = draw(st.lists(st.sampled_from(HEADERS), min_size=0, max_size=12))
    rows = draw(st.lists(st.lists(st.sampled_from(CELLS), max_size=12), max_size=6))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text = newline.join(separator.join(cells) for cells in [header, *rows])
    raw = text.encode(draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"])), errors="replace")
    return raw + draw(st.binary(max_size=8))


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(member_lists())
def test_any_list_gives_located_french_diagnostics(raw):
    lecture = read_membres(raw, "membres.csv", Options(colleges=("Associations",), communes=("Lanceval",),
                                                      instances={"bureau": "b.md", "groupe": "g.md"},
                                                      elus={"Claire Morel": "c.md"}))
    lines = max(len(lecture.lines), 1)
    for diagnostic in lecture.diagnostics:
        assert diagnostic.code in CODES
        assert 1 <= diagnostic.line <= lines + 1 and diagnostic.column >= 1
        assert diagnostic.help
    if any(d.code == "fichier-illisible" for d in lecture.diagnostics):
        assert lecture.membres == []
