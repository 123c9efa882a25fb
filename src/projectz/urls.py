"""Where each kind of page lives, and links between pages that work from any depth."""

import posixpath


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
