"""Where a module comes from and what it rests on: who made and checked it, its change log,
its sources, and the checklist and template a participant takes back to work.

A module is only as trustworthy as its last recorded check, so once the change log records a check,
`last_reviewed` must be the date of the newest change marked as reviewed.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from projectz.core.issues import Issue
from projectz.core.schema import Boolean, Date, Field, ListOf, Record, Schema, Text, field_path
from projectz.core.yamlsource import Document
from projectz.curriculum.lessonplan import MODULE_FILE, records

_PLAIN = Text(plain=True)
HTTPS_URL = Text(pattern=r"https://[^\s<>\"']+", pattern_hint="een webadres dat begint met https://")

CONTRIBUTOR_SCHEMA = Schema("Bijdrager", (
    Field("name", Text(max_length=100, plain=True), "Een team of rol, geen persoonsnaam."),
    Field("role", Text(max_length=100, plain=True), "Wat dit team of deze rol deed, zoals 'tekst' of "
          "'juridische controle'."),
))
CHANGE_SCHEMA = Schema("Wijziging", (
    Field("date", Date(), "Datum van de wijziging (JJJJ-MM-DD)."),
    Field("version", Text(pattern=r"\d+\.\d+", pattern_hint='een versie als "1.0" (tussen aanhalingstekens)'),
          "De versie die de module hiermee kreeg."),
    Field("text", _PLAIN, "Wat er veranderde."),
    Field("reviewed", Boolean(), "true als de inhoud en de bronnen bij deze wijziging zijn gecontroleerd; "
          "last_reviewed is de datum van de laatste gecontroleerde wijziging."),
))
SOURCE_SCHEMA = Schema("Bron", (
    Field("title", Text(max_length=200, plain=True), "Naam van de bron, met het artikel als het om een wet gaat."),
    Field("url", HTTPS_URL, "Het webadres van de officiële bron."),
))

PROVENANCE_FIELDS = (
    Field("questions", ListOf(_PLAIN), "Vragen waarmee een deelnemer binnenkomt (2 tot 4), in de woorden "
          "van de deelnemer.", required=False),
    Field("contributors", ListOf(Record(CONTRIBUTOR_SCHEMA)), "Wie de module maakte en controleerde, met de rol.",
          required=False),
    Field("changes", ListOf(Record(CHANGE_SCHEMA)), "Wijzigingslog, nieuwste eerst.", required=False),
    Field("sources", ListOf(Record(SOURCE_SCHEMA)), "De officiële bronnen waarop de tekst steunt; de site toont "
          "ze onder 'Bronnen'.", required=False),
    Field("checklist", MODULE_FILE, "Een checklist om mee te nemen naar je werk, in materialen/.", required=False),
    Field("template", MODULE_FILE, "Een sjabloon om mee te nemen naar je werk (escalatieschema, huisregel, "
          "signaalformulier ...), in materialen/.", required=False),
)


@dataclass(frozen=True)
class Contributor:
    name: str
    role: str


@dataclass(frozen=True)
class Change:
    date: datetime.date
    version: str
    text: str
    reviewed: bool


@dataclass(frozen=True)
class Source:
    title: str
    url: str


CONVERTERS = {"contributors": records(Contributor), "changes": records(Change), "sources": records(Source)}


def last_review(log: Iterable[Change]) -> Change | None:
    """The newest change whose content and sources were checked."""
    return max((change for change in log if change.reviewed), key=lambda change: change.date, default=None)


# Where a module's worksheets live; the checklist and template are worksheets too.
MATERIALS_FOLDER = "materialen/"


def provenance_problems(document: Document, path: str, last_reviewed: datetime.date, log: tuple[Change, ...],
                        take_home: dict[str, str | None], files: frozenset[str]) -> list[Issue]:
    """files: the module's worksheets (Markdown under materialen/)."""
    issues = [Issue(path, document.line(field), field, f"'{name}' is geen werkblad van de module: zet een Markdown-"
                                                        f"bestand in {MATERIALS_FOLDER} en noem het hier")
              for field, name in take_home.items() if name and name not in files]
    if not log:
        return issues
    misplaced = [index for index in range(1, len(log)) if log[index].date > log[index - 1].date]
    issues += [Issue(path, document.line("changes", index), field_path("changes", index),
                     "het wijzigingslog staat nieuwste eerst; deze wijziging is nieuwer dan de wijziging erboven")
               for index in misplaced]
    review = last_review(log)
    if review is not None and review.date != last_reviewed:
        issues.append(Issue(path, document.line("last_reviewed"), "last_reviewed",
                            f"is {last_reviewed}, maar de laatste gecontroleerde wijziging in changes is van "
                            f"{review.date}; zet last_reviewed op {review.date}, of leg de nieuwe controle van inhoud "
                            "en bronnen vast in changes met reviewed: true"))
    return issues
