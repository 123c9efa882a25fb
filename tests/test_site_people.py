"""The real site's trainer directory, trainer pages, help route and webcare view."""

from pathlib import Path

import yaml

from conftest import REAL_CONTENT as CONTENT
from conftest import ROOT, linked_page, page_at, parse
from projectz.core import urls, vocabulary

GEOGRAPHY = CONTENT.geography
RAW_TRAINERS = yaml.safe_load((ROOT / "data" / "trainers.yaml").read_text(encoding="utf-8"))["trainers"]


def test_directory_lists_every_consenting_trainer_with_facets(built_site: Path):
    page = parse(page_at(built_site, "trainers/"))
    cards = page.cssselect("li.pz-card")
    assert sorted(card.cssselect("h3 a")[0].text_content() for card in cards) == sorted(
        trainer.name for trainer in CONTENT.trainers)
    for card in cards:
        trainer = next(t for t in CONTENT.trainers if t.name == card.cssselect("h3 a")[0].text_content())
        assert card.get("data-province") == GEOGRAPHY.municipality(trainer.municipality).province_code
        assert card.get("data-module").split() == list(trainer.modules)
        assert card.get("data-support").split() == list(trainer.support)
        assert linked_page(built_site, "trainers/", card.cssselect("h3 a")[0].get("href")).is_file()
    form = page.cssselect("form.pz-filter")[0]
    assert form.get("hidden") is not None
    assert {s.get("data-pz-facet") for s in form.cssselect("select")} == {"province", "module", "format", "support"}
    assert "Voorbeeldgegevens" in page.cssselect(".pz-example")[0].text_content()


def test_trainer_without_consent_appears_nowhere(built_site: Path):
    hidden = [record for record in RAW_TRAINERS if record["consent"] is None]
    assert hidden, "the example registry keeps one record without consent to prove this"
    for record in hidden:
        assert not (built_site / "trainers" / record["id"]).exists()
        for path in built_site.rglob("*"):
            if path.is_file() and path.suffix in {".html", ".json", ".xml", ".txt", ".js", ".csv", ".ics"}:
                text = path.read_text(encoding="utf-8", errors="replace")
                assert record["name"] not in text, path
                assert f"trainers/{record['id']}" not in text, path


def test_trainer_page_shows_facts_and_links_modules_and_place(built_site: Path):
    trainer = CONTENT.trainers[0]
    url = urls.TRAINERS.url(trainer.id)
    page = parse(page_at(built_site, url))
    assert page.cssselect("h1")[0].text_content() == trainer.name
    facts = {dt.text_content(): dt.getnext().text_content() for dt in page.cssselect(".pz-meta dt")}
    assert facts["Kring"] == vocabulary.CIRCLES[trainer.circle]
    assert facts["Contact"] == trainer.contact
    module_links = page.xpath("//h2[starts-with(., 'Modules')]/following-sibling::ul[1]//a")
    assert [a.text_content() for a in module_links] == [CONTENT.module(m).title for m in trainer.modules]
    for link in [*module_links, *page.cssselect(".pz-lead a")]:
        assert linked_page(built_site, url, link.get("href")).is_file(), link.get("href")


def test_module_pages_list_who_gives_them(built_site: Path):
    for module in CONTENT.published_modules:
        page = parse(page_at(built_site, urls.MODULES.url(module.id)))
        names = [a.text_content() for a in page.xpath("//h2[starts-with(., 'Wie geeft')]/following-sibling::ul[1]//a")]
        assert names == [trainer.name for trainer in CONTENT.trainers_for_module(module.id)]


def test_municipality_page_gives_the_route_in_the_proposals_order(built_site: Path):
    member = CONTENT.partnerships[0].municipalities[0]
    municipality = GEOGRAPHY.municipality(member)
    url = urls.MUNICIPALITIES.url(municipality.name)
    page = parse(page_at(built_site, url))
    steps = page.cssselect("ol.pz-route > li")
    assert len(steps) == 4
    hubs = [GEOGRAPHY.municipality(ref.municipality_code).name
            for ref in CONTENT.coverage.assignment(municipality.code).hubs]
    assert steps[0].cssselect("strong a")[0].text_content() == hubs[0]
    assert steps[1].cssselect("strong a")[0].text_content() == hubs[1]
    assert "interne vrijwilligers" in steps[2].text_content()
    assert "externe deskundigen" in steps[3].text_content()
    internal = [t.name for t in CONTENT.trainers_in_circle("intern")]
    assert [a.text_content() for a in steps[2].cssselect("a") if "mailto:" not in a.get("href")] == internal
    for link in page.cssselect("ol.pz-route a"):
        href = link.get("href")
        assert href.startswith("mailto:") or linked_page(built_site, url, href).is_file(), href
    webcare = page.xpath("//h2[starts-with(., 'Webcare')]/following-sibling::div[1]//tbody/tr/th")
    assert CONTENT.partnerships[0].name in [cell.text_content() for cell in webcare]


def test_province_pages_list_their_trainers_and_webcare(built_site: Path):
    for province in GEOGRAPHY.provinces:
        codes = frozenset(m.code for m in GEOGRAPHY.municipalities_in(province.code))
        page = parse(page_at(built_site, urls.PROVINCES.url(province.name)))
        heading = "//h2[starts-with(., 'Trainers in')]"
        listed = [a.text_content() for a in page.xpath(f"{heading}/following-sibling::ul[1]/li/a")]
        assert listed == [t.name for t in CONTENT.trainers_in(codes)]
        rows = page.xpath("//h2[starts-with(., 'Webcare in')]/following-sibling::div[1]//tbody/tr/th")
        assert [row.text_content() for row in rows] == [p.name for p in CONTENT.partnerships_concerning(codes)]


def test_help_page_names_each_support_level_and_who_offers_it(built_site: Path):
    page = parse(page_at(built_site, "hulp/"))
    for level, label in vocabulary.SUPPORT_LEVELS.items():
        section = page.cssselect(f"section[aria-labelledby='hulp-{level}']")[0]
        assert section.cssselect("h3")[0].text_content() == label
        offered = {a.text_content() for a in section.cssselect("a")}
        assert offered == {t.name for t in CONTENT.trainers if level in t.support}


def test_webcare_page_maps_and_tabulates_every_partnership(built_site: Path):
    page = parse(page_at(built_site, "webcare/"))
    svg = page.cssselect("figure.pz-kaart svg")[0]
    involved = {code for p in CONTENT.partnerships for code in p.involved}
    links = svg.xpath(".//*[local-name()='a']")
    assert len(links) == len(involved)
    assert all(link.get("aria-label") for link in links)
    assert all(linked_page(built_site, "webcare/", link.get("href")).is_file() for link in links)
    rows = page.cssselect("article table tbody tr")
    assert [row.cssselect("th")[0].text_content() for row in rows] == [p.name for p in CONTENT.partnerships]
    assert "Bron: CBS, Kadaster (2023)" in page.cssselect("figure.pz-kaart figcaption")[0].text_content()
