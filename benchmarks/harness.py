"""Measure the build of synthetic councils: with the plugin, as plain Material pages, validation, memory, serve.

    python benchmarks/harness.py --sizes 1000,2000,5000,10000

For each size, on the same generated corpus and in the same run: the full
`mkdocs build` with the `conseil` plugin; the same record files built as plain
Material pages without the plugin (the baseline, `mkdocs-plain.yml`); the
validation alone (the core's `validate`, in-process, as `conseil check` does); the
peak memory of each build (its own process's maximum resident set). Then, on
the reference size and the largest, the time `mkdocs serve` takes, after one record's title is edited,
until browsers are told to reload (the served page then shows the new title), against the full build
of the same site (the incremental preview's target). Prints a table with the ratios and the targets; writes it as JSON (results/latest.json, not
kept by git) and, for a full run, to resultats/latest.json, kept under version control: the guide's
figures (docs/mainteneurs/performances.md) are traced to that file.
Each build's processor time (user + system, from its own rusage) is reported with
its wall time; the targets compare processor times, which other work on a shared
machine disturbs far less than wall times. Timings are never compared across runs.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import queue
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from datetime import datetime, timezone
from importlib.metadata import version
from pathlib import Path
from statistics import median

from generate import REFERENCE_DATE, generate

from conseil.core import Settings, files_in, validate

HERE = Path(__file__).resolve().parent
DEFAULT_SIZES = (1000, 2000, 5000, 8000, 10000)
REFERENCE_SIZE = 2000
LARGE_SIZE = 8000  # the plugin's overhead must not grow with size: its ratio is a target here too, with its spread
# The targets: plugin build within 10 % of plain Material, linear growth (10 % slack),
# validation of the largest corpus under 2 s, peak memory of its build under 600 MB.
MAX_OVERHEAD = 1.50  # with the search index (Pagefind) against plain Material with its own search
MAX_NO_INDEX_OVERHEAD = 1.15  # the plugin without the index (`recherche: false`), against the same
MAX_SCALING_SLACK = 1.10
MAX_VALIDATION_S = 2.0
MAX_PEAK_MB = 600.0
MAX_PREVIEW_RATIO = 0.25  # serve, one title edited: time until the page shows it / full build of the same site
SERVE_EDITS = 5
VALIDATION_RUNS = 5
SERVE_TIMEOUT_S = 900.0
DEFAULT_REPEAT = 5
# The latest full run (default sizes, serve measured, default repeats), kept under version control.
RECORD = HERE / "resultats" / "latest.json"


def build_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(NO_MKDOCS_2_WARNING="1", CONSEIL_DATE_REFERENCE=REFERENCE_DATE.isoformat(),
               PYTHONDONTWRITEBYTECODE="1")
    env.pop("SOURCE_DATE_EPOCH", None)
    return env


def timed_build(project: Path, config: str, site: Path) -> dict:
    """One `mkdocs build` in its own process: wall time and that process's peak resident memory."""
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-f", config, "-d", str(site)]
    log = site.with_suffix(".log")
    with log.open("wb") as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=project, env=build_env(), stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)  # this child's own rusage, not the max over all children
        elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} a échoué dans {project} :\n{log.read_text(errors='replace')[-3000:]}")
    shutil.rmtree(site, ignore_errors=True)
    return {"seconds": round(elapsed, 3), "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 3),
            "peak_rss_mb": round(usage.ru_maxrss / 1024, 1)}  # ru_maxrss is in KiB


def timed_validation(project: Path) -> dict:
    """The core's validation of every record, in-process: what `conseil check` runs (the plugin also links them)."""
    content = project / "content"
    settings = Settings(build_date=REFERENCE_DATE, delai_reponse_jours=60, content_dir=content)
    gc.collect()
    start, start_cpu = time.perf_counter(), time.process_time()
    corpus = validate(files_in(content, relative_to=project), settings)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    return {"seconds": round(elapsed, 3), "cpu_seconds": round(cpu, 3), "errors": corpus.error_count,
            "diagnostics": len(corpus.diagnostics), "records": sum(1 for _ in corpus.index.all())}


