"""A worksheet as an editable Word document, so a municipality can make a template its own.

The Markdown is rendered and sanitized exactly as the worksheet's page is (`body.render_body`,
`body.sanitize`), and that HTML is walked into Word: the document says what the page says. Every
part keeps Word's own means, not a look-alike: headings in the built-in heading styles (Dutch
Word shows them as Kop 1, Kop 2 ...), lists in the list styles with Word's own numbering, tables
as tables. Someone who edits the file then finds the navigation pane, renumbering and the style
gallery working as usual.

python-docx's blank document is a Letter page in US English with hundreds of styles; the document
all worksheets start from is made once per language (`_prepared`): A4, the language in the
default run properties, and only the styles a worksheet uses. That also makes opening and saving
a small file rather than a 900 kB one, which is most of the time a worksheet takes.
"""

import datetime
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import Protocol

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_COLOR_INDEX
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.hyperlink import CT_Hyperlink
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import html

from projectz.core.zipfiles import office_file
from projectz.curriculum import body
from projectz.curriculum.powerpoint import AUTHOR

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)  # A4, portrait
MARGIN = Cm(2)  # room for a table of six or seven columns in the width of the page
INDENT = Cm(1)  # per level of quotation or admonition
# A table this wide gets smaller text, so its words fit its columns on a portrait page.
WIDE_TABLE = 5
WIDE_TABLE_TEXT = Pt(9)
WRITING_ROW = Cm(1)  # the least height of a row with an empty cell: room to write by hand on a printout

_LIST_STYLES = {"ul": "List Bullet", "ol": "List Number"}
_DEEPEST_LIST = 3  # Word's list styles go three levels deep; deeper lists stay on the third
# Parts of the blank document a worksheet has no use for: Word 2010's copy of the styles, a picture
# of an empty page, a bibliography store.
_UNUSED_PARTS = frozenset({RT.CUSTOM_XML, RT.WEB_SETTINGS, RT.THUMBNAIL,
                           "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"})
_HYPERLINK_STYLE = "Hyperlink"  # Word's built-in name: Word gives it its own colours when restyled
_CODE_STYLE = "Macro Text Char"
_CODE_BLOCK_STYLE = "macro"  # the style Word calls "Macrotekst"
_WIDE_TABLE_STYLE = "Tabeltekst"  # our own, so a municipality changes the size of all wide tables at once
_STYLES = ("Normal", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "Heading 5", "Heading 6",
                 *(f"{style}{level}" for style in ("List Bullet", "List Number", "List Continue")
                   for level in ("", " 2", " 3")),
                 "Quote", "Caption", _CODE_BLOCK_STYLE, _CODE_STYLE, "Table Grid")

_BLOCKS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "table", "blockquote", "div", "pre",
                     "hr", "dl", "dt", "dd", "details", "summary", "figure", "figcaption", "caption", "li"})
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")  # not \s: a no-break space the author typed stays
# Characters a Word file cannot hold (XML 1.0), which a browser does not show either.
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class _Format:
    """How a stretch of text looks; a run is made for each change."""

    bold: bool = False
    italic: bool = False
    underline: bool = False
    strike: bool = False
    code: bool = False
    mark: bool = False
    script: str = ""  # "sub" or "sup"
    link: str = ""  # the external address the text links to


@dataclass(frozen=True)
class _Text:
    text: str
    format: _Format


_BREAK = None  # a line break within the paragraph (<br>)
_Piece = _Text | None

_INLINE_FORMATS = {
    "strong": {"bold": True}, "b": {"bold": True}, "em": {"italic": True}, "i": {"italic": True},
    "cite": {"italic": True}, "u": {"underline": True}, "ins": {"underline": True}, "s": {"strike": True},
    "del": {"strike": True}, "code": {"code": True}, "kbd": {"code": True}, "samp": {"code": True},
    "mark": {"mark": True}, "sub": {"script": "sub"}, "sup": {"script": "sup"},
}


