"""Worksheets as editable Word documents: each real worksheet reopened with python-docx and held against the
HTML its page shows."""

import datetime
import io
import itertools
import time
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import html

from conftest import ROOT
from projectz.curriculum import body
from projectz.curriculum.worksheets import worksheet_docx

WORKSHEETS = sorted((ROOT / "curriculum").glob("**/materialen/*.md"))
REVIEWED = datetime.date(2026, 10, 15)
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def page_of(markdown: str) -> html.HtmlElement:
    """The worksheet as its page shows it, without the headings' permalinks."""
    page = html.fragment_fromstring(body.sanitize(body.render_body(markdown)), create_parent="div")
    for permalink in page.xpath("//a[@class='headerlink']"):
        permalink.drop_tree()
    return page


def words(text: str) -> str:
    return " ".join(text.split())


def reopen(data: bytes):
    return Document(io.BytesIO(data))


def docx_of(markdown: str) -> bytes:
    return worksheet_docx(markdown, title="Werkblad", date=REVIEWED)


@pytest.fixture(scope="module")
def made() -> dict[Path, bytes]:
    return {path: docx_of(path.read_text(encoding="utf-8")) for path in WORKSHEETS}


def test_every_worksheet_is_found():
    assert len(WORKSHEETS) >= 6
    assert ROOT / "curriculum/webcare/materialen/werkblad-dijkveen.md" in WORKSHEETS


@pytest.mark.parametrize("path", WORKSHEETS, ids=lambda path: path.stem)
def test_the_headings_are_word_headings_in_the_same_order(path: Path, made: dict[Path, bytes]):
    page = page_of(path.read_text(encoding="utf-8"))
    expected = [(f"Heading {heading.tag[1]}", words(heading.text_content())) for heading in page.iter(*HEADINGS)]
    document = reopen(made[path])
    found = [(paragraph.style.name, words(paragraph.text)) for paragraph in document.paragraphs
             if paragraph.style.name.startswith("Heading")]
    assert expected and found == expected


@pytest.mark.parametrize("path", WORKSHEETS, ids=lambda path: path.stem)
def test_every_table_has_the_same_rows_columns_and_cells(path: Path, made: dict[Path, bytes]):
    page = page_of(path.read_text(encoding="utf-8"))
    expected = [[[words(cell.text_content()) for cell in row.iterchildren("th", "td")] for row in table.iter("tr")]
                for table in page.iter("table")]
    document = reopen(made[path])
    found = [[[words(cell.text) for cell in row.cells] for row in table.rows] for table in document.tables]
    assert found == expected
    for table, rows in zip(document.tables, expected, strict=True):
        assert len(table.columns) == len(rows[0])
        assert table.style.name == "Table Grid"
        header = table.rows[0]._tr
        assert header.trPr is not None and header.trPr.find(qn("w:tblHeader")) is not None
        assert all(run.bold for cell in table.rows[0].cells for paragraph in cell.paragraphs
                   for run in paragraph.runs)


@pytest.mark.parametrize("path", WORKSHEETS, ids=lambda path: path.stem)
def test_every_list_item_is_a_list_paragraph(path: Path, made: dict[Path, bytes]):
    page = page_of(path.read_text(encoding="utf-8"))
    expected = []
    for item in page.iter("li"):
        style = "List Bullet" if item.getparent().tag == "ul" else "List Number"
        depth = len(item.xpath("ancestor::ul | ancestor::ol"))
        text = (item.text or "") + "".join(html.tostring(child, method="text", encoding="unicode")
                                           for child in item if child.tag not in ("ul", "ol"))
        expected.append((style + (f" {depth}" if depth > 1 else ""), words(text)))
    document = reopen(made[path])
    found = [(paragraph.style.name, words(paragraph.text)) for paragraph in document.paragraphs
             if paragraph.style.name.startswith(("List Bullet", "List Number"))]
    assert found == expected


