"""Curriculum modules: the content model, loading from `curriculum/` and validation."""

import dataclasses
import datetime
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from projectz.core import dutch, urls, vocabulary
from projectz.core.issues import Issue
from projectz.core.schema import SLUG, Choice, Date, Field, Integer, ListOf, Record, Schema, Text, field_path
from projectz.core.textfile import read_text
from projectz.core.yamlsource import Document, split_front_matter
from projectz.curriculum import body, lessonplan, provenance, readability
from projectz.curriculum.lessonplan import Block, GroupSize, KeyPoint, Objective, Question

MODULE_SCHEMA = Schema(
    title="Project Z: front matter van een curriculummodule",
    fields=(
        Field("id", SLUG, "Vaste, unieke naam van de module; wordt het webadres. Verander hem niet meer."),
        Field("title", Text(max_length=100, plain=True), "Titel van de module."),
        Field("summary", Text(max_length=160, plain=True),
              "Eén zin die zegt wat je na de module kunt (max. 160 tekens)."),
        Field("topic", Choice(vocabulary.TOPICS), "Het thema waaronder de module in de catalogus staat."),
        Field("audience", ListOf(Choice(vocabulary.AUDIENCES), min_items=1), "Voor wie de module bedoeld is."),
        Field("level", Choice(vocabulary.LEVELS), "Niveau van de module."),
        Field("duration", Integer(30, 960), "Duur in minuten, bijvoorbeeld 180 voor een dagdeel."),
        Field("formats", ListOf(Choice(vocabulary.FORMATS), min_items=1),
              "Vormen waarin de module gegeven kan worden."),
        Field("objectives", ListOf(Record(lessonplan.OBJECTIVE_SCHEMA), min_items=1),
              "Leerdoelen: wat de deelnemer na afloop kan, elk met een id."),
        Field("key_points", ListOf(Record(lessonplan.KEY_POINT_SCHEMA), min_items=1),
              "De kernpunten om te onthouden, elk met een id en notities voor de dia."),
        Field("prerequisites", ListOf(SLUG), "Ids van modules die je eerst volgt (mag leeg: [])."),
        Field("status", Choice(vocabulary.STATUSES), "Alleen 'published' verschijnt in de catalogus."),
        Field("version", Text(pattern=r"\d+\.\d+", pattern_hint='een versie als "1.0" (tussen aanhalingstekens)'),
              "Versie van de inhoud; verhoog bij elke inhoudelijke wijziging."),
        Field("last_reviewed", Date(), "Datum van de laatste inhoudelijke controle (JJJJ-MM-DD)."),
        Field("license", Choice(vocabulary.LICENSES), "Licentie waaronder trainers het materiaal hergebruiken."),
        Field("authors", ListOf(Text(plain=True), min_items=1), "Beheerders: een team of rol, geen persoonsnaam."),
        Field("former_ids", ListOf(SLUG), "Ids die de module eerder had; hun oude webadressen sturen door "
              "naar de module. Laat weg als de id nooit veranderd is.", required=False),
        *lessonplan.LESSON_PLAN_FIELDS,
        *provenance.PROVENANCE_FIELDS,
    ),
)


@dataclass(frozen=True)
class Material:
    """A worksheet, message card or template in Markdown: a printable page of its own."""

    name: str  # in the module's folder, such as 'materialen/werkblad.md'
    title: str  # its first heading
    text: str


