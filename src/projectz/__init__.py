"""Project Z build core: load, validate and render the training site's content."""
