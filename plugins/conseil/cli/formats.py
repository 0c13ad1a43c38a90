"""Machine formats of `conseil check`: GitHub workflow commands, GitLab Code Quality, plain JSON."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Iterable

from ..core import Diagnostic
from ..core.model.diagnostics import CODES

GITLAB_SEVERITY = {"erreur": "major", "avertissement": "minor", "note": "info"}
GITHUB_LEVEL = {"erreur": "error", "avertissement": "warning", "note": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def full_message(diagnostic: Diagnostic) -> str:
    """The message and its fix, as one text: `message` then `aide : …` on the next line."""
    text = diagnostic.text
    if diagnostic.label and diagnostic.label not in diagnostic.message:
        text += f" ({diagnostic.label})"
    if diagnostic.help:
        text += f"\naide : {diagnostic.help}"
    return text


def github_annotation(diagnostic: Diagnostic) -> str:
    """`::error file=…,line=…,col=…,endColumn=…,title=…::message`, escaped as the runner expects."""
    properties = {
        "file": diagnostic.path,
        "line": str(diagnostic.line),
        "col": str(diagnostic.column),
        "endColumn": str(diagnostic.column + max(diagnostic.length, 1)),
        "title": f"conseil [{diagnostic.code}]",
    }
    joined = ",".join(f"{name}={_escape_property(value)}" for name, value in properties.items())
    return f"::{GITHUB_LEVEL.get(diagnostic.severity, 'error')} {joined}::{_escape_data(full_message(diagnostic))}"


def github_report(diagnostics: Iterable[Diagnostic]) -> str:
    return "".join(github_annotation(d) + "\n" for d in diagnostics)


def gitlab_issues(diagnostics: Iterable[Diagnostic]) -> list[dict]:
    """GitLab Code Quality (a subset of Code Climate's format), one issue per diagnostic.

    The fingerprint leaves the line out, so an issue keeps its identity when lines move above it;
    the occurrence number tells identical problems of one file apart.
    """
    seen: Counter[tuple] = Counter()
    issues = []
    for d in diagnostics:
        identity = (d.path, d.code, d.key or "", d.message)
        seen[identity] += 1
        digest = hashlib.sha256("\x1f".join((*identity, str(seen[identity]))).encode("utf-8")).hexdigest()
        issues.append({
            "type": "issue",
            "check_name": d.code,
            "description": f"[{d.code}] " + full_message(d).replace("\n", " — "),
            "categories": ["Bug Risk"] if d.is_error else ["Style"],
            "severity": GITLAB_SEVERITY.get(d.severity, "major"),
            "fingerprint": digest,
            "location": {"path": d.path, "lines": {"begin": d.line, "end": d.line}},
        })
    return issues


def gitlab_report(diagnostics: Iterable[Diagnostic]) -> str:
    return json.dumps(gitlab_issues(diagnostics), ensure_ascii=False, indent=2) + "\n"


def json_report(diagnostics: list[Diagnostic], checked: int) -> str:
    """Every field of every diagnostic, with the rule its code names."""
    errors = sum(1 for d in diagnostics if d.is_error)
    payload = {
        "fiches_verifiees": checked,
        "erreurs": errors,
        "avertissements": len(diagnostics) - errors,
        "problemes": [
            {
                "code": d.code,
                "regle": CODES.get(d.code, ""),
                "gravite": d.severity,
                "fichier": d.path,
                "ligne": d.line,
                "colonne": d.column,
                "longueur": d.length,
                "cle": d.key,
                "message": d.message,
                "etiquette": d.label,
                "aide": d.help,
            }
            for d in diagnostics
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def github_step_summary(diagnostics: list[Diagnostic], summary_line: str) -> str:
    """Markdown for the run's summary page ($GITHUB_STEP_SUMMARY): one table row per problem."""
    lines = ["### Vérification des fiches", "", summary_line, ""]
    if diagnostics:
        lines += ["| Fiche | Ligne | Code | Problème |", "|---|---|---|---|"]
        for d in diagnostics:
            problem = full_message(d).replace("\n", " — ").replace("|", "\\|")
            lines.append(f"| `{d.path}` | {d.line} | `{d.code}` | {problem} |")
        lines.append("")
    return "\n".join(lines) + "\n"
