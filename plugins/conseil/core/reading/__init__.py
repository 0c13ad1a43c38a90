"""Reading records: files to typed records with every value located, then every rule checked."""
