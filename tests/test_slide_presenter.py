"""The deck page's markup for every kind of slide, and the webcare deck in headless Chromium:
presenting, the presenter view in a second window kept in step with the audience window,
countdowns, the title slide's fields and the trainer's notes.

The browser tests hold the real webcare deck to the trainer's kit (issue 11): every slide has
notes, and the deck has an exercise slide and a pause slide, each with a countdown.
"""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from lxml import html
from playwright.sync_api import BrowserContext, Page, expect

from browser_support import WIDTHS, Visit, axe_violations, browser_context, describe, tab_to, visit
from conftest import REAL_CONTENT, parse
from projectz.core import urls
from projectz.core.templating import render
from projectz.curriculum.slides import TITLE_FIELDS, Slide, SlideImage

DECK = "dias/webcare/"
PRESENTER_HASH = "#presentator"
# The BroadcastChannel the deck's windows keep in step over.
CHANNEL = "projectz-dias-webcare"
# Long enough for a clock showing seconds to move on at least once.
A_SECOND_AND_A_HALF_MS = 1500


@contextmanager
def audience_and_presenter(browser, site_url: str, width: int) -> Iterator[tuple[Visit, Page]]:
    """The deck, and the presenter window its button opens by keyboard, in one browser."""
    with browser_context(browser, width) as context:
        audience = visit(context, site_url + DECK, windows=True)
        yield audience, open_presenter(context, audience.page)


def open_presenter(context: BrowserContext, audience: Page) -> Page:
    tab_to(audience, "[data-pz-open-presenter]")
    with context.expect_page() as opened:
        audience.keyboard.press("Enter")
    presenter = opened.value
    presenter.wait_for_load_state()
    assert presenter.url.endswith(DECK + PRESENTER_HASH)
    return presenter


def present(audience: Page) -> None:
    tab_to(audience, "[data-pz-present]")
    audience.keyboard.press("Enter")


def on_screen(page: Page, slide_id: str) -> None:
    """Waits until the slide is the one on screen: the other window follows a moment later."""
    expect(page.locator(".pz-slide:visible")).to_have_count(1)
    expect(page.locator(f"#{slide_id}")).to_be_visible()


def seconds(clock: str) -> int:
    """'14:59' or '3:59:58' in seconds."""
    total = 0
    for part in clock.split(":"):
        total = total * 60 + int(part)
    return total


def go_to(page: Page, slide_id: str) -> None:
    """From the first slide to this one with the arrow key, as a trainer pages through the deck."""
    page.keyboard.press("Home")
    for _ in range(int(slide_id.removeprefix("dia-")) - 1):
        page.keyboard.press("ArrowRight")
    on_screen(page, slide_id)


def deck_markup(slides: tuple[Slide, ...], here: str = DECK) -> html.HtmlElement:
    return html.fromstring(render("curriculum/slide_deck.md.j2", slides=slides, module=REAL_CONTENT.module("webcare"),
                                  links=urls.PageLinks(here), title_fields=TITLE_FIELDS))


