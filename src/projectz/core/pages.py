"""A generated page: where it lives, which file an author edits, and its Markdown with front matter."""

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

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
class Download:
    """A file the site publishes beside its pages, made only when asked for: validation needs
    just the names, and producing every file's bytes would cost it most of its time."""

    src_uri: str
    make: Callable[[], bytes | str]


def made_together(paths: Sequence[str], make: Callable[[], Mapping[str, bytes | str]]) -> list[Download]:
    """Downloads that one computation makes all at once (make gives each path's content), run
    when the first of them is asked for."""
    @cache
    def made() -> Mapping[str, bytes | str]:
        files = make()
        if files.keys() != set(paths):
            raise ValueError(f"made {sorted(files)}, declared {sorted(paths)}")
        return files

    return [Download(path, lambda path=path: made()[path]) for path in paths]


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
