"""Fixtures of the browser checks: the demo site served on loopback, and Debian's chromium.

A module, not a conftest.py: a second conftest would shadow tests/conftest.py for `from conftest import …`.
Test modules import the fixtures they use by name."""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import os
import shutil
import threading
from pathlib import Path
from typing import Iterator

import pytest

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
VIEWPORTS = {"bureau": {"width": 1280, "height": 800}, "mobile": {"width": 375, "height": 812}}

# Every element of the article wider than the viewport or reaching past its right edge, and the page's widths.
# The argument, a CSS selector or null, names regions that scroll by themselves (a data table in a focusable
# region, which WCAG 1.4.10 allows): the region must fit the screen, what it holds may not.
OVERFLOW = """(scrollers) => {
  const width = document.documentElement.clientWidth, wide = [];
  for (const e of document.querySelectorAll("article.md-content__inner *")) {
    if (scrollers && e.parentElement.closest(scrollers)) continue;
    const r = e.getBoundingClientRect();
    if (r.width > width + 0.5 || r.right > width + 0.5) {
      wide.push(`${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""}${e.className ? "." + String(e.className).trim().replace(/\\s+/g, ".") : ""} (${Math.round(r.width)} px)`);
    }
  }
  return {scrollWidth: document.documentElement.scrollWidth, clientWidth: width, articles: document.querySelectorAll("article.md-content__inner").length, wide};
}"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the stdlib's name
        pass


COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class CountingHandler(_QuietHandler):
    """A static host as a reader meets it: text compressed with gzip when the browser accepts it (Pagefind's
    files are compressed already), and every response's bytes counted in `sent` as (path, bytes)."""

    sent: list[tuple[str, int]]

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            return super().do_GET()
        data = Path(path).read_bytes()
        kind = self.guess_type(path)
        headers = {"Content-Type": kind}
        if kind.startswith(COMPRESSED_TYPES) and "gzip" in self.headers.get("Accept-Encoding", ""):
            data = gzip.compress(data, compresslevel=9, mtime=0)
            headers["Content-Encoding"] = "gzip"
        self.send_response(200)
        for name, value in {**headers, "Content-Length": str(len(data)), "Cache-Control": "no-store"}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)
        self.sent.append((self.path.split("?")[0], len(data)))


def serve_counting(root: Path) -> tuple[http.server.ThreadingHTTPServer, list[tuple[str, int]]]:
    """`root` served on a loopback port by a `CountingHandler`; returns the server (started) and its log."""
    sent: list[tuple[str, int]] = []
    handler = functools.partial(type("Counting", (CountingHandler,), {"sent": sent}), directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, sent


@contextlib.contextmanager
def served(folder: Path) -> Iterator[str]:
    """A built site served from a loopback port chosen by the system, as a static host would: its root URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def site_url(demo_site: Path) -> Iterator[str]:
    """The demo site, served."""
    with served(demo_site) as url:
        yield url


class _Chromium:
    """One Playwright and one chromium for the whole run, whichever module asks first.

    Each test module imports the fixtures, so pytest sees one `browser` fixture per module; a second
    Playwright started while the first runs fails ("Sync API inside the asyncio loop").
    """

    playwright = None
    browser = None
    users = 0

    @classmethod
    def acquire(cls):
        if cls.browser is None:
            executable = shutil.which("chromium")
            if executable is None:
                pytest.fail("chromium est introuvable : lancez « make install-dev » (scripts/install-system-deps.sh)")
            from playwright.sync_api import sync_playwright

            cls.playwright = sync_playwright().start()
            cls.browser = cls.playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        cls.users += 1
        return cls.browser

    @classmethod
    def release(cls) -> None:
        cls.users -= 1
        if cls.users == 0 and cls.browser is not None:
            cls.browser.close()
            cls.playwright.stop()
            cls.browser = cls.playwright = None


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright (Playwright's own browsers cannot be downloaded here)."""
    yield _Chromium.acquire()
    _Chromium.release()


@pytest.fixture(params=sorted(VIEWPORTS), scope="module")
def viewport(request) -> str:
    return request.param


@pytest.fixture
def page(browser, viewport):
    """A fresh French-language tab at the requested width."""
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="fr-FR")
    tab = context.new_page()
    yield tab
    context.close()


def settle(tab) -> None:
    """Wait until the page's CSS transitions end: contrast is measured on the final colours."""
    tab.evaluate("Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))")
