"""Pages generated from content: what each contains and where it lives in the site."""

import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup, escape

from projectz import urls
from projectz.catalogue import CATALOGUE_FACETS, build_catalogue
from projectz.content import Content
from projectz.modules import Module
from projectz.slides import deck_slides
from projectz.templating import render

CATALOGUE_URL = "catalogus/"


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


def module_page(module: Module, content: Content, edit_url: str | None) -> GeneratedPage:
    def markdown(links: urls.PageLinks) -> str:
        body = render(
            "module_page.md.j2",
            module=module,
            body=Markup(module.body.strip()),
            prerequisites=[_module_link(content.module(p), links) for p in module.prerequisites],
            catalogue_url=links.to(CATALOGUE_URL),
            edit_url=edit_url,
            trainers=content.trainers_for_module(module.id),
            content=content,
            links=links,
        )
        return page_markdown(module.title, module.summary, body)

    return GeneratedPage(urls.MODULES.src(module.id), module.source_path, markdown)


def deck_page(module: Module) -> GeneratedPage:
    """The module's slides; left out of search, whose readers want the module page itself."""
    slides = deck_slides(module)

    def markdown(links: urls.PageLinks) -> str:
        body = render("slide_deck.md.j2", slides=slides, module=module, links=links)
        return page_markdown(f"Dia's: {module.title}", f"Dia's bij de module {module.title}, om te presenteren of "
                             "af te drukken.", body, searchable=False)

    return GeneratedPage(urls.DECKS.src(module.id), module.source_path, markdown)


def _module_link(module: Module, links: urls.PageLinks) -> Link:
    """Drafts have no page, so a draft prerequisite is named but not linked."""
    return Link(module.title, None if module.status == "draft" else links.module(module.id))


def catalogue_html(content: Content, page_url: str) -> Markup:
    groups = build_catalogue(list(content.modules))
    return Markup(render(
        "catalogue.html.j2",
        groups=groups,
        facets=CATALOGUE_FACETS,
        total=sum(len(group.modules) for group in groups),
        links=urls.PageLinks(page_url),
        noun="modules",
    ))


def generated_pages(content: Content, edit_base: str | None) -> list[GeneratedPage]:
    """Every page built from content; archived and draft modules keep their page off the catalogue.

    Only modules that are taught (published) get slides.
    """
    return [
        *(module_page(module, content, f"{edit_base}{module.source_path}" if edit_base else None)
          for module in content.modules if module.status != "draft"),
        *(deck_page(module) for module in content.published_modules),
    ]
