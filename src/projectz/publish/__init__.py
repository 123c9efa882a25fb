"""Publishing for real: the site's public addresses, robots.txt and security.txt."""
