"""Curriculum modules: the content model, loading from `curriculum/` and validation."""

import datetime
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from projectz.core import vocabulary
from projectz.core.issues import Issue
from projectz.core.schema import SLUG, Choice, Date, Field, Integer, ListOf, Schema, Text, field_path
from projectz.core.yamlsource import Document, split_front_matter

MODULE_SCHEMA = Schema(
    title="Project Z: front matter van een curriculummodule",
    fields=(
        Field("id", SLUG, "Vaste, unieke naam van de module; wordt het webadres. Verander hem niet meer."),
        Field("title", Text(max_length=100), "Titel van de module."),
        Field("summary", Text(max_length=160), "Eén zin die zegt wat je na de module kunt (max. 160 tekens)."),
        Field("topic", Choice(vocabulary.TOPICS), "Het thema waaronder de module in de catalogus staat."),
        Field("audience", ListOf(Choice(vocabulary.AUDIENCES), min_items=1), "Voor wie de module bedoeld is."),
        Field("level", Choice(vocabulary.LEVELS), "Niveau van de module."),
        Field("duration", Integer(30, 960), "Duur in minuten, bijvoorbeeld 180 voor een dagdeel."),
        Field("formats", ListOf(Choice(vocabulary.FORMATS), min_items=1),
              "Vormen waarin de module gegeven kan worden."),
        Field("objectives", ListOf(Text(), min_items=1), "Leerdoelen: wat de deelnemer na afloop kan."),
        Field("key_points", ListOf(Text(), min_items=1), "De kernpunten om te onthouden."),
        Field("prerequisites", ListOf(SLUG), "Ids van modules die je eerst volgt (mag leeg: [])."),
        Field("status", Choice(vocabulary.STATUSES), "Alleen 'published' verschijnt in de catalogus."),
        Field("version", Text(pattern=r"\d+\.\d+", pattern_hint='een versie als "1.0" (tussen aanhalingstekens)'),
              "Versie van de inhoud; verhoog bij elke inhoudelijke wijziging."),
        Field("last_reviewed", Date(), "Datum van de laatste inhoudelijke controle (JJJJ-MM-DD)."),
        Field("license", Choice(vocabulary.LICENSES), "Licentie waaronder trainers het materiaal hergebruiken."),
        Field("authors", ListOf(Text(), min_items=1), "Beheerders: een team of rol, geen persoonsnaam."),
        Field("former_ids", ListOf(SLUG), "Ids die de module eerder had; hun oude webadressen sturen door "
              "naar de module. Laat weg als de id nooit veranderd is.", required=False),
    ),
)


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
    objectives: tuple[str, ...]
    key_points: tuple[str, ...]
    prerequisites: tuple[str, ...]
    status: str
    version: str
    last_reviewed: datetime.date
    license: str
    authors: tuple[str, ...]
    source_path: str
    body: str
    body_line: int
    former_ids: tuple[str, ...] = ()

    @property
    def published(self) -> bool:
        return self.status == "published"


@dataclass(frozen=True)
class _Parsed:
    module: Module
    document: Document


def module_files(curriculum_dir: Path) -> list[Path]:
    """A module is `<name>.md` or `<name>/index.md`; anything else in the folder is an asset."""
    files = [path for path in curriculum_dir.glob("*.md")]
    files += [path for path in curriculum_dir.glob("*/index.md")]
    return sorted(files)


@dataclass(frozen=True)
class Curriculum:
    modules: tuple[Module, ...]
    # Ids named by every module file, valid or not: a reference to a module that merely has
    # an error of its own is not reported a second time as a missing module.
    declared_ids: frozenset[str]

    @cached_property
    def by_id(self) -> dict[str, Module]:
        return {module.id: module for module in self.modules}


def load_modules(curriculum_dir: Path, root: Path) -> tuple[Curriculum, list[Issue]]:
    """Load and check every module; return the valid ones and every problem found."""
    parsed: list[_Parsed] = []
    declared: set[str] = set()
    issues: list[Issue] = []
    for path in module_files(curriculum_dir):
        result, declared_id, file_issues = _parse_module(path, path.relative_to(root).as_posix())
        issues += file_issues
        if declared_id:
            declared.add(declared_id)
        if result:
            parsed.append(result)
    issues += _duplicate_ids(parsed)
    issues += _prerequisite_problems(parsed, frozenset(declared))
    issues += _former_id_problems(parsed, frozenset(declared))
    modules = tuple(item.module for item in sorted(parsed, key=lambda item: item.module.id))
    return Curriculum(modules, frozenset(declared)), issues


def _parse_module(path: Path, shown_path: str) -> tuple[_Parsed | None, str | None, list[Issue]]:
    """The module if valid, the id the file declares (even if not), and the file's problems."""
    text = path.read_text(encoding="utf-8")
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
    module = Module(**values, source_path=shown_path, body=body, body_line=body_line)
    return _Parsed(module, document), declared, []


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
