"""Module pages, slide decks and the catalogue: the curriculum as the site shows it."""

from collections.abc import Callable
from dataclasses import replace
from functools import cache
from pathlib import Path

from markupsafe import Markup

from projectz.content import Content
from projectz.core import urls
from projectz.core.issues import Issue
from projectz.core.pages import GeneratedPage, Link, page_markdown
from projectz.core.templating import render
from projectz.core.yamlsource import FRONT_MATTER
from projectz.curriculum import body
from projectz.curriculum.catalogue import CATALOGUE_FACETS, build_catalogue
from projectz.curriculum.glossary import explained
from projectz.curriculum.kit import ModuleKit, SizeLabel, kit_pages, measured_size, module_kit, unmeasured_size
from projectz.curriculum.modules import Module, body_issue, own_folder_links
from projectz.curriculum.paths import LearningPath, path_modules, total_minutes
from projectz.curriculum.slides import TITLE_FIELDS

CATALOGUE_URL = "catalogus/"
LEARNING_PATHS_SOURCE = "data/leerpaden.yaml"


def module_page(kit: ModuleKit, content: Content, edit_url: str | None) -> GeneratedPage:
    module = kit.module

    def markdown(links: urls.PageLinks) -> str:
        text = kit.render(
            "curriculum/module_page.md.j2", links,
            prerequisites=[_module_link(content.module(p), links) for p in module.prerequisites],
            catalogue_url=links.to(CATALOGUE_URL),
            edit_url=edit_url,
            trainers=content.trainers_for_module(module.id),
            content=content,
        )
        return page_markdown(module.title, module.summary, text)

    return GeneratedPage(module.page_src, module.source_path, markdown)


def deck_page(kit: ModuleKit) -> GeneratedPage:
    """The module's slides; left out of search, whose readers want the module page itself."""
    module = kit.module

    def markdown(links: urls.PageLinks) -> str:
        body = kit.render("curriculum/slide_deck.md.j2", links, slides=kit.slides, title_fields=TITLE_FIELDS)
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


def learning_paths_html(content: Content, page_url: str) -> Markup:
    """The learning paths, each with its role, modules and total time: for the overview and home page."""
    return Markup(render("curriculum/learning_paths.html.j2", paths=content.learning_paths, module=content.module,
                         total_minutes=total_minutes, links=urls.PageLinks(page_url)))


def glossary_html(content: Content) -> Markup:
    """Every glossary term with its explanation, for the glossary page."""
    return Markup(render("curriculum/glossary.html.j2", terms=content.glossary))


def learning_path_page(learning_path: LearningPath, content: Content, edit_url: str | None) -> GeneratedPage:
    def markdown(links: urls.PageLinks) -> str:
        text = render("curriculum/learning_path.md.j2", path=learning_path,
                      modules=path_modules(learning_path, content.module),
                      total=total_minutes(learning_path, content.module), links=links, edit_url=edit_url)
        return page_markdown(learning_path.title, learning_path.summary, text)

    return GeneratedPage(urls.LEARNING_PATHS.src(learning_path.id), LEARNING_PATHS_SOURCE, markdown)


def generated_pages(content: Content, root: Path, edit_base: str | None,
                    size_label: SizeLabel = measured_size) -> list[GeneratedPage]:
    """Every page built from content; archived and draft modules keep their page off the catalogue.

    Only modules that are taught (published) get slides and the rest of the trainer's kit.
    """
    pages = []
    for module in content.modules:
        if not _has_page(module):
            continue
        kit = module_kit(module, root, size_label)
        explained_pages = [module_page(kit, content, f"{edit_base}{module.source_path}" if edit_base else None)]
        if module.published:
            explained_pages += kit_pages(kit)
            pages.append(deck_page(kit))
        pages += [replace(page, markdown=explained(page.markdown, content.glossary)) for page in explained_pages]
    edit_url = f"{edit_base}{LEARNING_PATHS_SOURCE}" if edit_base else None
    return pages + [learning_path_page(learning_path, content, edit_url) for learning_path in content.learning_paths]


def module_link_problems(content: Content, root: Path, site_files: frozenset[str]) -> list[Issue]:
    """Links in module texts to files the site will not have, or to anchors a module page lacks.

    Anchors are checked on module pages, whose headings come from their texts; anchors on other
    pages are left to the strict build.
    """
    pages = {module.page_src: module for module in content.modules if module.status != "draft"}

    @cache
    def anchors(module: Module) -> frozenset[str]:
        page = module_page(module_kit(module, root, unmeasured_size), content, None).markdown(
            urls.PageLinks(urls.MODULES.url(module.id)))
        return body.anchors(body.render_body(FRONT_MATTER.sub("", page, count=1)))

    issues = []
    for module in content.modules:
        html = body.render_body(module.body)
        attachments = set(own_folder_links(module, html))  # the curriculum's own check reports these
        for link in body.links(html):
            if link.external or link in attachments:
                continue
            if message := _link_problem(module, link, site_files, pages, anchors):
                issues.append(body_issue(module, link, message))
    return issues


def _link_problem(module: Module, link: body.BodyLink, site_files: frozenset[str], pages: dict[str, Module],
                  anchors: Callable[[Module], frozenset[str]]) -> str | None:
    try:
        target, anchor = body.resolve(module.page_src, link.url)
    except ValueError:
        return (f"link '{link.url}' gaat niet naar een pagina van de site; schrijf een link vanaf deze pagina, "
                "zoals ../catalogus.md")
    if target is not None and target not in site_files:
        return f"link '{link.url}' gaat naar een pagina of bestand dat niet op de site staat"
    page = module if target is None or target == module.page_src else pages.get(target)
    if anchor and page is not None and anchor not in anchors(page):
        return f"link '{link.url}': de pagina heeft geen kop of anker '{anchor}'"
    return None


def former_id_redirects(content: Content) -> dict[str, str]:
    """A renamed module's old addresses to its pages, as source paths: only pages that exist."""
    redirects = {}
    for module in content.modules:
        for former_id in module.former_ids:
            if _has_page(module):
                redirects[urls.MODULES.src(former_id)] = module.page_src
            if module.published:
                redirects[urls.DECKS.src(former_id)] = urls.DECKS.src(module.id)
    return redirects


def _has_page(module: Module) -> bool:
    """Drafts have no page yet; archived modules keep theirs."""
    return module.status != "draft"
