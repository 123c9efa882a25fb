"""The macros pages may call, as plain functions of the content and the current page's URL.

Kept apart from the mkdocs-macros entry point so that another site generator that
supports `define_env` (such as Zensical) can reuse it unchanged.
"""

from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from projectz.content import Content
from projectz.core.templating import render
from projectz.curriculum.modules import MODULE_SCHEMA
from projectz.curriculum.pages import catalogue_html, learning_paths_html
from projectz.geography.pages import national_map_html
from projectz.people.pages import directory_html, partnerships_html, support_levels_html
from projectz.sessions.pages import agenda_html, results_html
from projectz.site.accessibility import deviations_html


def module_fields_html() -> Markup:
    return Markup(render("site/field_table.html.j2", schema=MODULE_SCHEMA))


def register(env: Any, content: Content) -> None:
    def page_url() -> str:
        return env.page.url if env.page else ""

    macros: dict[str, Callable[[], Markup | int | str]] = {
        "catalogue": lambda: catalogue_html(content, page_url()),
        "learning_paths": lambda: learning_paths_html(content, page_url()),
        "glossary": lambda: Markup(render("curriculum/glossary.html.j2", terms=content.glossary)),
        "module_fields": module_fields_html,
        "module_count": lambda: len(content.published_modules),
        "province_map": lambda: national_map_html(content, page_url()),
        "trainer_directory": lambda: directory_html(content, page_url()),
        "support_levels": lambda: support_levels_html(content, page_url()),
        "webcare_partnerships": lambda: partnerships_html(content, page_url()),
        "agenda": lambda: agenda_html(content, page_url(), env.conf["site_url"] or ""),
        "results": lambda: results_html(content, page_url()),
        "accessibility_deviations": lambda: deviations_html(content.statement),
        "accessibility_contact": lambda: content.statement.contact,
    }
    for name, function in macros.items():
        env.macro(function, name)
