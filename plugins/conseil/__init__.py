"""Publishing tool of a conseil de développement: records in, a public site out."""

__version__ = "1.0.0"
