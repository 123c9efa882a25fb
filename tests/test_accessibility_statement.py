"""The accessibility statement: its data file, the page built from it, and the footer linking to it."""

from pathlib import Path

import pytest

from conftest import ROOT, is_redirect, parse
from projectz.core.issues import ContentError
from projectz.site.accessibility import STATEMENT_FILE, load_statement

VALID = """\
contact: toegankelijkheid@projectz.example
deviations:
  - criterion: 2.1.1
    problem: Het menu werkt niet met het toetsenbord.
    planned_fix: We maken er een knop van.
    fix_by: 2027-06-30
  - criterion: 1.4.3
    problem: Grijze tekst is te licht.
    planned_fix: We maken de tekst donkerder.
    fix_by: 2027-03-31
"""


def write_statement(root: Path, text: str) -> None:
    (root / "data").mkdir()
    (root / STATEMENT_FILE).write_text(text, encoding="utf-8")


def test_statement_data_loads_with_deviations_in_order_of_their_fix(tmp_path: Path):
    write_statement(tmp_path, VALID)
    statement = load_statement(tmp_path)
    assert statement.contact == "toegankelijkheid@projectz.example"
    assert [deviation.criterion for deviation in statement.deviations] == ["1.4.3", "2.1.1"]


def test_every_problem_in_the_statement_data_is_reported_with_file_line_and_field(tmp_path: Path):
    broken = (VALID.replace("contact: toegankelijkheid@projectz.example", "contact: niemand")
              .replace("criterion: 1.4.3", "criterion: contrast")
              .replace("fix_by: 2027-06-30", "fix_by: volgend jaar\n    owner: Jan"))
    write_statement(tmp_path, broken)
    with pytest.raises(ContentError) as error:
        load_statement(tmp_path)
    assert str(error.value).splitlines() == [
        "data/accessibility.yaml:1: contact: 'niemand' is geen geldige waarde: verwacht een e-mailadres, "
        "bij voorkeur een functionele mailbox",
        "data/accessibility.yaml:6: deviations[1].fix_by: 'volgend jaar' is geen geldige datum; schrijf "
        "JJJJ-MM-DD, bijvoorbeeld 2026-03-01",
        "data/accessibility.yaml:7: deviations[1].owner: onbekend veld (tikfout?); toegestaan zijn: criterion, "
        "problem, planned_fix, fix_by",
        "data/accessibility.yaml:8: deviations[2].criterion: 'contrast' is geen geldige waarde: verwacht een "
        "WCAG-succescriterium zoals 1.4.3",
        "4 fouten gevonden; er is niets gepubliceerd.",
    ]


def test_statement_page_lists_every_known_deviation_and_the_contact_mailbox(built_site: Path):
    statement = load_statement(ROOT)
    page = parse(built_site / "toegankelijkheid" / "index.html")
    rows = page.cssselect("table.pz-deviations tbody tr")
    assert [row.cssselect("th")[0].text_content() for row in rows] == [d.criterion for d in statement.deviations]
    assert page.cssselect(f'a[href="mailto:{statement.contact}"]')
    assert "WCAG 2.1" in page.text_content() and "EN 301 549" in page.text_content()


def test_every_page_has_the_dutch_footer_with_the_statement_and_the_offline_edition(built_site: Path):
    for path in sorted(built_site.rglob("*.html")):
        if path.name == "404.html" or is_redirect(path):
            continue
        footer = parse(path).cssselect("footer .md-copyright")[0]
        links = {a.text_content(): a.get("href") for a in footer.cssselect("a")}
        assert set(links) == {"Toegankelijkheid", "Offline-versie (zip)"}, path
        assert (path.parent / links["Toegankelijkheid"] / "index.html").resolve() == \
            built_site / "toegankelijkheid" / "index.html", path
        assert "Made with" not in footer.text_content(), path
