"""The accessibility statement's data (data/accessibility.yaml): its contact mailbox and the
known deviations from WCAG 2.1 AA, each with the fix we plan.

The statement must name every known failure with what we do about it; keeping the list as data
lets the page show it as a table and lets the privacy check treat the mailbox as published.
"""

import datetime
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from projectz.core.issues import Issue, raise_if_errors
from projectz.core.registry import read_document
from projectz.core.schema import EMAIL, Date, Field, Group, ListOf, Schema, Text
from projectz.core.templating import render

STATEMENT_FILE = Path("data") / "accessibility.yaml"


DEVIATION_SCHEMA = Schema(
    title="Project Z: bekende afwijking van WCAG 2.1 AA",
    fields=(
        Field("criterion", Text(pattern=r"\d\.\d{1,2}\.\d{1,2}", pattern_hint="een WCAG-succescriterium zoals 1.4.3"),
              "Het succescriterium van WCAG 2.1 waaraan de site hier niet voldoet."),
        Field("problem", Text(max_length=500), "Wat er misgaat en voor wie, in gewone taal."),
        Field("planned_fix", Text(max_length=500), "Wat we eraan doen."),
        Field("fix_by", Date(), "Uiterlijk wanneer het opgelost is (JJJJ-MM-DD)."),
    ),
)


STATEMENT_SCHEMA = Schema(
    title="Project Z: toegankelijkheidsverklaring",
    fields=(
        Field("contact", EMAIL, "Functionele mailbox voor vragen en klachten over toegankelijkheid."),
        Field("deviations", ListOf(Group(DEVIATION_SCHEMA)),
              "Bekende afwijkingen van WCAG 2.1 AA; een lege lijst als er geen zijn."),
    ),
)

@dataclass(frozen=True)
class Deviation:
    criterion: str
    problem: str
    planned_fix: str
    fix_by: datetime.date


@dataclass(frozen=True)
class Statement:
    contact: str
    deviations: tuple[Deviation, ...]


def load_statement(root: Path) -> Statement:
    """The statement's data, or ContentError naming every problem as path:line: field: message."""
    statement, issues = check_statement(root)
    raise_if_errors(issues)
    assert statement is not None
    return statement


def check_statement(root: Path) -> tuple[Statement | None, list[Issue]]:
    """The statement's data (None if anything is wrong) and every problem in it."""
    document, issues = read_document(root / STATEMENT_FILE, root)
    if document is None:
        return None, issues
    values, problems = STATEMENT_SCHEMA.validate(document)
    issues += problems
    # Each deviation is checked even when another field is wrong, so all problems show at once.
    items = document.data.get("deviations") if isinstance(document.data, dict) else None
    deviations = []
    for index, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict):
            continue  # reported by the statement's own schema
        record, problems = DEVIATION_SCHEMA.validate(document, at=("deviations", index))
        issues += problems
        if record is not None:
            deviations.append(Deviation(**record))
    if values is None or any(not issue.warning for issue in issues):
        return None, issues
    ordered = sorted(deviations, key=lambda deviation: (deviation.fix_by, deviation.criterion))
    return Statement(contact=values["contact"], deviations=tuple(ordered)), issues


def deviations_html(statement: Statement) -> Markup:
    return Markup(render("site/accessibility_deviations.html.j2", deviations=statement.deviations))
