"""The trainer's kit on paper: the hand-out, draaiboek, evaluation form and certificate of the
webcare module, printed to PDF by Chromium as a trainer prints them from the site."""

import io
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

from browser_support import visit
from conftest import page_at, parse
from projectz.core import urls

MODULE = "webcare"
PARTS = (urls.HANDOUT, urls.DRAAIBOEK, urls.EVALUATION, urls.CERTIFICATE)
# A4 portrait in points, as Chromium writes each page's MediaBox; in CSS pixels (96 per inch) the
# width of its content between the stylesheet's 15 mm side margins, and its height.
A4_POINTS = (595, 842)
CONTENT_WIDTH_PX = round((210 - 2 * 15) / 25.4 * 96)
A4_HEIGHT_PX = round(297 / 25.4 * 96)
# An address outside the site, long enough to reach past the sheet unless it breaks.
EXTERNAL = "https://voorbeeld.example/een/heel/lang/pad/naar/een/bron/die/niet/op/een/regel/past/" + "x" * 150

# Each page is printed as published, then again with an external link with a long address added
# to its text and to a table, to see that link targets are printed and wrap instead of widening the page.
AS_PUBLISHED, WITH_LINK = "as published", "with a long external link"

# Every visible element whose box reaches past the left or right edge of the page's content.
_OVERFLOWING = """width => [...document.querySelectorAll("body *")]
  .filter(element => { const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && (box.left < -1 || box.right > width + 1); })
  .map(element => `${element.tagName.toLowerCase()}.${element.className}: ${element.getBoundingClientRect().right}`)"""
# The link in running text and in a table cell, as an author may write it on a worksheet.
_ADD_EXTERNAL_LINK = """href => { const link = `Meer weten? Lees <a href="${href}">de bron</a>.`;
  document.querySelector(".md-content__inner").insertAdjacentHTML("beforeend",
    `<p>${link}</p><table><tr><th>Bron</th><td>${link}</td></tr></table>`); }"""


@dataclass(frozen=True)
class Printed:
    """A kit page as printed: what reached past the page while laid out for print, and the PDF."""

    url: str
    scroll_width: int
    client_width: int
    overflowing: list[str]
    pdf: bytes = field(repr=False)

    @cached_property
    def reader(self) -> PdfReader:
        return PdfReader(io.BytesIO(self.pdf))

    @cached_property
    def text(self) -> str:
        return "\n".join(page.extract_text() for page in self.reader.pages)


def print_page(page: Page, url: str) -> Printed:
    """The page laid out with print styles at the width of an A4 sheet's content, then printed."""
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    return Printed(url, *widths, page.evaluate(_OVERFLOWING, CONTENT_WIDTH_PX), page.pdf(prefer_css_page_size=True))


@pytest.fixture(scope="module")
def printed(browser, site_url: str) -> dict[tuple[str, str], Printed]:
    """The four kit pages printed in one browser context, by part and variant."""
    context = browser.new_context(viewport={"width": CONTENT_WIDTH_PX, "height": A4_HEIGHT_PX})
    try:
        pages = {}
        for part in PARTS:
            url = urls.module_part(MODULE, part)
            current = visit(context, site_url + url)
            current.page.emulate_media(media="print")
            pages[part, AS_PUBLISHED] = print_page(current.page, url)
            current.page.evaluate(_ADD_EXTERNAL_LINK, EXTERNAL)
            pages[part, WITH_LINK] = print_page(current.page, url)
            assert current.problems == [], current.problems
            current.page.close()
        return pages
    finally:
        context.close()


def comparable(text: str) -> str:
    """Text as a PDF and a page can both be compared on: ligatures and compatibility characters
    unfolded, and no whitespace or hyphens, which line breaks in print add and take away."""
    return re.sub(r"[\s\u00ad\u2010\u2011-]+", "", unicodedata.normalize("NFKC", text)).lower()


def headings(built_site: Path, url: str) -> list[str]:
    article = parse(page_at(built_site, url)).cssselect("article.md-content__inner")[0]
    for permalink in article.cssselect(".headerlink"):
        permalink.drop_tree()
    return [heading.text_content().strip() for heading in article.cssselect("h1, h2, h3")]


@pytest.mark.parametrize("variant", [AS_PUBLISHED, WITH_LINK])
@pytest.mark.parametrize("part", PARTS)
def test_kit_page_fits_the_width_of_an_a4_sheet(printed: dict[tuple[str, str], Printed], part: str, variant: str):
    page = printed[part, variant]
    assert page.client_width == CONTENT_WIDTH_PX
    assert page.scroll_width <= page.client_width, f"{page.url}: {page.scroll_width} px wide"
    assert page.overflowing == [], page.url


@pytest.mark.parametrize("part", PARTS)
def test_kit_page_prints_on_a4_portrait(printed: dict[tuple[str, str], Printed], part: str):
    sizes = {(round(float(page.mediabox.width)), round(float(page.mediabox.height)))
             for page in printed[part, AS_PUBLISHED].reader.pages}
    assert sizes == {A4_POINTS}


@pytest.mark.parametrize("part", PARTS)
def test_every_heading_of_a_kit_page_is_on_paper(built_site: Path, printed: dict[tuple[str, str], Printed],
                                                 part: str):
    page = printed[part, AS_PUBLISHED]
    on_paper = comparable(page.text)
    found = headings(built_site, page.url)
    assert found, page.url
    assert [heading for heading in found if comparable(heading) not in on_paper] == []


@pytest.mark.parametrize("part", PARTS)
def test_paper_shows_the_target_of_an_external_link(printed: dict[tuple[str, str], Printed], part: str):
    assert comparable(f"de bron ({EXTERNAL})") in comparable(printed[part, WITH_LINK].text)


@pytest.mark.parametrize("part", PARTS)
def test_paper_has_no_site_navigation_and_no_screen_only_text(built_site: Path,
                                                              printed: dict[tuple[str, str], Printed], part: str):
    page = printed[part, AS_PUBLISHED]
    on_paper = comparable(page.text)
    html_page = parse(page_at(built_site, page.url))
    screen_only = [
        html_page.cssselect(".md-footer-meta .md-copyright")[0].text_content(),  # footer
        html_page.cssselect(".md-header__topic .md-ellipsis")[0].text_content(),  # header: the site's name
        html_page.cssselect("a.md-content__button")[0].get("href"),  # edit button, an external link
        *(element.text_content() for element in html_page.cssselect(".pz-print-hide")),
    ]
    assert [text for text in screen_only if comparable(text) in on_paper] == []
    # The site's own links lead nowhere on paper: their relative addresses are not printed.
    assert "(../" not in page.text and "(./" not in page.text


def test_certificate_prints_on_exactly_one_page(printed: dict[tuple[str, str], Printed]):
    assert len(printed[urls.CERTIFICATE, AS_PUBLISHED].reader.pages) == 1

