"""Province and municipality pages, the national map and its table: who helps whom, and where."""

from dataclasses import dataclass

from markupsafe import Markup

from projectz import dutch, urls, vocabulary
from projectz.content import Content
from projectz.coverage import HubRef, ProvinceCoverage
from projectz.geography import Municipality, Province
from projectz.pages import GeneratedPage, page_markdown
from projectz.svg import MapLink, render_national_map, render_province_map
from projectz.templating import render

@dataclass(frozen=True)
class HubView:
    """A helping hub as a reader sees it: where it is, how far, and whom to write to."""

    municipality: Municipality
    province: Province
    distance_km: float
    in_own_province: bool
    mailbox: str | None


def hub_views(content: Content, municipality: Municipality) -> list[HubView]:
    return [_hub_view(content, ref) for ref in content.coverage.assignment(municipality.code).hubs]


def _hub_view(content: Content, ref: HubRef) -> HubView:
    hub_municipality = content.geography.municipality(ref.municipality_code)
    hub = content.hub(ref.municipality_code)
    return HubView(hub_municipality, content.geography.province(hub_municipality.province_code), ref.distance_km,
                   ref.in_own_province, hub.mailbox if hub else None)


def province_link_label(province: Province, coverage: ProvinceCoverage) -> str:
    return f"{province.name}: {vocabulary.COVERAGE[coverage.level.value].lower()}"


def municipality_link_label(municipality: Municipality, content: Content) -> str:
    label = f"{municipality.name}, {dutch.number(municipality.population)} inwoners"
    if content.hub(municipality.code):
        return f"{label}, deelnemende gemeente"
    if municipality.is_hub_candidate:
        return f"{label}, 100.000+ maar doet nog niet mee"
    return label


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
    return Markup(render("national_map.html.j2", svg=svg, content=content, links=links))


def province_page(content: Content, province: Province) -> GeneratedPage:
    here = urls.province_url(province.name)
    links = urls.PageLinks(here)
    coverage = content.coverage.province(province.code)
    municipalities = content.geography.municipalities_in(province.code)
    map_links = {m.code: MapLink(links.municipality(m.name), municipality_link_label(m, content))
                 for m in municipalities}
    participating = frozenset(hub.municipality_code for hub in content.hubs)
    svg = Markup(render_province_map(content.geography, province.code, participating, map_links))
    body = render(
        "province_page.md.j2",
        province=province,
        coverage=coverage,
        municipalities=sorted(municipalities, key=lambda m: m.name.casefold()),
        content=content,
        hub_views=lambda m: hub_views(content, m),
        svg=svg,
        links=links,
    )
    description = f"Project Z in {province.name}: deelnemende gemeenten, dekking en wie elke gemeente helpt."
    return GeneratedPage(urls.province_src(province.name),
                         page_markdown(f"Provincie {province.name}", description, body), source_path=None)


def municipality_page(content: Content, municipality: Municipality) -> GeneratedPage:
    here = urls.municipality_url(municipality.name)
    body = render(
        "municipality_page.md.j2",
        municipality=municipality,
        province=content.geography.province(municipality.province_code),
        hub=content.hub(municipality.code),
        helpers=hub_views(content, municipality),
        content=content,
        links=urls.PageLinks(here),
    )
    description = f"Wie helpt gemeente {municipality.name}? De hubs van Project Z voor trainingen en hulp."
    return GeneratedPage(urls.municipality_src(municipality.name),
                         page_markdown(municipality.name, description, body), source_path=None)


def region_pages(content: Content) -> list[GeneratedPage]:
    return [
        *(province_page(content, province) for province in content.geography.provinces),
        *(municipality_page(content, municipality) for municipality in content.geography.municipalities),
    ]
