"""The site's search index: Pagefind, fed each indexed page as MkDocs writes it.

Pagefind runs as a service process (the binary of the `pagefind_bin` wheel, nothing downloaded): each page's
HTML is sent to it as soon as it is rendered, so the index is built on the second core while MkDocs renders
the next pages, and written into `site/pagefind/` once the build ends. Only the pages of records and the
site's own pages (about, legal notices) are sent, and of each only its article (`data-pagefind-body`): lists,
reports, the search page, the 404 page and /admin/ stay out, and so do navigation and footers.
"""

from __future__ import annotations

import base64
import json
import os
import queue
import re
import subprocess
import threading
from dataclasses import dataclass
from typing import Any

from ..core.model import schema
from ..core.model.dates import date_fr

OUTPUT = "pagefind"  # the bundle's folder in the site; the search page's script loads pagefind.js from there
# Inside an indexed article, what is not the record's text: heading permalinks (« ¶ »).
EXCLUDED = [".headerlink"]
_CELL_END = re.compile(r"</(dt|dd|th|td)>")
_LANGUAGE = re.compile(r'<html[^>]*\slang="([^"]+)"')


class SearchIndexError(RuntimeError):
    """Pagefind refused a page or could not write its index."""


class PagefindWriter:
    """One build's index: a Pagefind service (`pagefind --service`), pages sent as they are written, the index
    written at the end.

    Pagefind's own Python client waits a tenth of a second between two answers it reads (ten pages a second
    at most): this one speaks the service's protocol (base64 JSON messages, each followed by a comma) with a
    thread that writes the queued pages, one at a time, and one that reads every answer as soon as it comes.
    """

    def __init__(self) -> None:
        try:  # the binary of the pagefind_bin wheel (or PAGEFIND_BINARY_PATH)
            from pagefind.service import get_executable
        except ImportError:
            get_executable = lambda: None  # noqa: E731 - reported below, as a missing program
        executable = get_executable()
        if executable is None:
            raise SearchIndexError("le programme pagefind est introuvable (paquet pagefind[bin] non installé)")
        try:
            self._process = subprocess.Popen([str(executable), "--service"], stdin=subprocess.PIPE,
                                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        except OSError as error:
            raise SearchIndexError(f"le programme pagefind ({executable}) ne démarre pas : {error}") from None
        self._answers: dict[int, dict] = {}
        self._answered = threading.Condition()
        self._errors: list[str] = []
        self._outbox: queue.SimpleQueue[tuple[bytes, bool] | None] = queue.SimpleQueue()  # (message, is a page)
        self._next_id = 0
        self._reader = threading.Thread(target=self._read, name="pagefind-lecture", daemon=True)
        self._writer = threading.Thread(target=self._write, name="pagefind-envoi", daemon=True)
        self._reader.start()
        self._writer.start()
        self.pages = 0  # sent
        self.indexed = 0  # read by Pagefind
        answer = self._ask({"type": "NewIndex", "config": {"root_selector": "html", "exclude_selectors": EXCLUDED}})
        self._index_id = answer["index_id"]

    def add(self, html: str, url: str) -> None:
        """Queue one page (its URL from the site's root, `/contributions/x/`); returns at once."""
        self._send({"type": "AddFile", "index_id": self._index_id, "url": url, "file_contents": article_only(html)})
        self.pages += 1

    def write(self, site_dir: str) -> None:
        """Wait for every page, then write the index into `site_dir/pagefind/`; the service stops."""
        try:
            # Every page's answer first: the service may work on several messages at once, and an index written
            # before a slow page is read would miss it (and differ from one build to the next).
            with self._answered:
                if not self._answered.wait_for(lambda: self.indexed + len(self._errors) >= self.pages
                                               or self._process.poll() is not None, timeout=600):
                    raise SearchIndexError("Pagefind ne répond plus")
            self._ask({"type": "WriteFiles", "index_id": self._index_id,
                       "output_path": os.path.join(os.path.abspath(site_dir), OUTPUT)})
            if self._errors:
                raise SearchIndexError("; ".join(self._errors[:5]))
        finally:
            self.close()

    def close(self) -> None:
        """Stop the service (after a failed build too); nothing more is written."""
        self._outbox.put(None)
        self._writer.join(timeout=30)
        try:
            # Its input closed, the service ends by itself once the files it answered for are on disk: Pagefind
            # may answer WriteFiles before its last writes are flushed, and a terminated service truncates them.
            self._process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            self._process.terminate()
            self._process.wait(timeout=30)
        self._reader.join(timeout=30)

    # -- the protocol ---------------------------------------------------------

    def _send(self, payload: dict) -> int:
        self._next_id += 1
        message = {"message_id": self._next_id, "payload": payload}
        self._outbox.put((base64.b64encode(json.dumps(message).encode("utf-8")) + b",", payload["type"] == "AddFile"))
        return self._next_id

    def _ask(self, payload: dict) -> dict:
        """Send a message and wait for its answer (the service answers in order: every earlier page is in)."""
        message_id = self._send(payload)
        with self._answered:
            if not self._answered.wait_for(lambda: message_id in self._answers or self._process.poll() is not None,
                                           timeout=600):
                raise SearchIndexError("Pagefind ne répond plus")
            answer = self._answers.pop(message_id, None)
        if answer is None:
            raise SearchIndexError("Pagefind s'est arrêté")
        if answer.get("type") == "Error":
            raise SearchIndexError(answer.get("message", "erreur inconnue"))
        return answer

    def _write(self) -> None:
        stdin, written = self._process.stdin, 0
        while (item := self._outbox.get()) is not None:
            message, is_page = item
            try:
                stdin.write(message)
                stdin.flush()
            except OSError:  # the service stopped: its reader reports it
                return
            if is_page:
                # One page at a time: the service may work on several at once and number them as they finish,
                # and the index must come out the same for the same site (reproducible builds).
                written += 1
                with self._answered:
                    self._answered.wait_for(lambda: self.indexed + len(self._errors) >= written
                                            or self._process.poll() is not None)
        stdin.close()

    def _read(self) -> None:
        stdout, pending = self._process.stdout, b""
        while chunk := stdout.read1(1 << 16):
            pending += chunk
            *messages, pending = pending.split(b",")
            for message in messages:
                answer = json.loads(base64.b64decode(message))
                payload = answer.get("payload") or {}
                with self._answered:
                    if payload.get("type") == "Error":
                        self._errors.append(payload.get("message", "erreur inconnue"))
                    if payload.get("type") == "IndexedFile":  # pages' answers are only counted
                        self.indexed += 1
                    else:
                        self._answers[answer.get("message_id") or 0] = payload
                    self._answered.notify_all()
        with self._answered:
            self._answered.notify_all()


def article_only(html: str) -> str:
    """What Pagefind needs of a page: its language and its article, marked as the body to index.

    The header, navigation, footer and scripts are most of a page's bytes and none of its index: sending the
    article alone divides Pagefind's parsing by several. The cells of a table and the terms and values of a list
    get a space after them (Pagefind would run « Date » and « mardi » into « Datemardi »)."""
    language = _LANGUAGE.search(html, 0, 500)
    start, end = html.find("<article"), html.rfind("</article>")
    if start != -1 and end > start:
        html = (f'<!doctype html><html lang="{language.group(1) if language else "fr"}"><head><meta charset="utf-8">'
                f"</head><body>{html[start:end + len('</article>')]}</body></html>")
    if "data-pagefind-body" not in html:  # a theme without our base.html: its article is the body all the same
        html = html.replace("<article", "<article data-pagefind-body", 1)
    return _CELL_END.sub(r"</\1> ", html)


@dataclass(frozen=True)
class Facets:
    """What the index holds of a record beside its text: filters (the search page's choices) and metadata."""

    filters: tuple[tuple[str, str], ...]
    meta: tuple[tuple[str, str], ...]


# The search page's filters, in the order it shows them: (URL parameter = Pagefind filter, label).
FILTERS = (
    ("type", "Type de fiche"),
    ("theme", "Thème"),
    ("annee", "Année"),
    ("statut", "Suivi de la réponse"),
    ("destinataire", "Élu ou organe"),
)


def facets(node: Any) -> Facets:
    """A record's filters and metadata, from the graph: type, themes, year, status, élus and organes."""
    record_type = schema.RECORD_TYPES[node.type]
    filters: list[tuple[str, str]] = [("type", node.type)]
    filters += [("theme", theme.id) for theme in getattr(node, "themes", None) or ()]
    when = _day_of(node)
    if when is not None:
        filters.append(("annee", str(when.year)))
    if node.type == "contributions":
        filters.append(("statut", node.statut))
        filters += [("destinataire", target.id) for target in node.destinataires]
    elif node.type == "reponses" and node.repondant is not None:
        filters.append(("destinataire", node.repondant.id))
    elif node.type in ("elus", "organes"):
        filters.append(("destinataire", node.id))
    elif node.type == "concertations" and node.maitre_ouvrage is not None:
        filters.append(("destinataire", node.maitre_ouvrage.id))  # the organe that carries it and answers
    meta = [("type", _kind(node, record_type))]
    if when is not None:
        meta.append(("date", date_fr(when)))
    return Facets(tuple(filters), tuple(meta))


def _day_of(node: Any) -> Any:
    """The day a result is dated by: its `date`, or a concertation's start; None for undated records (élus…)."""
    return getattr(node.record, "date", None) or getattr(node.record, "debut", None)


def _kind(node: Any, record_type: schema.RecordType) -> str:
    """What a result says the record is: « Avis », « Question », « Réponse », « Intervention », « Élu »…"""
    if node.type == "contributions":
        return schema.NATURES[node.nature]
    if node.type == "reponses" and node.intervention:
        return "Intervention"
    if node.type == "assemblees":
        return schema.ASSEMBLEE_TYPES[node.type_assemblee]
    return record_type.label[:1].upper() + record_type.label[1:]


@dataclass(frozen=True)
class Choice:
    """One filter of the search page: its URL parameter, its label, and its values with their labels."""

    name: str
    label: str
    values: tuple[tuple[str, str], ...]


def search_choices(graph: Any) -> list[Choice]:
    """The search page's filters, with the values the published records hold (the index has no other)."""
    types = [(t.name, t.section_title) for t in schema.RECORD_TYPES.values()
             if any(node.type == t.name for node in graph.by_key.values())]
    years = sorted({_day_of(node).year for node in graph.by_key.values() if _day_of(node) is not None}, reverse=True)
    statuses = sorted({c.statut for c in graph.contributions}, key=list(schema.STATUTS).index)
    values = {
        "type": types,
        "theme": [(theme.id, theme.titre) for theme in graph.themes],
        "annee": [(str(year), str(year)) for year in years],
        "statut": [(status, schema.STATUTS[status]) for status in statuses],
        "destinataire": [(elu.id, elu.nom) for elu in graph.elus] + [(o.id, o.nom) for o in graph.organes],
    }
    return [Choice(name, label, tuple(values[name])) for name, label in FILTERS if values[name]]
