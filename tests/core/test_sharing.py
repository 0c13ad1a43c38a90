"""Sharing metadata, event data and the default image, from the core."""

from __future__ import annotations

import json
import struct
import zlib
from datetime import date

from conseil.core.outputs.share_image import HEIGHT, WIDTH, share_image
from conseil.core.outputs.sharing import Sharing, describe, sharing_tags
from conseil.core.outputs.structured_data import _moment, event, script_json
from tests.core.helpers import ASSEMBLEE, CONTRIBUTION, ELU, REPONSE, THEME, corpus


def test_script_json_cannot_close_the_script_element():
    data = {"name": "</script><script>alert(1)</script> <!-- & \u2028"}
    text = script_json(data)
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == data


def test_times_carry_the_paris_offset_of_their_day():
    assert _moment(date(2025, 1, 23), "18:30") == "2025-01-23T18:30:00+01:00"
    assert _moment(date(2025, 6, 17), "18:30") == "2025-06-17T18:30:00+02:00"
    assert _moment(date(2025, 6, 17), None) == "2025-06-17"  # no hour known: no hour invented


def test_tags_without_site_url_leave_out_absolute_addresses():
    tags = sharing_tags(Sharing("T", "D", "x/"), site_name="S", site_url="", image_text="S")
    names = [name for _, name, _ in tags]
    assert "og:url" not in names and "og:image" not in names
    assert ("name", "twitter:card", "summary") in tags


def test_tags_with_site_url_are_absolute():
    tags = dict((name, value) for _, name, value in
                sharing_tags(Sharing("T", "D", "x/"), site_name="S", site_url="https://a.example/", image_text="S"))
    assert tags["og:url"] == "https://a.example/x/"
    assert tags["og:image"] == "https://a.example/assets/conseil/partage.png"
    assert tags["og:locale"] == "fr_FR" and tags["twitter:card"] == "summary_large_image"


def _graph(contribution_extra: str = "", reponse: str = REPONSE):
    result = corpus({
        "themes/mobilites": THEME, "elus/claire-morel": ELU,
        "assemblees/2025-03-12-assemblee": ASSEMBLEE + 'heure_debut: "18:30"\nheure_fin: "21:00"\nlieu: Salle Rameau\n'
                                           "commune: Lanceval\n",
        "contributions/2025-04-02-mobilites": CONTRIBUTION.replace("nature: avis", "nature: alerte") + contribution_extra,
        "reponses/2025-05-02-reponse": reponse,
    })
    assert not result.diagnostics, result.diagnostics
    return result.graph


def test_a_record_without_summary_is_described_in_correct_french():
    graph = _graph()
    contribution = graph.by_key["contributions/2025-04-02-mobilites"]
    assert describe(contribution).startswith("Alerte du conseil de développement remise aux élus le 2 avril 2025.")
    reponse = graph.by_key["reponses/2025-05-02-reponse"]
    assert describe(reponse) == ("Réponse de Claire Morel à l'alerte « Mobilités du quotidien », le 2 mai 2025. "
                                 "Position : retenue.")
    assemblee = graph.by_key["assemblees/2025-03-12-assemblee"]
    assert describe(assemblee) == "Assemblée ouverte du mercredi 12 mars 2025, de 18 h 30 à 21 h, Salle Rameau, Lanceval."


def test_the_summary_is_the_description_when_there_is_one():
    graph = _graph("resume: Le conseil   demande\n  une desserte du soir.\n")
    assert describe(graph.by_key["contributions/2025-04-02-mobilites"]) == "Le conseil demande une desserte du soir."


def test_an_assembly_is_a_schema_org_event():
    data = event(_graph().by_key["assemblees/2025-03-12-assemblee"], organizer="CDD", site_url="https://a.example/")
    assert data["startDate"] == "2025-03-12T18:30:00+01:00" and data["endDate"] == "2025-03-12T21:00:00+01:00"
    assert data["location"] == {"@type": "Place", "name": "Salle Rameau",
                                "address": {"@type": "PostalAddress", "addressCountry": "FR", "addressLocality": "Lanceval"}}
    assert data["url"] == "https://a.example/assemblees/2025-03-12-assemblee/"


def _png_chunks(png: bytes) -> dict[bytes, bytes]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, offset = {}, 8
    while offset < len(png):
        length, kind = struct.unpack(">I4s", png[offset:offset + 8])
        data = png[offset + 8:offset + 8 + length]
        assert struct.unpack(">I", png[offset + 8 + length:offset + 12 + length])[0] == zlib.crc32(kind + data)
        chunks[kind] = chunks.get(kind, b"") + data
        offset += 12 + length
    return chunks


def test_the_share_image_is_a_valid_png_with_the_name_drawn():
    png = share_image("Conseil de développement de Val-d'Arvel")
    chunks = _png_chunks(png)
    assert struct.unpack(">II", chunks[b"IHDR"][:8]) == (WIDTH, HEIGHT)
    raw = zlib.decompress(chunks[b"IDAT"])
    assert len(raw) == HEIGHT * (WIDTH + 1)
    ink = raw.count(b"\x01")
    assert 20_000 < ink < WIDTH * HEIGHT // 3  # letters are drawn, the background dominates
    assert share_image("Conseil de développement de Val-d'Arvel") == png  # reproducible
    assert share_image("Autre conseil") != png
    assert len(png) < 50_000


def _assembly(date_lines: str):
    result = corpus({"assemblees/2019-03-rencontre": ASSEMBLEE.replace("date: 2025-03-12\n", date_lines)})
    assert not result.diagnostics, result.diagnostics
    return result.graph.by_key["assemblees/2019-03-rencontre"]


def test_a_meeting_over_several_days_ends_on_its_last_day():
    data = event(_assembly("date: 2025-10-08\ndate_fin: 2025-10-10\n"), organizer="CDD", site_url="")
    assert (data["startDate"], data["endDate"]) == ("2025-10-08", "2025-10-10")


def test_a_meeting_known_by_its_month_is_no_event_and_is_described_as_known():
    assemblee = _assembly('date: "2019-03"\n')
    assert event(assemblee, organizer="CDD", site_url="") is None  # an event needs a day nobody knows
    assert describe(assemblee) == "Assemblée ouverte de mars 2019."


def test_an_intervention_is_described_without_a_position():
    reponse = REPONSE.replace("position: retenue\n", "portee: intervention\n")
    described = describe(_graph(reponse=reponse).by_key["reponses/2025-05-02-reponse"])
    assert described == "Intervention de Claire Morel à l'alerte « Mobilités du quotidien », le 2 mai 2025."
