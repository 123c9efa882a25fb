"""The network registry: which 100k+ municipalities take part, and what they pledged."""

import datetime
from dataclasses import dataclass
from pathlib import Path

from projectz.core import dutch
from projectz.core.issues import Issue
from projectz.core.registry import Registry, load_registry
from projectz.core.schema import EMAIL, EXAMPLE, MUNICIPALITY_CODE, Date, Field, Integer, Schema
from projectz.geography.regions import HUB_POPULATION, Geography, unknown_municipality

NETWORK_SCHEMA = Schema(
    title="Project Z: deelnemende gemeenten",
    fields=(
        Field("municipality", MUNICIPALITY_CODE, "CBS-code van de deelnemende gemeente (100.000 of meer inwoners)."),
        Field("mailbox", EMAIL, "Functionele mailbox voor trainingsaanvragen; nooit een persoonlijk adres."),
        Field("trainer_days_per_month", Integer(1, 10), "Toegezegde trainersdagen per maand."),
        Field("since", Date(), "Deelnemer sinds (JJJJ-MM-DD)."),
        EXAMPLE,
    ),
)

NETWORK = Registry("hubs", NETWORK_SCHEMA, unique="municipality")


@dataclass(frozen=True)
class Hub:
    municipality_code: str
    mailbox: str
    trainer_days_per_month: int
    since: datetime.date
    example: bool


def hub_codes(hubs: tuple[Hub, ...]) -> frozenset[str]:
    """The participating municipalities."""
    return frozenset(hub.municipality_code for hub in hubs)


def load_network(path: Path, root: Path, geography: Geography) -> tuple[tuple[Hub, ...], list[Issue]]:
    records, issues = load_registry(path, root, NETWORK)
    hubs = []
    for record in records:
        code = record.values["municipality"]
        if not geography.has_municipality(code):
            issues.append(record.issue("municipality", unknown_municipality(code)))
            continue
        municipality = geography.municipality(code)
        if not municipality.is_hub_candidate:
            population = dutch.number(municipality.population)
            issues.append(record.issue("municipality", f"{municipality.name} heeft {population} inwoners; een "
                                                       f"deelnemende gemeente heeft er minstens "
                                                       f"{dutch.number(HUB_POPULATION)}"))
            continue
        hubs.append(Hub(
            municipality_code=code,
            mailbox=record.values["mailbox"],
            trainer_days_per_month=record.values["trainer_days_per_month"],
            since=record.values["since"],
            example=record.values["example"],
        ))
    return tuple(sorted(hubs, key=lambda hub: hub.municipality_code)), issues
