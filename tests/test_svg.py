"""The inline SVG maps: well-formed, one accessible link per area, everything escaped."""

import re

import pytest
from lxml import etree

from conftest import REAL_CONTENT
from projectz.geography.coverage import Coverage, compute_coverage
from projectz.geography.maps import MapLink, decimal, render_national_map, render_province_map
from projectz.geography.regions import Geography, hub_candidates

SVG = "{http://www.w3.org/2000/svg}"
MALICIOUS = '<script>alert("x")</script> & "quotes"'


@pytest.fixture(scope="module")
def geography() -> Geography:
    return REAL_CONTENT.geography


@pytest.fixture(scope="module")
def all_candidates(geography: Geography) -> frozenset[str]:
    return frozenset(m.code for m in hub_candidates(geography))


@pytest.fixture(scope="module")
def some_candidates(all_candidates: frozenset[str]) -> frozenset[str]:
    """Every candidate but Utrecht and Amersfoort, so both marker shapes appear."""
    return all_candidates - {"GM0344", "GM0307"}


def province_links(geography: Geography) -> dict[str, MapLink]:
    return {
        p.code: MapLink(f"provincies/{p.code.lower()}/", f"{p.name}: 2 deelnemende hubs")
        for p in geography.provinces
    }


def municipality_links(geography: Geography, province_code: str) -> dict[str, MapLink]:
    return {
        m.code: MapLink(f"gemeenten/{m.code.lower()}/", m.name)
        for m in geography.municipalities_in(province_code)
    }


def national(geography: Geography, participating: frozenset[str], links=None) -> str:
    coverage: Coverage = compute_coverage(geography, participating)
    return render_national_map(geography, coverage, links or province_links(geography))


def parse(svg: str) -> etree._Element:
    return etree.fromstring(svg.encode("utf-8"))


def check_accessible_svg(root: etree._Element) -> None:
    """Named by its title and desc; every id unique; every url(#id) and href="#id" resolves."""
    assert root.tag == f"{SVG}svg"
    ids = root.xpath("//@id")
    assert len(ids) == len(set(ids))
    title_id, desc_id = root.get("aria-labelledby").split()
    assert root.find(f"{SVG}title").get("id") == title_id
    assert root.find(f"{SVG}desc").get("id") == desc_id
    assert root.find(f"{SVG}title").text.strip()
    assert "Bron: CBS, Kadaster (2023)" in root.find(f"{SVG}desc").text
    references = re.findall(r"url\(#([^)]+)\)", etree.tostring(root, encoding="unicode"))
    references += [href[1:] for href in root.xpath("//@href") if href.startswith("#")]
    assert set(references) <= set(ids)
    assert root.get("role") is None  # role="img" would hide the links inside


def test_national_map_is_inline_svg_with_one_link_per_province(geography, all_candidates) -> None:
    svg = national(geography, all_candidates)
    assert svg.startswith("<svg ")  # no XML declaration: it goes inline into HTML
    root = parse(svg)
    check_accessible_svg(root)
    links = root.findall(f".//{SVG}a")
    assert len(links) == len(geography.provinces) == 12
    assert [a.get("href") for a in links] == [
        f"provincies/{p.code.lower()}/" for p in geography.provinces
    ]
    assert all(a.get("aria-label") for a in links)
    assert all(len(a.findall(f"{SVG}path")) == 1 for a in links)


def test_national_map_classes_follow_the_coverage_levels(geography, some_candidates) -> None:
    coverage = compute_coverage(geography, some_candidates)
    root = parse(render_national_map(geography, coverage, province_links(geography)))
    classes = [a.get("class") for a in root.findall(f".//{SVG}a")]
    assert classes == [
        f"provincie dekking-{coverage.province(p.code).level.value}" for p in geography.provinces
    ]
    # Every level has its own pattern, not only its own colour.
    for level in ("twee", "een", "geen"):
        pattern = root.find(f".//{SVG}pattern[@id='kaart-nederland-dekking-{level}']")
        assert pattern is not None