def test_each_kind_of_slide_shows_its_parts_and_its_notes_escaped():
    image = SlideImage(Path("afbeeldingen/x.png"), "afbeeldingen/x.png", "Een <b>tijdlijn</b>")
    slides = (
        Slide("Titel", "title", lead="Samenvatting", items=("4 uur",), notes="Welkom."),
        Slide("Wat is webcare?", "content", lead="Luisteren", items=("Eén", "Twee"), image=image,
              notes="Eerste alinea <script>.\nTweede alinea."),
        Slide("Oefening", "exercise", items=("Lees (5 min)", "Schrijf (10 min)"), minutes=15, notes="Loop rond."),
        Slide("Nabespreking", "debrief", items=("Wat ging goed?",), notes="Vraag door."),
        Slide("Pauze", "pause", minutes=15),
    )
    page = deck_markup(slides)
    title, content, exercise, debrief, pause = page.cssselect("li.pz-slide")
    assert [item.text_content() for item in title.cssselect(".pz-slide__fields li")] == [
        f"{field}: ____________________" for field in TITLE_FIELDS]
    assert [label.text_content() for label in page.cssselect(".pz-deck__fields label")] == list(TITLE_FIELDS)
    assert [p.text_content() for p in content.cssselect(".pz-slide__notes p")] == [
        "Eerste alinea <script>.", "Tweede alinea."]
    assert content.cssselect(".pz-slide__notes h3")[0].text_content() == "Notities"
    assert [li.text_content() for li in content.cssselect("ul li")] == ["Eén", "Twee"]
    img = content.cssselect("img")[0]
    assert (img.get("src"), img.get("alt")) == ("../../modules/webcare/afbeeldingen/x.png", "Een <b>tijdlijn</b>")
    assert [li.text_content() for li in exercise.cssselect("ol li")] == ["Lees (5 min)", "Schrijf (10 min)"]
    assert [slide.get("data-minutes") for slide in (exercise, debrief, pause)] == ["15", None, "15"]
    assert exercise.cssselect("[data-pz-countdown-time]")[0].text_content() == "15:00"
    assert pause.cssselect("[data-pz-countdown]") and not debrief.cssselect("[data-pz-countdown]")
    assert not pause.cssselect(".pz-slide__notes"), "no empty notes"
    # In the offline edition pages are files, one folder up from the module's images.
    offline = deck_markup(slides, here="dias/webcare.html").cssselect("img")[0]
    assert offline.get("src") == "../modules/webcare/afbeeldingen/x.png"


def test_every_slide_has_notes_under_a_heading_and_without_javascript_no_controls(built_site: Path, browser,
                                                                                   site_url: str):
    slides = parse(built_site / DECK / "index.html").cssselect("li.pz-slide")
    missing = [slide.get("id") for slide in slides
               if not "".join(p.text_content() for p in slide.cssselect(".pz-slide__notes > p")).strip()]
    assert slides and not missing, f"slides without notes: {missing}"
    assert {slide.cssselect(".pz-slide__notes > h3")[0].text_content() for slide in slides} == {"Notities"}
    with browser_context(browser, WIDTHS["desktop"], javascript=False) as no_js:
        page = no_js.new_page()
        page.goto(site_url + DECK)
        expect(page.locator(".pz-slide__notes:visible")).to_have_count(len(slides))
        # The title slide keeps its blank lines; the form that fills them, the countdowns and the
        # presenter view only work with the script, which reveals them.
        expect(page.locator("#dia-1 [data-pz-title-value]").first).to_have_text(re.compile(r"^_+$"))
        for control in ("[data-pz-title-fields]", "[data-pz-open-presenter]", "[data-pz-countdown]",
                        "[data-pz-presenter]"):
            expect(page.locator(control).first).to_be_hidden()


def test_presenter_window_and_audience_window_move_together_by_keyboard(browser, site_url: str):
    with audience_and_presenter(browser, site_url, WIDTHS["desktop"]) as (audience_visit, presenter):
        audience = audience_visit.page
        total = audience.locator(".pz-slide").count()
        last = f"dia-{total}"
        on_screen(presenter, "dia-1")
        expect(presenter.locator("#dia-1 .pz-slide__notes")).to_be_visible()
        expect(presenter.locator("[data-pz-next-slide] h2")).to_have_text(audience.locator("#dia-2 h2").text_content())

        # The trainer fills in the title slide on the deck page; text stays text.
        audience.get_by_label("Trainer").fill("<b>Gijs</b> Verzinsel")
        expect(audience.locator("#dia-1 [data-pz-title-value]").first).to_have_text("<b>Gijs</b> Verzinsel")
        expect(presenter.locator("#dia-1 [data-pz-title-value]").first).to_have_text("<b>Gijs</b> Verzinsel")

        present(audience)
        on_screen(audience, "dia-1")
        expect(audience.locator("#dia-1 .pz-slide__notes")).to_be_hidden()
        expect(audience.locator("[data-pz-presenter]")).to_be_hidden()

        audience.keyboard.press("ArrowRight")
        on_screen(presenter, "dia-2")
        presenter.keyboard.press("ArrowRight")
        on_screen(audience, "dia-3")
        presenter.keyboard.press("ArrowLeft")
        on_screen(audience, "dia-2")
        audience.keyboard.press("End")
        on_screen(presenter, last)
        expect(presenter.locator("[data-pz-next-slide]")).to_have_text("Dit is de laatste dia.")
        expect(presenter.locator(f"#{last} .pz-slide__notes")).to_be_visible()
        # Reloading aborts what the window still loads (the search index): let it finish first.
        presenter.wait_for_load_state("networkidle")
        presenter.reload()  # a presenter window opened again catches up, and moves no one
        on_screen(presenter, last)
        on_screen(audience, last)
        presenter.keyboard.press("Home")
        on_screen(audience, "dia-1")

        # Elapsed time counts up and the time left for the training counts down.
        elapsed = presenter.locator("[data-pz-elapsed]").text_content()
        remaining = presenter.locator("[data-pz-remaining]").text_content()
        presenter.wait_for_timeout(A_SECOND_AND_A_HALF_MS)
        assert seconds(presenter.locator("[data-pz-elapsed]").text_content()) > seconds(elapsed)
        assert seconds(presenter.locator("[data-pz-remaining]").text_content()) < seconds(remaining)

        audience.keyboard.press("Escape")
        expect(audience.locator(".pz-slide:visible")).to_have_count(total)
        on_screen(presenter, "dia-1")  # stopping in one window leaves the other presenting
        assert audience_visit.problems == []


