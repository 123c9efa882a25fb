"""Trainer pages, the trainer directory, the help page and the webcare overview."""

from markupsafe import Markup

from projectz.content import Content
from projectz.core import urls, vocabulary
from projectz.core.pages import GeneratedPage, Link, page_markdown
from projectz.core.templating import render
from projectz.curriculum.catalogue import module_facet
from projectz.geography.maps import RoleLink, render_webcare_map
from projectz.people.directory import directory_facets, directory_groups
from projectz.people.trainers import Trainer


def trainer_page(content: Content, trainer: Trainer) -> GeneratedPage:
    place = content.geography.municipality(trainer.municipality)
    description = f"{trainer.name}, trainer van Project Z bij gemeente {place.name}: modules, vormen en hulp."

    def markdown(links: urls.PageLinks) -> str:
        published = content.published_module_ids
        modules = [Link(content.module(module_id).title, links.module(module_id) if module_id in published else None)
                   for module_id in trainer.modules]
        body = render(
            "people/trainer_page.md.j2",
            trainer=trainer,
            place=place,
            province=content.geography.province(place.province_code),
            modules=modules,
            links=links,
            content=content,
        )
        return page_markdown(trainer.name, description, body)

    return GeneratedPage(urls.TRAINERS.src(trainer.id), None, markdown)


def trainer_pages(content: Content) -> list[GeneratedPage]:
    return [trainer_page(content, trainer) for trainer in content.trainers]


def directory_html(content: Content, page_url: str) -> Markup:
    groups = directory_groups(content)
    return Markup(render(
        "people/directory.html.j2",
        groups=groups,
        facets=directory_facets(content),
        total=sum(len(group.trainers) for group in groups),
        noun="trainers",
        published=module_facet(content.published_modules).options,
        content=content,
        links=urls.PageLinks(page_url),
    ))


def support_levels_html(content: Content, page_url: str) -> Markup:
    """Per kind of help, who offers it, circle by circle in the order of the route."""
    offers = {
        level: {circle: [t for t in content.trainers_in_circle(circle) if level in t.support]
                for circle in vocabulary.CIRCLES}
        for level in vocabulary.SUPPORT_LEVELS
    }
    return Markup(render("people/support_levels.html.j2", offers=offers, content=content,
                         links=urls.PageLinks(page_url)))


def partnerships_html(content: Content, page_url: str) -> Markup:
    """The partnerships on a map of their own, and the same facts as a table."""
    links = urls.PageLinks(page_url)
    svg = Markup(render_webcare_map(content.geography, webcare_areas(content, links)))
    return Markup(render("people/webcare_overview.html.j2", svg=svg, partnerships=content.partnerships, content=content,
                         links=links, caption="Alle webcare-samenwerkingen"))


def webcare_areas(content: Content, links: urls.PageLinks) -> dict[str, RoleLink]:
    """Each municipality's role in its partnership; a provider's role wins over a client's."""
    areas: dict[str, RoleLink] = {}
    for partnership in content.partnerships:
        roles = [(code, partnership.kind) for code in partnership.municipalities]
        if partnership.provider:
            roles.insert(0, (partnership.provider, "uitvoerder"))
        for code, role in roles:
            if code in areas and areas[code].role == "uitvoerder":
                continue
            name = content.geography.municipality(code).name
            label = f"{name}: {vocabulary.WEBCARE_ROLES[role].lower()} ({partnership.name})"
            areas[code] = RoleLink(href=links.municipality(name), label=label, role=role)
    return areas
