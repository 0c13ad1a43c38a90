"""The pages the plugin adds or replaces, as virtual files (never written into content/)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from html import escape

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..core import Corpus, schema
from ..core.sharing import describe


@dataclass(frozen=True)
class Section:
    """A generated index page: its path, title and template."""

    uri: str
    title: str
    template: str
    description: str | None = None  # what search engines and shared links show; the site's by default


SECTIONS = (
    *(Section(f"{t.name}/index.md", t.section_title, f"conseil/{t.name}.html", t.index_description)
      for t in schema.RECORD_TYPES.values()),
    Section("suivi/index.md", "Suivi des réponses", "conseil/suivi.html",
            "Le suivi des réponses des élus : textes en attente, en retard, taux de réponse et délais."),
)
HOME = Section("index.md", "Accueil", "conseil/accueil.html")


def front_matter(title: str, template: str, description: str | None = None) -> str:
    # JSON strings are valid YAML scalars: titles with colons or quotes stay intact. The title is
    # HTML-escaped: Material prints page titles as they are (<title>, header, search results), and
    # the description inside an attribute (<meta name="description">).
    title = escape(title, quote=False)
    described = f"description: {json.dumps(escape(description), ensure_ascii=False)}\n" if description else ""
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n{described}template: {template}\n---\n\n"


def record_template(record_type: str) -> str:
    return f"conseil/{schema.RECORD_TYPES[record_type].singular}.html"


def replace_records(files: Files, corpus: Corpus, config: MkDocsConfig, *, preview: bool) -> dict[str, str]:
    """Swap each record file for a virtual page holding its body; drop unpublished ones.

    Returns the page routing: uri -> graph key, or "" for a record shown only as its errors (preview).
    """
    routes: dict[str, str] = {}
    for file in list(files.documentation_pages()):
        key = file.src_uri[:-3]  # contributions/x.md -> contributions/x
        node = corpus.graph.by_key.get(key)
        if node is not None:
            files.remove(file)
            files.append(File.generated(config, file.src_uri,
                                        content=front_matter(node.titre, record_template(node.type),
                                                             describe(node)) + node.body))
            routes[file.src_uri] = key
        elif file.src_uri in corpus.failed and preview:
            files.remove(file)
            files.append(File.generated(config, file.src_uri,
                                        content=front_matter(file.src_uri, "conseil/erreurs.html")))
            routes[file.src_uri] = ""
        elif _is_record(key, corpus):
            files.remove(file)  # draft, embargoed or broken: no page, no search entry, no sitemap line
    return routes


def _is_record(key: str, corpus: Corpus) -> bool:
    record_type, _, record_id = key.partition("/")
    return record_id in corpus.index.files.get(record_type, {})


def add_sections(files: Files, config: MkDocsConfig) -> dict[str, Section]:
    """The home page and the section index pages, unless the site writes its own."""
    added: dict[str, Section] = {}
    for section in (HOME, *SECTIONS):
        if files.get_file_from_path(section.uri) is None:
            files.append(File.generated(config, section.uri, content=front_matter(section.title, section.template,
                                                                                   section.description)))
        added[section.uri] = section
    return added
