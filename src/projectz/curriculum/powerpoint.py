"""A module's slide deck as an editable PowerPoint file, built on a template a municipality can restyle.

Every slide is made from a layout of the template, found by name, and its text goes into the
layout's own placeholders (never into loose text boxes or pictures of text), so applying a house
style keeps titles, lists and numbering editable. Placeholders a slide leaves empty are removed:
PowerPoint would show their prompt text ("Klik om tekst toe te voegen") while editing.

The text is exactly the slide's: the title placeholder holds `Slide.title`, the body placeholder
one paragraph per line of `body_paragraphs`, so a test can hold the file against the HTML deck.

python-pptx looks a layout's placeholders up again for every new slide, which costs more than
everything else in a deck; the shapes a slide starts with are made once per template instead, and
every slide gets a copy.
"""

import datetime
import io
from copy import deepcopy
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.oxml.slide import CT_NotesSlide, CT_Slide
from pptx.parts.slide import NotesSlidePart
from pptx.presentation import Presentation as PptxPresentation
from pptx.shapes.shapetree import SlideShapes
from pptx.slide import NotesSlide, SlideLayout
from pptx.slide import Slide as PptxSlide

from projectz.core.zipfiles import office_file
from projectz.curriculum.slides import TITLE_FIELDS, Slide, SlideImage

TEMPLATE = Path(__file__).parent / "templates" / "sjabloon.pptx"
AUTHOR = "Project Z"

# The layout names of Dutch PowerPoint's own theme: a municipality's template made in Dutch
# PowerPoint has them already, and PowerPoint keeps each slide's layout by name when another
# template is applied to the file.
TITLE_LAYOUT = "Titeldia"
CONTENT_LAYOUT = "Titel en object"
SECTION_LAYOUT = "Sectiekop"
PICTURE_LAYOUT = "Twee objecten"
LAYOUTS = (TITLE_LAYOUT, CONTENT_LAYOUT, SECTION_LAYOUT, PICTURE_LAYOUT)

# Slides that make one point stand alone on a section layout; the rest are lists under a title.
SECTION_KINDS = frozenset({"statement", "pause"})
NUMBERED_KINDS = frozenset({"steps", "exercise"})

# Neither a title nor what PowerPoint fills in itself (date, footer, slide number).
_FURNITURE = frozenset({PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.DATE,
                        PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER})
# Any fixed id will do; PowerPoint itself reuses one per template.
_SLIDE_NUMBER_FIELD_ID = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"

# "style" leaves it to the placeholder's own style: the template's bullet in a body placeholder (so
# a house style's character is kept), none in a title or on the notes page.
Bullet = Literal["none", "style", "number"]


class TemplateError(ValueError):
    """The template lacks a layout or placeholder the decks need; the message says which, in Dutch."""


@dataclass(frozen=True)
class Paragraph:
    text: str
    bullet: Bullet


def body_paragraphs(slide: Slide) -> tuple[Paragraph, ...]:
    """The lines of a slide's body placeholder: its lead, then its items.

    A title slide adds a line per blank field for the trainer to complete ("Trainer: "). Times are
    in the slide's own text ("... (15 min)"); the HTML deck's countdown has no place in a file.
    """
    lead = (Paragraph(slide.lead, "none"),) if slide.lead else ()
    if slide.kind == "title":
        return (*lead, *(Paragraph(item, "none") for item in slide.items),
                *(Paragraph(f"{field}: ", "none") for field in TITLE_FIELDS))
    bullet: Bullet = "number" if slide.kind in NUMBERED_KINDS else "style"
    return (*lead, *(Paragraph(item, bullet) for item in slide.items))


def deck_pptx(slides: tuple[Slide, ...], *, title: str, date: datetime.date, author: str = AUTHOR,
              language: str = "nl-NL", template: Path = TEMPLATE) -> bytes:
    """The deck as .pptx bytes, the same for the same arguments: its dates are `date`, not the clock's."""
    prepared = _prepared(template, language)
    presentation = Presentation(io.BytesIO(prepared.data))
    layouts = {name: presentation.slide_layouts.get_by_name(name) for name in LAYOUTS}
    for number, slide in enumerate(slides, start=1):
        layout = _layout_name(slide)
        page = _add_slide(presentation, layouts[layout], prepared.layouts[layout], slide, number, language)
        _add_notes(page, prepared.notes, slide.notes, number, language)
    return office_file(presentation, title=title, author=author, language=language, date=date)


