"""Slide decks: what a trainer gets from each module, on the page, in print and while presenting."""

import json
import re
from pathlib import Path

from test_module_validation import problems

from browser_support import WIDTHS, browser_context
from conftest import REAL_CONTENT, ROOT, kit_module_files, parse
from projectz.content import ContentPaths, check_content
from projectz.curriculum.modules import Module
from projectz.curriculum.slides import deck_slides


def real_module(module_id: str = "webcare") -> Module:
    return REAL_CONTENT.module(module_id)


def kit_module(root: Path) -> Module:
    assert problems(root, kit_module_files()) == []
    content, _ = check_content(ContentPaths.under(root))
    return content.module("oefenmodule")


def test_deck_follows_the_programme_block_by_block(tmp_path):
    module = kit_module(tmp_path)
    slides = deck_slides(module, tmp_path)
    assert [(slide.kind, slide.title) for slide in slides] == [
        ("title", module.title), ("list", "Na deze training"), ("steps", "Programma"),
        ("content", "Uitleg over reageren"), ("statement", "Kernpunt 1 van 1"),
        ("pause", "Pauze"),
        ("content", "Oefenen met berichten"), ("exercise", "Oefening: Een drukke maandag"),
        ("debrief", "Nabespreking: Een drukke maandag"),
        ("content", "Afsluiting"), ("closing", "Hoe ga je verder?")]
    assert slides[1].items == tuple(objective.text for objective in module.objectives)
    assert slides[2].items == ("Uitleg over reageren (75 min)", "Pauze (15 min)", "Oefenen met berichten (75 min)",
                               "Afsluiting (15 min)")
    assert slides[3].items == ("Reageer snel en vriendelijk", "Zeg wat je gaat doen")
    assert slides[4].lead == "Reageer binnen een dagdeel."
    assert (slides[5].minutes, slides[7].minutes) == (15, 75)
    assert slides[7].items == ("Lees de berichtkaarten. (15 min)", "Schrijf reacties. (45 min)", "Bespreek. (15 min)")
    assert slides[8].items == ("Waar twijfelde je?",)
    assert "Geen persoonsgegevens gevraagd." in slides[7].notes
    # The room sees the question, the trainer's notes what to listen for.
    assert slides[8].notes == "Dat er vaste afspraken nodig zijn."


def test_every_slide_of_every_published_deck_has_speaker_notes():
    for module in REAL_CONTENT.published_modules:
        slides = deck_slides(module, ROOT)
        assert [slide.title for slide in slides if not slide.notes.strip()] == [], module.id
        assert sum(slide.kind == "content" for slide in slides) == sum(not b.is_break for b in module.blocks)


def test_every_published_module_has_a_deck_linked_from_its_page(built_site: Path):
    published = sorted(module.id for module in REAL_CONTENT.modules if module.published)
    assert sorted(path.name for path in (built_site / "dias").iterdir()) == published
    for module_id in published:
        links = [a.get("href") for a in parse(built_site / "modules" / module_id / "index.html").cssselect(
            ".pz-meta__kit a")]
        assert f"../../dias/{module_id}/" in links


def test_deck_page_lists_every_slide_with_its_number_and_hides_the_controls_without_javascript(built_site: Path):
    module = real_module()
    page = parse(built_site / "dias" / "webcare" / "index.html")
    slides = page.cssselect("ol.pz-deck__slides > li.pz-slide")
    expected = deck_slides(module, ROOT)
    assert [slide.cssselect("h2")[0].text_content() for slide in slides] == [s.title for s in expected]
    assert [slide.cssselect(".pz-slide__count")[0].text_content() for slide in slides] == [
        f"Dia {number} van {len(expected)}" for number in range(1, len(expected) + 1)]
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
    assert sizes == [(842, 595)] * len(deck_slides(real_module(), ROOT))
