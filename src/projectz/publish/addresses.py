"""The site's public addresses, and the check that a production build publishes no placeholder.

Local builds and the tests run on `.example` addresses (mkdocs.yml's defaults); a production
build must name the real site and repository, or every canonical link, sitemap entry, calendar
event and edit link would point nowhere.
"""

from urllib.parse import urlsplit

# Names reserved for examples and tests (RFC 2606, RFC 6761): they never reach a real server.
RESERVED_SUFFIXES = (".example", ".test", ".invalid", ".localhost", "example.com", "example.net", "example.org")

ROBOTS_FILE = "robots.txt"
SITEMAP_FILE = "sitemap.xml"


def is_placeholder(address: str) -> bool:
    """True for a URL or mailto: address on a reserved example name, or with no host at all."""
    host = address.rsplit("@", 1)[1] if address.startswith("mailto:") else urlsplit(address).hostname or ""
    host = host.lower().rstrip(".")
    return not host or any(host == suffix.lstrip(".") or host.endswith(suffix) for suffix in RESERVED_SUFFIXES)


def placeholder_problems(site_url: str | None, repo_url: str | None) -> list[str]:
    """What stops a production build: each configured address that is missing or an example."""
    settings = (("site_url", site_url, "PROJECTZ_SITE_URL", "het openbare adres van de site"),
                ("repo_url", repo_url, "PROJECTZ_REPO_URL", "het adres van de repository"))
    return [f"{name}: '{value or ''}' is geen echt adres; zet {variable} op {meaning}"
            for name, value, variable, meaning in settings if is_placeholder(value or "")]


def robots_txt(site_url: str) -> str:
    """Every crawler may read everything; the sitemap lists the pages (absolute, as RFC 9309 asks)."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/{SITEMAP_FILE}\n"