@pytest.mark.parametrize("path", WORKSHEETS, ids=lambda path: path.stem)
def test_the_document_is_dutch_on_a4(path: Path, made: dict[Path, bytes]):
    document = reopen(made[path])
    languages = document.styles.element.findall(f".//{qn('w:lang')}")
    assert {language.get(qn("w:val")) for language in languages} == {"nl-NL"}
    assert document.element.body.find(f".//{qn('w:lang')}") is None  # no run says otherwise
    assert document.core_properties.language == "nl-NL"
    for section in document.sections:
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
        assert all(margin.cm == pytest.approx(2, abs=0.01) for margin in (
            section.left_margin, section.right_margin, section.top_margin, section.bottom_margin))


def test_the_properties_and_every_date_are_the_given_ones(made: dict[Path, bytes]):
    data = made[ROOT / "curriculum/webcare/materialen/huisregel.md"]
    properties = reopen(data).core_properties
    assert (properties.title, properties.author, properties.last_modified_by) == ("Werkblad", "Project Z",
                                                                                "Project Z")
    assert properties.created == properties.modified == datetime.datetime(2026, 10, 15, tzinfo=datetime.UTC)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {entry.date_time for entry in archive.infolist()} == {(2026, 10, 15, 0, 0, 0)}
        # A blank document's thumbnail would show an empty page in the file manager.
        assert not any("thumbnail" in name or "stylesWithEffects" in name for name in archive.namelist())


def test_the_same_worksheet_gives_the_same_bytes():
    text = (ROOT / "curriculum/webcare/materialen/escalatieschema.md").read_text(encoding="utf-8")
    first = docx_of(text)
    time.sleep(1.1)  # python-docx stamps zip entries with the time to the second
    assert docx_of(text) == first
    assert worksheet_docx(text, title="Ander", date=REVIEWED) != first
    assert worksheet_docx(text, title="Werkblad", date=datetime.date(2026, 10, 16)) != first


def test_tables_that_follow_each_other_stay_apart(made: dict[Path, bytes]):
    """Word joins two tables with nothing between them into one; the worksheet has three in a row."""
    document = reopen(made[ROOT / "curriculum/webcare/materialen/werkblad-dijkveen.md"])
    blocks = [child.tag for child in document.element.body]
    assert blocks.count(qn("w:tbl")) == 5
    assert all(after != qn("w:tbl") for before, after in itertools.pairwise(blocks) if before == qn("w:tbl"))


def test_a_row_with_an_empty_cell_leaves_room_to_write(made: dict[Path, bytes]):
    document = reopen(made[ROOT / "curriculum/webcare/materialen/werkblad-dijkveen.md"])
    decisions, _, _, _, checks = document.tables
    assert decisions.rows[0].height is None  # the header
    assert all(row.height.cm == pytest.approx(1, abs=0.01) for row in (*decisions.rows[1:], *checks.rows[1:]))
    example = reopen(made[ROOT / "curriculum/webcare/materialen/escalatieschema.md"]).tables[0]
    assert all(row.height is None for row in example.rows)  # every cell filled in


def test_a_wide_table_has_smaller_text_in_a_style_of_its_own(made: dict[Path, bytes]):
    wide = reopen(made[ROOT / "curriculum/webcare/materialen/escalatieschema.md"]).tables[0]
    narrow = reopen(made[ROOT / "curriculum/webcare/materialen/werkblad-dijkveen.md"]).tables[0]
    styles = {table: {paragraph.style.name for row in table.rows for cell in row.cells
                      for paragraph in cell.paragraphs} for table in (wide, narrow)}
    assert (styles[wide], styles[narrow]) == ({"Tabeltekst"}, {"Normal"})
    assert wide.cell(0, 0).paragraphs[0].style.font.size.pt == 9


SAMPLE = """# Voorbeeld

Tekst met **vet**, *schuin*, `code` en een [link](https://example.org/regels) en
[https://example.org](https://example.org) en [mail](mailto:webcare@example.org).

1. Eerste
2. Tweede
    - genest *punt*
3. Derde

Tussenstuk.

<ol start="4"><li>Verder</li><li>En verder</li></ol>

1. Opnieuw

> Een bericht van een inwoner.

!!! note "Let op"
    Een opmerking.

---

| Kop | Kop |
| --- | --- |
| a | b |

<table><tr><th colspan="2">Breed</th></tr><tr><td rowspan="x">x</td><td>y</td></tr></table>

```
regel 1
regel 2
```
"""


