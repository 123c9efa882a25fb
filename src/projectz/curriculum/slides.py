"""Slide decks for trainers, built from a module's lesson plan.

One list of slides feeds the HTML deck with its presenter view and the PowerPoint file, so the two
always hold the same slides, titles, text and speaker notes. The order follows the programme: a
title slide, the objectives and the programme, then per block its content slide (or a pause), its
exercise with a debrief, and the key points that close it; a closing slide ends the deck.
"""
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from projectz.core import vocabulary
from projectz.curriculum.lessonplan import Block, Exercise
from projectz.curriculum.modules import Module

# "steps" is a numbered list; "exercise" and "pause" slides carry a countdown of `minutes`.
SlideKind = Literal["title", "list", "steps", "content", "exercise", "debrief", "pause", "statement", "closing"]

# The title slide leaves these blank, for the trainer to fill in before the session.
TITLE_FIELDS = ("Trainer", "Gastgemeente", "Datum")


@dataclass(frozen=True)
class SlideImage:
    path: Path  # the file in the module's folder
    name: str  # its name in that folder, which is also its address relative to the module page
    alt: str


@dataclass(frozen=True)
class Slide:
    title: str
    kind: SlideKind
    lead: str = ""
    items: tuple[str, ...] = ()
    notes: str = ""  # speaker notes: the presenter view and the PowerPoint notes pane show them
    minutes: int | None = None
    image: SlideImage | None = None


def deck_slides(module: Module, root: Path) -> tuple[Slide, ...]:
    """Every slide of the module's deck; root is the content root, where its images are."""
    slides = [_title_slide(module), _objectives_slide(module), _programme_slide(module)]
    numbers = {point.id: number for number, point in enumerate(module.key_points, start=1)}
    for block in module.blocks:
        slides += _block_slides(module, block, root)
        slides += [_key_point_slide(module, numbers[name]) for name in block.key_points if name in numbers]
    # A key point no block names (validation warns) still closes the deck rather than going missing.
    placed = {name for block in module.blocks for name in block.key_points}
    slides += [_key_point_slide(module, numbers[point.id]) for point in module.key_points if point.id not in placed]
    slides.append(_closing_slide(module))
    return tuple(slides)


def _title_slide(module: Module) -> Slide:
    facts = (vocabulary.duration_label(module.duration), vocabulary.LEVELS[module.level],
             ", ".join(vocabulary.FORMATS[f] for f in module.formats))
    notes = ("Heet iedereen welkom. Vertel wie je bent, bij welke gemeente je werkt en wat je daar doet. "
             f"Deze training duurt {vocabulary.duration_label(module.duration)}. Vraag in een rondje naar naam, "
             "functie en wat iedereen vandaag wil leren. Schrijf die verwachtingen op; je komt er aan het eind "
             "op terug.")
    return Slide(module.title, "title", lead=module.summary, items=facts, notes=notes)


def _objectives_slide(module: Module) -> Slide:
    notes = (f"Noem de {len(module.objectives)} leerdoelen. Vraag welk doel voor de deelnemers het belangrijkst is. "
             "Aan het eind van de training kijkt iedereen terug: welke doelen zijn gehaald?")
    return Slide("Na deze training", "list", items=tuple(objective.text for objective in module.objectives),
                 notes=notes)


def _programme_slide(module: Module) -> Slide:
    breaks = sum(1 for block in module.blocks if block.is_break)
    notes = (f"Loop het programma door: {len(module.blocks) - breaks} blokken"
             + (f" en {breaks} {'pauze' if breaks == 1 else 'pauzes'}" if breaks else "")
             + ". Spreek af hoe laat de training eindigt en houd je daaraan.")
    return Slide("Programma", "steps", items=tuple(f"{block.title} ({block.minutes} min)" for block in module.blocks),
                 notes=notes)


def _block_slides(module: Module, block: Block, root: Path) -> list[Slide]:
    if block.is_break:
        return [Slide(block.title, "pause", lead=f"We gaan verder over {block.minutes} minuten.",
                      minutes=block.minutes,
                      notes=f"Pauze van {block.minutes} minuten. Zet de timer aan en begin weer op tijd.")]
    slides = []
    if block.slide:
        image = None
        if block.slide.image:
            image = SlideImage(root / module.folder / block.slide.image, block.slide.image, block.slide.alt)
        slides.append(Slide(block.title, "content", items=block.slide.text, notes=block.slide.notes, image=image))
    else:
        slides.append(Slide(block.title, "content", notes=block.trainer.say))
    if block.exercise:
        slides += _exercise_slides(block.exercise)
    return slides


def _exercise_slides(exercise: Exercise) -> list[Slide]:
    steps = tuple(f"{step.text} ({step.minutes} min)" for step in exercise.steps)
    watch = " ".join(exercise.assessment) or " ".join(exercise.model_answer)
    return [
        Slide(f"Oefening: {exercise.title}", "exercise", items=steps, minutes=exercise.minutes,
              notes=f"Lees de opdracht voor en zet de timer op {exercise.minutes} minuten. Loop rond en luister. "
                    f"Let op: {watch}"),
        # The room sees the questions; what the trainer hopes to hear stays in the notes.
        Slide(f"Nabespreking: {exercise.title}", "debrief", items=tuple(point.question for point in exercise.debrief),
              notes=" ".join(point.hear for point in exercise.debrief)),
    ]


def _key_point_slide(module: Module, number: int) -> Slide:
    point = module.key_points[number - 1]
    return Slide(f"Kernpunt {number} van {len(module.key_points)}", "statement", lead=point.text, notes=point.notes)


def _closing_slide(module: Module) -> Slide:
    notes = ("Vraag iedereen twee actiepunten op te schrijven en een datum te kiezen om ze te bekijken. "
             "Kijk terug op de verwachtingen van het begin. Laat het evaluatieformulier invullen, met de "
             "zelfscore op de leerdoelen. Wijs op de flexibele schil van Project Z voor hulp en nazorg.")
    return Slide("Hoe ga je verder?", "closing", items=CLOSING_ITEMS, notes=notes)


CLOSING_ITEMS = (
    "Schrijf twee actiepunten op en spreek af wanneer je ze bekijkt.",
    "Vul het evaluatieformulier in.",
    "Lees de module na op de site van Project Z.",
    "Hulp nodig? Vraag het eerst aan een deelnemende gemeente bij jou in de buurt.",
)
