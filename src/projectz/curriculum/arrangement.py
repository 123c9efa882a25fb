"""Where a module page puts each exercise: after the text of the block it belongs to.

The author writes the teaching text as `## ` sections and the exercises as data; the page
follows the programme, so an exercise comes after the section of the last block before it
(or its own) that has one.
"""

import re
from dataclasses import dataclass

from projectz.curriculum import body
from projectz.curriculum.lessonplan import Block, section_ids

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


@dataclass(frozen=True)
class TextPart:
    markdown: str


@dataclass(frozen=True)
class ExercisePart:
    block: Block


Part = TextPart | ExercisePart


def arranged(text: str, blocks: tuple[Block, ...]) -> list[Part]:
    """The module text in its sections, with each exercise after the section it follows."""
    preamble, sections = _sections(text)
    after: dict[str | None, list[Block]] = {}
    anchor = None
    for block in blocks:
        if block.section in {section_id for section_id, _ in sections}:
            anchor = block.section
        if block.exercise:
            after.setdefault(anchor, []).append(block)
    parts: list[Part] = [TextPart(preamble)] if preamble.strip() else []
    first_named = next((section_id for section_id, _ in sections
                        if any(block.section == section_id for block in blocks)), None)
    for section_id, markdown in sections:
        if section_id == first_named:
            parts += [ExercisePart(block) for block in after.pop(None, [])]
        parts.append(TextPart(markdown))
        parts += [ExercisePart(block) for block in after.pop(section_id, [])]
    # Exercises of a text without sections named by blocks close the text.
    parts += [ExercisePart(block) for blocks_left in after.values() for block in blocks_left]
    return parts


def _sections(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The text before the first `## ` heading, and each level-2 section with its heading's id.

    Headings inside fenced code are no headings. If the split and the rendered headings disagree
    (a heading written another way), the whole text stays one part: nothing is lost or reordered.
    """
    chunks: list[list[str]] = [[]]
    fenced = False
    for line in text.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
        if not fenced and line.startswith("## "):
            chunks.append([])
        chunks[-1].append(line)
    ids = section_ids(body.render_body(text))
    if len(ids) != len(chunks) - 1:
        return text, []
    return "\n".join(chunks[0]), [(section_id, "\n".join(chunk)) for section_id, chunk in zip(ids, chunks[1:],
                                                                                             strict=True)]
