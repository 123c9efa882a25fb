"""A generated page: where it lives, which file an author edits, and its Markdown with front matter."""

import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import escape

from projectz.core import urls

# Pages of a module, place or trainer list only the soonest sessions (and describe only those in
# their JSON-LD), so that a busy province's page stays light; the agenda has them all.
UPCOMING_LISTED = 10


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    source_path: str | None  # the file an author edits to change the page; None for derived data
    # The page's Markdown, given links from its own URL (which depends on how the site is built).
    markdown: Callable[[urls.PageLinks], str]


@dataclass(frozen=True)
class Link:
    title: str
    url: str | None


def page_markdown(title: str, description: str, body: str, *, searchable: bool = True) -> str:
    """Front matter plus body; title and description are escaped because the theme prints them raw."""
    meta = "".join(f"{key}: {yaml_string(str(escape(value)))}\n"
                   for key, value in (("description", description), ("title", title)))
    if not searchable:
        meta += "search:\n  exclude: true\n"
    return f"---\n{meta}---\n\n{body}"


# Characters a JSON string may hold raw but YAML may not: YAML folds the line breaks U+0085,
# U+2028 and U+2029 into spaces and refuses DEL, the C1 controls and U+FFFE/U+FFFF.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufffe\uffff]")


def yaml_string(value: str) -> str:
    """value as a YAML double-quoted scalar: a JSON string (far cheaper to write than through
    yaml.safe_dump) with the characters YAML reads differently escaped."""
    return _YAML_UNSAFE.sub(lambda match: f"\\u{ord(match[0]):04x}", json.dumps(value, ensure_ascii=False))