@dataclass(frozen=True)
class Module:
    id: str
    title: str
    summary: str
    topic: str
    audience: tuple[str, ...]
    level: str
    duration: int
    formats: tuple[str, ...]
    objectives: tuple[Objective, ...]
    key_points: tuple[KeyPoint, ...]
    prerequisites: tuple[str, ...]
    status: str
    version: str
    last_reviewed: datetime.date
    license: str
    authors: tuple[str, ...]
    source_path: str
    body: str
    body_line: int
    group_size: GroupSize
    blocks: tuple[Block, ...]
    preparation: tuple[str, ...] = ()
    intake: tuple[str, ...] = ()
    hard_questions: tuple[Question, ...] = ()
    check_questions: tuple[Question, ...] = ()
    # Files beside a folder module's index.md, relative to that folder, published next to its page.
    attachments: tuple[str, ...] = ()
    # Markdown files under a folder module's materialen/: worksheets and the like, each a printable page.
    material_pages: tuple[Material, ...] = ()
    former_ids: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    contributors: tuple[provenance.Contributor, ...] = ()
    changes: tuple[provenance.Change, ...] = ()
    sources: tuple[provenance.Source, ...] = ()
    checklist: str | None = None
    template: str | None = None

    @property
    def published(self) -> bool:
        return self.status == "published"

    @property
    def in_folder(self) -> bool:
        return self.source_path.endswith("/index.md")

    @property
    def page_src(self) -> str:
        """Where the page lives in the site. A folder module's page sits in a folder of its own,
        beside its attachments, so a relative link works the same in the repository and the site."""
        return f"{urls.MODULES.folder}/{self.id}/index.md" if self.in_folder else urls.MODULES.src(self.id)

    def attachment_src(self, name: str) -> str:
        return f"{urls.MODULES.folder}/{self.id}/{name}"

    @property
    def folder(self) -> str:
        """The module's folder in the repository ('' for a single-file module)."""
        return self.source_path.removesuffix("index.md") if self.in_folder else ""

    @property
    def materials(self) -> tuple[str, ...]:
        return lessonplan.materials(self.blocks)

    def material_page(self, name: str | None) -> Material | None:
        return next((material for material in self.material_pages if material.name == name), None)


@dataclass(frozen=True)
class _Parsed:
    module: Module
    document: Document


def module_files(curriculum_dir: Path) -> list[Path]:
    """A module is `<name>.md` or `<name>/index.md`; anything else in the folder is an asset.

    Every entry named `*.md` is listed whatever it is (a folder, a broken symlink), and so is the
    index of a folder that cannot be looked into: reading it then says what is wrong, where a
    glob would skip it without a word.
    """
    if not curriculum_dir.is_dir():
        return []
    files = []
    # Hidden entries are editors' lock and swap files, as a glob would skip them.
    for entry in (entry for entry in curriculum_dir.iterdir() if not entry.name.startswith(".")):
        if entry.name.endswith(".md"):
            files.append(entry)
        elif entry.is_dir() and _may_exist(entry / "index.md"):
            files.append(entry / "index.md")
    return sorted(files)


def _may_exist(path: Path) -> bool:
    """Whether path exists, or cannot be looked at (reading it then reports why)."""
    try:
        path.lstat()
    except FileNotFoundError:
        return False
    except OSError:
        return True
    return True


@dataclass(frozen=True)
class Curriculum:
    modules: tuple[Module, ...]
    # Ids named by every module file, valid or not: a reference to a module that merely has
    # an error of its own is not reported a second time as a missing module.
    declared_ids: frozenset[str]

    @cached_property
    def by_id(self) -> dict[str, Module]:
        return {module.id: module for module in self.modules}


def load_modules(curriculum_dir: Path, root: Path, *, check_text: bool = True) -> tuple[Curriculum, list[Issue]]:
    """Load and check every module; return the valid ones and every problem found.

    check_text=False leaves out holding the author's text to the HTML policy and the readability
    goals: the slowest checks, which a build has its second process do (site.maker).
    """
    parsed: list[_Parsed] = []
    declared: set[str] = set()
    issues: list[Issue] = []
    for path in module_files(curriculum_dir):
        result, declared_id, file_issues = _parse_module(path, path.relative_to(root).as_posix())
        issues += file_issues
        if declared_id:
            declared.add(declared_id)
        if result:
            files, file_issues = _folder_files(path, root)
            materials, material_issues = _materials(result.module, path.parent, files.material_pages)
            issues += file_issues + material_issues
            module = dataclasses.replace(result.module, attachments=files.attachments, material_pages=materials)
            result = dataclasses.replace(result, module=module)
            issues += _attachment_problems(module, body.render_body(module.body), files.refused)
            issues += _plan_problems(result, files.material_pages)
            issues += _provenance_problems(result, files.material_pages)
            if check_text:
                issues += _text_problems(result)
            parsed.append(result)
    issues += _duplicate_ids(parsed)
    issues += _prerequisite_problems(parsed, frozenset(declared))
    issues += _former_id_problems(parsed, frozenset(declared))
    modules = tuple(item.module for item in sorted(parsed, key=lambda item: item.module.id))
    return Curriculum(modules, frozenset(declared)), issues


