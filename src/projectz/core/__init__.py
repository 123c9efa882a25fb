"""What every part builds on: files, YAML with lines, schema, messages, vocabulary, Dutch, templates, URLs, pages."""
