"""Where each kind of page lives, and links between pages that work from any depth."""

import posixpath
import re
import unicodedata


def module_src(module_id: str) -> str:
    return f"modules/{module_id}.md"


def module_url(module_id: str) -> str:
    return f"modules/{module_id}/"


def relative(from_url: str, to_url: str) -> str:
    """A relative link between two directory-style site URLs ('' is the home page)."""
    start = from_url.rstrip("/") or "."
    target = to_url.rstrip("/") or "."
    path = posixpath.relpath(target, start)
    return "./" if path == "." else f"{path}/"


def slug(name: str) -> str:
    """'Fryslân' → 'fryslan', "'s-Hertogenbosch" → 's-hertogenbosch', 'Bergen (NH.)' → 'bergen-nh'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")


def province_src(name: str) -> str:
    return f"provincies/{slug(name)}.md"


def province_url(name: str) -> str:
    return f"provincies/{slug(name)}/"


def municipality_src(name: str) -> str:
    return f"gemeenten/{slug(name)}.md"


def municipality_url(name: str) -> str:
    return f"gemeenten/{slug(name)}/"


class PageLinks:
    """Relative links from one page to every kind of page, for templates."""

    def __init__(self, here: str):
        self.here = here

    def to(self, url: str) -> str:
        return relative(self.here, url)

    def module(self, module_id: str) -> str:
        return self.to(module_url(module_id))

    def province(self, province_name: str) -> str:
        return self.to(province_url(province_name))

    def municipality(self, municipality_name: str) -> str:
        return self.to(municipality_url(municipality_name))
