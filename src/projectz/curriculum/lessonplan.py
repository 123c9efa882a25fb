"""A module's lesson plan: objectives, key points, blocks with their slides, draaiboek and exercises.

The programme on the page, the draaiboek, the slides and the PowerPoint all come from these
records, so each is written once. The checks here are the ones a trainer would trip over in the
room: a programme that overruns, no break for two hours, an exercise before its theory.
"""

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from projectz.core.issues import Issue
from projectz.core.schema import SLUG, Choice, Field, Integer, ListOf, Record, Schema, Text, field_path
from projectz.core.yamlsource import Document

WERKVORMEN = {
    "kennismaking": "Kennismaking",
    "uitleg": "Uitleg",
    "gesprek": "Groepsgesprek",
    "demonstratie": "Demonstratie",
    "oefening": "Oefening",
    "casus": "Casus",
    "rollenspel": "Rollenspel",
    "pauze": "Pauze",
    "afsluiting": "Afsluiting",
}
BREAK = "pauze"
# A session this long needs breaks, and no stretch without one may last longer than this.
BREAKS_FROM_MINUTES = 180
MAX_MINUTES_WITHOUT_BREAK = 90
# A slide is read from across the room: more than this many words is a text, not a slide.
SLIDE_WORDS = 40

_PLAIN = Text(plain=True)
_PLAIN_LIST = ListOf(_PLAIN)
# A file in the module's own folder, such as 'materialen/werkblad.md'.
MODULE_FILE = Text(pattern=r"[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*",
                   pattern_hint="een bestand in de map van de module, zoals materialen/werkblad.md")

