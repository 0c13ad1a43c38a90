"""One page of every type of the public site, and of every variant with markup of its own: the list the
browser checks walk (axe-core at two widths, third-party requests, the skip link).

Add a line here when the site gains a page type or a variant (an empty list, a second kind of table…);
those checks follow. The Nu checker reads every built page, listed here or not.
"""

PAGES: list[tuple[str, str]] = [
    ("accueil", ""),
    ("index-assemblees", "assemblees/"),
    ("index-contributions", "contributions/"),
    ("index-reponses", "reponses/"),
    ("index-elus", "elus/"),
    ("index-themes", "themes/"),
    ("suivi", "suivi/"),
    ("index-rapports", "rapport/"),
    ("rapport-annuel", "rapport/2025/"),
    ("rapport-annuel-compare", "rapport/2026/"),  # with the comparison to the year before
    ("rapport-periode", "rapport/mandature-2020-2026/"),  # several years: a period of `rapports:`
    ("donnees", "donnees/"),
    ("assemblee", "assemblees/2025-03-12-atelier-mobilites-du-quotidien/"),
    ("assemblee-a-venir", "assemblees/2026-12-10-assemblee-ouverte-rapport-activite-2026/"),
    ("contribution", "contributions/2025-03-27-avis-plan-de-mobilite/"),
    ("contribution-en-retard", "contributions/2026-01-15-question-zone-faibles-emissions/"),
    ("contribution-sans-reponse-attendue", "contributions/2025-07-17-contribution-debat-public-ligne-ferroviaire/"),
    ("reponse", "reponses/2025-06-30-reponse-plan-de-mobilite/"),
    ("reponse-a-plusieurs-contributions", "reponses/2026-06-25-reponse-eau-secheresse-tarification/"),
    ("elu", "elus/claire-morel/"),
    ("elu-sans-contribution", "elus/laurent-perrin/"),  # its lists are empty
    ("theme", "themes/mobilites/"),
    ("composition", "composition/"),
    ("index-instances", "instances/"),
    ("instance", "instances/bureau/"),
    ("a-propos", "a-propos/"),
    ("accessibilite", "accessibilite/"),
    ("mentions-legales", "mentions-legales/"),
    ("donnees-personnelles", "donnees-personnelles/"),
    ("erreur-404", "404.html"),
    # Version 2 of the model
    ("index-organes", "organes/"),
    ("organe", "organes/conseil-metropolitain/"),
    ("index-dossiers", "dossiers/"),
    ("dossier", "dossiers/programme-local-habitat/"),
    ("contribution-archive", "contributions/2016-avis-premier-plan-de-deplacements-urbains/"),
    ("contribution-chapitres", "contributions/2026-05-13-avis-preliminaire-programme-local-habitat/"),
    ("contribution-interventions", "contributions/2026-03-19-contribution-rapport-activite-2025/"),
    ("reponse-organe", "reponses/2026-10-15-prise-d-acte-rapport-activite-2025/"),
    ("intervention", "reponses/2026-10-15-intervention-groupe-arvel-en-commun/"),
    ("seance-collectivite", "assemblees/2026-10-15-seance-conseil-metropolitain/"),
    ("assemblee-plusieurs-jours", "assemblees/2025-10-08-rencontres-nationales-conseils-developpement/"),
    ("rapport-archive", "rapport/2016/"),
    # Version 3 of the model: concertations, their bilans, the methods toolbox
    ("index-concertations", "concertations/"),
    ("concertation-bilan-publie", "concertations/2021-03-15-concertation-revision-plui/"),
    ("concertation-garant", "concertations/2025-03-03-concertation-prealable-plan-climat/"),
    ("concertation-reponse-en-retard", "concertations/2026-05-04-concertation-prealable-transport-par-cable/"),
    ("concertation-en-cours", "concertations/2026-09-14-concertation-schema-directeur-cyclable/"),
    ("concertation-a-venir", "concertations/2027-01-11-concertation-zac-pres-neufs/"),
    ("concertation-archive", "concertations/2016-03-concertation-plan-de-deplacements-urbains/"),
    ("index-bilans", "bilans/"),
    ("bilan", "bilans/2024-06-10-bilan-concertation-revision-plui/"),
    ("bilan-garant", "bilans/2025-06-26-bilan-garante-plan-climat/"),
    ("reponse-maitre-ouvrage", "bilans/2025-08-21-reponse-metropole-bilan-garante-plan-climat/"),
    ("index-outils", "outils/"),
    ("outil", "outils/balade-urbaine/"),
    ("organe-maitre-ouvrage", "organes/syndicat-mobilites-arvel/"),
    ("dossier-concertations", "dossiers/plan-local-urbanisme-intercommunal/"),
    ("assemblee-dispositif", "assemblees/2025-05-20-pleniere-plan-climat/"),  # held as a concertation's dispositif
    ("recherche", "recherche/"),  # with results: tests/site/test_site_search.py, test_site_accessibility.py
]

# The pages French law requires, linked from every footer: (url path, link text).
LEGAL_PAGES: list[tuple[str, str]] = [
    ("accessibilite/", "Accessibilité"),
    ("mentions-legales/", "Mentions légales"),
    ("donnees-personnelles/", "Données personnelles"),
]


def page_file(site, path: str):
    """The built file behind a url path of the site."""
    return site / path / "index.html" if path == "" or path.endswith("/") else site / path
