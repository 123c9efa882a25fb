"""Command-line tools: validate, build, new-module and offline, and the benchmark with its scaled copies."""
