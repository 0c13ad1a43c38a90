"""Nothing leaks: drafts and embargoed records appear in no file of the built site, nor in any count.

Unpublished records carrying unique markers are planted in a copy of the demo; every file of the
built site (any extension, gzip and zip opened) is searched for the markers, and the site must be
byte-identical to the demo's: not a page, a link, a search entry, a sitemap line, a feed entry,
an export row, a calendar event or a figure may change because an unpublished record exists.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, mkdocs_build
from tests.site.headdata import site_head_data
from tests.site.pagefind_index import fragments, index_words
from tests.site.sitefiles import digests, file_text

pytestmark = pytest.mark.slow

MARKER = "zqxfuite"  # in every planted id, title, summary and body; found nowhere in the demo

PLANTED = {
    # A draft opinion to a real élu and theme: would change her figures and the theme's page.
    "contributions/2026-11-20-zqxfuite-brouillon-avis.md": """---
titre: "Avis zqxfuite-titre-brouillon"
date: 2026-11-20
nature: avis
origine: auto-saisine
brouillon: true
destinataires: [claire-morel]
themes: [mobilites]
resume: "Résumé zqxfuite-resume-brouillon"
recommandations:
  - id: r1
    texte: "Recommandation zqxfuite-reco-brouillon"
---

Corps zqxfuite-corps-brouillon.
""",
    # An embargoed alert, published in 2027.
    "contributions/2026-11-21-zqxfuite-embargo-alerte.md": """---
titre: "Alerte zqxfuite-titre-embargo"
date: 2026-11-21
nature: alerte
origine: auto-saisine
publication: 2027-03-01
destinataires: [nadia-benali]
themes: [logement]
resume: "Résumé zqxfuite-resume-embargo"
---

Corps zqxfuite-corps-embargo.
""",
    # Draft and embargoed answers to a published, overdue question: its status must stay "en retard".
    "reponses/2026-11-22-zqxfuite-brouillon-reponse.md": """---
titre: "Réponse zqxfuite-titre-reponse-brouillon"
date: 2026-11-22
brouillon: true
contributions: [2026-01-15-question-zone-faibles-emissions]
elu: claire-morel
position: retenue
engagements:
  - texte: "Engagement zqxfuite-engagement"
    etat: prevu
    echeance: 2027-01-15
---

Corps zqxfuite-corps-reponse-brouillon.
""",
    "reponses/2026-11-22-zqxfuite-embargo-reponse.md": """---
titre: "Réponse zqxfuite-titre-reponse-embargo"
date: 2026-11-22
publication: 2027-03-01
contributions: [2026-07-09-question-logement-etudiant]
elu: nadia-benali
position: non-retenue
---

Corps zqxfuite-corps-reponse-embargo.
""",
    # Upcoming meetings: would reach the agenda, the home page and a calendar file.
    "assemblees/2026-12-15-zqxfuite-brouillon-assemblee.md": """---
titre: "Assemblée zqxfuite-titre-assemblee-brouillon"
date: 2026-12-15
type: assemblee-ouverte
brouillon: true
heure_debut: "18:30"
lieu: "Salle zqxfuite-lieu"
participants: 999
themes: [culture]
---

Ordre du jour zqxfuite-corps-assemblee.
""",
    "assemblees/2026-11-01-zqxfuite-embargo-assemblee.md": """---
titre: "Atelier zqxfuite-titre-assemblee-embargo"
date: 2026-11-01
type: atelier
publication: 2027-03-01
participants: 777
---

Synthèse zqxfuite-corps-assemblee-embargo.
""",
    "elus/zqxfuite-brouillon-elu.md": """---
nom: "Élu zqxfuite-nom"
fonction: "Fonction zqxfuite-fonction"
brouillon: true
---

Présentation zqxfuite-corps-elu.
""",
    "instances/zqxfuite-brouillon-instance.md": """---
nom: "Instance zqxfuite-nom-instance"
description: "Description zqxfuite-description-instance"
brouillon: true
---

Corps zqxfuite-corps-instance.
""",
    "themes/zqxfuite-brouillon-theme.md": """---
titre: "Thème zqxfuite-titre-theme"
description: "Description zqxfuite-description"
brouillon: true
---

