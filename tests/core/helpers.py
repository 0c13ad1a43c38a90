"""Small builders so that each test shows only the record lines that matter."""

from __future__ import annotations

from datetime import date
from textwrap import dedent

from conseil.core import Corpus, Settings, SourceFile, load
from conseil.core.reading.parse import parse_record
from conseil.core.model.schema import RECORD_TYPES

TODAY = date(2026, 11, 23)

THEME = "titre: Mobilités\n"
ELU = "nom: Claire Morel\nfonction: Vice-présidente aux mobilités\n"
ASSEMBLEE = "titre: Assemblée de printemps\ndate: 2025-03-12\ntype: assemblee-ouverte\n"
CONTRIBUTION = ("titre: Mobilités du quotidien\ndate: 2025-04-02\nnature: avis\norigine: saisine\n"
                "destinataires: [claire-morel]\n")
# Version 3: a maître d'ouvrage, a concertation over spring 2025 with a garant, and its garant's bilan.
ORGANE = "nom: Conseil de la Métropole\ntype: conseil\n"
CONCERTATION = ("titre: Concertation sur le plan climat\nmaitre_ouvrage: conseil\ncadre: code-environnement\n"
                "debut: 2025-03-10\nfin: 2025-05-30\ngarants: [Odile Ferrand]\n")
BILAN_GARANT = ("titre: Bilan de la garante\nconcertation: plan-climat\ntype: bilan-garant\ndate: 2025-06-20\n"
                "recommandations:\n  - id: transparence\n    texte: Publier les résultats\n"
                "  - id: calendrier\n    texte: Donner le calendrier\n")
REPONSE = ("titre: Réponse sur les mobilités\ndate: 2025-05-02\ncontributions: [2025-04-02-mobilites]\n"
           "elu: claire-morel\nposition: retenue\n")


def record_text(header: str, body: str = "Texte.\n") -> str:
    return f"---\n{dedent(header)}---\n{body}"


def parse(record_type: str, header: str, record_id: str = "fiche", body: str = "Texte.\n"):
    return parse_record(RECORD_TYPES[record_type], record_id, f"content/{record_type}/{record_id}.md",
                        record_text(header, body))


def corpus(records: dict[str, str], today: date = TODAY, **settings) -> Corpus:
    """Load records given as {"contributions/x": header}; a base élu and theme are added unless given."""
    base = {"elus/claire-morel": ELU, "themes/mobilites": THEME}
    base.update(records)
    files = [SourceFile(f"{key}.md", f"content/{key}.md", (lambda text=record_text(header): text.encode()))
             for key, header in base.items()]
    return load(files, Settings(build_date=today, **settings))


def codes(diagnostics) -> list[str]:
    return [d.code for d in diagnostics]
