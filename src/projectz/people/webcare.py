"""Webcare partnerships: municipalities that monitor together, or outsource to a large neighbour."""

import datetime
from dataclasses import dataclass
from pathlib import Path

from projectz.core import vocabulary
from projectz.core.issues import Issue
from projectz.core.registry import Registry, load_registry
from projectz.core.schema import EXAMPLE, MUNICIPALITY_CODE, SLUG, Choice, Date, Field, ListOf, Optional, Schema, Text
from projectz.geography.regions import Geography, unknown_municipality

WEBCARE_SCHEMA = Schema(
    title="Project Z: webcare-samenwerkingen",
    fields=(
        Field("id", SLUG, "Vaste, unieke naam van de samenwerking."),
        Field("name", Text(max_length=100), "Naam van de samenwerking."),
        Field("kind", Choice(vocabulary.WEBCARE_KINDS),
              "samen (samen monitoren) of uitbesteed (aan een buurgemeente)."),
        Field("municipalities", ListOf(MUNICIPALITY_CODE, min_items=1),
              "CBS-codes van de gemeenten waarvoor de webcare gedaan wordt."),
        Field("provider", Optional(MUNICIPALITY_CODE, "alleen bij samen"),
              "Bij uitbesteed: CBS-code van de gemeente die de webcare doet."),
        Field("scope", ListOf(Choice(vocabulary.WEBCARE_SCOPES), min_items=1), "Wat de samenwerking omvat."),
        Field("since", Date(), "Sinds wanneer (JJJJ-MM-DD)."),
        EXAMPLE,
    ),
)

PARTNERSHIPS = Registry("partnerships", WEBCARE_SCHEMA, unique="id")


@dataclass(frozen=True)
class Partnership:
    id: str
    name: str
    kind: str
    municipalities: tuple[str, ...]
    provider: str | None
    scope: tuple[str, ...]
    since: datetime.date
    example: bool

    @property
    def involved(self) -> tuple[str, ...]:
        """Every municipality the arrangement concerns, the provider first."""
        return ((self.provider,) if self.provider else ()) + self.municipalities


def load_partnerships(path: Path, root: Path, geography: Geography) -> tuple[tuple[Partnership, ...], list[Issue]]:
    records, issues = load_registry(path, root, PARTNERSHIPS)
    partnerships = []
    for record in records:
        partnership = Partnership(**record.values)
        problems = []
        for index, code in enumerate(partnership.municipalities):
            if not geography.has_municipality(code):
                problems.append(record.issue(("municipalities", index), unknown_municipality(code)))
        if partnership.kind == "samen":
            if partnership.provider is not None:
                problems.append(record.issue("provider", "bij 'samen' is er geen uitvoerende gemeente; laat dit leeg"))
            if len(partnership.municipalities) < 2:
                problems.append(record.issue("municipalities", "samen monitoren doe je met minstens twee gemeenten"))
        elif partnership.provider is None:
            problems.append(record.issue("provider", "bij 'uitbesteed' is de uitvoerende gemeente verplicht"))
        elif not geography.has_municipality(partnership.provider):
            problems.append(record.issue("provider", unknown_municipality(partnership.provider)))
        elif partnership.provider in partnership.municipalities:
            problems.append(record.issue("provider", "de uitvoerende gemeente staat ook bij municipalities"))
        issues += problems
        if not problems:
            partnerships.append(partnership)
    return tuple(sorted(partnerships, key=lambda p: p.id)), issues
