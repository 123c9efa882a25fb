"""The trainer directory: published trainers by province, and the ways to narrow the list."""

from dataclasses import dataclass

from projectz.content import Content
from projectz.core import vocabulary
from projectz.curriculum.catalogue import Facet, module_facet, province_facet
from projectz.geography.regions import Province
from projectz.people.trainers import Trainer


@dataclass(frozen=True)
class ProvinceGroup:
    province: Province
    trainers: tuple[Trainer, ...]


def directory_groups(content: Content) -> list[ProvinceGroup]:
    """Published trainers by the province they work in, provinces without trainers left out."""
    groups = []
    for province in content.geography.provinces:
        codes = frozenset(m.code for m in content.geography.municipalities_in(province.code))
        trainers = sorted(content.trainers_in(codes), key=lambda trainer: trainer.name.casefold())
        if trainers:
            groups.append(ProvinceGroup(province, tuple(trainers)))
    return groups


def directory_facets(content: Content) -> tuple[Facet, ...]:
    return (
        province_facet(content.geography.provinces),
        module_facet(content.published_modules),
        Facet("format", "Vorm", vocabulary.FORMATS),
        Facet("support", "Hulp", vocabulary.SUPPORT_LEVELS),
    )
