"""The trainer's kit in the built site: every published module links all of it, and the forms
say what the module teaches and hold nobody's name."""

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import REAL_CONTENT, page_at, parse
from projectz.core import urls

PUBLISHED = sorted(module.id for module in REAL_CONTENT.published_modules)
# The links a module page gives a trainer, by the start of their text, and where each leads.
KIT_LINKS = {
    "Draaiboek": lambda module_id: urls.module_part(module_id, urls.DRAAIBOEK),
    "Dia's": urls.DECKS.url,
    "PowerPoint": urls.deck_pptx,
    "Hand-out": lambda module_id: urls.module_part(module_id, urls.HANDOUT),
    "Evaluatieformulier": lambda module_id: urls.module_part(module_id, urls.EVALUATION),
    "Bewijs van deelname": lambda module_id: urls.module_part(module_id, urls.CERTIFICATE),
}


def site_path(page_url: str, href: str) -> str:
    """The site URL a relative link on the page at page_url leads to, such as 'dias/webcare/'."""
    return urlsplit(urljoin(f"http://site/{page_url}", href)).path.removeprefix("/")


def kit_links(built_site: Path, module_id: str) -> dict[str, str]:
    """The module page's kit links: their text and the site URL they lead to."""
    page_url = urls.MODULES.url(module_id)
    return {link.text_content(): site_path(page_url, link.get("href"))
            for link in parse(page_at(built_site, page_url)).cssselect(".pz-meta__kit a")}


def expected_size(size: int) -> str:
    """A download's weight as a link states it: in kB of 1000 bytes, rounded, never 0 kB."""
    return f"{max(1, round(size / 1000))} kB"


@pytest.mark.parametrize("module_id", PUBLISHED)
def test_module_page_links_the_whole_kit_and_every_target_exists(built_site: Path, module_id: str):
    links = kit_links(built_site, module_id)
    targets = {label: next((url for text, url in links.items() if text.startswith(label)), None)
               for label in KIT_LINKS}
    assert targets == {label: url_of(module_id) for label, url_of in KIT_LINKS.items()}
    for url in targets.values():
        assert (built_site / url if url.endswith(".pptx") else page_at(built_site, url)).is_file(), url


@pytest.mark.parametrize("module_id", PUBLISHED)
def test_powerpoint_link_states_type_and_size_of_the_file(built_site: Path, module_id: str):
    pptx = urls.deck_pptx(module_id)
    [text] = [text for text, url in kit_links(built_site, module_id).items() if url == pptx]
    assert text == f"PowerPoint (pptx, {expected_size((built_site / pptx).stat().st_size)})"


def test_expected_size_rounds_to_whole_kilobytes():
    assert [expected_size(size) for size in (120, 1499, 1500, 180_400, 999_499)] == [
        "1 kB", "1 kB", "2 kB", "180 kB", "999 kB"]


@pytest.mark.parametrize("module_id", PUBLISHED)
def test_evaluation_form_rates_each_objective_of_the_module(built_site: Path, module_id: str):
    form = parse(page_at(built_site, urls.module_part(module_id, urls.EVALUATION)))
    rows = form.cssselect("table.pz-self-rating tbody tr")
    assert [row.cssselect("th")[0].text_content() for row in rows] == [
        objective.text for objective in REAL_CONTENT.module(module_id).objectives]
    # Before and after: a box for each point of the scale in both columns.
    assert {len(row.cssselect("td")) for row in rows} == {2}
    assert {len(cell.cssselect(".pz-box")) for row in rows for cell in row.cssselect("td")} == {5}


@pytest.mark.parametrize("module_id", PUBLISHED)
def test_certificate_has_blank_lines_and_no_names(built_site: Path, module_id: str):
    certificate = parse(page_at(built_site, urls.module_part(module_id, urls.CERTIFICATE)))
    fills = certificate.cssselect(".pz-certificate .pz-fill")
    assert [fill.text_content().strip() for fill in fills] == [
        "Naam:", "Datum:", "Gastgemeente:", "Trainer en gemeente van de trainer:", "Handtekening trainer:"]
    lines = certificate.cssselect(".pz-fill__line")
    assert len(lines) == len(fills)
    assert [line for line in lines if len(line) or (line.text or "").strip()] == []
    text = certificate.cssselect("article")[0].text_content()
    assert [trainer.name for trainer in REAL_CONTENT.trainers if trainer.name in text] == []
    assert REAL_CONTENT.module(module_id).title in text
