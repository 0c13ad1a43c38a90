"""The search's figures on a generated council: the index's time, and what a reader's browser fetches and waits.

    python benchmarks/search_bench.py --sizes 2000

Bytes are counted at the server, compressed as a static host sends them (gzip for text; Pagefind's files are
compressed already), the worker's requests included, each view in a fresh browser context (a cold cache):
- a record page viewed without searching: the bytes of search code or data it fetches;
- the first query from the search page, a domain word found on about one page in eight (« maraichers »), a
  frequent one (« logement ») and the worst case, a word on every page (« conseil »): bytes, requests, time to
  the first result (from the navigation's start, and after the page's load), also with the
  processor slowed down four times (Chrome's `Emulation.setCPUThrottlingRate`);
- the index's time: the whole build with and without it, and Pagefind's command line run on the built site
  (indexing after the build rather than while the pages are written).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # the test suite's counting server and browser settings

from generate import generate  # noqa: E402

from tests.site.browsing import CHROMIUM_ARGS, VIEWPORTS, serve_counting  # noqa: E402

SEARCH_FILES = ("/pagefind/", "/assets/conseil/recherche.js")
FINISHED = "(() => { const s = document.getElementById('recherche-etat'); " \
           "return s && s.textContent !== '' && !s.textContent.startsWith('Recherche en cours'); })()"
# A domain word on about one page in eight of a generated council, a frequent one (the élus' delegations name
# it on many pages), and the worst case: a word on every page.
QUERIES = {"mot_du_domaine": "maraichers", "mot_courant": "logement", "pire_cas": "conseil"}


def first_record(site: Path) -> str:
    """The path of a contribution's page of the built site."""
    page = next(iter(sorted((site / "contributions").glob("*/index.html"))))
    return page.parent.relative_to(site).as_posix() + "/"


def _view(browser, url: str, sent: list, *, throttle: float = 1, query: bool) -> dict:
    context = browser.new_context(viewport=VIEWPORTS["mobile"], locale="fr-FR")
    tab = context.new_page()
    try:
        if throttle != 1:
            context.new_cdp_session(tab).send("Emulation.setCPUThrottlingRate", {"rate": throttle})
        sent.clear()
        tab.goto(url, wait_until="load")
        if query:
            tab.wait_for_function(FINISHED, timeout=300_000, polling=50)
            shown = tab.evaluate("performance.now()")
            loaded = tab.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
        tab.wait_for_load_state("networkidle")
        search = [(path, size) for path, size in list(sent) if path.startswith(SEARCH_FILES)]
        result = {"search_bytes": sum(size for _, size in search), "search_requests": len(search),
                  "all_bytes": sum(size for _, size in sent), "all_requests": len(sent)}
        if query:
            result.update(first_result_ms=round(shown), after_load_ms=round(shown - loaded),
                          results=tab.locator("#recherche-etat").inner_text())
        return result
    finally:
        context.close()


def measure_site(site: Path, browser=None) -> dict:
    """The browser's figures on a built site, in `browser` (a Playwright chromium) or a chromium of its own."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            own = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
            try:
                return measure_site(site, own)
            finally:
                own.close()
    server, sent = serve_counting(site)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        record = _view(browser, url + first_record(site), sent, query=False)
        queries = {}
        for name, word in QUERIES.items():
            for throttle in (1, 4):
                queries[f"{name}_x{throttle}"] = {"q": word, **_view(
                    browser, f"{url}recherche/?q={word}", sent, throttle=throttle, query=True)}
    finally:
        server.shutdown()
        server.server_close()
    return {"page_fiche": record, "requetes": queries}


def _build(project: Path, config: str, site: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(site)], cwd=project,
                   check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return round(time.perf_counter() - start, 2)


def measure_size(n: int, seed: int, work: Path) -> dict:
    project = work / f"recherche-n{n}"
    counts = generate(n, seed, project)
    plain = _build(project, "mkdocs-plain.yml", work / "site-plain")
    without = _build(project, "mkdocs-sans-index.yml", work / "site-sans-index")
    with_index = _build(project, "mkdocs.yml", work / "site-recherche")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(work / "site-sans-index"), "--silent"], check=True)
    cli = round(time.perf_counter() - start, 2)
    site = work / "site-recherche"
    index = site / "pagefind"
    return {"n": n, "records": counts, "build_plain_material_s": plain, "build_without_index_s": without,
            "build_with_index_s": with_index, "index_in_build_s": round(with_index - without, 2),
            "pagefind_cli_after_build_s": cli,
            "with_index_vs_plain": round(with_index / plain, 3), "without_index_vs_plain": round(without / plain, 3),
            "index_files": sum(1 for p in index.rglob("*") if p.is_file()),
            "index_bytes": sum(p.stat().st_size for p in index.rglob("*") if p.is_file()),
            "browser": measure_site(site)}


def main() -> None:
    parser = argparse.ArgumentParser(description="Mesure la recherche d'un conseil synthétique.")
    parser.add_argument("--sizes", default="2000")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--work", type=Path, default=HERE / "work")
    parser.add_argument("--output", type=Path, default=HERE / "results" / "recherche.json")
    args = parser.parse_args()
    runs = [measure_size(int(n), args.seed, args.work) for n in args.sizes.split(",")]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(runs, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(runs, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
