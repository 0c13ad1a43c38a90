"""Names written by people, made comparable: keys and choices without case or accents, ids from titles."""

from __future__ import annotations

import re
import unicodedata

from .diagnostics import closest


def normalise_key(key: str) -> str:
    """Lowercase, accents stripped: `Échéance` and `echeance` compare equal."""
    return _lowercase_without_accents(key).replace("-", "_").replace(" ", "_")


def suggest_key(key: str, known: list[str]) -> str | None:
    """The known key written the same but for case and accents, else the closest one, else None."""
    normalised = {normalise_key(k): k for k in known}
    if normalise_key(key) in normalised:
        return normalised[normalise_key(key)]
    match = closest(normalise_key(key), list(normalised))
    return normalised[match] if match else None


def slugify(text: str) -> str:
    """`Mobilités du quotidien` → `mobilites-du-quotidien`."""
    return re.sub(r"[^a-z0-9]+", "-", _lowercase_without_accents(text)).strip("-") or "fiche"


def _lowercase_without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
