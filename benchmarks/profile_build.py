"""Where a build's time goes: `mkdocs build` of a generated council under cProfile, grouped by layer.

    python benchmarks/profile_build.py benchmarks/work/n2000 [--config mkdocs.yml] [--top 25]

Each phase is the cumulative time of its entry point: our plugin's events, our templates
(the content block every page of ours fills), Markdown, Material's templates and search
index; the rest is MkDocs itself (reading files, writing pages, links, sitemap).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from generate import REFERENCE_DATE

# Phases, by the cumulative time of their entry point: (file suffix, function, phase).
PHASES = (
    ("conseil/plugin/plugin.py", "on_files", "conseil : lecture, validation et graphe (on_files)"),
    ("conseil/plugin/plugin.py", "on_page_content", "conseil : assainissement des corps (nh3)"),
    ("conseil/plugin/plugin.py", "on_page_context", "conseil : contexte des pages"),
    ("conseil/templates/conseil/base.html", "block_content", "conseil : nos gabarits (contenu des pages)"),
    ("markdown/core.py", "convert", "Markdown → HTML"),
    ("material/plugins/search/plugin.py", "on_page_context", "Material : index de recherche (par page)"),
    ("material/plugins/search/plugin.py", "on_post_build", "Material : index de recherche (écriture)"),
    ("jinja2/environment.py", "render", "gabarits (Material et les nôtres)"),
)
TEMPLATES = "gabarits (Material et les nôtres)"
OURS = "conseil : nos gabarits (contenu des pages)"


def profile(project: Path, config: str) -> pstats.Stats:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.update(NO_MKDOCS_2_WARNING="1", CONSEIL_DATE_REFERENCE=REFERENCE_DATE.isoformat())
    os.chdir(project)
    with tempfile.TemporaryDirectory() as site:
        profiler = cProfile.Profile(time.process_time)  # CPU time: the machine may be shared
        profiler.enable()
        cfg = load_config(config_file=config, site_dir=site)
        cfg.plugins.on_startup(command="build", dirty=False)
        try:
            build(cfg)
        finally:
            cfg.plugins.on_shutdown()
        profiler.disable()
    return pstats.Stats(profiler)


def report(stats: pstats.Stats, top: int) -> None:
    phases: dict[str, float] = defaultdict(float)
    total = 0.0
    ours = []
    for (filename, line, function), (_, _, tottime, cumtime, _) in stats.stats.items():
        total += tottime
        for suffix, name, phase in PHASES:
            if filename.endswith(suffix) and function == name:
                phases[phase] += cumtime
        if "/conseil/" in filename:
            ours.append((cumtime, tottime, f"{Path(filename).parent.name}/{Path(filename).name}:{line} {function}"))
    phases[TEMPLATES] -= phases[OURS]  # our content block runs inside Material's templates
    phases[TEMPLATES.replace("(Material et les nôtres)", "de Material")] = phases.pop(TEMPLATES)
    phases["MkDocs et le reste"] = total - sum(phases.values())
    print(f"Temps processeur total sous le profileur : {total:.2f} s")
    for phase, seconds in sorted(phases.items(), key=lambda item: -item[1]):
        print(f"  {seconds:7.2f} s  {100 * seconds / total:5.1f} %  {phase}")
    print(f"\nNos fonctions et gabarits, par temps cumulé (les {top} premiers) :")
    for cumtime, tottime, name in sorted(ours, reverse=True)[:top]:
        print(f"  {cumtime:7.2f} s cumulé  {tottime:6.2f} s propre  {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description="Profil d'un build de conseil synthétique.")
    parser.add_argument("project", type=Path)
    parser.add_argument("--config", default="mkdocs.yml")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    report(profile(args.project.resolve(), args.config), args.top)


if __name__ == "__main__":
    main()
