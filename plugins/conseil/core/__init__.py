"""The core: parsing, the typed model, validation, the resolved graph and its figures.

Its folders follow the path of a record, and each imports only the ones before it:
- `model/`: the schema every other part derives from, the typed records, dates, names, diagnostics;
- `reading/`: a file's YAML header to a typed record, every value located, then the rules;
- `graph/`: the resolved graph of published records and every figure derived from it;
- `outputs/`: open data, feeds, calendars and sharing metadata, built from the graph;
- `editing/`: the editors' tools derived from the schema (JSON Schemas, CMS and editor settings, new records).
`loader.py` is the front door that runs the first three; the MkDocs plugin and the command line call it.
It imports nothing from MkDocs, so the site could move to another engine.
"""

from .loader import Corpus, SourceFile, files_in, load, record_location, validate
from .model.diagnostics import Diagnostic, render
from .reading.rules import Settings

__all__ = ["Corpus", "Diagnostic", "Settings", "SourceFile", "files_in", "load", "record_location", "render", "validate"]
