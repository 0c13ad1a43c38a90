"""Every option of the plugin, with its default, in one place."""

from __future__ import annotations

from datetime import date

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from ..core.editing import decap
from ..core.model import schema


class PeriodeRapport(Config):
    """A multi-year period that gets an activity report of its own, beside the calendar years."""

    # URL segment: /rapport/<id>/ ; default « <année de début>-<année de fin> ».
    id = c.Optional(c.Type(str))
    titre = c.Type(str)
    debut = c.Type(date)
    fin = c.Type(date)


class EditionNavigateur(Config):
    """Browser editing (Decap CMS) at /admin/: where it commits. Absent `backend`: no /admin/."""

    backend = c.Optional(c.Choice(decap.BACKENDS))
    repo = c.Optional(c.Type(str))  # owner/name on GitHub, group/project on GitLab
    branch = c.Type(str, default="main")
    # Each record saved from the browser opens a pull (merge) request instead of committing to `branch`.
    editorial_workflow = c.Type(bool, default=False)
    base_url = c.Optional(c.Type(str))  # GitHub: the OAuth proxy's address
    app_id = c.Optional(c.Type(str))  # GitLab: the OAuth application id (PKCE)
    api_root = c.Optional(c.Type(str))  # self-hosted GitLab: https://gitlab.example.org/api/v4
    # `mkdocs serve` (make edit): the CMS edits the working copy through decap-server on this port.
    port_local = c.Type(int, default=decap.DEFAULT_LOCAL_PORT)
    # Where `npm ci` installed decap-cms and yaml, relative to mkdocs.yml. Default: the copy shipped in the package
    # (no Node needed), else node_modules/ beside mkdocs.yml or beside this repository's package.json (development).
    node_modules = c.Optional(c.Type(str))


class ConseilConfig(Config):
    enabled = c.Type(bool, default=True)
    # Shown in page titles, feeds and the report.
    nom = c.Type(str, default="Conseil de développement")
    # Days an élu has to answer when a contribution sets no `echeance_reponse`.
    delai_reponse_jours = c.Type(int, default=schema.DEFAULT_DELAI_REPONSE_JOURS)
    # When set, every assembly's `commune` must be one of these.
    communes = c.ListOfItems(c.Type(str), default=[])
    # The day the site is built for (AAAA-MM-JJ): embargoes, deadlines, upcoming assemblies.
    # Default: SOURCE_DATE_EPOCH when set (reproducible builds), else today in Europe/Paris.
    date_reference = c.Optional(c.Type((str, date)))
    # Answers are followed from this day (AAAA-MM-JJ): older unanswered contributions are `hors-suivi`, never late,
    # never in response rates. Default: none, every contribution is followed.
    suivi_depuis = c.Optional(c.Type(date))
    # Concertations with a CNDP garant (Code de l'environnement): days from the end to the garant's bilan, then from
    # the garant's first bilan to the maître d'ouvrage's answer. Missing past them: « en retard de N jours ».
    delai_bilan_garant_jours = c.Type(int, default=schema.DEFAULT_DELAI_BILAN_GARANT_JOURS)
    delai_reponse_maitre_ouvrage_jours = c.Type(int, default=schema.DEFAULT_DELAI_REPONSE_MAITRE_OUVRAGE_JOURS)
    # Activity reports over several years (e.g. a mandate): [{titre, debut, fin, id?}], dates AAAA-MM-JJ.
    rapports = c.ListOfItems(c.SubConfig(PeriodeRapport), default=[])
    # The composition (content/composition/membres.csv): when set, each member's `college` is one of these.
    colleges = c.ListOfItems(c.Type(str), default=[])
    # The territory's census shares by age class, in %: {15-29: 18.5, 30-44: 24.1, …}; shown beside the members'.
    population_tranches_age = c.Type(dict, default={})
    # Date of the next renewal of the members (AAAA-MM-JJ), shown on the composition page.
    renouvellement = c.Optional(c.Type(date))
    # The search index (Pagefind, in site/pagefind/), built with the site; `serve` never builds it (the preview keeps
    # its speed; its search page says so). false: no index, the search page says the same.
    recherche = c.Type(bool, default=True)
    # Browser editing at /admin/ (Decap CMS), out of the navigation, the sitemap and the search index.
    cms = c.SubConfig(EditionNavigateur)