def measure_size(n: int, seed: int, work: Path, repeat: int = 1) -> dict:
    """Generate, validate, then build `repeat` times each way, alternating; the fastest run of each counts."""
    project = work / f"n{n}"
    start = time.perf_counter()
    counts = generate(n, seed, project)
    generated = time.perf_counter() - start
    # Validation takes seconds, not minutes: always five runs, so that one slow moment of the machine does not count.
    validation = min((timed_validation(project) for _ in range(max(repeat, VALIDATION_RUNS))),
                     key=lambda v: v["cpu_seconds"])
    plugins, plains, bares = [], [], []
    for _ in range(repeat):
        plugins.append(timed_build(project, "mkdocs.yml", work / f"site-n{n}-plugin"))
        plains.append(timed_build(project, "mkdocs-plain.yml", work / f"site-n{n}-plain"))
        bares.append(timed_build(project, "mkdocs-sans-index.yml", work / f"site-n{n}-sans-index"))
    plugin = min(plugins, key=lambda b: b["cpu_seconds"])
    plain = min(plains, key=lambda b: b["cpu_seconds"])
    bare = min(bares, key=lambda b: b["cpu_seconds"])
    plugin["runs_cpu_seconds"] = [b["cpu_seconds"] for b in plugins]
    plugin["runs_seconds"] = [b["seconds"] for b in plugins]
    plain["runs_cpu_seconds"] = [b["cpu_seconds"] for b in plains]
    return {"n": n, "records": counts, "generate_s": round(generated, 2), "validation": validation,
            "plugin_build": plugin, "plain_build": plain, "no_index_build": bare,
            # The search index's share: the Pagefind service's processor time is its own process's, not counted
            # in the build's rusage; the wall times tell what the reader of `make build` waits.
            "no_index_vs_plain_cpu": round(bare["cpu_seconds"] / plain["cpu_seconds"], 3),
            "index_wall_s": round(plugin["seconds"] - bare["seconds"], 2),
            "plugin_vs_plain": round(plugin["seconds"] / plain["seconds"], 3),
            "plugin_vs_plain_cpu": round(plugin["cpu_seconds"] / plain["cpu_seconds"], 3),
            # Each plugin build against the plain build that followed it: the machine's slow moments
            # (shared cores) hit both of a pair; the median of these ratios shows how much the verdict can move.
            "paired_ratios_cpu": sorted(round(a["cpu_seconds"] / b["cpu_seconds"], 3) for a, b in zip(plugins, plains))}


# -- mkdocs serve -----------------------------------------------------------------

def measure_serve(project: Path, full_build_s: float, edits: int = SERVE_EDITS) -> dict:
    """Start `mkdocs serve`, edit one record's title `edits` times, time each rebuild until browsers are told
    to reload, check that the served page shows the new title; compare the median with the full build."""
    port = _free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}", "-f", "mkdocs.yml"]
    process = subprocess.Popen(command, cwd=project, env=build_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, bufsize=1)
    lines: queue.Queue[tuple[float, str]] = queue.Queue()
    reader = threading.Thread(target=_read_lines, args=(process, lines), daemon=True)
    reader.start()
    record = sorted(p for p in (project / "content" / "contributions").glob("*.md") if p.name != "index.md")[-1]
    original = record.read_bytes()
    page = f"http://127.0.0.1:{port}/contributions/{record.stem}/"
    try:
        start = time.perf_counter()
        _wait_for(lines, "Serving on", process)
        first_build = time.perf_counter() - start
        rebuilds = []
        for number in range(edits):
            time.sleep(1.0)  # let the watcher settle before the edit
            title = f"Titre modifié par la mesure n° {number + 1}"
            start = time.perf_counter()
            record.write_bytes(original.replace(b'titre: "', f'titre: "{title} — '.encode(), 1))
            _wait_for(lines, "Reloading browsers", process)
            rebuilds.append(round(time.perf_counter() - start, 3))
            with urllib.request.urlopen(page, timeout=30) as response:
                if title not in response.read().decode("utf-8"):
                    raise RuntimeError(f"{page} ne montre pas le titre modifié après la reconstruction")
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        record.write_bytes(original)
    rebuild = median(rebuilds)
    return {"n": int(project.name[1:]), "first_build_s": round(first_build, 3), "rebuilds_s": rebuilds,
            "rebuild_s": round(rebuild, 3), "full_build_s": full_build_s,
            "rebuild_vs_full_build": round(rebuild / full_build_s, 3)}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _read_lines(process: subprocess.Popen, lines: queue.Queue) -> None:
    for line in process.stdout:
        lines.put((time.perf_counter(), line.rstrip()))


def _wait_for(lines: queue.Queue, marker: str, process: subprocess.Popen) -> None:
    deadline = time.perf_counter() + SERVE_TIMEOUT_S
    seen: list[str] = []
    while time.perf_counter() < deadline:
        try:
            _, line = lines.get(timeout=1.0)
        except queue.Empty:
            if process.poll() is not None:
                raise RuntimeError("mkdocs serve s'est arrêté :\n" + "\n".join(seen[-30:]))
            continue
        seen.append(line)
        if marker in line:
            return
        if "An error happened during the rebuild" in line:
            raise RuntimeError("la reconstruction de mkdocs serve a échoué :\n" + "\n".join(seen[-30:]))
    raise RuntimeError(f"« {marker} » attendu en vain de mkdocs serve :\n" + "\n".join(seen[-30:]))