@dataclass(frozen=True)
class _Layout:
    """The shapes a slide on one layout starts with: its title and content placeholders, then its number.

    Never changed: each slide gets a copy.
    """

    shapes: etree._Element  # p:spTree
    title: int  # positions in shapes
    contents: tuple[int, ...]  # by placeholder index: the text, then (Twee objecten) the picture's place
    slide_number: int
    picture_box: tuple[int, int, int, int] | None  # left, top, width, height of the picture's place


@dataclass(frozen=True)
class _Notes:
    page: etree._Element  # p:notes with the notes master's placeholders
    body: int  # position of the notes text in its shape tree


@dataclass(frozen=True)
class _Prepared:
    data: bytes
    layouts: dict[str, _Layout]
    notes: _Notes


@cache
def _prepared(template: Path, language: str) -> _Prepared:
    data = template.read_bytes()
    presentation = Presentation(io.BytesIO(data))
    if len(presentation.slides):
        raise TemplateError("Het PowerPoint-sjabloon bevat dia's: laat er alleen de indelingen in staan.")
    return _Prepared(data, {name: _layout(presentation, name, language) for name in LAYOUTS},
                     _notes(presentation))


def _layout(presentation: PptxPresentation, name: str, language: str) -> _Layout:
    layout = presentation.slide_layouts.get_by_name(name)
    if layout is None:
        raise TemplateError(f"Het PowerPoint-sjabloon heeft geen indeling met de naam '{name}'.")
    tree = CT_Slide.new().cSld.spTree
    shapes = SlideShapes(tree, None)
    shapes.clone_layout_placeholders(layout)
    if shapes.title is None:
        raise TemplateError(f"De indeling '{name}' van het PowerPoint-sjabloon heeft geen titel.")
    contents = sorted((shape for shape in shapes if shape.placeholder_format.type not in _FURNITURE),
                      key=lambda shape: shape.placeholder_format.idx)
    if len(contents) < (2 if name == PICTURE_LAYOUT else 1):
        raise TemplateError(f"De indeling '{name}' van het PowerPoint-sjabloon mist een tijdelijke aanduiding "
                            "voor inhoud.")
    picture_box = None
    if name == PICTURE_LAYOUT:
        place = layout.placeholders.get(idx=contents[1].placeholder_format.idx)
        picture_box = (place.left, place.top, place.width, place.height)
    _add_slide_number(shapes, layout, language)
    position = {element: index for index, element in enumerate(tree)}
    return _Layout(tree, position[shapes.title.element], tuple(position[shape.element] for shape in contents),
                   len(tree) - 1, picture_box)


def _add_slide_number(shapes: SlideShapes, layout: SlideLayout, language: str) -> None:
    """PowerPoint shows a slide's number only where the slide has its own slide number placeholder.

    python-pptx leaves that placeholder out of new slides. The field inside it keeps counting when
    slides are moved; its text is what shows until PowerPoint counts.
    """
    for placeholder in layout.placeholders:
        if placeholder.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER:
            shapes.clone_placeholder(placeholder)
            p = shapes[-1].text_frame.paragraphs[0]._p  # python-pptx adds the text body this placeholder lacks
            field = etree.SubElement(p, qn("a:fld"), id=_SLIDE_NUMBER_FIELD_ID, type="slidenum")
            etree.SubElement(field, qn("a:rPr"), lang=language)
            etree.SubElement(field, qn("a:t"))
            return
    raise TemplateError(f"De indeling '{layout.name}' van het PowerPoint-sjabloon heeft geen dianummer.")


def _notes(presentation: PptxPresentation) -> _Notes:
    page = CT_NotesSlide.new()
    notes = NotesSlide(page, None)
    notes.clone_master_placeholders(presentation.notes_master)
    return _Notes(page, list(page.cSld.spTree).index(notes.notes_placeholder.element))


