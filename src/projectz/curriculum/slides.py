"""Slide decks for trainers, built from a module's metadata and the outline of its training.

A deck holds only what a module already states in short sentences: its title and summary, the
learning objectives, the programme (the numbered list under "## Opbouw van de training") and the
key points, one per slide so each can be discussed. The prose of the module stays on its page.
"""

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from projectz.core import vocabulary
from projectz.curriculum.modules import Module

PROGRAMME_HEADING = "Opbouw van de training"

_HEADING = re.compile(r"^#{1,6}\s+(?P<text>.+?)\s*#*\s*$")
_NUMBERED_ITEM = re.compile(r"^\d+[.)]\s+(?P<text>.+)$")  # at the start of the line: not a sub-list


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


def programme(body: str) -> tuple[str, ...]:
    """The numbered list under the programme heading; () if there is none.

    An indented line continues the item above it, as in Markdown, so a long item may wrap.
    """
    items: list[str] = []
    in_section = False
    for line in body.splitlines():
        if heading := _HEADING.match(line):
            if in_section:
                break
            in_section = heading["text"] == PROGRAMME_HEADING
            continue
        if not in_section or not line.strip():
            continue
        if item := _NUMBERED_ITEM.match(line):
            items.append(item["text"].strip())
        elif items and line[0].isspace():
            items[-1] = f"{items[-1]} {line.strip()}"
        elif items:
            break  # the list has ended
    return tuple(items)


def deck_slides(module: Module) -> tuple[Slide, ...]:
    facts = (vocabulary.duration_label(module.duration), vocabulary.LEVELS[module.level],
             ", ".join(vocabulary.FORMATS[f] for f in module.formats))
    slides = [
        Slide(module.title, "title", lead=module.summary, items=facts),
        Slide("Na deze training", "list", items=module.objectives),
    ]
    if steps := programme(module.body):
        slides.append(Slide("Programma", "steps", items=steps))
    count = len(module.key_points)
    slides += [Slide(f"Kernpunt {number} van {count}", "statement", lead=point)
               for number, point in enumerate(module.key_points, start=1)]
    slides.append(Slide("Hoe ga je verder?", "closing"))
    return tuple(slides)
