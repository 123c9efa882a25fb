"""Which hubs cover which municipalities, given the hubs that take part in the network.

Every municipality gets two helper hubs: participating hubs of its own province first, nearest
first, then the nearest participating hubs elsewhere. A hub never helps itself. Distances are
between area-weighted centroids of the outlines, straight-line in RD metres.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum
from functools import cached_property
from typing import Iterable

from projectz.geography.regions import Geography, Municipality

HUBS_PER_MUNICIPALITY = 2


class CoverageLevel(Enum):
    """How many participating hubs a province has; the value names its CSS class suffix."""

    TWO_OR_MORE = "twee"
    ONE = "een"
    NONE = "geen"

    @classmethod
    def for_hub_count(cls, count: int) -> CoverageLevel:
        if count >= HUBS_PER_MUNICIPALITY:
            return cls.TWO_OR_MORE
        return cls.ONE if count == 1 else cls.NONE


@dataclass(frozen=True)
class HubRef:
    municipality_code: str
    distance_km: float  # rounded to 0.1 km
    in_own_province: bool


@dataclass(frozen=True)
class HubAssignment:
    municipality_code: str
    # First and second hub. Shorter only when the whole network has too few hubs.
    hubs: tuple[HubRef, ...]


@dataclass(frozen=True)
class FallbackHub:
    """A hub outside the province that helps some of the province's municipalities."""

    municipality_code: str
    serves: tuple[str, ...]  # codes of the province's municipalities it helps


@dataclass(frozen=True)
class ProvinceCoverage:
    province_code: str
    participating: tuple[str, ...]  # participating hubs in the province, in code order
    candidates: tuple[str, ...]  # all municipalities of 100,000+ in the province, in code order
    level: CoverageLevel
    # Only for provinces with fewer than two participating hubs: most municipalities served
    # first, then by code.
    fallback_hubs: tuple[FallbackHub, ...]

    @property
    def waiting(self) -> tuple[str, ...]:
        """Municipalities of 100,000+ in the province that do not take part yet, in code order."""
        return tuple(code for code in self.candidates if code not in self.participating)


@dataclass(frozen=True)
class Coverage:
    provinces: tuple[ProvinceCoverage, ...]
    assignments: tuple[HubAssignment, ...]

    @cached_property
    def _provinces_by_code(self) -> dict[str, ProvinceCoverage]:
        return {province.province_code: province for province in self.provinces}

    @cached_property
    def _assignments_by_code(self) -> dict[str, HubAssignment]:
        return {assignment.municipality_code: assignment for assignment in self.assignments}

    def province(self, code: str) -> ProvinceCoverage:
        return self._provinces_by_code[code]

    def assignment(self, municipality_code: str) -> HubAssignment:
        return self._assignments_by_code[municipality_code]


def compute_coverage(geography: Geography, participating: frozenset[str]) -> Coverage:
    """Coverage per province and hub assignment per municipality, both in code order.

    Raises ValueError if a participating code is not a municipality of the geography.
    """
    check_participants(geography, participating)
    assignments = assign_hubs(geography, participating)
    return Coverage(
        provinces=tuple(
            province_coverage(geography, participating, assignments, province.code)
            for province in geography.provinces
        ),
        assignments=assignments,
    )


def check_participants(geography: Geography, participating: frozenset[str]) -> None:
    if unknown := sorted(code for code in participating if not geography.has_municipality(code)):
        raise ValueError(f"participating hubs: unknown municipality codes {', '.join(unknown)}")


def assign_hubs(
    geography: Geography, participating: frozenset[str]
) -> tuple[HubAssignment, ...]:
    hubs = tuple(geography.municipality(code) for code in sorted(participating))
    return tuple(hub_assignment(municipality, hubs) for municipality in geography.municipalities)


def hub_assignment(municipality: Municipality, hubs: tuple[Municipality, ...]) -> HubAssignment:
    def preference(hub: Municipality) -> tuple[bool, float, str]:
        # Own province before any other; then nearest; the code settles exact ties.
        elsewhere = hub.province_code != municipality.province_code
        return (elsewhere, squared_distance(municipality, hub), hub.code)

    helpers = sorted((hub for hub in hubs if hub.code != municipality.code), key=preference)
    return HubAssignment(
        municipality_code=municipality.code,
        hubs=tuple(
            HubRef(
                municipality_code=hub.code,
                distance_km=round(math.sqrt(squared_distance(municipality, hub)) / 1000, 1),
                in_own_province=hub.province_code == municipality.province_code,
            )
            for hub in helpers[:HUBS_PER_MUNICIPALITY]
        ),
    )


def squared_distance(a: Municipality, b: Municipality) -> float:
    (ax, ay), (bx, by) = a.centroid, b.centroid
    return (ax - bx) ** 2 + (ay - by) ** 2


def province_coverage(
    geography: Geography,
    participating: frozenset[str],
    assignments: tuple[HubAssignment, ...],
    province_code: str,
) -> ProvinceCoverage:
    members = geography.municipalities_in(province_code)
    own_hubs = tuple(m.code for m in members if m.code in participating)
    level = CoverageLevel.for_hub_count(len(own_hubs))
    member_codes = {m.code for m in members}
    return ProvinceCoverage(
        province_code=province_code,
        participating=own_hubs,
        candidates=tuple(m.code for m in members if m.is_hub_candidate),
        level=level,
        fallback_hubs=(
            ()
            if level is CoverageLevel.TWO_OR_MORE
            else fallback_hubs(a for a in assignments if a.municipality_code in member_codes)
        ),
    )


def fallback_hubs(assignments: Iterable[HubAssignment]) -> tuple[FallbackHub, ...]:
    served: dict[str, list[str]] = {}
    for assignment in assignments:
        for hub in assignment.hubs:
            if not hub.in_own_province:
                served.setdefault(hub.municipality_code, []).append(assignment.municipality_code)
    return tuple(
        FallbackHub(municipality_code=code, serves=tuple(sorted(codes)))
        for code, codes in sorted(served.items(), key=lambda item: (-len(item[1]), item[0]))
    )
