"""The site adapter: MkDocs plugin, macros API, accessibility statement, build and offline edition."""
