"""The training modules: loading and checking curriculum/, the catalogue, module pages and slide decks."""