@dataclass(frozen=True)
class _Place:
    """Where the walk is: what a plain paragraph looks like there."""

    style: str = "Normal"
    indent: int = 0  # levels of quotation or admonition
    list_depth: int = 0
    format: _Format = _Format()


class _Container(Protocol):
    """The document body or a table cell: both take paragraphs and tables."""

    def add_paragraph(self, text: str = "", style: str | None = None) -> Paragraph: ...

    def add_table(self, rows: int, cols: int) -> Table: ...


def worksheet_docx(material_markdown: str, *, title: str, date: datetime.date, language: str = "nl-NL") -> bytes:
    """The worksheet as .docx bytes, the same for the same arguments: its dates are `date`, not the clock's."""
    document = Document(io.BytesIO(_prepared(language)))
    fragment = html.fragment_fromstring(body.sanitize(body.render_body(material_markdown)), create_parent="div")
    _Writer(document).blocks(document, fragment, _Place())
    return office_file(document, title=title, author=AUTHOR, language=language, date=date)


@cache
def _prepared(language: str) -> bytes:
    """The blank document every worksheet starts from: A4, in the language, with only the styles it uses."""
    document = Document()
    for relationships in (document.part.rels, document.part.package.rels):
        for key in [key for key, relationship in relationships.items() if relationship.reltype in _UNUSED_PARTS]:
            del relationships[key]
    _add_hyperlink_style(document)
    _add_wide_table_style(document)
    _keep_styles(document, (*_STYLES, _HYPERLINK_STYLE, _WIDE_TABLE_STYLE))
    # The language of all text, where Word looks first: spelling is checked, and text read aloud, in Dutch.
    defaults = document.styles.element.find(qn("w:docDefaults"))
    defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}").set(qn("w:val"), language)
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = MARGIN
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _add_hyperlink_style(document: DocxDocument) -> None:
    style = document.styles.add_style(_HYPERLINK_STYLE, WD_STYLE_TYPE.CHARACTER, builtin=True)
    style.font.underline = True
    style.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)  # Word's own hyperlink blue
    style.priority = 99
    style.unhide_when_used = True


