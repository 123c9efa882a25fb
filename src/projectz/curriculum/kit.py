"""The trainer's kit beside each module page: draaiboek, hand-out, evaluation form, certificate,
worksheets and the PowerPoint file, all built from the module's one source."""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from markupsafe import Markup

from projectz.core import dutch, urls
from projectz.core.pages import Download, GeneratedPage, page_markdown
from projectz.core.templating import render
from projectz.curriculum import body, evaluation
from projectz.curriculum.arrangement import Part, arranged
from projectz.curriculum.lessonplan import WERKVORMEN
from projectz.curriculum.modules import Material, Module
from projectz.curriculum.slides import Slide, deck_slides

# What a link to a download says about its type, as in "PowerPoint (pptx, 180 kB)".
_FILE_TYPES = {".pdf": "pdf", ".docx": "Word", ".xlsx": "Excel", ".pptx": "PowerPoint", ".odt": "odt",
               ".ods": "ods", ".odp": "odp", ".csv": "csv", ".txt": "tekst", ".png": "png", ".jpg": "jpg",
               ".jpeg": "jpg", ".gif": "gif", ".webp": "webp"}

# How the links to a kit file show its size ("180 kB"), given the file.
SizeLabel = Callable[[Download], str]


def measured_size(download: Download) -> str:
    """The size of the file itself, made here."""
    return dutch.file_size(len(download.make()))


def unmeasured_size(download: Download) -> str:
    """For a page read only for its headings: making the file would change nothing there."""
    return "?"


@dataclass(frozen=True)
class ModuleKit:
    """One published module with what its kit pages share: the slides, the PowerPoint, the worksheets."""

    module: Module
    root: Path  # the content root
    # A build that has another process make the files shows their sizes once they are made.
    size_label: SizeLabel = field(default=measured_size)

    @cached_property
    def slides(self) -> tuple[Slide, ...]:
        return deck_slides(self.module, self.root)

    @cached_property
    def pptx(self) -> bytes:
        # Imported here, where a deck is made: python-pptx, python-docx and what they load take a
        # sixth of a second, which a build whose second process makes the files need not pay.
        from projectz.curriculum.powerpoint import deck_pptx

        return deck_pptx(self.slides, title=self.module.title, author=", ".join(self.module.authors),
                         date=self.module.last_reviewed)

    @cached_property
    def parts(self) -> list[Part]:
        return arranged(self.module.body, self.module.blocks)

    @property
    def worksheets(self) -> tuple[Material, ...]:
        """The Markdown materials in the order the programme uses them; unused ones after."""
        used = [material for name in self.module.materials if (material := self.module.material_page(name))]
        return (*used, *(material for material in self.module.material_pages if material not in used))

    @cached_property
    def documents(self) -> dict[str, bytes]:
        """Each Markdown worksheet as an editable Word file, by its worksheet's name."""
        from projectz.curriculum.worksheets import worksheet_docx  # as in pptx

        return {material.name: worksheet_docx(material.text, title=material.title, date=self.module.last_reviewed)
                for material in self.module.material_pages}

    def material_link(self, links: urls.PageLinks) -> Callable[[str], Markup]:
        """A template function: the link to a worksheet page, or to a file with its type and size."""
        def link(name: str) -> Markup:
            if material := self.module.material_page(name):
                return Markup('<a href="{}">{}</a> ({})').format(
                    links.to(material_url(self.module, material)), material.title, self.word_link(material, links))
            path = self.root / self.module.folder / name
            kind = _FILE_TYPES.get(Path(name).suffix.lower(), Path(name).suffix.lstrip("."))
            return Markup('<a href="{}" download>{}</a> ({}, {})').format(
                links.file(self.module.attachment_src(name)), Path(name).name, kind,
                dutch.file_size(path.stat().st_size))
        return link

    def word_link(self, material: Material, links: urls.PageLinks) -> Markup:
        """The worksheet's Word file, to adapt to one's own municipality."""
        return Markup('<a href="{}" download>Word<span class="pz-file"> (docx, {})</span></a>').format(
            links.file(document_src(self.module, material)), self.file_size(document_src(self.module, material)))

    @cached_property
    def files(self) -> dict[str, Download]:
        """The files the kit publishes, by path: its PowerPoint and a Word file per worksheet."""
        files = [Download(urls.deck_pptx(self.module.id), lambda: self.pptx),
                 *(Download(document_src(self.module, material), lambda name=material.name: self.documents[name])
                   for material in self.module.material_pages)]
        return {file.src_uri: file for file in files}

    def file_size(self, src_uri: str) -> str:
        return self.size_label(self.files[src_uri])

    def render(self, template: str, links: urls.PageLinks, **values: object) -> str:
        return render(template, module=self.module, kit=self, links=links, werkvormen=WERKVORMEN,
                      material_link=self.material_link(links),
                      body_start=Markup(body.BODY_START), body_end=Markup(body.BODY_END), demoted=demoted,
                      author_markdown=author_markdown,
                      score_number=evaluation.SCORE_NUMBER, **values)


