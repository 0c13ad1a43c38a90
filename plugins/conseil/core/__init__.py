"""The core: parsing, the typed model, validation, the resolved graph and its figures.

It imports nothing from MkDocs, so the site could move to another engine.
"""

from .diagnostics import Diagnostic, render
from .loader import Corpus, SourceFile, files_in, load, record_location, validate
from .rules import Settings

__all__ = ["Corpus", "Diagnostic", "Settings", "SourceFile", "files_in", "load", "record_location", "render", "validate"]