def _parse_module(path: Path, shown_path: str) -> tuple[_Parsed | None, str | None, list[Issue]]:
    """The module if valid, the id the file declares (even if not), and the file's problems."""
    text, issues = read_text(path, shown_path)
    if text is None:
        return None, None, issues
    document, body, body_line, issues = split_front_matter(text, shown_path)
    if document is None:
        return None, None, issues
    declared = document.data.get("id") if isinstance(document.data, dict) else None
    declared = declared if isinstance(declared, str) else None
    if issues:
        return None, declared, issues
    values, issues = MODULE_SCHEMA.validate(document)
    if values is None:
        return None, declared, issues
    module = Module(**_lesson_plan(values), source_path=shown_path, body=body, body_line=body_line)
    return _Parsed(module, document), declared, []


def _lesson_plan(values: dict) -> dict:
    """The checked front matter with the lesson plan's and the provenance's records as data classes."""
    converters = {"objectives": lessonplan.objectives, "key_points": lessonplan.key_points,
                  "group_size": lessonplan.group_size, "blocks": lessonplan.blocks,
                  "hard_questions": lessonplan.questions, "check_questions": lessonplan.questions,
                  **provenance.CONVERTERS}
    return {name: converters[name](value) if name in converters else value for name, value in values.items()}


# What a folder module may carry beside its index.md: images and documents for participants.
# No HTML, SVG or Markdown: the site would serve them as pages that no policy has checked.
ATTACHMENT_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf", ".docx", ".xlsx", ".pptx",
                                 ".odt", ".ods", ".odp", ".txt", ".csv"})


@dataclass(frozen=True)
class _FolderFiles:
    attachments: tuple[str, ...] = ()
    material_pages: tuple[str, ...] = ()
    refused: frozenset[str] = frozenset()


MATERIALS_FOLDER = provenance.MATERIALS_FOLDER


def _folder_files(index: Path, root: Path) -> tuple[_FolderFiles, list[Issue]]:
    """The files a folder module publishes, those it may not, and an error for each of those.

    Markdown under materialen/ is a worksheet or template: it becomes a page of its own.
    """
    if index.name != "index.md":
        return _FolderFiles(), []
    folder = index.parent
    attachments, pages, refused, issues = [], [], set(), []
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path == index or not path.is_file() or any(part.startswith(".") for part in name.split("/")):
            continue
        if name.startswith(MATERIALS_FOLDER) and path.suffix == ".md":
            pages.append(name)
        elif path.suffix.lower() in ATTACHMENT_SUFFIXES:
            attachments.append(name)
        else:
            refused.add(name)
            issues.append(Issue(path.relative_to(root).as_posix(), 1, "bijlage",
                                f"een bijlage mag niet van het soort '{path.suffix or path.name}' zijn; "
                                "toegestaan zijn: " + ", ".join(sorted(ATTACHMENT_SUFFIXES))
                                + f", en .md in {MATERIALS_FOLDER}"))
    return _FolderFiles(tuple(attachments), tuple(pages), frozenset(refused)), issues


def _plan_problems(parsed: _Parsed, material_names: tuple[str, ...]) -> list[Issue]:
    module = parsed.module
    context = lessonplan.PlanContext(
        document=parsed.document, duration=module.duration, objectives=module.objectives,
        key_points=module.key_points, check_questions=module.check_questions, blocks=module.blocks,
        section_ids=lessonplan.section_ids(body.render_body(module.body)),
        files=frozenset((*module.attachments, *material_names)),
    )
    return lessonplan.plan_problems(context)


def _provenance_problems(parsed: _Parsed, material_names: tuple[str, ...]) -> list[Issue]:
    module = parsed.module
    take_home = {"checklist": module.checklist, "template": module.template}
    return provenance.provenance_problems(parsed.document, module.source_path, module.last_reviewed, module.changes,
                                          take_home, frozenset(material_names))


@dataclass(frozen=True)
class ModuleReadability:
    text: readability.Readability  # the module page
    slides: readability.Readability  # the deck


