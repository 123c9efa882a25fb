"""Training sessions: when and where a module is given, by whom, for whom, and how it went.

Times are Europe/Amsterdam wall-clock times, as authors and participants read them.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from projectz.core import dutch, vocabulary
from projectz.core.issues import Issue
from projectz.core.registry import Record, Registry, load_registry
from projectz.core.schema import (
    EMAIL,
    EXAMPLE,
    MUNICIPALITY_CODE,
    SLUG,
    Choice,
    Date,
    Field,
    Group,
    Integer,
    ListOf,
    Schema,
    Tenths,
    Text,
    Time,
)
from projectz.core.yamlsource import KeyPath
from projectz.curriculum.modules import Curriculum, Module
from projectz.geography.regions import Geography, unknown_municipality
from projectz.people.trainers import Trainer

TIMEZONE = ZoneInfo("Europe/Amsterdam")

REMOTE = "op-afstand"


RESULTS_SCHEMA = Schema(
    title="Project Z: resultaten van een trainingssessie",
    fields=(
        Field("participants", Integer(1, 500), "Aantal deelnemers."),
        Field("municipalities", ListOf(MUNICIPALITY_CODE, min_items=1),
              "CBS-codes van de gemeenten waarvan deelnemers er waren."),
        Field("score", Tenths(1, 10), "Gemiddelde van vraag 1 (het rapportcijfer) op de evaluatieformulieren van de "
              "deelnemers, met één decimaal, bijvoorbeeld 7.8."),
        Field("remarks", Text(max_length=300), "Wat opviel, in één of twee zinnen.", required=False),
    ),
)

SESSION_SCHEMA = Schema(
    title="Project Z: trainingssessies",
    fields=(
        Field("id", SLUG, "Vaste, unieke naam van de sessie, bijvoorbeeld 2026-03-12-webcare-groningen."),
        Field("date", Date(), "Datum van de sessie (JJJJ-MM-DD)."),
        Field("start", Time(), 'Begintijd, Nederlandse tijd, tussen aanhalingstekens: "09:30".'),
        Field("end", Time(), 'Eindtijd, Nederlandse tijd, tussen aanhalingstekens: "13:00".'),
        Field("module", SLUG, "Id van de module die gegeven wordt."),
        Field("trainers", ListOf(SLUG, min_items=1), "Ids van de trainers uit data/trainers.yaml."),
        Field("host", MUNICIPALITY_CODE, "CBS-code van de gemeente die de sessie organiseert en ontvangt."),
        Field("invited", ListOf(MUNICIPALITY_CODE),
              "CBS-codes van de andere gemeenten die uitgenodigd zijn (mag leeg: [] bij in-huis)."),
        Field("format", Choice(vocabulary.FORMATS), "Vorm van de sessie."),
        Field("location", Text(max_length=120),
              "Gebouw en zaal, bijvoorbeeld 'Stadhuis, zaal 2'; weglaten bij een sessie op afstand.",
              required=False),
        Field("status", Choice(vocabulary.SESSION_STATUSES), "planned, held (gehouden) of cancelled (afgelast)."),
        Field("registration", EMAIL, "Functionele mailbox waar deelnemers zich aanmelden."),
        Field("revision", Integer(0, 999),
              "Verhoog dit getal met 1 bij elke wijziging van datum, tijd, plaats of status (ook bij afgelasten): "
              "alleen dan nemen agenda's die op de site geabonneerd zijn de wijziging over. Weglaten is 0.",
              required=False),
        Field("results", Group(RESULTS_SCHEMA), "Alleen bij held: deelnemers, bereikte gemeenten en cijfer.",
              required=False),
        EXAMPLE,
    ),
)

SESSIONS = Registry("sessions", SESSION_SCHEMA, unique="id")


@dataclass(frozen=True)
class Results:
    participants: int
    municipalities: tuple[str, ...]
    score: float
    remarks: str | None = None


@dataclass(frozen=True)
class Session:
    id: str
    date: datetime.date
    start: datetime.time
    end: datetime.time
    module: str
    trainers: tuple[str, ...]
    host: str
    invited: tuple[str, ...]
    format: str
    location: str | None  # None only for a session op afstand
    status: str
    registration: str
    results: Results | None
    example: bool
    # Codes of the provinces of host and invited, in code order; derived when loaded, so that
    # every filter by province (agenda, feeds, benchmark) applies the same rule.
    provinces: tuple[str, ...]
    # Raised by the author with every change of date, time, place or status; the feeds' SEQUENCE.
    revision: int = 0

    @property
    def municipalities(self) -> tuple[str, ...]:
        """Every municipality the session is for, the host first."""
        return (self.host, *self.invited)

    @property
    def starts_at(self) -> datetime.datetime:
        return datetime.datetime.combine(self.date, self.start, TIMEZONE)

    @property
    def ends_at(self) -> datetime.datetime:
        return datetime.datetime.combine(self.date, self.end, TIMEZONE)


def load_sessions(path: Path, root: Path, geography: Geography, curriculum: Curriculum,
                  all_trainers: tuple[Trainer, ...],
                  build_date: datetime.date) -> tuple[tuple[Session, ...], list[Issue]]:
    """Every valid session in date order, and every problem; all_trainers includes those without consent."""
    records, issues = load_registry(path, root, SESSIONS)
    modules_by_id = curriculum.by_id
    trainers_by_id = {trainer.id: trainer for trainer in all_trainers}
    sessions = []
    for record in records:
        results, problems = _results(record)
        problems += _status_problems(record, build_date)
        problems += _time_problems(record)
        problems += _revision_problems(record)
        problems += _place_problems(record)
        problems += _module_problems(record, modules_by_id, curriculum.declared_ids)
        problems += _trainer_problems(record, trainers_by_id, modules_by_id)
        problems += _municipality_problems(record, results, geography)
        issues += problems
        if not any(not problem.warning for problem in problems):
            sessions.append(_session(record, results, geography))
    return in_date_order(sessions), issues


def in_date_order(sessions: Iterable[Session]) -> tuple[Session, ...]:
    """Earliest first; the id settles sessions that start at the same moment."""
    return tuple(sorted(sessions, key=lambda session: (session.date, session.start, session.id)))


def _results(record: Record) -> tuple[Results | None, list[Issue]]:
    """The nested results, checked where they stand, and whether the status allows them."""
    status = record.values["status"]
    if "results" not in record.values:
        if status == "held":
            return None, [record.issue("results", "een gehouden sessie heeft resultaten nodig: participants, "
                                                  "municipalities en score", line_at=("status",))]
        return None, []
    if status != "held":
        return None, [record.issue("results", f"alleen een gehouden sessie (held) heeft resultaten; deze sessie "
                                              f"is {status}")]
    values, issues = RESULTS_SCHEMA.validate(record.document, at=(record.list_key, record.index, "results"))
    return (Results(**values) if values is not None else None), issues


def _status_problems(record: Record, build_date: datetime.date) -> list[Issue]:
    """A session can only have been held by the day the site is built for."""
    day = record.values["date"]
    if record.values["status"] == "held" and day > build_date:
        return [record.issue("status", f"de sessie van {dutch.long_date(day)} is nog niet geweest (bouwdatum "
                                       f"{dutch.long_date(build_date)}); een sessie na de bouwdatum is planned of "
                                       f"cancelled")]
    return []


def _time_problems(record: Record) -> list[Issue]:
    start, end = record.values["start"], record.values["end"]
    if end <= start:
        return [record.issue("end", f"eindtijd {end:%H:%M} ligt niet na begintijd {start:%H:%M}")]
    return []


def _revision_problems(record: Record) -> list[Issue]:
    """A cancellation reaches subscribed agendas only with a higher SEQUENCE than the event they have."""
    if record.values["status"] != "cancelled" or record.values.get("revision", 0) > 0:
        return []
    # Point at the revision if the author wrote one, else at the status that asks for it.
    where = () if "revision" in record.values else ("status",)
    return [record.issue("revision", "een afgelaste sessie heeft een hogere revision dan 0 nodig (zet revision: 1, "
                                     "of 1 hoger dan hij was); anders houden agenda's die op de site geabonneerd "
                                     "zijn de training als doorgaand", line_at=where)]


def _place_problems(record: Record) -> list[Issue]:
    form = record.values["format"]
    has_location = "location" in record.values
    if form == REMOTE and has_location:
        return [record.issue("location", "een sessie op afstand heeft geen locatie; laat dit veld weg")]
    if form != REMOTE and not has_location:
        return [record.issue("location", f"verplicht bij vorm '{form}'; alleen een sessie op afstand heeft "
                                         f"geen locatie", line_at=("format",))]
    return []


def _module_problems(record: Record, modules: dict[str, Module], declared: frozenset[str]) -> list[Issue]:
    """Whether the module exists; one whose own file has errors is reported there, not here."""
    module_id = record.values["module"]
    if module_id not in declared:
        return [record.issue("module", f"module '{module_id}' bestaat niet")]
    if module_id in modules and record.values["status"] == "planned" and not modules[module_id].published:
        return [record.issue("module", f"module '{module_id}' is niet gepubliceerd; een geplande sessie gaat "
                                       f"over een gepubliceerde module")]
    return []


def _trainer_problems(record: Record, trainers: dict[str, Trainer], modules: dict[str, Module]) -> list[Issue]:
    module_id = record.values["module"]
    issues = []
    for index, trainer_id in enumerate(record.values["trainers"]):
        field = ("trainers", index)
        trainer = trainers.get(trainer_id)
        if trainer is None:
            issues.append(record.issue(field, f"trainer '{trainer_id}' staat niet in data/trainers.yaml"))
        elif not trainer.publishable:
            issues.append(record.issue(field, f"trainer '{trainer_id}' gaf geen toestemming voor publicatie; "
                                              f"de sessie zou deze trainer toch publiceren"))
        elif module_id in modules and module_id not in trainer.modules:
            issues.append(record.issue(field, f"trainer '{trainer_id}' geeft module '{module_id}' niet volgens "
                                              f"data/trainers.yaml", warning=True))
    return issues


def _municipality_problems(record: Record, results: Results | None, geography: Geography) -> list[Issue]:
    named: list[tuple[KeyPath, str]] = [(("host",), record.values["host"])]
    named += [(("invited", index), code) for index, code in enumerate(record.values["invited"])]
    if results is not None:
        named += [(("results", "municipalities", index), code) for index, code in enumerate(results.municipalities)]
    return [record.issue(path, unknown_municipality(code))
            for path, code in named if not geography.has_municipality(code)]


def _session(record: Record, results: Results | None, geography: Geography) -> Session:
    values = {key: value for key, value in record.values.items() if key != "results"}
    codes = (values["host"], *values["invited"])
    provinces = tuple(sorted({geography.municipality(code).province_code for code in codes}))
    return Session(**{"location": None, **values}, results=results, provinces=provinces)
