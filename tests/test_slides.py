"""Slide decks: what a trainer gets from each module, on the page, in print and while presenting."""

import json
import re
from dataclasses import replace
from pathlib import Path

from browser_support import WIDTHS, browser_context
from conftest import REAL_CONTENT, parse
from projectz.curriculum.modules import Module
from projectz.curriculum.slides import deck_slides, programme

BODY = """\
## Waarom deze module

Tekst.

## Opbouw van de training

1. Kennismaking (30 min)
2. Oefening: een drukke maandag
   in Dijkveen (60 min)

Na de pauze volgt nog iets.

3. Niet meer van het programma

## Oefening

1. Een ander genummerd lijstje
"""


def real_module(module_id: str = "webcare") -> Module:
    return REAL_CONTENT.module(module_id)


def test_programme_is_the_numbered_list_under_its_heading_only():
    assert programme(BODY) == ("Kennismaking (30 min)", "Oefening: een drukke maandag in Dijkveen (60 min)")
    assert programme("## Waarom deze module\n\n1. Geen programma\n") == ()


def test_deck_follows_the_module_title_objectives_programme_and_one_slide_per_key_point():
    module = real_module()
    slides = deck_slides(module)
    count = len(module.key_points)
    assert [slide.title for slide in slides] == [
        module.title, "Na deze training", "Programma",
        *(f"Kernpunt {number} van {count}" for number in range(1, count + 1)), "Hoe ga je verder?"]
    assert slides[1].items == module.objectives
    assert slides[2].items == programme(module.body) != ()
    assert [slide.lead for slide in slides[3:-1]] == list(module.key_points)


def test_a_module_without_a_programme_gets_no_empty_programme_slide():
    module = replace(real_module(), body="## Waarom deze module\n\nTekst.\n")
    assert "Programma" not in [slide.title for slide in deck_slides(module)]


def test_every_published_module_has_a_deck_linked_from_its_page(built_site: Path):
    published = sorted(module.id for module in REAL_CONTENT.modules if module.published)
    assert sorted(path.name for path in (built_site / "dias").iterdir()) == published
    for module_id in published:
        link = parse(built_site / "modules" / module_id / "index.html").cssselect(".pz-meta__deck a")[0]
        assert link.get("href") == f"../../dias/{module_id}/"


def test_deck_page_lists_every_slide_with_its_number_and_hides_the_controls_without_javascript(built_site: Path):
    module = real_module()
    page = parse(built_site / "dias" / "webcare" / "index.html")
    slides = page.cssselect("ol.pz-deck__slides > li.pz-slide")
    expected = deck_slides(module)
    assert [slide.cssselect("h2")[0].text_content() for slide in slides] == [s.title for s in expected]
    assert [slide.cssselect(".pz-slide__count")[0].text_content() for slide in slides] == [
        f"Dia {number} van {len(expected)}" for number in range(1, len(expected) + 1)]
    assert slides[3].cssselect(".pz-slide__statement")[0].text_content() == module.key_points[0]
    # The start button and the paging controls only work with the script, which reveals them.
    assert page.cssselect(".pz-deck__start")[0].get("hidden") is not None
    assert page.cssselect(".pz-deck__controls")[0].get("hidden") is not None
    assert page.cssselect("a[rel=license]")[0].get("href") == "https://creativecommons.org/licenses/by/4.0/deed.nl"


def test_decks_stay_out_of_search_which_finds_the_module_pages(built_site: Path):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert not [location for location in locations if location.startswith("dias/")]
    assert "modules/webcare/" in locations


def test_a_deck_prints_each_slide_on_its_own_landscape_a4_page(built_site: Path, browser, site_url: str):
    with browser_context(browser, WIDTHS["desktop"]) as context:
        page = context.new_page()
        page.goto(site_url + "dias/webcare/")
        pdf = page.pdf(prefer_css_page_size=True)
    # Chromium writes one MediaBox per page, in points: A4 landscape is 842 by 595. Every slide
    # breaks the page after it, so as many pages as slides means none spilled onto a second page.
    sizes = [(round(float(width)), round(float(height)))
             for width, height in re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)]
    assert sizes == [(842, 595)] * len(deck_slides(real_module()))