OBJECTIVE_SCHEMA = Schema("Leerdoel", (
    Field("id", SLUG, "Korte naam waarmee blokken en vragen naar dit leerdoel verwijzen."),
    Field("text", _PLAIN, "Wat de deelnemer na afloop kan, met een werkwoord: 'Je kunt …'."),
))
KEY_POINT_SCHEMA = Schema("Kernpunt", (
    Field("id", SLUG, "Korte naam waarmee een blok dit kernpunt noemt."),
    Field("text", _PLAIN, "Het kernpunt in één zin."),
    Field("notes", _PLAIN, "Wat de trainer zegt bij de dia van dit kernpunt.", required=False),
))
SLIDE_SCHEMA = Schema("Dia", (
    Field("text", ListOf(_PLAIN, min_items=1), f"Korte regels op de dia, samen hooguit {SLIDE_WORDS} woorden."),
    Field("notes", _PLAIN, "Wat de trainer zegt bij deze dia (sprekersnotities).", required=False),
    Field("image", MODULE_FILE, "Een afbeelding in de map van de module.", required=False),
    Field("alt", _PLAIN, "Wat er op de afbeelding te zien is, voor wie hem niet ziet.", required=False),
))
TRAINER_SCHEMA = Schema("Draaiboek van een blok", (
    Field("aim", _PLAIN, "Wat dit blok moet opleveren.", required=False),
    Field("say", _PLAIN, "Wat de trainer vertelt.", required=False),
    Field("ask", _PLAIN_LIST, "Vragen die de trainer stelt.", required=False),
    Field("expected", _PLAIN_LIST, "Antwoorden die de trainer verwacht te horen.", required=False),
    Field("pitfalls", _PLAIN_LIST, "Valkuilen bij dit blok.", required=False),
    Field("op_afstand", _PLAIN, "Zo geef je dit blok op afstand.", required=False),
    Field("in_huis", _PLAIN, "Zo geef je dit blok in huis, bij één gemeente.", required=False),
))
STEP_SCHEMA = Schema("Stap", (
    Field("text", _PLAIN, "Wat de deelnemers doen."),
    Field("minutes", Integer(1, 240), "Hoeveel minuten de stap duurt."),
))
DEBRIEF_SCHEMA = Schema("Nabespreking", (
    Field("question", _PLAIN, "Een vraag voor de nabespreking; die staat op de dia."),
    Field("hear", _PLAIN, "Wat de trainer wil horen; dat staat alleen in de notities en het draaiboek."),
))
EXERCISE_SCHEMA = Schema("Oefening", (
    Field("title", Text(max_length=100, plain=True), "Titel van de oefening."),
    Field("casus", _PLAIN, "Het scenario, met verzonnen plaatsen en personen."),
    Field("steps", ListOf(Record(STEP_SCHEMA), min_items=1), "De stappen; de minuten tellen op tot het blok."),
    Field("materials", ListOf(MODULE_FILE), "Werkbladen, berichtkaarten en andere bestanden in de map van de module.",
          required=False),
    Field("practises", ListOf(SLUG), "Ids van de blokken waarin de deelnemers leren wat ze hier oefenen; "
          "die komen eerder in het programma.", required=False),
    Field("model_answer", ListOf(_PLAIN, min_items=1), "Het modelantwoord, punt voor punt."),
    Field("assessment", _PLAIN_LIST, "Waar de trainer op let bij het beoordelen.", required=False),
    Field("debrief", ListOf(Record(DEBRIEF_SCHEMA), min_items=1),
          "Vragen voor de nabespreking, elk met wat de trainer wil horen."),
))
BLOCK_SCHEMA = Schema("Blok", (
    Field("id", SLUG, "Korte naam van het blok, uniek in de module."),
    Field("title", Text(max_length=100, plain=True), "Titel van het blok in het programma."),
    Field("minutes", Integer(5, 480), "Duur in minuten; alle blokken samen zijn de duur van de module."),
    Field("werkvorm", Choice(WERKVORMEN), "Hoe er gewerkt wordt; een pauze is werkvorm 'pauze'."),
    Field("objectives", ListOf(SLUG), "Ids van de leerdoelen waaraan dit blok werkt.", required=False),
    Field("key_points", ListOf(SLUG), "Ids van de kernpunten die aan het eind van dit blok op een dia komen.",
          required=False),
    Field("section", SLUG, "Het anker van de kop (##) in de tekst die bij dit blok hoort.", required=False),
    Field("materials", ListOf(MODULE_FILE), "Bestanden in de map van de module die dit blok gebruikt.", required=False),
    Field("slide", Record(SLIDE_SCHEMA), "De inhoudsdia van dit blok.", required=False),
    Field("trainer", Record(TRAINER_SCHEMA), "Het draaiboek van dit blok: alleen voor de trainer.", required=False),
    Field("exercise", Record(EXERCISE_SCHEMA), "De oefening in dit blok.", required=False),
))
QUESTION_SCHEMA = Schema("Vraag", (
    Field("question", _PLAIN, "De vraag."),
    Field("answer", _PLAIN, "Het antwoord."),
    Field("objectives", ListOf(SLUG), "Ids van de leerdoelen die deze vraag toetst.", required=False),
))
GROUP_SIZE_SCHEMA = Schema("Groepsgrootte", (
    Field("min", Integer(1, 100), "Het kleinste aantal deelnemers waarmee de training werkt."),
    Field("max", Integer(1, 100), "Het grootste aantal deelnemers."),
))

# The module's own fields for its lesson plan, in the order an author writes them.
LESSON_PLAN_FIELDS = (
    Field("group_size", Record(GROUP_SIZE_SCHEMA), "Hoeveel deelnemers: min en max."),
    Field("preparation", _PLAIN_LIST, "Voorbereiding voor de trainer: zaal, techniek, wat je afdrukt.",
          required=False),
    Field("intake", _PLAIN_LIST, "Vragen die de trainer vooraf aan de gastgemeente stelt.", required=False),
    Field("hard_questions", ListOf(Record(QUESTION_SCHEMA)), "Lastige vragen van deelnemers, met het antwoord.",
          required=False),
    Field("check_questions", ListOf(Record(QUESTION_SCHEMA)), "Vragen met antwoord om jezelf te toetsen.",
          required=False),
    Field("blocks", ListOf(Record(BLOCK_SCHEMA), min_items=1), "Het programma: de blokken in volgorde."),
)


