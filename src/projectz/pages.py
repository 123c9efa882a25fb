"""Pages generated from content: what each contains and where it lives in the site."""

from dataclasses import dataclass

import yaml
from markupsafe import Markup, escape

from projectz import urls
from projectz.content import Content
from projectz.modules import Module
from projectz.templating import render

CATALOGUE_URL = "catalogus/"


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    markdown: str
    source_path: str | None  # the file an author edits to change the page; None for derived data


@dataclass(frozen=True)
class Link:
    title: str
    url: str | None


def page_markdown(title: str, description: str, body: str) -> str:
    """Front matter plus body; title and description are escaped because the theme prints them raw."""
    meta = {"title": str(escape(title)), "description": str(escape(description))}
    return f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=True)}---\n\n{body}"


def module_page(module: Module, content: Content, edit_url: str | None) -> GeneratedPage:
    here = urls.module_url(module.id)
    prerequisites = [_module_link(content.module(prerequisite), here) for prerequisite in module.prerequisites]
    body = render(
        "module_page.md.j2",
        module=module,
        body=Markup(module.body.strip()),
        prerequisites=prerequisites,
        catalogue_url=urls.relative(here, CATALOGUE_URL),
        edit_url=edit_url,
    )
    return GeneratedPage(urls.module_src(module.id), page_markdown(module.title, module.summary, body),
                         module.source_path)


def _module_link(module: Module, here: str) -> Link:
    """Drafts have no page, so a draft prerequisite is named but not linked."""
    return Link(module.title, None if module.status == "draft" else urls.relative(here, urls.module_url(module.id)))


def generated_pages(content: Content, edit_base: str | None) -> list[GeneratedPage]:
    """Every page built from content; archived and draft modules keep their page off the catalogue."""
    return [
        module_page(module, content, f"{edit_base}{module.source_path}" if edit_base else None)
        for module in content.modules
        if module.status != "draft"
    ]