def _add_wide_table_style(document: DocxDocument) -> None:
    style = document.styles.add_style(_WIDE_TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.font.size = WIDE_TABLE_TEXT
    style.paragraph_format.space_after = 0


def _keep_styles(document: DocxDocument, names: tuple[str, ...]) -> None:
    """Only the named styles, the defaults, and what they are based on or linked to."""
    styles = document.styles.element
    by_id = {style.styleId: style for style in styles.style_lst}
    wanted = [document.styles[name].style_id for name in names]
    wanted += [style.styleId for style in styles.style_lst if style.default]
    kept: set[str] = set()
    while wanted:
        style_id = wanted.pop()
        if style_id in kept or style_id not in by_id:
            continue
        kept.add(style_id)
        style = by_id[style_id]
        wanted += [reference.get(qn("w:val")) for tag in ("w:basedOn", "w:link", "w:next")
                   if (reference := style.find(qn(tag))) is not None]
    for style_id, style in by_id.items():
        if style_id not in kept:
            styles.remove(style)


class _Writer:
    """Walks the HTML of one worksheet into one document."""

    def __init__(self, document: DocxDocument) -> None:
        self._document = document
        self._numbering = document.part.numbering_part.element
        # The style and numbering of a list item's bullet, until its first paragraph takes it.
        self._item: tuple[str, int | None] | None = None
        self._after_table = False

    def blocks(self, container: _Container, parent: html.HtmlElement, place: _Place) -> None:
        """The children of parent: each block as its own paragraphs or table, loose text as paragraphs."""
        pieces: list[_Piece] = list(_text(parent.text, place.format))
        for child in parent:
            if not isinstance(child.tag, str):  # a comment: nh3 removes them, but lxml may still meet one
                continue
            if child.tag in _BLOCKS:
                self._paragraph(container, pieces, place)
                pieces = []
                self._block(container, child, place)
            else:
                pieces += _inline(child, place.format)
            pieces += _text(child.tail, place.format)
        self._paragraph(container, pieces, place)

    def _block(self, container: _Container, element: html.HtmlElement, place: _Place) -> None:
        tag = element.tag
        classes = set(element.get("class", "").split())
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._paragraph(container, _inline_children(element, _Format()), place, f"Heading {tag[1]}")
        elif tag in ("ul", "ol"):
            self._list(container, element, place)
        elif tag == "table":
            self._table(container, element, place)
        elif tag == "pre":
            lines = _NOT_IN_XML.sub("", "".join(element.itertext())).removesuffix("\n").split("\n")
            pieces = [piece for line in lines for piece in (_BREAK, _Text(line, _Format()))][1:]
            self._paragraph(container, pieces, place, _CODE_BLOCK_STYLE, collapse=False)
        elif tag == "hr":
            self._rule(container, place)
        elif tag == "blockquote":
            self.blocks(container, element, replace(place, style="Quote", indent=place.indent + 1))
        elif "admonition" in classes or tag in ("details", "dd"):
            self.blocks(container, element, replace(place, indent=place.indent + 1))
        elif "admonition-title" in classes or tag in ("summary", "dt"):
            self.blocks(container, element, replace(place, format=replace(place.format, bold=True)))
        elif tag == "figcaption":
            self.blocks(container, element, replace(place, style="Caption"))
        else:  # p, div, figure, li outside a list: their content where they stand
            self.blocks(container, element, place)

    def _paragraph(self, container: _Container, pieces: list[_Piece], place: _Place, style: str | None = None,
                   *, collapse: bool = True) -> None:
        """A paragraph of the pieces, unless they are only white space: in the place's style, or the
        given one. A list item's first plain paragraph carries its bullet."""
        if collapse:
            pieces = _collapsed(pieces)
        if not pieces:
            return
        if style is not None or self._item is None:
            self._settle_item(container)
            paragraph = self._new_paragraph(container, style or place.style)
        else:
            paragraph = self._item_paragraph(container)
        if place.indent and not place.list_depth:
            paragraph.paragraph_format.left_indent = INDENT * place.indent
        self._runs(paragraph, pieces)

    def _item_paragraph(self, container: _Container) -> Paragraph:
        style, number = self._item
        self._item = None
        paragraph = self._new_paragraph(container, style)
        if number is not None:
            numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            numbering.get_or_add_ilvl().val = 0
            numbering.get_or_add_numId().val = number
        return paragraph

    def _new_paragraph(self, container: _Container, style: str) -> Paragraph:
        self._after_table = False
        # Normal is what a paragraph without a style has; naming it would only add an empty property.
        return container.add_paragraph(style=None if style == "Normal" else style)

    def _settle_item(self, container: _Container) -> None:
        """A list item that starts with something other than text still shows its bullet."""
        if self._item is not None:
            self._item_paragraph(container)

    def _runs(self, paragraph: Paragraph, pieces: list[_Piece]) -> None:
        for link, group in _by_link(pieces):
            target = self._hyperlink(paragraph, link) if link else None
            for piece in group:
                if piece is _BREAK:
                    paragraph.add_run().add_break()
                    continue
                run = paragraph.add_run(piece.text)
                _apply(run, piece.format)
                if target is not None:
                    target.append(run._r)
            if link and (shown := _shown_address(link)) not in "".join(piece.text for piece in group if piece):
                # On paper the address is all there is of a link.
                paragraph.add_run(f" ({shown})")

    def _hyperlink(self, paragraph: Paragraph, address: str) -> CT_Hyperlink:
        hyperlink = OxmlElement("w:hyperlink")
        hyperlink.set(qn("r:id"), paragraph.part.relate_to(address, RT.HYPERLINK, is_external=True))
        paragraph._p.append(hyperlink)
        return hyperlink

    def _rule(self, container: _Container, place: _Place) -> None:
        """A line across the page, as on the printed page: message cards are cut apart along it."""
        self._settle_item(container)
        paragraph = self._new_paragraph(container, place.style)
        borders = OxmlElement("w:pBdr")
        line = OxmlElement("w:bottom")
        for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "auto")):
            line.set(qn(key), value)
        borders.append(line)
        paragraph._p.get_or_add_pPr().append(borders)  # after the style, the only property so far

    def _list(self, container: _Container, element: html.HtmlElement, place: _Place) -> None:
        self._settle_item(container)
        depth = min(place.list_depth + 1, _DEEPEST_LIST)
        style = _LIST_STYLES[element.tag] + (f" {depth}" if depth > 1 else "")
        number = self._restart(style, _count(element, "start")) if element.tag == "ol" else None
        inner = replace(place, style="List Continue" + (f" {depth}" if depth > 1 else ""), list_depth=depth)
        for item in element.iterchildren("li"):
            self._item = (style, number)
            self.blocks(container, item, inner)
            self._settle_item(container)

    def _restart(self, style: str, start: int) -> int:
        """A numbering of its own for one ordered list: the next list starts again at its own start."""
        style_number = self._document.styles[style].element.pPr.numPr.numId.val
        abstract = self._numbering.num_having_numId(style_number).abstractNumId.val
        number = self._numbering.add_num(abstract)
        number.add_lvlOverride(ilvl=0).add_startOverride(start)
        return number.numId

    def _table(self, container: _Container, element: html.HtmlElement, place: _Place) -> None:
        self._settle_item(container)
        rows = element.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")
        cells = list(_grid(rows))
        if not cells:
            return
        if (caption := element.find("caption")) is not None:
            self.blocks(container, caption, replace(place, style="Caption"))
        if self._after_table:  # Word joins two tables that touch into one
            self._new_paragraph(container, "Normal")
        columns = max(cell.column + cell.columns for cell in cells)
        table = container.add_table(rows=len(rows), cols=columns)
        style = _WIDE_TABLE_STYLE if columns >= WIDE_TABLE else "Normal"
        table.style = self._document.styles["Table Grid"]
        grid = [row.cells for row in table.rows]
        for cell in cells:
            target = grid[cell.row][cell.column]
            if cell.rows > 1 or cell.columns > 1:
                last_row = min(cell.row + cell.rows, len(rows)) - 1
                target = target.merge(grid[last_row][cell.column + cell.columns - 1])
            bold = cell.element.tag == "th"
            self._cell(target, cell.element, _Place(style=style, format=_Format(bold=bold)))
        for row, tr in zip(table.rows, rows, strict=True):
            if tr.getparent().tag == "thead" or all(cell.tag == "th" for cell in tr.iterchildren("th", "td")):
                _repeat_as_header(row)
            elif any(not "".join(cell.itertext()).strip() for cell in tr.iterchildren("td")):
                row.height, row.height_rule = WRITING_ROW, WD_ROW_HEIGHT_RULE.AT_LEAST
        self._after_table = True

    def _cell(self, cell: _Cell, element: html.HtmlElement, place: _Place) -> None:
        """The content of one cell; the empty paragraph a new cell holds gives way to it."""
        blank = cell.paragraphs[0]
        self.blocks(cell, element, place)
        if len(cell._tc.xpath("./w:p | ./w:tbl")) > 1:
            cell._tc.remove(blank._p)


