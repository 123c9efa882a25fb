"""Trainers and webcare partnerships: the registries, the trainer directory, the help route and their pages."""