def module_readability(module: Module) -> ModuleReadability:
    return ModuleReadability(readability.readability(readability.html_text(body.render_body(module.body))),
                             readability.readability("\n".join(_slide_texts(module))))


def _slide_texts(module: Module) -> list[str]:
    """What the room reads on the deck that the author wrote: the summary, objectives, slide text,
    exercise steps, debrief questions and key points. Titles and speaker notes are left out."""
    texts = [module.summary, *(objective.text for objective in module.objectives)]
    for block in module.blocks:
        texts += block.slide.text if block.slide else ()
        if block.exercise:
            texts += [step.text for step in block.exercise.steps]
            texts += [point.question for point in block.exercise.debrief]
    return texts + [point.text for point in module.key_points]


def _text_problems(parsed: _Parsed) -> list[Issue]:
    """The module text and its worksheets held to the HTML policy, and the readability goals."""
    module = parsed.module
    issues = _policy_issues(module.source_path, module.body, module.body_line)
    for material in module.material_pages:
        issues += _policy_issues(f"{module.folder}{material.name}", material.text, 1)
    return issues + _readability_problems(parsed)


def _readability_problems(parsed: _Parsed) -> list[Issue]:
    figures = module_readability(parsed.module)
    located = [(1, "tekst", "leesbaarheid", figures.text),
               (parsed.document.line("blocks"), "blocks", "leesbaarheid van de dia's", figures.slides)]
    return [Issue(parsed.module.source_path, line, field, f"{label} {_figures(measured)}", warning=True)
            for line, field, label, measured in located if measured.below_goal]


def _figures(measured: readability.Readability) -> str:
    return (f"Flesch-Douma {round(measured.flesch_douma or 0)} (doel: {readability.MINIMUM_FLESCH_DOUMA} of hoger); "
            f"gemiddeld {dutch.decimal(measured.average_sentence_length or 0)} woorden per zin "
            f"(doel: hooguit {readability.MAXIMUM_SENTENCE_LENGTH})")


_TITLE = re.compile(r"^# (?P<title>.+?)\s*#*\s*$", re.MULTILINE)


def _materials(module: Module, folder: Path, names: tuple[str, ...]) -> tuple[tuple[Material, ...], list[Issue]]:
    """Each worksheet with its title; _text_problems holds it to the rules of module text, being author
    Markdown too."""
    materials, issues = [], []
    for name in names:
        shown_path = f"{module.folder}{name}"
        text, read_issues = read_text(folder / name, shown_path)
        issues += read_issues
        if text is None:
            continue
        title = _TITLE.search(text)
        if title is None:
            issues.append(Issue(shown_path, 1, "titel", "begin het bestand met een kop: # Titel van het werkblad"))
            continue
        materials.append(Material(name, title["title"], text))
    return tuple(materials), issues


def _policy_issues(shown_path: str, text: str, first_line: int) -> list[Issue]:
    """Author Markdown (a module text or a worksheet) held to the HTML policy, each problem on its line."""
    return [Issue(shown_path, body.source_line(text, first_line, problem), "tekst", problem.message)
            for problem in body.html_problems(body.render_body(text))]


def body_issue(module: Module, located: body.Problem | body.BodyLink, message: str) -> Issue:
    """A problem in the module text, at the line of the element it concerns."""
    return Issue(module.source_path, body.source_line(module.body, module.body_line, located), "tekst", message)


def _attachment_problems(module: Module, html: str, refused: frozenset[str]) -> list[Issue]:
    """Links into a folder module's own folder must find a file there; a file nobody links to is a warning."""
    if not module.in_folder:
        return []
    folder = module.page_src.removesuffix("index.md")
    # The lesson plan names its materials and images; those are in use too.
    referenced = set(module.materials) | {block.slide.image for block in module.blocks if block.slide}
    issues = []
    for link in own_folder_links(module, html):
        target = _link_target(module, link)
        name = (target or "").removeprefix(folder)
        if name in module.attachments:
            referenced.add(name)
        elif name not in refused:  # a refused file has its own error
            issues.append(body_issue(module, link, f"bijlage '{name}' bestaat niet: zet het bestand naast "
                                                    f"{module.source_path}"))
    source_folder = module.source_path.removesuffix("index.md")
    issues += [Issue(f"{source_folder}{name}", 1, "bijlage", "wordt nergens in de module gebruikt; verwijs ernaar "
                     "in de tekst of haal het bestand weg", warning=True)
               for name in module.attachments if name not in referenced]
    return issues