@dataclass(frozen=True)
class _GridCell:
    element: html.HtmlElement
    row: int
    column: int
    rows: int
    columns: int


def _grid(rows: list[html.HtmlElement]) -> Iterator[_GridCell]:
    """Each cell with where it stands, past the cells that earlier rows span into."""
    taken: set[tuple[int, int]] = set()
    for row_number, row in enumerate(rows):
        column = 0
        for element in row.iterchildren("th", "td"):
            while (row_number, column) in taken:
                column += 1
            rows_spanned, columns = _count(element, "rowspan"), _count(element, "colspan")
            taken.update((row_number + down, column + across)
                         for down in range(rows_spanned) for across in range(columns))
            yield _GridCell(element, row_number, column, rows_spanned, columns)
            column += columns


def _count(element: html.HtmlElement, attribute: str) -> int:
    """A span or a list's start; 1 when the author's value is missing or not a count."""
    value = element.get(attribute, "")
    return max(1, int(value)) if value.isdigit() else 1


def _repeat_as_header(row: _Row) -> None:
    """A header row Word repeats on every page a table runs over, and screen readers announce as such."""
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:tblHeader"))


def _text(text: str | None, format: _Format) -> list[_Piece]:
    return [_Text(_NOT_IN_XML.sub("", text), format)] if text else []


