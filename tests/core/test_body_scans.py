"""The body scans (personal data, dangerous HTML) find what they must, at the right place, fast paths or not."""

from __future__ import annotations

import re
import time
from datetime import date

import pytest

from conseil.core import Settings
from conseil.core.model import schema
from conseil.core.reading.parse import parse_record
from conseil.core.reading.rules import Index, check_html, check_personal_data

HEADER = "---\ntitre: Sujet\ndate: 2026-01-05\nnature: avis\norigine: saisine\ndestinataires: [claire-morel]\n---\n\n"
SETTINGS = Settings(build_date=date(2026, 11, 23))


def scan(rule, body: str) -> list[tuple[int, int, int, str]]:
    record, problems = parse_record(schema.RECORD_TYPES["contributions"], "sujet", "contributions/sujet.md",
                                    HEADER + body)
    assert record is not None, problems
    return [(d.line, d.column, d.length, d.label) for d in rule(record, Index(), SETTINGS)]


@pytest.mark.parametrize("number", ["06 12 34 56 78", "06.12.34.56.78", "06-12-34-56-78", "0612345678",
                                    "+33 6 12 34 56 78", "+33612345678"])
def test_a_phone_number_is_found_where_it_stands(number):
    body = "Premier paragraphe.\n\nSecond paragraphe.\nAppelez le " + number + " avant lundi.\n"
    assert scan(check_personal_data, body) == [(12, 12, len(number), "un numéro de téléphone")]


@pytest.mark.parametrize("text", ["la référence 2026-11-23-06 12 34 56 78", "code x0612345678", "/0612345678",
                                  "le 0612345678a", "en 2016 12 34 56 78", "page 10", "le 1er janvier 2026"])
def test_numbers_that_are_not_phone_numbers_are_left_alone(text):
    assert scan(check_personal_data, text + "\n") == []


def test_every_email_and_phone_is_reported_in_reading_order():
    body = "Écrire à jean.dupont@example.org ou au 01 23 45 67 89.\nOu à marie@example.fr.\n"
    assert scan(check_personal_data, body) == [
        (9, 10, 23, "une adresse électronique"), (9, 40, 14, "un numéro de téléphone"),
        (10, 6, 16, "une adresse électronique")]


@pytest.mark.parametrize("body, column", [("Voir <script>alert(1)</script>.", 6),
                                          ("[lien](JavaScript:alert(1))", 8),
                                          ('Un <img src="x" onerror="alert(1)">', 16)])
def test_dangerous_html_is_found(body, column):
    assert [(line, col) for line, col, _, _ in scan(check_html, "Texte.\n\n" + body + "\n")] == [(11, column)]


def fastest(rule, record, runs: int = 15) -> float:
    """The best of several timings: other work on the machine only ever adds time."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        list(rule(record, Index(), SETTINGS))
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("unit", ["y", "a.", "a-"])
def test_personal_data_scan_stays_linear_on_a_long_line(unit):
    """The e-mail pattern once tried every start inside a run of address characters: 5 minutes for a line of
    300,000. Ten times the line must cost about ten times as much (a quadratic scan: a hundred times and more)."""
    records = []
    for length in (2_000, 20_000):
        record, problems = parse_record(schema.RECORD_TYPES["contributions"], "sujet", "contributions/sujet.md",
                                        HEADER + unit * (length // len(unit)) + "@\n")  # an @: scanned
        assert record is not None, problems
        records.append(record)
    short, long = (fastest(check_personal_data, record) for record in records)
    assert long / short < 30, f"{long / short:.0f} fois plus long pour une ligne dix fois plus longue"


def test_plain_markdown_has_no_dangerous_html():
    assert scan(check_html, "## Titre\n\nDu *texte*, une [adresse](https://example.org/?a=1) et un tableau.\n") == []


# -- the fast paths agree with the plain patterns they replace -----------------------------------

from hypothesis import given, settings, strategies as st  # noqa: E402

from conseil.core.reading import rules  # noqa: E402

# The single pattern the two literal-led ones replace (slower: a character class leads it).
REFERENCE_PHONE = re.compile(r"[+0](?<![\w/.-][+0])(?:(?<=\+)33[ .]?[1-9]|(?<=0)[1-9])(?:[ .-]?\d{2}){4}(?![\w-])")
REFERENCE_JAVASCRIPT = re.compile(r"javascript\s*:", re.IGNORECASE)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789 .-+3a/_\n", max_size=60))
def test_phone_scan_finds_what_the_single_pattern_finds(text):
    assert [(m.start(), m.group()) for m in rules._phone_numbers(text)] == \
        [(m.start(), m.group()) for m in REFERENCE_PHONE.finditer(text)]


NOISE = st.lists(st.sampled_from(["javascript", "JavaScript", "JAVA", "script", ":", " ", "\t", "\n", "x", "é",
                                  " " * 35, "https://example.org"]), max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(before=NOISE, scheme=st.sampled_from(["javascript", "JavaScript", "JAVASCRIPT", "jAvAsCrIpT"]),
       space=st.text(alphabet=" \t\n\r\f\v", max_size=40), after=NOISE)
def test_javascript_prefilter_never_misses_a_scheme(before, scheme, space, after):
    """Every text that holds a scheme, however far its colon stands after the word, passes the prefilter."""
    text = before + scheme + space + ":" + after
    assert REFERENCE_JAVASCRIPT.search(text)
    assert rules._may_hold_javascript_scheme(text)


@settings(max_examples=400, deadline=None)
@given(NOISE)
def test_javascript_prefilter_agrees_with_the_pattern_on_any_text(text):
    """Never a miss; the prefilter may let a text through that the pattern then clears."""
    assert rules._may_hold_javascript_scheme(text) or not REFERENCE_JAVASCRIPT.search(text)


def test_javascript_prefilter_skips_ordinary_colons():
    assert not rules._may_hold_javascript_scheme("Ordre du jour de la séance : budget, puis https://example.org")