@dataclass(frozen=True)
class Objective:
    id: str
    text: str


@dataclass(frozen=True)
class KeyPoint:
    id: str
    text: str
    notes: str = ""


@dataclass(frozen=True)
class BlockSlide:
    text: tuple[str, ...]
    notes: str = ""
    image: str | None = None
    alt: str = ""

    @property
    def words(self) -> int:
        return sum(len(line.split()) for line in self.text)


@dataclass(frozen=True)
class TrainerNotes:
    aim: str = ""
    say: str = ""
    ask: tuple[str, ...] = ()
    expected: tuple[str, ...] = ()
    pitfalls: tuple[str, ...] = ()
    op_afstand: str = ""
    in_huis: str = ""


@dataclass(frozen=True)
class Step:
    text: str
    minutes: int


@dataclass(frozen=True)
class DebriefPoint:
    question: str
    hear: str


@dataclass(frozen=True)
class Exercise:
    title: str
    casus: str
    steps: tuple[Step, ...]
    model_answer: tuple[str, ...]
    debrief: tuple[DebriefPoint, ...]
    materials: tuple[str, ...] = ()
    practises: tuple[str, ...] = ()
    assessment: tuple[str, ...] = ()

    @property
    def minutes(self) -> int:
        return sum(step.minutes for step in self.steps)


@dataclass(frozen=True)
class Block:
    id: str
    title: str
    minutes: int
    werkvorm: str
    objectives: tuple[str, ...] = ()
    key_points: tuple[str, ...] = ()
    section: str | None = None
    materials: tuple[str, ...] = ()
    slide: BlockSlide | None = None
    trainer: TrainerNotes = TrainerNotes()
    exercise: Exercise | None = None

    @property
    def is_break(self) -> bool:
        return self.werkvorm == BREAK


@dataclass(frozen=True)
class Question:
    question: str
    answer: str
    objectives: tuple[str, ...] = ()


@dataclass(frozen=True)
class GroupSize:
    min: int
    max: int


T = TypeVar("T")


def records(kind: Callable[..., T]) -> Callable[[Iterable[dict[str, Any]]], tuple[T, ...]]:
    """A converter from a list of records the schema checked to data classes of kind."""
    return lambda values: tuple(kind(**value) for value in values)


objectives = records(Objective)
key_points = records(KeyPoint)
questions = records(Question)


def group_size(value: dict[str, Any]) -> GroupSize:
    return GroupSize(**value)


def blocks(values: Iterable[dict[str, Any]]) -> tuple[Block, ...]:
    return tuple(_block(value) for value in values)


def _block(value: dict[str, Any]) -> Block:
    fields = dict(value)
    if "slide" in fields:
        fields["slide"] = BlockSlide(**fields["slide"])
    fields["trainer"] = TrainerNotes(**fields.get("trainer", {}))
    if "exercise" in fields:
        exercise = dict(fields["exercise"])
        exercise["steps"] = tuple(Step(**step) for step in exercise["steps"])
        exercise["debrief"] = tuple(DebriefPoint(**point) for point in exercise["debrief"])
        fields["exercise"] = Exercise(**exercise)
    return Block(**fields)


def materials(plan: Iterable[Block]) -> tuple[str, ...]:
    """Every file the blocks and their exercises use, once each, in programme order."""
    names: dict[str, None] = {}
    for block in plan:
        names.update(dict.fromkeys(block.materials))
        if block.exercise:
            names.update(dict.fromkeys(block.exercise.materials))
    return tuple(names)


@dataclass(frozen=True)
class PlanContext:
    """What the checks need besides the records: where things stand in the file, and what exists."""

    document: Document
    duration: int
    objectives: tuple[Objective, ...]
    key_points: tuple[KeyPoint, ...]
    check_questions: tuple[Question, ...]
    blocks: tuple[Block, ...]
    section_ids: tuple[str, ...]  # the ids of the text's headings, in order
    files: frozenset[str]  # the files in the module's folder

    def issue(self, message: str, *at: str | int, warning: bool = False) -> Issue:
        return Issue(self.document.path, self.document.line(*at), field_path(*at), message, warning=warning)