def _inline_children(element: html.HtmlElement, format: _Format) -> list[_Piece]:
    pieces = _text(element.text, format)
    for child in element:
        if isinstance(child.tag, str):
            pieces += _inline(child, format)
        pieces += _text(child.tail, format)
    return pieces


def _inline(element: html.HtmlElement, format: _Format) -> list[_Piece]:
    """The text of an inline element as pieces, without its tail."""
    tag = element.tag
    classes = element.get("class", "").split()
    if tag == "br":
        return [_BREAK]
    if tag == "img":
        return _text(f"[{alt}]" if (alt := element.get("alt", "").strip()) else "", format)
    if tag == "a":
        if "headerlink" in classes:  # the permalink of a heading: a page's, not a document's
            return []
        address = element.get("href", "")
        if address.startswith(("https:", "mailto:")):
            format = replace(format, link=address)
    return _inline_children(element, replace(format, **_INLINE_FORMATS.get(tag, {})))


def _collapsed(pieces: list[_Piece]) -> list[_Piece]:
    """The pieces with white space as a browser shows it: runs of it as one space, none at a line's ends."""
    result: list[_Piece] = []
    line_start = True
    for piece in pieces:
        if piece is _BREAK:
            _trim_end(result)
            result.append(_BREAK)
            line_start = True
            continue
        text = _HTML_SPACE.sub(" ", piece.text)
        if line_start or (result and result[-1] is not _BREAK and result[-1].text.endswith(" ")):
            text = text.lstrip(" ")
        if text:
            result.append(replace(piece, text=text))
            line_start = False
    _trim_end(result)
    return result


def _trim_end(pieces: list[_Piece]) -> None:
    """Without the white space at the end of the last line."""
    while pieces and pieces[-1] is not _BREAK:
        if text := pieces[-1].text.rstrip(" "):
            pieces[-1] = replace(pieces[-1], text=text)
            return
        pieces.pop()


def _by_link(pieces: list[_Piece]) -> Iterator[tuple[str, list[_Piece]]]:
    """The pieces in stretches of one link target each ('' for none); a break belongs to no link."""
    group: list[_Piece] = []
    link = ""
    for piece in pieces:
        piece_link = piece.format.link if piece is not _BREAK else ""
        if group and piece_link != link:
            yield link, group
            group = []
        link = piece_link
        group.append(piece)
    if group:
        yield link, group


def _shown_address(address: str) -> str:
    return address.removeprefix("mailto:")


def _apply(run: Run, format: _Format) -> None:
    """The format on a run; only what differs is written, so the style decides the rest."""
    font = run.font
    for name in ("bold", "italic", "underline", "strike"):
        if getattr(format, name):
            setattr(font, name, True)
    if format.script:
        setattr(font, "subscript" if format.script == "sub" else "superscript", True)
    if format.mark:
        font.highlight_color = WD_COLOR_INDEX.YELLOW
    if format.code:
        run.style = _CODE_STYLE
    elif format.link:
        run.style = _HYPERLINK_STYLE