def paragraph_with(document, text: str):
    return next(paragraph for paragraph in document.paragraphs if text in paragraph.text)


def test_inline_formats_and_links():
    data = docx_of(SAMPLE)
    document = reopen(data)
    paragraph = paragraph_with(document, "vet")
    assert words(paragraph.text) == ("Tekst met vet, schuin, code en een link (https://example.org/regels) en "
                                     "https://example.org en mail (webcare@example.org).")
    runs = {run.text: run for run in paragraph.runs}
    assert runs["vet"].bold and runs["schuin"].italic and runs["code"].style.name == "Macro Text Char"
    assert [link.address for link in paragraph.hyperlinks] == [
        "https://example.org/regels", "https://example.org", "mailto:webcare@example.org"]
    assert [link.text for link in paragraph.hyperlinks] == ["link", "https://example.org", "mail"]
    assert all(run.style.name == "Hyperlink" for link in paragraph.hyperlinks for run in link.runs)


def numbering_of(paragraph) -> tuple[int, int]:
    """The paragraph's list numbering and the number it starts at."""
    number = paragraph._p.pPr.numPr.numId.val
    numbering = paragraph.part.numbering_part.element
    start = numbering.num_having_numId(number).find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}")
    return number, int(start.get(qn("w:val")))


def test_each_ordered_list_numbers_from_its_own_start_and_lists_nest():
    document = reopen(docx_of(SAMPLE))
    first, second, third = (paragraph_with(document, text) for text in ("Eerste", "Tweede", "Derde"))
    further = paragraph_with(document, "Verder")
    assert numbering_of(first) == numbering_of(second) == numbering_of(third)
    assert numbering_of(first)[1] == 1
    assert numbering_of(further)[0] != numbering_of(first)[0] and numbering_of(further)[1] == 4
    again = paragraph_with(document, "Opnieuw")  # a list of its own on the page too: it starts at 1 again
    assert numbering_of(again)[0] not in (numbering_of(first)[0], numbering_of(further)[0])
    assert numbering_of(again)[1] == 1
    nested = paragraph_with(document, "genest")
    assert nested.style.name == "List Bullet 2" and nested.runs[-1].italic


def test_quotes_admonitions_rules_code_and_spanning_cells():
    document = reopen(docx_of(SAMPLE))
    quote = paragraph_with(document, "Een bericht")
    assert quote.style.name == "Quote" and quote.paragraph_format.left_indent.cm == pytest.approx(1, abs=0.01)
    title, remark = paragraph_with(document, "Let op"), paragraph_with(document, "Een opmerking")
    assert title.runs[0].bold and remark.paragraph_format.left_indent.cm == pytest.approx(1, abs=0.01)
    rules = document.element.body.findall(f".//{qn('w:pBdr')}/{qn('w:bottom')}")
    assert len(rules) == 1
    code = paragraph_with(document, "regel 1")
    assert code.style.name == "macro" and code.text == "regel 1\nregel 2"
    wide = document.tables[1]
    assert [[cell.text for cell in row.cells] for row in wide.rows] == [["Breed", "Breed"], ["x", "y"]]


def test_author_text_is_escaped_and_only_what_the_page_shows_gets_in():
    document = reopen(docx_of('# Kop & <b>"vet"</b>\n\n<script>alert(1)</script>\n\nTekst < 3 &amp; meer'))
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert texts == ['Kop & "vet"', "Tekst < 3 & meer"]


def test_characters_a_word_file_cannot_hold_are_left_out():
    document = reopen(docx_of("Tekst\x0bmet\x01stuurtekens\n\n```\ncode\x02\n```"))
    assert [paragraph.text for paragraph in document.paragraphs] == ["Tekstmetstuurtekens", "code"]