def test_national_map_marks_hubs_by_shape(geography, some_candidates) -> None:
    root = parse(national(geography, some_candidates))
    markers = root.findall(f".//{SVG}g[@class='hubs']/{SVG}use")
    shapes = [marker.get("href") for marker in markers]
    assert shapes.count("#kaart-nederland-hub") == len(some_candidates) == 30
    assert shapes.count("#kaart-nederland-kandidaat") == 2
    assert root.find(f".//{SVG}circle[@id='kaart-nederland-hub']") is not None
    assert root.find(f".//{SVG}path[@id='kaart-nederland-kandidaat']") is not None


def test_labels_and_urls_are_escaped(geography, all_candidates) -> None:
    links = {code: MapLink('x" onclick="alert(1)', MALICIOUS) for code in province_links(geography)}
    svg = national(geography, all_candidates, links)
    assert "<script>" not in svg
    assert 'onclick="' not in svg
    first = parse(svg).find(f".//{SVG}a")
    assert first.get("aria-label") == MALICIOUS
    assert first.get("href") == 'x" onclick="alert(1)'
    assert first.get("onclick") is None


def test_missing_links_are_an_error(geography, all_candidates) -> None:
    links = province_links(geography)
    del links["PV29"]
    with pytest.raises(ValueError, match="no map link for province PV29"):
        national(geography, all_candidates, links)


def test_rendering_is_deterministic(geography, all_candidates) -> None:
    assert national(geography, all_candidates) == national(geography, all_candidates)


def test_national_map_stays_small(geography, all_candidates) -> None:
    assert len(national(geography, all_candidates).encode("utf-8")) < 100_000


@pytest.mark.parametrize("province_code", ["PV20", "PV26", "PV28", "PV29"])
def test_province_map_links_every_municipality(geography, some_candidates, province_code) -> None:
    svg = render_province_map(
        geography, province_code, some_candidates, municipality_links(geography, province_code)
    )
    assert svg.startswith("<svg ")
    root = parse(svg)
    check_accessible_svg(root)
    members = geography.municipalities_in(province_code)
    links = root.findall(f".//{SVG}a")
    assert [(a.get("href"), a.get("aria-label")) for a in links] == [
        (f"gemeenten/{m.code.lower()}/", m.name) for m in members
    ]
    province = geography.province(province_code)
    assert province.name in root.find(f"{SVG}title").text
    hubs = [m for m in members if m.is_hub_candidate]
    names = [text.text for text in root.findall(f".//{SVG}g[@class='hub-namen']/{SVG}text")]
    assert sorted(names) == sorted(m.name for m in hubs)


def test_province_map_marks_participating_and_candidate_hubs(geography, some_candidates) -> None:
    def utrecht_map(participating: frozenset[str]) -> etree._Element:
        links = municipality_links(geography, "PV26")
        return parse(render_province_map(geography, "PV26", participating, links))

    def css_class(root: etree._Element, code: str) -> str:
        return root.find(f".//{SVG}a[@href='gemeenten/{code.lower()}/']").get("class")

    root = utrecht_map(some_candidates)
    assert css_class(root, "GM0344") == "gemeente hub-kandidaat"
    shapes = [use.get("href") for use in root.findall(f".//{SVG}g[@class='hubs']/{SVG}use")]
    assert shapes == ["#kaart-pv26-kandidaat", "#kaart-pv26-kandidaat"]

    root = utrecht_map(frozenset({"GM0344"}))
    assert css_class(root, "GM0344") == "gemeente hub-deelnemend"
    assert css_class(root, "GM0307") == "gemeente hub-kandidaat"
    assert css_class(root, "GM0310") == "gemeente"


def test_province_map_escapes_names_and_needs_every_link(geography, all_candidates) -> None:
    links = municipality_links(geography, "PV22")
    links = {code: MapLink(link.href, MALICIOUS) for code, link in links.items()}
    svg = render_province_map(geography, "PV22", all_candidates, links)
    assert "<script>" not in svg
    assert parse(svg).find(f".//{SVG}a").get("aria-label") == MALICIOUS
    del links["GM0106"]
    with pytest.raises(ValueError, match="no map link for municipality GM0106"):
        render_province_map(geography, "PV22", all_candidates, links)


@pytest.mark.parametrize(
    ("tenths", "text"), [(0, "0"), (1230, "123"), (1234, "123.4"), (-5, "-0.5"), (-20, "-2")]
)
def test_coordinates_are_written_exactly(tenths: int, text: str) -> None:
    assert decimal(tenths) == text
