"""Province and municipality pages, the national map and its table: who helps whom, and where."""

from markupsafe import Markup

from projectz.content import Content
from projectz.core import dutch, urls, vocabulary
from projectz.core.pages import GeneratedPage, page_markdown
from projectz.core.templating import render
from projectz.geography.coverage import ProvinceCoverage
from projectz.geography.maps import MapLink, hub_status, render_national_map, render_province_map
from projectz.geography.regions import Municipality, Province
from projectz.people.helproute import help_route, hub_views


def province_link_label(province: Province, coverage: ProvinceCoverage) -> str:
    return f"{province.name}: {vocabulary.COVERAGE[coverage.level.value].lower()}"


# What a municipality's hub status adds to its name on the map, by maps.hub_status.
HUB_STATUS_LABELS = {
    "deelnemend": ", deelnemende gemeente",
    "kandidaat": ", 100.000+ maar doet nog niet mee",
    "geen": "",
}


def municipality_link_label(municipality: Municipality, content: Content) -> str:
    status = hub_status(municipality, content.hub_codes)
    return f"{municipality.name}, {dutch.number(municipality.population)} inwoners{HUB_STATUS_LABELS[status]}"


def national_map_html(content: Content, page_url: str) -> Markup:
    """The province map with the same facts as a table under it."""
    links = urls.PageLinks(page_url)
    geography = content.geography
    map_links = {
        province.code: MapLink(links.province(province.name),
                               province_link_label(province, content.coverage.province(province.code)))
        for province in geography.provinces
    }
    svg = Markup(render_national_map(geography, content.coverage, map_links))
    return Markup(render("geography/national_map.html.j2", svg=svg, content=content, links=links))


def province_page(content: Content, province: Province) -> GeneratedPage:
    coverage = content.coverage.province(province.code)
    municipalities = content.geography.municipalities_in(province.code)
    codes = frozenset(m.code for m in municipalities)
    description = f"Project Z in {province.name}: deelnemende gemeenten, dekking en wie elke gemeente helpt."

    def markdown(links: urls.PageLinks) -> str:
        map_links = {m.code: MapLink(links.municipality(m.name), municipality_link_label(m, content))
                     for m in municipalities}
        body = render(
            "geography/province_page.md.j2",
            province=province,
            coverage=coverage,
            municipalities=sorted(municipalities, key=lambda m: m.name.casefold()),
            content=content,
            hub_views=lambda m: hub_views(content, m),
            svg=Markup(render_province_map(content.geography, province.code, content.hub_codes, map_links)),
            links=links,
            trainers=content.trainers_in(codes),
            partnerships=content.partnerships_concerning(codes),
        )
        return page_markdown(f"Provincie {province.name}", description, body)

    return GeneratedPage(urls.PROVINCES.src(province.name), None, markdown)


def municipality_page(content: Content, municipality: Municipality) -> GeneratedPage:
    description = f"Wie helpt gemeente {municipality.name}? De hubs van Project Z voor trainingen en hulp."

    def markdown(links: urls.PageLinks) -> str:
        helpers = hub_views(content, municipality)
        body = render(
            "geography/municipality_page.md.j2",
            municipality=municipality,
            province=content.geography.province(municipality.province_code),
            hub=content.hub(municipality.code),
            helpers=helpers,
            content=content,
            links=links,
            route=help_route(content, helpers),
            local_trainers=content.trainers_in(frozenset({municipality.code})),
            partnerships=content.partnerships_concerning(frozenset({municipality.code})),
        )
        return page_markdown(municipality.name, description, body)

    return GeneratedPage(urls.MUNICIPALITIES.src(municipality.name), None, markdown)


def code_redirects(content: Content) -> dict[str, str]:
    """Each municipality's CBS code address to its named page, as source paths."""
    return {urls.MUNICIPALITY_CODES.src(municipality.code.lower()): urls.MUNICIPALITIES.src(municipality.name)
            for municipality in content.geography.municipalities}


def region_pages(content: Content) -> list[GeneratedPage]:
    return [
        *(province_page(content, province) for province in content.geography.provinces),
        *(municipality_page(content, municipality) for municipality in content.geography.municipalities),
    ]