def _link_target(module: Module, link: body.BodyLink) -> str | None:
    """The site file a relative link in the module leads to; None for the page itself or a link
    that cannot lead anywhere on the site (reported with the site's links)."""
    try:
        target, _ = body.resolve(module.page_src, link.url)
    except ValueError:
        return None
    return None if target == module.page_src else target


def own_folder_links(module: Module, html: str) -> list[body.BodyLink]:
    """Relative links of a folder module into its own folder: the attachments it uses.

    A link to a page there (.md) is meant for another page and checked with the site's links.
    """
    if not module.in_folder:
        return []
    folder = module.page_src.removesuffix("index.md")
    return [link for link in body.links(html) if not link.external
            and (target := _link_target(module, link) or "").startswith(folder) and not target.endswith(".md")]


def _duplicate_ids(parsed: list[_Parsed]) -> list[Issue]:
    first_seen: dict[str, _Parsed] = {}
    issues = []
    for item in parsed:
        module_id = item.module.id
        if module_id in first_seen:
            other = first_seen[module_id]
            issues.append(Issue(item.module.source_path, item.document.line("id"), "id",
                                f"id '{module_id}' wordt ook gebruikt in "
                                f"{other.module.source_path}:{other.document.line('id')}"))
        else:
            first_seen[module_id] = item
    return issues


def _prerequisite_problems(parsed: list[_Parsed], declared: frozenset[str]) -> list[Issue]:
    by_id = {item.module.id: item for item in parsed}
    issues = []
    for item in parsed:
        for index, prerequisite in enumerate(item.module.prerequisites):
            if prerequisite not in declared:
                issues.append(Issue(item.module.source_path, item.document.line("prerequisites", index),
                                    field_path("prerequisites", index), f"module '{prerequisite}' bestaat niet"))
    for cycle in _cycles({module_id: item.module.prerequisites for module_id, item in by_id.items()}):
        item = by_id[cycle[0]]
        issues.append(Issue(item.module.source_path, item.document.line("prerequisites"), "prerequisites",
                            "voorkennis vormt een kring: " + " → ".join([*cycle, cycle[0]])))
    return issues


def _former_id_problems(parsed: list[_Parsed], declared: frozenset[str]) -> list[Issue]:
    """An old address can lead to one module only, and never away from a module that has it now."""
    first_claim: dict[str, tuple[_Parsed, int]] = {}
    issues = []
    for item in parsed:
        for index, former_id in enumerate(item.module.former_ids):
            where = (item.module.source_path, item.document.line("former_ids", index), field_path("former_ids", index))
            if former_id in declared:
                issues.append(Issue(*where, f"'{former_id}' is de id van een bestaande module; "
                                            "een oude id mag niet opnieuw gebruikt worden"))
            elif former_id in first_claim:
                other, other_index = first_claim[former_id]
                other_line = other.document.line("former_ids", other_index)
                issues.append(Issue(*where, f"'{former_id}' staat ook bij former_ids van "
                                            f"{other.module.source_path}:{other_line}"))
            else:
                first_claim[former_id] = (item, index)
    return issues


def _cycles(graph: dict[str, tuple[str, ...]]) -> list[list[str]]:
    """One cycle per back edge of a depth-first walk, each starting at its first module by name.

    Visiting every module once keeps this linear in the number of prerequisite links.
    """
    finished: set[str] = set()
    found: set[tuple[str, ...]] = set()

    def visit(node: str, trail: list[str]) -> None:
        trail.append(node)
        for following in graph.get(node, ()):
            if following in trail:
                cycle = trail[trail.index(following):]
                start = cycle.index(min(cycle))
                found.add(tuple(cycle[start:] + cycle[:start]))
            elif following not in finished and following in graph:
                visit(following, trail)
        trail.pop()
        finished.add(node)

    for node in sorted(graph):
        if node not in finished:
            visit(node, [])
    return [list(cycle) for cycle in sorted(found)]
