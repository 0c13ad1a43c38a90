"""The human output: the core's rendering of each diagnostic, coloured on a terminal with rich."""

from __future__ import annotations

import os
import re
import sys
from typing import TextIO

from rich.console import Console
from rich.text import Text

from ..core import Diagnostic, render

_SUMMARY = re.compile(r"^(?P<path>.+?:\d+:\d+:) (?P<severity>erreur|avertissement) (?P<code>\[[^\]]+\])(?P<rest>.*)$")
_QUOTE = re.compile(r"^(?P<gutter>  [ \d]+ \| )(?P<text>.*)$")
_SEVERITY_STYLE = {"erreur": "bold red", "avertissement": "bold yellow"}


def make_console(file: TextIO | None = None) -> Console:
    """Styles only on a terminal (rich detects it, FORCE_COLOR forces it); none at all with NO_COLOR."""
    plain = {"color_system": None} if os.environ.get("NO_COLOR") else {}
    return Console(file=file or sys.stdout, highlight=False, soft_wrap=True, emoji=False, **plain)


def styled(diagnostic: Diagnostic, source_lines: list[str] | None) -> Text:
    """`core.render`'s text, unchanged, with styles on its parts."""
    lines = render(diagnostic, source_lines).split("\n")
    out = Text()
    for number, line in enumerate(lines):
        if number:
            out.append("\n")
        summary = _SUMMARY.match(line) if number == 0 else None
        quote = _QUOTE.match(line) if number else None
        if summary:
            out.append(summary["path"], style="bold")
            out.append(" ")
            out.append(summary["severity"], style=_SEVERITY_STYLE.get(summary["severity"], "bold"))
            out.append(" ")
            out.append(summary["code"], style="dim")
            out.append(summary["rest"], style="bold")
        elif quote:
            out.append(quote["gutter"], style="bold blue")
            is_marker = quote["text"].lstrip().startswith("^") and quote["gutter"].strip() == "|"
            out.append(quote["text"], style=_SEVERITY_STYLE.get(diagnostic.severity, "bold red") if is_marker else None)
        elif line.startswith("  aide : "):
            out.append("  aide", style="bold cyan")
            out.append(line[len("  aide"):])
        else:
            out.append(line)
    return out


def print_diagnostics(console: Console, diagnostics: list[Diagnostic], sources: dict[str, list[str]]) -> None:
    for diagnostic in diagnostics:
        console.print(styled(diagnostic, sources.get(diagnostic.path)))
        console.print()