def plan_problems(plan: PlanContext) -> list[Issue]:
    """Every error and warning in a module's lesson plan, in the order of the file."""
    checks = (_duplicate_ids, _total_minutes, _breaks, _references, _unserved_objectives, _exercise_order,
              _exercise_minutes, _sections_in_order, _missing_files, _slide_warnings)
    return [issue for check in checks for issue in check(plan)]


def _duplicate_ids(plan: PlanContext) -> Iterator[Issue]:
    for field, records in (("objectives", plan.objectives), ("key_points", plan.key_points),
                           ("blocks", plan.blocks)):
        seen: set[str] = set()
        for index, record in enumerate(records):
            if record.id in seen:
                yield plan.issue(f"id '{record.id}' komt twee keer voor", field, index, "id")
            seen.add(record.id)


def _total_minutes(plan: PlanContext) -> Iterator[Issue]:
    total = sum(block.minutes for block in plan.blocks)
    if total != plan.duration:
        yield plan.issue(f"de blokken duren samen {total} minuten, maar duration is {plan.duration}; "
                         "maak ze gelijk", "blocks")


def _breaks(plan: PlanContext) -> Iterator[Issue]:
    if plan.duration < BREAKS_FROM_MINUTES:
        return
    stretch, start = 0, 0
    for index, block in enumerate(plan.blocks):
        if block.is_break:
            stretch = 0
            continue
        if stretch == 0:
            start = index
        stretch += block.minutes
        ends_stretch = index + 1 == len(plan.blocks) or plan.blocks[index + 1].is_break
        if ends_stretch and stretch > MAX_MINUTES_WITHOUT_BREAK:
            yield plan.issue(f"{stretch} minuten achter elkaar zonder pauze (blok {start + 1} tot en met "
                             f"{index + 1}); plan een blok met werkvorm: {BREAK} na hooguit "
                             f"{MAX_MINUTES_WITHOUT_BREAK} minuten", "blocks", start)


def _references(plan: PlanContext) -> Iterator[Issue]:
    objective_ids = {objective.id for objective in plan.objectives}
    key_point_ids = {point.id for point in plan.key_points}
    block_ids = {block.id for block in plan.blocks}
    for index, block in enumerate(plan.blocks):
        yield from _unknown(plan, block.objectives, objective_ids, "leerdoel", ("blocks", index, "objectives"))
        yield from _unknown(plan, block.key_points, key_point_ids, "kernpunt", ("blocks", index, "key_points"))
        if block.exercise:
            yield from _unknown(plan, block.exercise.practises, block_ids, "blok",
                                ("blocks", index, "exercise", "practises"))
        if block.section and block.section not in plan.section_ids:
            yield plan.issue(f"de tekst heeft geen kop met anker '{block.section}'; koppen met een anker: "
                             + (", ".join(plan.section_ids) or "geen"), "blocks", index, "section")
    for index, question in enumerate(plan.check_questions):
        yield from _unknown(plan, question.objectives, objective_ids, "leerdoel",
                            ("check_questions", index, "objectives"))
    placed = [point for block in plan.blocks for point in block.key_points]
    for index, point in enumerate(plan.key_points):
        if point.id not in placed:
            yield plan.issue(f"kernpunt '{point.id}' hoort bij geen enkel blok; noem het bij key_points van het "
                             "blok waar het aan bod komt", "key_points", index, "id", warning=True)
        elif placed.count(point.id) > 1:
            yield plan.issue(f"kernpunt '{point.id}' staat bij meer dan één blok", "key_points", index, "id")


def _unknown(plan: PlanContext, names: tuple[str, ...], known: set[str], noun: str,
             at: tuple[str | int, ...]) -> Iterator[Issue]:
    for index, name in enumerate(names):
        if name not in known:
            yield plan.issue(f"{noun} '{name}' bestaat niet in deze module", *at, index)


