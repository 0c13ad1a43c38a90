"""The editors' tools derived from the schema: JSON Schemas, Decap CMS and Front Matter configuration, new records, the reference."""
