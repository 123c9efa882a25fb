"""Machine-readable publication: results tables, the JSON API and its DCAT catalogue, JSON-LD and Atom feeds."""
