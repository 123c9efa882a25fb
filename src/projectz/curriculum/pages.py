"""Module pages, slide decks and the catalogue: the curriculum as the site shows it."""


from markupsafe import Markup

from projectz.content import Content
from projectz.core import urls
from projectz.core.pages import GeneratedPage, Link, page_markdown
from projectz.core.templating import render
from projectz.curriculum.catalogue import CATALOGUE_FACETS, build_catalogue
from projectz.curriculum.modules import Module
from projectz.curriculum.slides import deck_slides

CATALOGUE_URL = "catalogus/"


def module_page(module: Module, content: Content, edit_url: str | None) -> GeneratedPage:
    def markdown(links: urls.PageLinks) -> str:
        body = render(
            "curriculum/module_page.md.j2",
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
        body = render("curriculum/slide_deck.md.j2", slides=slides, module=module, links=links)
        return page_markdown(f"Dia's: {module.title}", f"Dia's bij de module {module.title}, om te presenteren of "
                             "af te drukken.", body, searchable=False)

    return GeneratedPage(urls.DECKS.src(module.id), module.source_path, markdown)


def _module_link(module: Module, links: urls.PageLinks) -> Link:
    """Drafts have no page, so a draft prerequisite is named but not linked."""
    return Link(module.title, None if module.status == "draft" else links.module(module.id))


def catalogue_html(content: Content, page_url: str) -> Markup:
    groups = build_catalogue(list(content.modules))
    return Markup(render(
        "curriculum/catalogue.html.j2",
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
          for module in content.modules if _has_page(module)),
        *(deck_page(module) for module in content.published_modules),
    ]


def former_id_redirects(content: Content) -> dict[str, str]:
    """A renamed module's old addresses to its pages, as source paths: only pages that exist."""
    redirects = {}
    for module in content.modules:
        for former_id in module.former_ids:
            if _has_page(module):
                redirects[urls.MODULES.src(former_id)] = urls.MODULES.src(module.id)
            if module.published:
                redirects[urls.DECKS.src(former_id)] = urls.DECKS.src(module.id)
    return redirects


def _has_page(module: Module) -> bool:
    """Drafts have no page yet; archived modules keep theirs."""
    return module.status != "draft"