# -- report -----------------------------------------------------------------------

def machine() -> dict:
    cpu = ""
    memory_mb = None
    try:
        cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                    if line.startswith("model name")), "")
        total = re.search(r"MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text())
        memory_mb = round(int(total.group(1)) / 1024) if total else None
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu or platform.processor(), "memory_mb": memory_mb,
            "python": platform.python_version(), "mkdocs": version("mkdocs"),
            "mkdocs_material": version("mkdocs-material"), "load_average": list(os.getloadavg())}


def targets(runs: list[dict], reference: int, serves: list[dict] = ()) -> list[dict]:
    """Each target of the issue, with the measured value and whether it holds."""
    by_n = {run["n"]: run for run in runs}
    largest = max(by_n)
    result = [{"name": f"build avec le plugin et l'index de recherche / Material seul avec sa recherche, N = {n} (durées)",
               "value": by_n[n]["plugin_vs_plain"], "limit": MAX_OVERHEAD}
              for n in repeated_sizes(sorted(by_n), reference)]
    result += [{"name": f"build avec le plugin sans index / Material seul avec sa recherche, N = {n}",
                "value": by_n[n]["no_index_vs_plain_cpu"], "limit": MAX_NO_INDEX_OVERHEAD}
               for n in repeated_sizes(sorted(by_n), reference) if "no_index_vs_plain_cpu" in by_n[n]]
    if largest != reference:
        # The same statistic at both sizes: the median of the runs. The fastest of five runs at the reference
        # against the single run at the largest size would count the machine's slow moments against growth.
        scale = largest / reference
        result.append({"name": f"build({largest}) / build({reference}), médianes (linéaire : {scale:g} × {MAX_SCALING_SLACK:g})",
                       "value": round(_median_cpu(by_n[largest]["plugin_build"]) / _median_cpu(by_n[reference]["plugin_build"]), 3),
                       "limit": round(scale * MAX_SCALING_SLACK, 3)})
    result.append({"name": f"validation seule, N = {largest} (s)", "value": by_n[largest]["validation"]["cpu_seconds"],
                   "limit": MAX_VALIDATION_S})
    result.append({"name": f"mémoire maximale du build, N = {largest} (Mo)",
                   "value": by_n[largest]["plugin_build"]["peak_rss_mb"], "limit": MAX_PEAK_MB})
    for serve in serves:
        result.append({"name": f"aperçu (serve), titre d'une fiche modifié, N = {serve['n']} : "
                               "durée jusqu'à la page à jour / build complet (médianes)",
                       "value": serve["rebuild_vs_full_build"], "limit": MAX_PREVIEW_RATIO})
    for target in result:
        target["ok"] = target["value"] <= target["limit"]
    return result


def _median_cpu(build: dict) -> float:
    return median(build.get("runs_cpu_seconds") or [build["cpu_seconds"]])


def table(report: dict) -> str:
    rows = ["| N | build plugin : processeur (durée) | Material seul : processeur (durée) | ratio processeur (durée) "
            "| validation : processeur (durée) | mémoire plugin | mémoire Material seul |",
            "|---:|---:|---:|---:|---:|---:|---:|"]
    for run in report["runs"]:
        plugin, plain = run["plugin_build"], run["plain_build"]
        rows.append(f"| {run['n']} | {plugin['cpu_seconds']:.1f} s ({plugin['seconds']:.1f} s) | "
                    f"{plain['cpu_seconds']:.1f} s ({plain['seconds']:.1f} s) | "
                    f"{run['plugin_vs_plain_cpu']:.2f} ({run['plugin_vs_plain']:.2f}) | {run['validation']['cpu_seconds']:.2f} s ({run['validation']['seconds']:.2f} s) | "
                    f"{plugin['peak_rss_mb']:.0f} Mo | {plain['peak_rss_mb']:.0f} Mo |")
    lines = ["\n".join(rows), ""]
    for run in report["runs"]:
        pairs = run.get("paired_ratios_cpu", [])
        if len(pairs) > 1:
            lines.append(f"N = {run['n']} : {len(pairs)} paires de builds (plugin puis Material seul) ; ratio processeur "
                         f"par paire de {pairs[0]:.2f} à {pairs[-1]:.2f}, médiane {median(pairs):.2f} "
                         f"(l'objectif se juge sur le rapport des builds les plus rapides de chaque sorte)")
            lines.append("")
    for serve in report.get("serve") or []:
        lines.append(f"mkdocs serve, N = {serve['n']} : premier build {serve['first_build_s']:.1f} s ; titre d'une fiche "
                     f"modifié, page à jour en {serve['rebuild_s']:.2f} s (médiane de "
                     f"{', '.join(f'{s:.2f}' for s in serve['rebuilds_s'])}), soit {serve['rebuild_vs_full_build']:.2f} × "
                     f"le build complet du même site ({serve['full_build_s']:.1f} s, médiane)")
        lines.append("")
    lines.append("| objectif | mesure | limite | |")
    lines.append("|---|---:|---:|:-:|")
    for target in report["targets"]:
        lines.append(f"| {target['name']} | {target['value']:g} | ≤ {target['limit']:g} | {'✓' if target['ok'] else '✗'} |")
    return "\n".join(lines)


