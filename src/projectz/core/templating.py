"""The one Jinja environment that renders every generated fragment (HTML, SVG, Markdown).

Each package keeps the templates it renders in its own templates/ folder; a template is named by
its package, as in "curriculum/module_page.md.j2", so no package can shadow another's.
"""

import hashlib
from functools import cache
from pathlib import Path

import jinja2

from projectz.core import dutch, urls, vocabulary
from projectz.core.pages import UPCOMING_LISTED

PACKAGE_ROOT = Path(__file__).parent.parent


# The options that shape the code Jinja compiles a template into (globals and filters do not).
_COMPILE_OPTIONS = {
    "autoescape": True,
    "undefined": jinja2.StrictUndefined,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "keep_trailing_newline": True,
}


@cache
def environment() -> jinja2.Environment:
    """Autoescaping everywhere: every value that reaches a template comes from data files."""
    env = jinja2.Environment(
        loader=_package_loader(),
        **_COMPILE_OPTIONS,
        # Templates are code shipped with the package, not content: checking their mtimes on every
        # include costs a stat each. So `scripts/serve` picks up an edited template only on restart.
        auto_reload=False,
        bytecode_cache=_bytecode_cache(),
    )
    env.globals["vocab"] = vocabulary
    env.globals["urls"] = urls
    env.globals["zip"] = zip
    env.globals["upcoming_listed"] = UPCOMING_LISTED
    env.filters["labels"] = _labels
    env.filters["long_date"] = dutch.long_date
    env.filters["number"] = dutch.number
    env.filters["decimal"] = dutch.decimal
    env.filters["clock"] = dutch.clock
    env.filters["month_year"] = dutch.month_year
    env.filters["duration"] = vocabulary.duration_label
    return env


def _bytecode_cache() -> jinja2.FileSystemBytecodeCache:
    """Compiled templates kept between builds, as Python keeps .pyc files: compiling them all again
    took a tenth of the build. Jinja reuses an entry only for the same template file with the same
    source; the file name pattern adds what Jinja does not check, its own version and our options."""
    fingerprint = hashlib.sha256(repr((jinja2.__version__, _COMPILE_OPTIONS)).encode()).hexdigest()[:16]
    # Without a directory Jinja picks a private folder of the user's in the temporary directory.
    return jinja2.FileSystemBytecodeCache(pattern=f"__projectz_{fingerprint}_%s.cache")


def _package_loader() -> jinja2.PrefixLoader:
    return jinja2.PrefixLoader({
        folder.parent.name: jinja2.FileSystemLoader(folder) for folder in sorted(PACKAGE_ROOT.glob("*/templates"))
    })


def render(template_name: str, **context: object) -> str:
    return environment().get_template(template_name).render(**context)


def _labels(values: tuple[str, ...], vocabulary_table: dict[str, str]) -> str:
    """Vocabulary values as the comma-separated Dutch labels readers see."""
    return ", ".join(vocabulary_table[value] for value in values)
