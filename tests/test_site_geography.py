"""The real site's map, province and municipality pages, checked against the derived data."""

from pathlib import Path

import pytest
from lxml import etree

from conftest import REAL_CONTENT as CONTENT
from conftest import is_redirect, linked_page, page_at, parse
from projectz.core import dutch, urls, vocabulary

GEOGRAPHY = CONTENT.geography
ATTRIBUTION = "Bron: CBS, Kadaster (2023)"


@pytest.mark.parametrize("page_url", ["", "kaart/"])
def test_national_map_links_every_province_with_a_name_and_resolves(built_site: Path, page_url: str):
    page = parse(page_at(built_site, page_url))
    svg = page.cssselect("figure.pz-kaart svg")[0]
    etree.fromstring(etree.tostring(svg))  # well-formed as XML on its own
    links = svg.xpath(".//*[local-name()='a']")
    assert len(links) == len(GEOGRAPHY.provinces) == 12
    for link, province in zip(links, GEOGRAPHY.provinces, strict=True):
        coverage = CONTENT.coverage.province(province.code)
        assert link.get("aria-label") == f"{province.name}: {vocabulary.COVERAGE[coverage.level.value].lower()}"
        province_page = page_at(built_site, urls.PROVINCES.url(province.name))
        assert linked_page(built_site, page_url, link.get("href")) == province_page
        assert f"dekking-{coverage.level.value}" in link.get("class")
    labelled_by = svg.get("aria-labelledby").split()
    assert all(svg.xpath(f".//*[@id='{ident}']") for ident in labelled_by)
    assert ATTRIBUTION in page.cssselect("figure.pz-kaart figcaption")[0].text_content()


def test_coverage_table_states_the_same_facts_as_the_map(built_site: Path):
    page = parse(page_at(built_site, "kaart/"))
    rows = page.cssselect("article table tbody tr")
    assert len(rows) == 12
    for row, province in zip(rows, GEOGRAPHY.provinces, strict=True):
        cells = [cell.text_content() for cell in row]
        coverage = CONTENT.coverage.province(province.code)
        assert cells[0] == province.name
        expected = ", ".join(GEOGRAPHY.municipality(code).name for code in coverage.participating) or "geen"
        assert cells[1] == expected
        assert cells[3] == vocabulary.COVERAGE[coverage.level.value]


def test_every_province_page_lists_all_its_municipalities_with_two_hubs(built_site: Path):
    for province in GEOGRAPHY.provinces:
        url = urls.PROVINCES.url(province.name)
        page = parse(page_at(built_site, url))
        assert page.cssselect("h1")[0].text_content() == f"Provincie {province.name}"
        table = page.xpath("//table[.//th[text()='Eerste hub']]")[0]
        rows = table.cssselect("tbody tr")
        municipalities = GEOGRAPHY.municipalities_in(province.code)
        assert sorted(row.cssselect("th a")[0].text_content() for row in rows) == sorted(m.name for m in municipalities)
        for row in rows:
            assert len(row.cssselect("td")) == 3  # population, first hub, second hub
            href = row.cssselect("th a")[0].get("href")
            assert linked_page(built_site, url, href).is_file()
        svg = page.cssselect("figure.pz-kaart svg")[0]
        assert len(svg.xpath(".//*[local-name()='a']")) == len(municipalities)
        assert ATTRIBUTION in page.cssselect("figure.pz-kaart figcaption")[0].text_content()


def test_provinces_short_of_two_hubs_say_so_and_show_the_fallback(built_site: Path):
    short = [p for p in GEOGRAPHY.provinces if CONTENT.coverage.province(p.code).level.value != "twee"]
    assert short, "the 2023 data leaves several provinces short"
    for province in short:
        page = parse(page_at(built_site, urls.PROVINCES.url(province.name)))
        verdict = page.cssselect(".pz-verdict")[0].text_content()
        assert "haalt de norm van Project Z niet" in verdict
        fallback = page.xpath("//h2[starts-with(., 'Hulp van buiten de provincie')]"
                              "/following-sibling::div[1]//tbody/tr")
        expected = CONTENT.coverage.province(province.code).fallback_hubs
        assert [row.cssselect("th a")[0].text_content() for row in fallback] == [
            GEOGRAPHY.municipality(hub.municipality_code).name for hub in expected
        ]


def test_every_municipality_page_names_two_other_hubs_own_province_first(built_site: Path):
    pages = [page for page in (built_site / "gemeenten").glob("*/index.html") if not is_redirect(page)]
    assert len(pages) == len(GEOGRAPHY.municipalities) == 342
    for municipality in GEOGRAPHY.municipalities:
        url = urls.MUNICIPALITIES.url(municipality.name)
        page = parse(page_at(built_site, url))
        helpers = page.cssselect("ol.pz-hubs > li")
        assert len(helpers) == 2
        names = [item.cssselect("a")[0].text_content() for item in helpers]
        assert municipality.name not in names
        expected = CONTENT.coverage.assignment(municipality.code).hubs
        assert names == [GEOGRAPHY.municipality(ref.municipality_code).name for ref in expected]
        for item, ref in zip(helpers, expected, strict=True):
            assert f"{dutch.decimal(ref.distance_km)} km" in item.text_content()
            assert ("eigen provincie" in item.text_content()) == ref.in_own_province
        assert dutch.number(municipality.population) in page.cssselect(".pz-lead")[0].text_content()


def test_entity_pages_stay_out_of_the_navigation_but_are_searchable(built_site: Path):
    home = parse(page_at(built_site, ""))
    nav_links = [a.get("href") for a in home.cssselect("nav.md-nav--primary a")]
    assert not any("gemeenten/" in href or "provincies/" in href for href in nav_links)
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"location":"gemeenten/vlissingen/"' in index.replace(" ", "")


def test_example_records_are_marked_as_examples(built_site: Path):
    hub = CONTENT.hubs[0]
    page = parse(page_at(built_site, urls.MUNICIPALITIES.url(GEOGRAPHY.municipality(hub.municipality_code).name)))
    assert "Voorbeeldgegevens" in page.cssselect(".pz-example")[0].text_content()
    assert page.xpath(f"//a[@href='mailto:{hub.mailbox}']")
