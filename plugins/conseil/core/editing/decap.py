"""Decap CMS configuration derived from `schema.py`: a form per record type, a widget per key.

The browser editor writes the same files the validator reads. Each field kind maps to one widget
(`_WIDGETS`); nothing is special-cased by key, so a new record type or key appears without code.
The files are written by our own front matter format (`assets/admin/conseil-cms.js`): YAML that
PyYAML reads back as written (times and `yes`/`on` quoted, dates plain, empty optional keys left out).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from ..model import schema
from ..model.schema import Field, RecordType

FORMAT = "conseil-frontmatter"  # registered by assets/admin/conseil-cms.js
DATE_FORMAT = "YYYY-MM-DD"  # moment.js: the plain date the validator wants
DATE_DISPLAY = "DD/MM/YYYY"
BACKENDS = ("github", "gitlab", "test-repo")
DEFAULT_LOCAL_PORT = 8081
MEDIA_FOLDER = "documents"  # under the content folder: `fichier: documents/avis.pdf`
BODY = "body"  # Decap's name for the Markdown below the front matter


@dataclass(frozen=True)
class Backend:
    """Where the CMS commits: the `cms:` block of the plugin's options in mkdocs.yml."""

    name: str = "test-repo"
    repo: str | None = None
    branch: str = "main"
    editorial_workflow: bool = False
    base_url: str | None = None  # OAuth proxy (GitHub)
    app_id: str | None = None  # OAuth application id (GitLab, PKCE)
    api_root: str | None = None  # self-hosted GitLab: https://gitlab.example.org/api/v4

    @classmethod
    def from_options(cls, options: dict[str, Any] | None) -> Backend:
        options = options or {}
        known = {k: options[k] for k in cls.__dataclass_fields__ if options.get(k) is not None}
        if "backend" in options and options["backend"] is not None:
            known["name"] = options["backend"]
        return cls(**known)

    def config(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name}
        if self.name != "test-repo":
            out.update(repo=self.repo, branch=self.branch)
        for key in ("base_url", "app_id", "api_root"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        if self.name == "gitlab" and self.app_id:
            out["auth_type"] = "pkce"
        return out


def decap_config(content_dir: str = "content", backend: Backend | None = None, *, site_url: str | None = None,
                 local_port: int | None = None) -> dict[str, Any]:
    """The `config.yml` of Decap CMS; `local_port`: edit the working copy through decap-server (`make edit`)."""
    backend = backend or Backend()
    config: dict[str, Any] = {"backend": backend.config()}
    if backend.editorial_workflow:
        config["publish_mode"] = "editorial_workflow"
    if local_port is not None:
        config["local_backend"] = {"url": f"http://127.0.0.1:{local_port}/api/v1"}
    config["locale"] = "fr"
    if site_url:
        config.update(site_url=site_url, display_url=site_url)
    config.update(
        media_folder=f"{content_dir}/{MEDIA_FOLDER}",
        public_folder=MEDIA_FOLDER,
        # File names as `conseil new` makes them: lowercase ASCII, accents removed, dashes.
        slug={"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        collections=[_collection(t, content_dir) for t in schema.RECORD_TYPES.values()],
    )
    return config


def _collection(record_type: RecordType, content_dir: str) -> dict[str, Any]:
    identifier = record_type.title_field.key
    return {
        "name": record_type.name,
        "label": record_type.label_plural.capitalize(),
        "label_singular": record_type.label.capitalize(),
        "description": record_type.description,
        "folder": f"{content_dir}/{record_type.name}",
        "create": True,
        "extension": "md",
        "format": FORMAT,
        # The name `conseil new` gives: 2025-03-12-mobilites-du-quotidien.md, claire-morel.md
        "slug": "{{fields.date}}-{{slug}}" if record_type.dated else "{{slug}}",
        "identifier_field": identifier,
        "summary": ("{{fields.date}} — " if record_type.dated else "") + "{{" + identifier + "}}",
        "sortable_fields": (["date"] if record_type.dated else []) + [identifier],
        "preview_path": record_type.name + "/{{slug}}/",
        "editor": {"preview": False},  # the site's own preview (make edit) shows the real page
        "fields": [_field(f) for f in record_type.fields] + [_body(record_type)],
    }


def _body(record_type: RecordType) -> dict[str, Any]:
    # Markdown as written, in a plain text area: Decap's Markdown editor rewrites what it does not know
    # (admonitions, attributes, footnotes) and its raw mode is an editor of its own, not a text field.
    return {"name": BODY, "label": "texte", "widget": "text", "required": False,
            "hint": f"{record_type.body} En Markdown."}


def _field(field: Field) -> dict[str, Any]:
    """The widget: the kind's own, then what the field declares (references, items, choices, limits)."""
    out: dict[str, Any] = {"name": field.key, "label": field.key, "required": field.required}
    if field.description:
        out["hint"] = field.description
    if field.references:
        out.update(_relation(field.references, multiple=field.item is not None))
    elif field.kind in _WIDGETS:
        out.update(_WIDGETS[field.kind](field))
    else:  # a kind added to the model needs its widget here: say so rather than guess one
        raise ValueError(f"core/editing/decap.py : aucun widget Decap pour la sorte de champ « {field.kind} » ({field.key})")
    if field.required and field.min_items:
        out["min"] = field.min_items
    return out


def _text(field: Field) -> dict[str, Any]:
    out: dict[str, Any] = {"widget": "text" if field.multiline else "string"}
    if field.max_length is not None:
        out["pattern"] = [f"^[\\s\\S]{{0,{field.max_length}}}$", f"{field.max_length} caractères au plus."]
    return out


def _date(field: Field) -> dict[str, Any]:
    out: dict[str, Any] = {"widget": "datetime", "format": DATE_FORMAT, "date_format": DATE_DISPLAY,
                           "time_format": False, "picker_utc": True}
    if not field.required:
        out["default"] = ""  # no date until one is chosen
    return out


def _time(field: Field) -> dict[str, Any]:
    # Written quoted by our format: YAML 1.1 would read 18:30 as a number.
    return {"widget": "string", "pattern": [schema.TIME_PATTERN, "Une heure HH:MM, par exemple 18:30."]}


def _approximate_date(field: Field) -> dict[str, Any]:
    # A text box, not the date picker: a picker would invent the day of a date known by its month or year.
    return {"widget": "string", "pattern": [schema.APPROXIMATE_DATE_PATTERN,
                                            "Une date AAAA-MM-JJ, ou AAAA-MM, AAAA, AAAA/AAAA quand le jour "
                                            "n'est pas connu."]}


def _attendance(field: Field) -> dict[str, Any]:
    # Text, so that « près de 150 » can be written; a bare number written as text is read as that number.
    return {"widget": "string", "pattern": [rf"^(?:\d+|(?:{'|'.join(schema.ATTENDANCE_QUALIFIERS)}) \d+)$",
                                            "Un nombre, ou « environ 150 », « près de 150 », « plus de 150 »."]}


def _integer(field: Field) -> dict[str, Any]:
    out: dict[str, Any] = {"widget": "number", "value_type": "int"}
    if field.minimum is not None:
        out["min"] = field.minimum
    if field.maximum is not None:
        out["max"] = field.maximum
    return out


def _boolean(field: Field) -> dict[str, Any]:
    # A box ticked by default says what an absent key means (`reponse_attendue`); unticked needs no default.
    return {"widget": "boolean", **({"default": True} if field.default is True else {})}


def _choice(field: Field) -> dict[str, Any]:
    return {"widget": "select", "options": [{"label": schema.LABELS.get(v, v), "value": v} for v in field.choices]}


def _relation(target_name: str, *, multiple: bool) -> dict[str, Any]:
    target = schema.RECORD_TYPES[target_name]
    shown = target.title_field.key
    return {"widget": "relation", "collection": target.name, "value_field": "{{slug}}", "search_fields": [shown],
            "display_fields": [shown], "multiple": multiple}


def _reference(field: Field) -> dict[str, Any]:
    return _relation(field.target, multiple=False)


def _list(field: Field) -> dict[str, Any]:
    item = field.item
    # « Ajouter un engagement »: the item's description names one item, with its article.
    label = item.description.rstrip(".")
    out: dict[str, Any] = {"widget": "list", "label_singular": label[:1].lower() + label[1:]}
    if item.fields:
        out["fields"] = [_field(f) for f in item.fields]
        out["summary"] = "{{fields." + item.fields[0].key + "}}"
    else:
        out["field"] = _field(item)
    return out


def _object(field: Field) -> dict[str, Any]:
    fields = [_field(f) for f in field.fields]
    if not field.required:
        # Decap checks the keys of an object even when the object is left empty, and would refuse to save
        # every record without one (`deliberation` and its `numero`); `conseil check` still requires the key
        # when the object is written.
        fields = [{**f, "required": False} for f in fields]
    return {"widget": "object", "fields": fields}


# One widget per field kind.
_WIDGETS: dict[schema.Kind, Callable[[Field], dict[str, Any]]] = {
    schema.TEXT: _text,
    schema.DATE: _date,
    schema.TIME: _time,
    schema.INTEGER: _integer,
    schema.BOOLEAN: _boolean,
    schema.CHOICE: _choice,
    schema.REFERENCE: _reference,
    schema.LIST: _list,
    schema.OBJECT: _object,
    schema.APPROXIMATE_DATE: _approximate_date,
    schema.ATTENDANCE: _attendance,
}


def config_yaml(config: dict[str, Any]) -> str:
    """The text of `admin/config.yml`."""
    import yaml  # the core reads YAML anyway; kept local so the model's importers do not pay for it

    header = ("# Decap CMS (/admin/), generated by `conseil schema` from the content model and the `cms:` options\n"
              "# of mkdocs.yml: do not edit by hand, a test checks that it is up to date.\n")
    return header + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=100)
