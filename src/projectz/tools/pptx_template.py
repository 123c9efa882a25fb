"""The neutral PowerPoint template of the decks, made again from python-pptx's own default.

python -m projectz.tools.pptx_template (scripts/pptx-template) rewrites the committed template
when it differs from what this makes, and exits 1 then, so it doubles as a check.
"""

import datetime
import io
import sys

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from projectz.core.zipfiles import with_fixed_times
from projectz.curriculum import powerpoint

# python-pptx's default is 4:3; a projector and a laptop screen today are 16:9.
WIDE = Emu(12192000)
TALL = Emu(6858000)
# The layouts of the default (English names) that the decks use, by their Dutch names.
LAYOUTS = {
    "Title Slide": powerpoint.TITLE_LAYOUT,
    "Title and Content": powerpoint.CONTENT_LAYOUT,
    "Section Header": powerpoint.SECTION_LAYOUT,
    "Two Content": powerpoint.PICTURE_LAYOUT,
}
# A title slide holds a lead, three facts and three fields to fill in: more lines than the default fits.
TITLE_SLIDE_BOXES = {PP_PLACEHOLDER.CENTER_TITLE: (Emu(685800), Emu(1371600)),
                     PP_PLACEHOLDER.SUBTITLE: (Emu(2133600), Emu(4114800))}  # (top, height)
SUBTITLE_SIZE = Pt(20)
# A key point is the slide's message: large, in the middle, under an ordinary title.
STATEMENT_SIZE = Pt(36)
# The default's 32 pt fits five learning objectives of two lines on no slide; 24 pt does.
LIST_SIZES = (Pt(24), Pt(20))  # first and second level
# The room a list number needs ("10."); the default leaves room for a bullet only.
LIST_INDENT = Emu(457200)
MADE = datetime.datetime(2026, 12, 1)  # fixed, so the file only changes when this code does
LANGUAGE = "nl-NL"


def template_bytes() -> bytes:
    presentation = Presentation()
    for layout in list(presentation.slide_layouts):
        if layout.name in LAYOUTS:
            layout.element.cSld.set("name", LAYOUTS[layout.name])
        else:
            presentation.slide_layouts.remove(layout)
    _widen(presentation)
    _fit_title_slide(presentation.slide_layouts.get_by_name(powerpoint.TITLE_LAYOUT))
    _centre_statements(presentation.slide_layouts.get_by_name(powerpoint.SECTION_LAYOUT))
    _fit_lists(presentation.slide_master)
    _ = presentation.notes_master  # made on first use: kept here, so a house style can restyle the notes too
    _leave_out_office_extras(presentation)
    for part in presentation.part.package.iter_parts():
        if hasattr(part, "_element"):
            for element in part._element.iter():
                if "lang" in element.attrib:
                    element.set("lang", LANGUAGE)
    properties = presentation.core_properties
    properties.title = "Sjabloon voor de dia's van Project Z"
    properties.author = properties.last_modified_by = powerpoint.AUTHOR
    properties.comments = ""
    properties.language = LANGUAGE
    properties.created = properties.modified = MADE
    buffer = io.BytesIO()
    presentation.save(buffer)
    return with_fixed_times(buffer.getvalue(), MADE)


def _widen(presentation) -> None:
    """16:9 at the default's height: every horizontal position and width stretched by the same factor."""
    factor = WIDE / presentation.slide_width
    presentation.slide_width, presentation.slide_height = WIDE, TALL
    presentation.element.find(qn("p:sldSz")).attrib.pop("type", None)  # "screen4x3" would be untrue
    for part in [presentation.slide_master, *presentation.slide_layouts]:
        for shape in part.shapes:
            if shape.element.find(f"{qn('p:spPr')}/{qn('a:xfrm')}") is not None:  # else inherited
                shape.left, shape.width = round(shape.left * factor), round(shape.width * factor)


def _fit_title_slide(layout) -> None:
    for placeholder in layout.placeholders:
        if box := TITLE_SLIDE_BOXES.get(placeholder.placeholder_format.type):
            placeholder.top, placeholder.height = box
        if placeholder.placeholder_format.type == PP_PLACEHOLDER.SUBTITLE:
            _level_one(placeholder).find(qn("a:defRPr")).set("sz", str(SUBTITLE_SIZE.centipoints))


def _centre_statements(layout) -> None:
    """The default's section header puts a small grey text above a title in capitals, at the bottom."""
    for placeholder in layout.placeholders:
        sp = placeholder.element
        if placeholder.placeholder_format.type == PP_PLACEHOLDER.TITLE:
            # Where and how the master puts every title.
            sp.spPr.remove(sp.spPr.find(qn("a:xfrm")))
            sp.txBody.remove(sp.txBody.find(qn("a:lstStyle")))
            sp.txBody.insert(1, etree.Element(qn("a:lstStyle")))
            sp.txBody.find(qn("a:bodyPr")).attrib.clear()
        elif placeholder.placeholder_format.type == PP_PLACEHOLDER.BODY:
            master_body = layout.slide_master.placeholders.get(PP_PLACEHOLDER.BODY)
            placeholder.left, placeholder.width = master_body.left, master_body.width
            placeholder.top, placeholder.height = master_body.top, master_body.height
            sp.txBody.find(qn("a:bodyPr")).set("anchor", "ctr")
            level = _level_one(placeholder)
            level.set("algn", "ctr")
            size = level.find(qn("a:defRPr"))
            size.set("sz", str(STATEMENT_SIZE.centipoints))
            size.remove(size.find(qn("a:solidFill")))  # the master's text colour, not a paler tint


def _level_one(placeholder) -> etree._Element:
    return placeholder.element.txBody.find(f"{qn('a:lstStyle')}/{qn('a:lvl1pPr')}")


def _fit_lists(master) -> None:
    levels = master.element.find(f"{qn('p:txStyles')}/{qn('p:bodyStyle')}")
    for level, size in enumerate(LIST_SIZES, start=1):
        levels.find(f"{qn(f'a:lvl{level}pPr')}/{qn('a:defRPr')}").set("sz", str(size.centipoints))
    first = levels.find(qn("a:lvl1pPr"))
    first.set("marL", str(LIST_INDENT))
    first.set("indent", str(-LIST_INDENT))


def _leave_out_office_extras(presentation) -> None:
    """The default's thumbnail, printer settings and application statistics describe another file."""
    package = presentation.part.package
    for rel_id, rel in list(package._rels.items()):
        if rel.reltype in (RT.THUMBNAIL, RT.EXTENDED_PROPERTIES):
            package.drop_rel(rel_id)
    for rel_id, rel in list(presentation.part.rels.items()):
        if rel.reltype == RT.PRINTER_SETTINGS:
            presentation.part.drop_rel(rel_id)


def main() -> int:
    wanted = template_bytes()
    path = powerpoint.TEMPLATE
    if path.is_file() and path.read_bytes() == wanted:
        print(f"{path.name} is bijgewerkt.")
        return 0
    path.write_bytes(wanted)
    print(f"{path.name} opnieuw gemaakt; neem het op in je commit.")
    return 1


if __name__ == "__main__":
    sys.exit(main())
