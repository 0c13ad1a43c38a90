"""The content model: the schema every other part derives from, the typed records, dates, names, diagnostics."""
