"""What every part builds on: YAML with lines, schema, messages, vocabulary, Dutch, templates, URLs, pages."""
