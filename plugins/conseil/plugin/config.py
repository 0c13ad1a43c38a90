"""Every option of the plugin, with its default, in one place."""

from __future__ import annotations

from datetime import date

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from ..core import schema


class PeriodeRapport(Config):
    """A multi-year period that gets an activity report of its own, beside the calendar years."""

    # URL segment: /rapport/<id>/ ; default « <année de début>-<année de fin> ».
    id = c.Optional(c.Type(str))
    titre = c.Type(str)
    debut = c.Type(date)
    fin = c.Type(date)


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
    # Activity reports over several years (e.g. a mandate): [{titre, debut, fin, id?}], dates AAAA-MM-JJ.
    rapports = c.ListOfItems(c.SubConfig(PeriodeRapport), default=[])
