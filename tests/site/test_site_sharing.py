"""Every page says what a shared link shows (Open Graph, Twitter card), and each assembly is a schema.org Event.

Read from the built demo (values unescaped by the HTML parser, as a sharing service reads them); the
event data is validated against a JSON Schema of the fields the site writes.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
from pathlib import Path

import jsonschema
import pytest

from conseil.core.model import schema
from tests.conftest import REPO, mkdocs_build
from tests.site.headdata import head_data, site_head_data

# mkdocs.yml's site_url: the SITE_URL variable (as in CI), else its default.
SITE_URL = os.environ.get("SITE_URL", "https://conseil-developpement.example.org/").rstrip("/") + "/"
SITE_NAME = "Conseil de développement de Val-d'Arvel"
REQUIRED = ("og:title", "og:description", "og:url", "og:type", "og:locale", "og:site_name", "og:image",
            "og:image:alt", "twitter:card", "twitter:title", "twitter:description", "twitter:image")

_OFFSET = r"(\+01:00|\+02:00)"
_MOMENT = rf"^\d{{4}}-\d{{2}}-\d{{2}}(T\d{{2}}:\d{{2}}:\d{{2}}{_OFFSET})?$"
EVENT_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["@context", "@type", "name", "startDate", "eventStatus", "eventAttendanceMode", "organizer"],
    "additionalProperties": False,
    "properties": {
        "@context": {"const": "https://schema.org"},
        "@type": {"const": "Event"},
        "name": {"type": "string", "minLength": 1},
        "description": {"type": "string", "minLength": 1},
        "startDate": {"type": "string", "pattern": _MOMENT},
        "endDate": {"type": "string", "pattern": _MOMENT},
        "eventStatus": {"enum": ["https://schema.org/EventScheduled", "https://schema.org/EventCancelled",
                                 "https://schema.org/EventPostponed", "https://schema.org/EventRescheduled"]},
        "eventAttendanceMode": {"enum": ["https://schema.org/OfflineEventAttendanceMode",
                                         "https://schema.org/OnlineEventAttendanceMode",
                                         "https://schema.org/MixedEventAttendanceMode"]},
        "inLanguage": {"const": "fr-FR"},
        "url": {"type": "string", "pattern": "^https://"},
        "location": {
            "type": "object", "required": ["@type", "name", "address"], "additionalProperties": False,
            "properties": {
                "@type": {"const": "Place"},
                "name": {"type": "string", "minLength": 1},
                "address": {
                    "type": "object", "required": ["@type", "addressCountry"], "additionalProperties": False,
                    "properties": {"@type": {"const": "PostalAddress"}, "addressCountry": {"const": "FR"},
                                   "addressLocality": {"type": "string", "minLength": 1},
                                   "streetAddress": {"type": "string", "minLength": 1}},
                },
            },
        },
        "organizer": {
            "type": "object", "required": ["@type", "name"], "additionalProperties": False,
            "properties": {"@type": {"const": "Organization"}, "name": {"type": "string", "minLength": 1},
                           "url": {"type": "string", "pattern": "^https://"}},
        },
    },
}

RECORD_PAGE = re.compile(rf"({'|'.join(schema.RECORD_TYPES)})/[^/]+/index\.html$")  # a record's own page


@pytest.fixture(scope="module")
def heads(demo_site: Path):
    return site_head_data(demo_site)


def page_address(path: str) -> str:
    return SITE_URL + (path[: -len("index.html")] if path.endswith("index.html") else path)


def test_every_page_has_each_sharing_tag_once(heads):
    assert len(heads) > 90
    problems = []
    for path, (meta, _) in heads.items():
        names = [name for name, _ in meta]
        missing = [name for name in REQUIRED if names.count(name) != 1]
        empty = [name for name, value in meta if not value.strip()]
        if missing or empty:
            problems.append(f"{path}: absentes ou en double {missing}, vides {empty}")
    assert not problems, "\n".join(problems)


def test_addresses_are_absolute_and_values_are_the_site_s(heads):
    for path, (meta, _) in heads.items():
        tags = dict(meta)
        assert tags["og:url"] == page_address(path), path
        assert tags["og:locale"] == "fr_FR" and tags["og:site_name"] == SITE_NAME
        assert tags["og:image"] == tags["twitter:image"] == SITE_URL + "assets/conseil/partage.png"
        assert tags["twitter:card"] == "summary_large_image"
        assert tags["twitter:title"] == tags["og:title"] and tags["twitter:description"] == tags["og:description"]
        expected_type = "article" if RECORD_PAGE.match(path) else "website"
        assert tags["og:type"] == expected_type, path


def test_records_are_described_by_their_summary_or_a_french_sentence(heads):
    contribution = dict(heads["contributions/2025-03-27-avis-plan-de-mobilite/index.html"][0])
    assert contribution["og:title"] == "Avis sur le projet de plan de mobilité 2025-2035"
    assert contribution["og:description"].startswith("Le conseil soutient l'ambition du plan de mobilité")
    reponse = dict(heads["reponses/2025-06-30-reponse-plan-de-mobilite/index.html"][0])
    assert reponse["og:description"] == ("Réponse de Claire Morel à l'avis « Avis sur le projet de plan de mobilité "
                                         "2025-2035 », le 30 juin 2025. Position : partiellement retenue.")
    assemblee = dict(heads["assemblees/2025-03-12-atelier-mobilites-du-quotidien/index.html"][0])
    assert assemblee["og:description"].startswith("Atelier du mercredi 12 mars 2025, de 18 h à 20 h 30, ")
    home = dict(heads["index.html"][0])
    assert home["og:title"] == SITE_NAME
    # Generated section and report pages describe themselves, not the whole site.
    assert dict(heads["suivi/index.html"][0])["og:description"].startswith("Le suivi des réponses des élus")
    assert "(Année 2025)" in dict(heads["rapport/2025/index.html"][0])["og:description"]


def test_the_default_image_is_shipped_as_a_png_of_the_declared_size(demo_site, heads):
    png = (demo_site / "assets/conseil/partage.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    tags = dict(heads["index.html"][0])
    assert (str(width), str(height)) == (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")


def _assembly_pages(heads) -> list[str]:
    return [path for path in heads if re.match(r"assemblees/[^/]+/index\.html$", path)]


def test_each_assembly_page_has_one_valid_event_and_no_other_page_has_any(heads):
    assemblies = _assembly_pages(heads)
    assert len(assemblies) >= 15
    concertations = [path for path in heads if re.match(r"concertations/[^/]+/index\.html$", path)]
    for path, (_, blocks) in heads.items():
        if path in concertations and blocks:  # version 3: its dispositifs dated to the day
            assert len(blocks) == 1, path
            data = json.loads(blocks[0])
            assert data["@context"] == "https://schema.org" and data["@graph"], path
            for dispositif in data["@graph"]:
                jsonschema.validate({"@context": data["@context"], **dispositif}, EVENT_SCHEMA)
                assert dispositif["url"].startswith(page_address(path) + "#dispositif-")
            continue
        if path not in assemblies:
            assert not blocks, path
            continue
        assert len(blocks) == 1, path
        data = json.loads(blocks[0])
        jsonschema.validate(data, EVENT_SCHEMA)
        # The demo's assemblies all give their hours or last day, and their place: the event says them all.
        assert {"endDate", "location", "url"} <= set(data), path
        assert data["url"] == page_address(path) and data["startDate"] < data["endDate"]
        assert data["location"]["name"]
    assert sum(1 for path in concertations if heads[path][1]) == 6  # 7 concertations, the archive's months only
    # The national meeting away from the territory: three days, no hours, a venue without a commune of ours.
    meeting = json.loads(heads["assemblees/2025-10-08-rencontres-nationales-conseils-developpement/index.html"][1][0])
    assert (meeting["startDate"], meeting["endDate"]) == ("2025-10-08", "2025-10-10")
    assert meeting["location"] == {"@type": "Place", "name": "Palais des congrès de Tours",
                                   "address": {"@type": "PostalAddress", "addressCountry": "FR"}}


def test_event_times_carry_the_paris_offset_of_their_season(heads):
    winter = json.loads(heads["assemblees/2025-03-12-atelier-mobilites-du-quotidien/index.html"][1][0])
    summer = json.loads(heads["assemblees/2025-06-17-atelier-logement-abordable/index.html"][1][0])
    assert winter["startDate"].endswith("+01:00") and summer["startDate"].endswith("+02:00")
    assert winter["startDate"] == "2025-03-12T18:00:00+01:00" and winter["endDate"] == "2025-03-12T20:30:00+01:00"


def test_the_event_schema_rejects_what_it_must():
    """A guard: the schema is strict enough to fail on a missing offset or an unknown status."""
    good = {"@context": "https://schema.org", "@type": "Event", "name": "A", "startDate": "2025-03-12T18:00:00+01:00",
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "organizer": {"@type": "Organization", "name": "CDD"}}
    jsonschema.validate(good, EVENT_SCHEMA)
    for bad in ({**good, "startDate": "2025-03-12T18:00:00"}, {**good, "eventStatus": "Scheduled"},
                {k: v for k, v in good.items() if k != "organizer"}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, EVENT_SCHEMA)


HOSTILE = '</script><script>alert("x")</script> « Ça & <b>là</b> » \'quote\''


@pytest.mark.slow
def test_hostile_values_are_escaped_in_meta_tags_and_event_data(tmp_path):
    """A title and a place holding markup stay text: parsed back, they are what the writer typed."""
    project = tmp_path / "projet"
    shutil.copytree(REPO / "content", project / "content")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    record = project / "content/assemblees/2025-03-12-atelier-mobilites-du-quotidien.md"
    text = record.read_text(encoding="utf-8")
    text = re.sub(r"^titre: .*$", "titre: " + json.dumps(HOSTILE, ensure_ascii=False), text, count=1, flags=re.M)
    text = re.sub(r"^lieu: .*$", "lieu: " + json.dumps(HOSTILE, ensure_ascii=False), text, count=1, flags=re.M)
    record.write_text(text, encoding="utf-8")
    site = project / "site"
    result = mkdocs_build(project / "mkdocs.yml", site, strict=False)
    assert result.returncode == 0, result.stderr
    html = (site / "assemblees/2025-03-12-atelier-mobilites-du-quotidien/index.html").read_text(encoding="utf-8")
    meta, blocks = head_data(html)
    assert dict(meta)["og:title"] == HOSTILE and dict(meta)["twitter:title"] == HOSTILE
    assert html.count("<script>alert") == 0
    data = json.loads(blocks[0])
    assert data["name"] == HOSTILE and data["location"]["name"] == HOSTILE