def _unserved_objectives(plan: PlanContext) -> Iterator[Issue]:
    """Each objective is practised in an exercise or tested by a check question."""
    served = {name for block in plan.blocks if block.exercise for name in block.objectives}
    served |= {name for question in plan.check_questions for name in question.objectives}
    for index, objective in enumerate(plan.objectives):
        if objective.id not in served:
            yield plan.issue(f"leerdoel '{objective.id}' wordt niet geoefend of getoetst: noem het bij objectives "
                             "van een blok met een oefening of van een check_question", "objectives", index, "id")


def _exercise_order(plan: PlanContext) -> Iterator[Issue]:
    position = {block.id: index for index, block in enumerate(plan.blocks)}
    for index, block in enumerate(plan.blocks):
        for practised_index, practised in enumerate(block.exercise.practises if block.exercise else ()):
            if position.get(practised, -1) > index:
                yield plan.issue(f"de oefening komt vóór blok '{practised}', waarin de deelnemers leren wat ze "
                                 "oefenen; zet dat blok eerder", "blocks", index, "exercise", "practises",
                                 practised_index)


def _exercise_minutes(plan: PlanContext) -> Iterator[Issue]:
    for index, block in enumerate(plan.blocks):
        if block.exercise and block.exercise.minutes != block.minutes:
            yield plan.issue(f"de stappen duren samen {block.exercise.minutes} minuten, maar het blok "
                             f"{block.minutes}", "blocks", index, "exercise", "steps")


def _sections_in_order(plan: PlanContext) -> Iterator[Issue]:
    """Blocks and their sections of the text go in the same order, so the page follows the programme."""
    last, last_block = -1, ""
    for index, block in enumerate(plan.blocks):
        if not block.section or block.section not in plan.section_ids:
            continue
        position = plan.section_ids.index(block.section)
        if position < last:
            yield plan.issue(f"kop '{block.section}' staat in de tekst vóór de kop van blok '{last_block}', maar "
                             "het blok komt later; zet de koppen in de volgorde van het programma",
                             "blocks", index, "section")
        last, last_block = position, block.id


def _missing_files(plan: PlanContext) -> Iterator[Issue]:
    for index, block in enumerate(plan.blocks):
        uses = [(("blocks", index, "materials", number), name) for number, name in enumerate(block.materials)]
        if block.exercise:
            uses += [(("blocks", index, "exercise", "materials", number), name)
                     for number, name in enumerate(block.exercise.materials)]
        if block.slide and block.slide.image:
            uses.append((("blocks", index, "slide", "image"), block.slide.image))
        for at, name in uses:
            if name not in plan.files:
                yield plan.issue(f"bestand '{name}' bestaat niet: zet het in de map van de module "
                                 "(een module met bestanden is een map met index.md)", *at)


def _slide_warnings(plan: PlanContext) -> Iterator[Issue]:
    for index, block in enumerate(plan.blocks):
        if block.is_break:
            continue
        slide = block.slide
        if slide is None:
            yield plan.issue("dit blok heeft geen dia: geef het een slide met text en notes",
                             "blocks", index, "id", warning=True)
            continue
        if slide.words > SLIDE_WORDS:
            yield plan.issue(f"de dia heeft {slide.words} woorden; houd het bij hooguit {SLIDE_WORDS} en zet de "
                             "rest in notes", "blocks", index, "slide", "text", warning=True)
        if not slide.notes:
            yield plan.issue("de dia heeft geen notities voor de trainer", "blocks", index, "slide", warning=True)
        if slide.image and not slide.alt:
            yield plan.issue("de afbeelding heeft geen alt-tekst: beschrijf wat erop staat",
                             "blocks", index, "slide", "image", warning=True)
    for index, point in enumerate(plan.key_points):
        if not point.notes:
            yield plan.issue(f"kernpunt '{point.id}' heeft geen notities voor de trainer", "key_points", index,
                             warning=True)


_HEADING_ID = re.compile(r'<h2 id="([^"]+)"')


def section_ids(html: str) -> tuple[str, ...]:
    """The ids of the level-2 headings in a rendered module text, in order."""
    return tuple(_HEADING_ID.findall(html))