def _layout_name(slide: Slide) -> str:
    if slide.kind == "title":
        return TITLE_LAYOUT
    if slide.image is not None:
        return PICTURE_LAYOUT
    return SECTION_LAYOUT if slide.kind in SECTION_KINDS else CONTENT_LAYOUT


def _add_slide(presentation: PptxPresentation, layout: SlideLayout, prepared: _Layout, slide: Slide, number: int,
               language: str) -> PptxSlide:
    # What presentation.slides.add_slide does, with a copy of the prepared shapes.
    rel_id, page = presentation.part.add_slide(layout)
    presentation.element.get_or_add_sldIdLst().add_sldId(rel_id)
    tree = deepcopy(prepared.shapes)
    _write(tree[prepared.title], (Paragraph(slide.title, "style"),), language)
    tree[prepared.slide_number].find(f".//{qn('a:t')}").text = str(number)
    text, *others = (tree[index] for index in prepared.contents)
    if paragraphs := body_paragraphs(slide):
        _write(text, paragraphs, language)
        # Long text shrinks to fit: at once in LibreOffice, in PowerPoint once the text is edited.
        etree.SubElement(text.find(f"{qn('p:txBody')}/{qn('a:bodyPr')}"), qn("a:normAutofit"))
    else:
        others.append(text)
    for empty in others:  # a picture's place included: the picture goes in as a shape of its own
        tree.remove(empty)
    data = page.element.cSld
    data.replace(data.spTree, tree)
    if slide.image is not None:
        _add_picture(page, slide.image, prepared.picture_box)
    return page


def _add_notes(page: PptxSlide, prepared: _Notes, notes: str, number: int, language: str) -> None:
    # What page.notes_slide does the first time, without searching the package for a free part name.
    part = NotesSlidePart(PackURI(f"/ppt/notesSlides/notesSlide{number}.xml"), CT.PML_NOTES_SLIDE,
                          page.part.package, deepcopy(prepared.page))
    part.relate_to(page.part.package.presentation_part.notes_master_part, RT.NOTES_MASTER)
    part.relate_to(page.part, RT.SLIDE)
    page.part.relate_to(part, RT.NOTES_SLIDE)
    body = part.notes_slide.element.cSld.spTree[prepared.body]
    _write(body, tuple(Paragraph(line, "style") for line in notes.splitlines()), language)


def _write(shape: etree._Element, paragraphs: tuple[Paragraph, ...], language: str) -> None:
    """The paragraphs as the text of a placeholder, each one run marked with the language.

    The language makes PowerPoint check spelling, and screen readers pronounce, in Dutch.
    """
    body = shape.find(qn("p:txBody"))
    for old in body.findall(qn("a:p")):
        body.remove(old)
    for paragraph in paragraphs:
        p = etree.SubElement(body, qn("a:p"))
        _set_bullet(p, paragraph.bullet)
        run = etree.SubElement(p, qn("a:r"))
        etree.SubElement(run, qn("a:rPr"), lang=language)
        etree.SubElement(run, qn("a:t")).text = paragraph.text
    if not paragraphs:
        etree.SubElement(body, qn("a:p"))  # a text body holds at least one paragraph


def _set_bullet(p: etree._Element, bullet: Bullet) -> None:
    if bullet == "none":
        properties = etree.SubElement(p, qn("a:pPr"), marL="0", indent="0")
        etree.SubElement(properties, qn("a:buNone"))
    elif bullet == "number":
        properties = etree.SubElement(p, qn("a:pPr"))
        etree.SubElement(properties, qn("a:buAutoNum"), type="arabicPeriod")


def _add_picture(page: PptxSlide, image: SlideImage, box: tuple[int, int, int, int]) -> None:
    """The image as large as fits the layout's place for it, centred."""
    left, top, width, height = box
    picture = page.shapes.add_picture(str(image.path), left, top)
    scale = min(width / picture.width, height / picture.height)
    picture.width, picture.height = round(picture.width * scale), round(picture.height * scale)
    picture.left, picture.top = left + (width - picture.width) // 2, top + (height - picture.height) // 2
    properties = picture._element.nvPicPr.cNvPr
    properties.set("name", image.name)
    properties.set("descr", image.alt)  # python-pptx writes the file name here otherwise
