"""Learning paths: for one role, the modules to follow in an order that respects their prerequisites."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from projectz.core import vocabulary
from projectz.core.issues import Issue
from projectz.core.registry import Registry, load_registry
from projectz.core.schema import SLUG, Choice, Field, ListOf, Schema, Text
from projectz.curriculum.modules import Curriculum, Module

PATH_SCHEMA = Schema(
    title="Project Z: leerpaden per rol",
    fields=(
        Field("id", SLUG, "Vaste, unieke naam van het leerpad; wordt het webadres. Verander hem niet meer."),
        Field("title", Text(max_length=100, plain=True), "Titel van het leerpad."),
        Field("role", Choice(vocabulary.AUDIENCES), "De rol waarvoor het leerpad is."),
        Field("summary", Text(max_length=300, plain=True), "Voor wie het leerpad is en wat het oplevert, in een zin "
              "of twee."),
        Field("modules", ListOf(SLUG, min_items=1), "Ids van de modules in de volgorde waarin je ze volgt; een "
              "module staat na de modules die ze als voorkennis vraagt."),
        Field("outcomes", ListOf(Text(plain=True), min_items=1), "Wat je kunt na het hele leerpad: 'Je kunt …'."),
    ),
)

LEARNING_PATHS = Registry("paths", PATH_SCHEMA, unique="id")


@dataclass(frozen=True)
class LearningPath:
    id: str
    title: str
    role: str
    summary: str
    modules: tuple[str, ...]
    outcomes: tuple[str, ...]


def load_paths(path: Path, root: Path, curriculum: Curriculum) -> tuple[tuple[LearningPath, ...], list[Issue]]:
    """Every valid learning path, and every problem: unknown or unpublished modules, or a module
    before one it needs (a module twice is the schema's to find)."""
    records, issues = load_registry(path, root, LEARNING_PATHS)
    paths = []
    for record in records:
        learning_path = LearningPath(**record.values)
        problems = [record.issue(("modules", index), message)
                    for index, message in order_problems(learning_path.modules, curriculum)]
        issues += problems
        if not problems:
            paths.append(learning_path)
    return tuple(paths), issues


def order_problems(module_ids: tuple[str, ...], curriculum: Curriculum) -> list[tuple[int, str]]:
    """(position, message) for each module a path cannot have where it stands."""
    problems = []
    for index, module_id in enumerate(module_ids):
        module = curriculum.by_id.get(module_id)
        if module is None:
            if module_id not in curriculum.declared_ids:  # a module with errors of its own is reported there
                problems.append((index, f"module '{module_id}' bestaat niet"))
            continue
        if not module.published:
            problems.append((index, f"module '{module_id}' is niet gepubliceerd; een leerpad noemt alleen modules "
                                    "uit de catalogus"))
        problems += [(index, f"'{module_id}' vraagt '{needed}' als voorkennis; zet '{needed}' eerder in het leerpad")
                     for needed in module.prerequisites if needed not in module_ids[:index]]
    return problems


def path_modules(learning_path: LearningPath, module: Callable[[str], Module]) -> tuple[Module, ...]:
    """The path's modules in order; module looks one up by id (a valid path names only existing ones)."""
    return tuple(module(module_id) for module_id in learning_path.modules)


def total_minutes(learning_path: LearningPath, module: Callable[[str], Module]) -> int:
    return sum(found.duration for found in path_modules(learning_path, module))
