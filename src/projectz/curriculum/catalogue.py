"""The training catalogue: published modules grouped by topic, in vocabulary order."""

from collections.abc import Iterable
from dataclasses import dataclass

from projectz.core import vocabulary
from projectz.curriculum.modules import Module
from projectz.geography.regions import Province


@dataclass(frozen=True)
class Facet:
    """One way to narrow a list: the data attribute it reads and the values it offers."""

    key: str
    label: str
    options: dict[str, str]


def province_facet(provinces: Iterable[Province]) -> Facet:
    return Facet("province", "Provincie", {province.code: province.name for province in provinces})


def module_facet(modules: Iterable[Module]) -> Facet:
    return Facet("module", "Module", {module.id: module.title for module in modules})


CATALOGUE_FACETS = (
    Facet("topic", "Thema", vocabulary.TOPICS),
    Facet("audience", "Doelgroep", vocabulary.AUDIENCES),
    Facet("level", "Niveau", vocabulary.LEVELS),
    Facet("format", "Vorm", vocabulary.FORMATS),
)


@dataclass(frozen=True)
class TopicGroup:
    topic: str
    label: str
    modules: tuple[Module, ...]


def build_catalogue(modules: list[Module]) -> list[TopicGroup]:
    """Only published modules; topics without one are left out rather than shown empty."""
    groups = []
    for topic, label in vocabulary.TOPICS.items():
        chosen = sorted((m for m in modules if m.published and m.topic == topic), key=lambda m: m.title.casefold())
        if chosen:
            groups.append(TopicGroup(topic, label, tuple(chosen)))
    return groups