@pytest.mark.parametrize("width", list(WIDTHS.values()), ids=list(WIDTHS))
def test_countdowns_run_in_both_windows_and_say_when_time_is_up(browser, site_url: str, width: int):
    with audience_and_presenter(browser, site_url, width) as (audience_visit, presenter):
        audience = audience_visit.page
        present(audience)
        pause = audience.locator(".pz-slide--pause").first.get_attribute("id")
        go_to(audience, pause)
        expect(audience.locator(f"#{pause} [data-pz-countdown-time]")).to_be_visible()

        exercise = audience.locator(".pz-slide--exercise").first
        slide_id = exercise.get_attribute("id")
        minutes = int(exercise.get_attribute("data-minutes"))
        go_to(audience, slide_id)
        time = audience.locator(f"#{slide_id} [data-pz-countdown-time]")
        presenter_time = presenter.locator(f"#{slide_id} [data-pz-countdown-time]")
        status = audience.locator("[data-pz-deck-status]")
        expect(time).to_have_text(f"{minutes}:00")

        tab_to(audience, f"#{slide_id} [data-pz-countdown-toggle]")
        audience.keyboard.press("Enter")
        expect(audience.locator(f"#{slide_id} [data-pz-countdown-toggle]")).to_have_text("Pauze")
        expect(status).to_have_text(f"Timer loopt: {minutes}:00")
        audience.wait_for_timeout(A_SECOND_AND_A_HALF_MS)
        running = time.text_content()
        assert seconds(running) < minutes * 60
        assert seconds(presenter_time.text_content()) < minutes * 60, "the presenter sees the same countdown"
        assert status.text_content() == f"Timer loopt: {minutes}:00", "a running countdown is not read out"
        violations = axe_violations(audience) + axe_violations(presenter)
        assert not violations, describe(violations)

        # Paused in the presenter window, it stops in both.
        tab_to(presenter, f"#{slide_id} [data-pz-countdown-toggle]")
        presenter.keyboard.press("Enter")
        expect(audience.locator(f"#{slide_id} [data-pz-countdown-toggle]")).to_have_text("Start")
        paused = time.text_content()
        audience.wait_for_timeout(A_SECOND_AND_A_HALF_MS)
        assert time.text_content() == paused == presenter_time.text_content()
        tab_to(audience, f"#{slide_id} [data-pz-countdown-reset]")
        audience.keyboard.press("Enter")
        expect(presenter_time).to_have_text(f"{minutes}:00")

        # A window that started the countdown with a second left: both windows see the time run out.
        index = int(slide_id.removeprefix("dia-")) - 1
        audience.evaluate("""([channel, index]) => new BroadcastChannel(channel).postMessage(
            {type: "countdown", index, state: {left: 1000, since: Date.now()}})""", [CHANNEL, index])
        expect(time).to_have_text("Tijd is om")
        expect(presenter_time).to_have_text("Tijd is om")
        expect(status).to_have_text("Tijd is om")
        assert audience_visit.problems == []
