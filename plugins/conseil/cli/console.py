"""The human output: the core's rendering of each diagnostic, coloured on a terminal with rich."""

from __future__ import annotations

import os
import sys
from typing import TextIO

from rich.console import Console
from rich.text import Text

from ..core import Diagnostic
from ..core.model.diagnostics import parts

_SEVERITY_STYLE = {"erreur": "bold red", "avertissement": "bold yellow", "note": "bold cyan"}
# How each part of a diagnostic (core.diagnostics.parts) shows on a terminal; the severity's colour is its own.
_ROLE_STYLE = {"location": "bold", "code": "dim", "message": "bold", "gutter": "bold blue", "help": "bold cyan"}


def make_console(file: TextIO | None = None) -> Console:
    """Styles only on a terminal (rich detects it, FORCE_COLOR forces it); none at all with NO_COLOR."""
    plain = {"color_system": None} if os.environ.get("NO_COLOR") else {}
    return Console(file=file or sys.stdout, highlight=False, soft_wrap=True, emoji=False, **plain)


def styled(diagnostic: Diagnostic, source_lines: list[str] | None) -> Text:
    """The core's rendering, part by part, with a style on each."""
    severity = _SEVERITY_STYLE.get(diagnostic.severity, "bold red")
    out = Text()
    for number, line in enumerate(parts(diagnostic, source_lines)):
        if number:
            out.append("\n")
        for part in line:
            style = severity if part.role in ("severity", "marker") else _ROLE_STYLE.get(part.role)
            out.append(part.text, style=style)
    return out


def print_diagnostics(console: Console, diagnostics: list[Diagnostic], sources: dict[str, list[str]]) -> None:
    for diagnostic in diagnostics:
        console.print(styled(diagnostic, sources.get(diagnostic.path)))
        console.print()