Corps zqxfuite-corps-theme.
""",
    # Version 2: a draft organe, an embargoed dossier, a draft archive opinion addressed to both an organe and
    # the dossier, an embargoed prise d'acte and a draft intervention on published contributions.
    "organes/zqxfuite-brouillon-organe.md": """---
nom: "Organe zqxfuite-nom-organe"
type: commission
brouillon: true
---
""",
    "dossiers/zqxfuite-embargo-dossier.md": """---
titre: "Dossier zqxfuite-titre-dossier"
type: plui
publication: 2027-03-01
etapes:
  - date: 2026-06
    libelle: "Étape zqxfuite-etape"
---
""",
    "contributions/2015-zqxfuite-brouillon-archive.md": """---
titre: "Avis zqxfuite-titre-archive"
date: 2015
nature: avis
origine: inconnue
brouillon: true
destinataires: [zqxfuite-brouillon-organe, conseil-metropolitain]
dossiers: [zqxfuite-embargo-dossier, programme-local-habitat]
recommandations:
  - id: r1
    chapitre: "Chapitre zqxfuite-chapitre"
    texte: "Recommandation zqxfuite-reco-archive"
---
""",
    "reponses/2026-11-22-zqxfuite-embargo-prise-d-acte.md": """---
titre: "Prise d'acte zqxfuite-titre-prise-d-acte"
date: 2026-11-22
publication: 2027-03-01
contributions: [2026-05-13-avis-preliminaire-programme-local-habitat]
organe: conseil-metropolitain
forme: prise-d-acte
vote: majorite
seance: 2026-10-15-seance-conseil-metropolitain
deliberation:
  numero: "zqxfuite-numero"
position: information
---
""",
    "reponses/2026-11-22-zqxfuite-brouillon-intervention.md": """---
titre: "Intervention zqxfuite-titre-intervention"
date: 2026-11-22
brouillon: true
portee: intervention
contributions: [2026-09-10-avis-programme-local-habitat]
elu: marc-delorme
---

Corps zqxfuite-corps-intervention.
""",
}


def plant(tmp: Path, date_reference: str | None = None) -> tuple[Path, dict[str, str]]:
    """A copy of the demo with the planted records; returns its config and the extra environment."""
    project = tmp / "projet"
    shutil.copytree(REPO / "content", project / "content")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    for relative, text in PLANTED.items():
        (project / "content" / relative).write_text(text, encoding="utf-8")
    env = {"CONSEIL_DATE_REFERENCE": date_reference} if date_reference else {}
    return project / "mkdocs.yml", env


def files_with_marker(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*")
                  if p.is_file() and MARKER in file_text(p).lower())


@pytest.fixture(scope="module")
def planted_site(tmp_path_factory) -> Path:
    config, env = plant(tmp_path_factory.mktemp("fuite"))
    site = config.parent / "site"
    result = mkdocs_build(config, site, **env)
    assert result.returncode == 0, result.stderr
    return site


def test_markers_are_absent_from_the_demo(demo_site):
    """A guard: the marker is unique to the planted records."""
    assert not files_with_marker(demo_site)
    assert not any(MARKER in p.read_text(encoding="utf-8") for p in (REPO / "content").rglob("*.md"))


def test_no_file_of_the_site_names_an_unpublished_record(planted_site):
    leaks = files_with_marker(planted_site)
    assert not leaks, f"{len(leaks)} fichiers citent une fiche non publiée :\n" + "\n".join(leaks)


def test_no_meta_tag_or_event_data_names_an_unpublished_record(planted_site):
    """Sharing tags and JSON-LD, read as another site reads them (entities decoded, JSON parsed)."""
    heads = site_head_data(planted_site)
    assert sum(len(meta) for meta, _ in heads.values()) > 1000 and sum(len(b) for _, b in heads.values()) >= 15
    leaks = [path for path, (meta, blocks) in heads.items()
             if MARKER in (" ".join(value for _, value in meta) + json.dumps([json.loads(b) for b in blocks])).lower()]
    assert not leaks, "métadonnées citant une fiche non publiée :\n" + "\n".join(leaks)


def test_unpublished_records_change_no_byte_of_the_site(planted_site, demo_site):
    """No count, no status, no list moves: the site is the demo's, byte for byte."""
    planted, demo = digests(planted_site), digests(demo_site)
    assert sorted(planted) == sorted(demo)
    changed = [name for name in demo if planted[name] != demo[name]]
    assert not changed, "fichiers modifiés par des fiches non publiées :\n" + "\n".join(changed)


