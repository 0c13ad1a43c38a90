"""Publishing tool of a conseil de développement: records in, a public site out."""

__version__ = "0.1.0"
