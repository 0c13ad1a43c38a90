"""The thin MkDocs layer: events wired to the core and to the templates."""

from .plugin import ConseilPlugin

__all__ = ["ConseilPlugin"]
