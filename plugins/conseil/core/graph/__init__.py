"""The resolved graph of published records, and every figure derived from it (follow-up, report, composition)."""
