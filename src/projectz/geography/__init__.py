"""Provinces and municipalities (CBS/Kadaster), RD projection, the network of hubs, coverage, SVG maps."""
