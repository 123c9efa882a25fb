"""The trainer registry: who trains, where, what, how, and whether they agreed to be published."""

import datetime
import re
from dataclasses import dataclass, replace
from pathlib import Path

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
    Integer,
    ListOf,
    Optional,
    Schema,
    Text,
)
from projectz.curriculum.modules import Curriculum
from projectz.geography.regions import Geography, unknown_municipality

TRAINER_SCHEMA = Schema(
    title="Project Z: trainers",
    fields=(
        Field("id", SLUG, "Vaste, unieke naam van de trainer; wordt het webadres."),
        Field("name", Text(max_length=80), "Naam zoals die op de site staat."),
        Field("role", Text(max_length=120), "Functie, bijvoorbeeld 'Adviseur online communicatie'."),
        Field("municipality", MUNICIPALITY_CODE, "CBS-code van de gemeente waar de trainer werkt."),
        Field("modules", ListOf(SLUG, min_items=1), "Ids van de modules die de trainer geeft."),
        Field("expertise", ListOf(Text(max_length=40)), "Trefwoorden voor de expertise."),
        Field("formats", ListOf(Choice(vocabulary.FORMATS), min_items=1), "Vormen waarin de trainer traint."),
        Field("days_per_month", Integer(0, 10), "Toegezegde trainingsdagen per maand."),
        Field("languages", ListOf(Choice(vocabulary.LANGUAGES), min_items=1), "Talen waarin de trainer traint."),
        Field("contact", EMAIL, "Functionele mailbox (van de gemeente of het netwerk), nooit een persoonlijk adres."),
        Field("circle", Choice(vocabulary.CIRCLES), "Netwerk, interne vrijwilligers of externe deskundigen."),
        Field("fee", Choice(vocabulary.FEES), "Kosteloos (netwerk en intern) of gereduceerd tarief (extern)."),
        Field("support", ListOf(Choice(vocabulary.SUPPORT_LEVELS)), "Vormen van hulp uit de flexibele schil."),
        Field("consent", Optional(Date(), "geen toestemming"),
              "Datum waarop de trainer toestemming gaf voor publicatie; leeg = nergens publiceren."),
        EXAMPLE,
    ),
)

TRAINERS = Registry("trainers", TRAINER_SCHEMA, unique="id")

FEE_BY_CIRCLE = {"netwerk": "gratis", "intern": "gratis", "extern": "gereduceerd"}


@dataclass(frozen=True)
class Trainer:
    id: str
    name: str
    role: str
    municipality: str
    modules: tuple[str, ...]
    expertise: tuple[str, ...]
    formats: tuple[str, ...]
    days_per_month: int
    languages: tuple[str, ...]
    contact: str
    circle: str
    fee: str
    support: tuple[str, ...]
    consent: datetime.date | None
    example: bool

    @property
    def publishable(self) -> bool:
        return self.consent is not None


def load_trainers(path: Path, root: Path, geography: Geography, curriculum: Curriculum,
                  hub_codes: frozenset[str], build_date: datetime.date) -> tuple[tuple[Trainer, ...], list[Issue]]:
    """Every valid trainer, consenting or not (sessions must be checked against both)."""
    records, issues = load_registry(path, root, TRAINERS)
    trainers = []
    for record in records:
        trainer = Trainer(**record.values)
        problems = _cross_check(record, trainer, geography, curriculum, hub_codes)
        issues += problems
        premature = _consent_problems(record, trainer, build_date)
        if premature:
            # Kept as the trainer without consent they still are, so that each of their sessions
            # says it would publish them, not that they do not exist.
            issues += premature
            trainer = replace(trainer, consent=None)
        if not any(not problem.warning for problem in problems):
            trainers.append(trainer)
    return tuple(sorted(trainers, key=lambda trainer: trainer.id)), issues


def _cross_check(record: Record, trainer: Trainer, geography: Geography, curriculum: Curriculum,
                 hub_codes: frozenset[str]) -> list[Issue]:
    modules = curriculum.by_id
    issues = []
    if not geography.has_municipality(trainer.municipality):
        issues.append(record.issue("municipality", unknown_municipality(trainer.municipality)))
    elif trainer.circle == "netwerk" and trainer.municipality not in hub_codes:
        name = geography.municipality(trainer.municipality).name
        issues.append(record.issue("circle", f"{name} staat niet in data/network.yaml; een trainer uit het netwerk "
                                             f"werkt bij een deelnemende gemeente"))
    for index, module_id in enumerate(trainer.modules):
        where = ("modules", index)
        if module_id not in curriculum.declared_ids:
            issues.append(record.issue(where, f"module '{module_id}' bestaat niet"))
        elif module_id in modules and not modules[module_id].published:
            message = f"trainer '{trainer.id}' geeft module '{module_id}', maar die is niet gepubliceerd"
            issues.append(record.issue(where, message, warning=True))
    if trainer.fee != FEE_BY_CIRCLE[trainer.circle]:
        issues.append(record.issue("fee", f"in de kring '{trainer.circle}' is het tarief "
                                          f"'{FEE_BY_CIRCLE[trainer.circle]}'"))
    if _looks_personal(trainer.contact, trainer.name):
        issues.append(record.issue("contact", f"'{trainer.contact}' lijkt een persoonlijk adres; gebruik een "
                                              f"functionele mailbox van de gemeente of het netwerk"))
    return issues


def _consent_problems(record: Record, trainer: Trainer, build_date: datetime.date) -> list[Issue]:
    """Consent counts from the day it was given: a later date is a typo or a promise, not consent."""
    if trainer.consent is None or trainer.consent <= build_date:
        return []
    return [record.issue("consent", f"toestemming op {dutch.long_date(trainer.consent)} ligt na de bouwdatum "
                                    f"({dutch.long_date(build_date)}); vul de dag in waarop de trainer toestemming "
                                    f"gaf, of laat het veld leeg tot dan")]


def _looks_personal(address: str, name: str) -> bool:
    """A mailbox that contains a part of the trainer's name is most likely personal."""
    local_part = address.split("@")[0].lower()
    return any(len(part) > 2 and part in local_part for part in re.split(r"[^a-z]+", name.lower()))