def test_embargoed_records_appear_once_the_embargo_ends(tmp_path):
    """The search above can find markers: lift the embargo and they are in pages, search and sitemap."""
    config, env = plant(tmp_path, date_reference="2027-03-01")
    site = config.parent / "site"
    result = mkdocs_build(config, site, **env)
    assert result.returncode == 0, result.stderr
    found = files_with_marker(site)
    assert "contributions/2026-11-21-zqxfuite-embargo-alerte/index.html" in found
    assert "sitemap.xml.gz" in found
    assert any(name.startswith("pagefind/fragment/") for name in found)  # the record's page in the index
    assert any(name.startswith("pagefind/index/") for name in found)  # its words
    # Once published, the embargoed assembly is shared and is an event like the others: the checks above can see it.
    meta, blocks = site_head_data(site)["assemblees/2026-11-01-zqxfuite-embargo-assemblee/index.html"]
    assert MARKER in dict(meta)["og:title"].lower() and MARKER in json.loads(blocks[0])["name"].lower()
    assert not any("brouillon" in name for name in found)  # drafts stay out, whatever the date
    text = "\n".join(file_text(site / name) for name in found)
    assert "zqxfuite-corps-brouillon" not in text and "zqxfuite-titre-assemblee-brouillon" not in text


def test_demo_drafts_and_embargoes_are_nowhere(demo_site):
    """The demo's own unpublished records (found by the core, not by hand) leave no trace either."""
    from conseil.core import Settings, files_in, load

    from tests.conftest import REFERENCE_DATE

    corpus = load(files_in(REPO / "content", REPO), Settings(build_date=REFERENCE_DATE))
    hidden = [record for record in corpus.index.all() if not record.is_published(REFERENCE_DATE)]
    assert len(hidden) >= 3  # the demo has two drafts and an embargo
    texts = {p.relative_to(demo_site).as_posix(): file_text(p) for p in demo_site.rglob("*") if p.is_file()}
    leaks = [f"{record.type}/{record.id} dans {name}" for record in hidden
             for name, text in texts.items() if record.id in text]
    assert not leaks, "\n".join(leaks)


def test_marker_search_opens_archives(tmp_path):
    """Exports may be compressed: the search sees inside gzip and zip files."""
    import gzip
    import zipfile

    (tmp_path / "flux.xml.gz").write_bytes(gzip.compress(f"<title>{MARKER}</title>".encode()))
    with zipfile.ZipFile(tmp_path / "export.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("contributions.csv", f"id\n{MARKER}-1\n")
    (tmp_path / "propre.ics").write_text("BEGIN:VCALENDAR\nEND:VCALENDAR\n", encoding="utf-8")
    assert files_with_marker(tmp_path) == ["export.zip", "flux.xml.gz"]


def test_search_index_holds_no_unpublished_record(planted_site):
    """The Pagefind index read as data: no page, no text, no word of a planted record."""
    indexed = fragments(planted_site)
    assert len(indexed) > 50 and all(fragment["content"] for fragment in indexed)  # there is an index to read
    leaks = [fragment["url"] for fragment in indexed
             if MARKER in (fragment["url"] + fragment["content"] + json.dumps(fragment["meta"])).lower()]
    assert not leaks, "pages de l'index citant une fiche non publiée :\n" + "\n".join(leaks)
    assert not [word for word in index_words(planted_site) if MARKER in word]


def test_search_index_reader_sees_a_published_record(tmp_path):
    """Guard of the check above: once the embargo ends, the record's page and words are in the index."""
    config, env = plant(tmp_path, date_reference="2027-03-01")
    site = config.parent / "site"
    assert mkdocs_build(config, site, **env).returncode == 0
    urls = {fragment["url"] for fragment in fragments(site)}
    assert "/contributions/2026-11-21-zqxfuite-embargo-alerte/" in urls
    assert any(MARKER in word for word in index_words(site))
    assert not any("brouillon" in url for url in urls)