def is_full_run(sizes: list[int], *, serve: bool, repeat: int) -> bool:
    """What `make bench` runs: the figures the guide quotes come only from such a run."""
    return tuple(sizes) == DEFAULT_SIZES and serve and repeat == DEFAULT_REPEAT


def write_report(report: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def repeated_sizes(sizes: list[int], reference: int) -> list[int]:
    """The sizes built `repeat` times each way, whose plugin / plain ratio is a target: the reference and the large one."""
    return [n for n in sizes if n in (reference, LARGE_SIZE)]


def run(sizes: list[int], seed: int, work: Path, output: Path, *, serve: bool = True,
        repeat: int = DEFAULT_REPEAT, record: Path | None = None, serve_edits: int = SERVE_EDITS) -> dict:
    """Measure every size; the reference and the large size, whose ratios are targets, are built `repeat` times each way."""
    work.mkdir(parents=True, exist_ok=True)
    reference = REFERENCE_SIZE if REFERENCE_SIZE in sizes else min(sizes)
    started = datetime.now(timezone.utc)
    runs = []
    for n in sizes:
        print(f"N = {n} …", file=sys.stderr, flush=True)
        runs.append(measure_size(n, seed, work, repeat if n in repeated_sizes(sizes, reference) else 1))
    serves = []
    if serve:
        for run_ in runs:
            if run_["n"] in (reference, max(sizes)):
                full = median(run_["plugin_build"]["runs_seconds"])
                serves.append(measure_serve(work / f"n{run_['n']}", full, serve_edits))
    report = {"date": started.isoformat(timespec="seconds"), "machine": machine(), "seed": seed, "sizes": sizes,
              "reference_size": reference, "repeat": repeat, "runs": runs, "serve": serves,
              "duration_s": round((datetime.now(timezone.utc) - started).total_seconds(), 1)}
    report["targets"] = targets(runs, reference, serves)
    write_report(report, output)
    if record is not None:
        write_report(report, record)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description="Mesure la construction de conseils synthétiques.")
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                        help="tailles séparées par des virgules (par défaut : %(default)s)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--work", type=Path, default=HERE / "work", help="dossier des corpus générés")
    parser.add_argument("--output", type=Path, default=HERE / "results" / "latest.json")
    parser.add_argument("--no-serve", action="store_true", help="ne pas mesurer la reconstruction de mkdocs serve")
    parser.add_argument("--record", type=Path, default=None,
                        help="fichier gardé sous git où écrire aussi les résultats ; par défaut "
                             f"{RECORD.relative_to(HERE.parent)} pour une exécution complète seulement")
    parser.add_argument("--serve-edits", type=int, default=SERVE_EDITS,
                        help="modifications d'une fiche pendant mkdocs serve, à chaque taille mesurée (%(default)s)")
    parser.add_argument("--repeat", type=int, default=DEFAULT_REPEAT,
                        help="builds de chaque sorte à la taille de référence ; le plus rapide compte (%(default)s)")
    args = parser.parse_args()
    sizes = sorted({int(size) for size in args.sizes.replace(" ", "").split(",") if size})
    full = is_full_run(sizes, serve=not args.no_serve, repeat=args.repeat)
    record = args.record or (RECORD if full else None)
    report = run(sizes, args.seed, args.work, args.output, serve=not args.no_serve, repeat=args.repeat, record=record,
                 serve_edits=args.serve_edits)
    m = report["machine"]
    print(f"Mesures du {report['date']} — {m['nproc']} cœurs, {m['cpu']}, {m['memory_mb']} Mo de mémoire, "
          f"Python {m['python']}, MkDocs {m['mkdocs']}, Material {m['mkdocs_material']}, charge moyenne "
          f"{' / '.join(f'{v:.1f}' for v in m['load_average'])} (1, 5, 15 min, au début)")
    print(table(report))
    print(f"\nRésultats écrits dans {args.output}")
    if record is not None:
        print(f"et dans {record}, à valider avec git (les chiffres de docs/mainteneurs/performances.md en viennent)")


if __name__ == "__main__":
    main()
