"""Helpers for the tests of `conseil init`: what of the demo council must never reach a new council's site."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.conftest import REPO

NOM = "Conseil de développement de la Métropole de Testville"
COLLECTIVITE = "la Métropole de Testville"


def demo_markers() -> set[str]:
    """Words only the demo council has: its name, its communes, its élus', organes' and instances' names, its address."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    options = next(p["conseil"] for p in config["plugins"] if isinstance(p, dict) and "conseil" in p)
    markers = {"Arvel", "Tanneurs", *options["communes"]}
    for folder in ("elus", "organes", "instances"):
        for path in (REPO / "content" / folder).glob("*.md"):
            header = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
            markers.add(header["nom"])
    return markers


# Names of the demo's bodies that every council may have: not the demo's own words.
GENERIC = {"Bureau", "Bureau métropolitain", "Comité d'organisation", "Groupe de travail Cohésion sociale",
           "Groupe de travail Mobilités", "Groupe de travail Transition écologique"}


def demo_text_in(site: Path, written: Path | None = None) -> list[str]:
    """Every `file: marker` of the demo found in a built site (its text files, compared case-insensitively), but
    for the words the council wrote itself in the `written` folder (its records)."""
    markers = {m.lower() for m in demo_markers() if m not in GENERIC} | {"arvel"}
    if written is not None:
        own = " ".join(p.read_text(encoding="utf-8").lower() for p in written.rglob("*.md"))
        markers = {m for m in markers if m not in own}
    found = []
    for path in sorted(p for p in site.rglob("*") if p.is_file() and p.suffix != ".png"):
        text = path.read_bytes().decode("utf-8", errors="ignore").lower()
        found += [f"{path.relative_to(site)}: {m}" for m in markers if m in text]
    return found