def material_url(module: Module, material: Material) -> str:
    return module.attachment_src(material.name).removesuffix(".md") + "/"


def document_src(module: Module, material: Material) -> str:
    """The worksheet's Word file, beside its page: modules/<id>/materialen/<name>.docx."""
    return module.attachment_src(material.name).removesuffix(".md") + ".docx"


def kit_downloads(kit: "ModuleKit") -> list[Download]:
    """The files a module's kit publishes: its PowerPoint and a Word file per worksheet."""
    return list(kit.files.values())


def kit_pages(kit: ModuleKit) -> list[GeneratedPage]:
    module = kit.module
    title = module.title
    return [
        _page(kit, urls.DRAAIBOEK, "curriculum/draaiboek.md.j2", f"Draaiboek: {title}",
              f"Draaiboek voor trainers van de module {title}: voorbereiding, per blok wat je zegt en vraagt, "
              "modelantwoorden en lastige vragen.", searchable=True),
        _page(kit, urls.HANDOUT, "curriculum/handout.md.j2", f"Hand-out: {title}",
              f"De hand-out bij de module {title}, om af te drukken op A4."),
        _page(kit, urls.EVALUATION, "curriculum/evaluation.md.j2", f"Evaluatieformulier: {title}",
              f"Het evaluatieformulier bij de module {title}, om af te drukken op A4.",
              questions=evaluation.QUESTIONS, scale=evaluation.AGREEMENT_SCALE,
              self_rating=evaluation.SELF_RATING_POINTS),
        _page(kit, urls.CERTIFICATE, "curriculum/certificate.md.j2", f"Bewijs van deelname: {title}",
              f"Een bewijs van deelname aan de module {title}, om af te drukken en in te vullen."),
        *(material_page(kit, material) for material in module.material_pages),
    ]


def _page(kit: ModuleKit, part: str, template: str, title: str, description: str, *, searchable: bool = False,
          **values: object) -> GeneratedPage:
    def markdown(links: urls.PageLinks) -> str:
        return page_markdown(title, description, kit.render(template, links, **values), searchable=searchable)

    return GeneratedPage(urls.module_part_src(kit.module.id, part), kit.module.source_path, markdown)


def material_page(kit: ModuleKit, material: Material) -> GeneratedPage:
    """A worksheet as a page of its own: the author's Markdown, sanitized like the module text."""
    module = kit.module

    def markdown(links: urls.PageLinks) -> str:
        text = kit.render("curriculum/material.md.j2", links, material=material)
        return page_markdown(material.title, f"Materiaal bij de module {module.title}: {material.title}.", text,
                             searchable=False)

    return GeneratedPage(module.attachment_src(material.name), f"{module.folder}{material.name}", markdown)


_HEADING = re.compile(r"^(#{1,5}) ", re.MULTILINE)


def demoted(markdown: str, levels: int) -> str:
    """Markdown with its headings that many levels deeper: a worksheet's title under the hand-out's."""
    return _HEADING.sub(lambda match: "#" * min(6, len(match[1]) + levels) + " ", markdown)


def author_markdown(markdown: str) -> Markup:
    """The author's Markdown as a page template takes it: not escaped, for it is Markdown, not text.

    It always stands between body_start and body_end, where the plugin sanitizes what it renders to.
    """
    return Markup(markdown)


@cache
def module_kit(module: Module, root: Path, size_label: SizeLabel = measured_size) -> ModuleKit:
    """One kit per module and content root, so validation and the build make each PowerPoint once."""
    return ModuleKit(module, root, size_label)

