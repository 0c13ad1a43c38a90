"""The template filters that replace Jinja macros write what autoescaped markup would have written."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings, strategies as st
from markupsafe import Markup, escape

from conseil.plugin.filters import badge, escaped, time_tag


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_filters_escape_exactly_as_markupsafe(text):
    assert escaped(text) == str(escape(text))


def test_markup_is_not_escaped_twice():
    assert escaped(Markup("<b>déjà sûr</b>")) == "<b>déjà sûr</b>"


def test_a_badge_escapes_what_it_is_given():
    assert badge("repondue", "statut") == Markup(
        '<span class="cdd-badge cdd-statut cdd-statut--repondue">Répondue</span>')
    assert badge('x" onclick="alert(1)', "statut") == Markup(
        '<span class="cdd-badge cdd-statut cdd-statut--x&#34; onclick=&#34;alert(1)">'
        'x&#34; onclick=&#34;alert(1)</span>')


def test_a_date_is_one_time_element():
    assert time_tag(date(2025, 3, 1)) == Markup('<time datetime="2025-03-01">1er mars 2025</time>')
    assert time_tag(date(2025, 3, 12), longue=True) == Markup(
        '<time datetime="2025-03-12">mercredi 12 mars 2025</time>')
