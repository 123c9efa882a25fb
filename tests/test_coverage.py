"""Hub assignment on a hand-made row of square municipalities, and on the real geography."""


import pytest

from conftest import REAL_CONTENT
from projectz.geography.coverage import (
    CoverageLevel,
    FallbackHub,
    HubRef,
    compute_coverage,
)
from projectz.geography.regions import (
    Geography,
    Municipality,
    Province,
    Source,
    hub_candidates,
)

KM = 1000


def square(column: int) -> tuple:
    """A 10 km square in a west-east row: column 0 has its centroid at x = 5 km."""
    x = column * 10 * KM
    return ((((x, 0), (x + 10 * KM, 0), (x + 10 * KM, 10 * KM), (x, 10 * KM)),),)


# Seven squares in a row, centroids 10 km apart:
#   column   0       1       2       3       4       5       6
#   code     GM0001  GM0002  GM0003  GM0004  GM0005  GM0006  GM0007
#   province PV01    PV01    PV01    PV02    PV02    PV02    PV03
#   hub      yes     (cand.) yes     -       -       yes     -
ROW = [
    ("GM0001", "PV01", 150_000),
    ("GM0002", "PV01", 120_000),
    ("GM0003", "PV01", 150_000),
    ("GM0004", "PV02", 20_000),
    ("GM0005", "PV02", 20_000),
    ("GM0006", "PV02", 150_000),
    ("GM0007", "PV03", 20_000),
]
PARTICIPATING = frozenset({"GM0001", "GM0003", "GM0006"})


@pytest.fixture(scope="module")
def row() -> Geography:
    municipalities = tuple(
        Municipality(code, f"Gemeente {code[-1]}", province, population, square(column))
        for column, (code, province, population) in enumerate(ROW)
    )
    provinces = tuple(
        Province(code, f"Provincie {code[-1]}", square(0)) for code in ("PV01", "PV02", "PV03")
    )
    return Geography(provinces, municipalities, "Bron: test", Source("test", ()))


def own(code: str, km: float) -> HubRef:
    return HubRef(code, km, in_own_province=True)


def other(code: str, km: float) -> HubRef:
    return HubRef(code, km, in_own_province=False)


@pytest.mark.parametrize(
    ("municipality", "hubs"),
    [
        # A hub never helps itself: its own province's other hub, then the nearest elsewhere.
        ("GM0001", (own("GM0003", 20.0), other("GM0006", 50.0))),
        # Two hubs at the same distance: the code decides.
        ("GM0002", (own("GM0001", 10.0), own("GM0003", 10.0))),
        ("GM0003", (own("GM0001", 20.0), other("GM0006", 30.0))),
        # The own province's hub comes first even though GM0003 is nearer.
        ("GM0004", (own("GM0006", 20.0), other("GM0003", 10.0))),
        ("GM0005", (own("GM0006", 10.0), other("GM0003", 20.0))),
        ("GM0006", (other("GM0003", 30.0), other("GM0001", 50.0))),
        # A province without hubs borrows the two nearest.
        ("GM0007", (other("GM0006", 10.0), other("GM0003", 40.0))),
    ],
)
def test_hubs_of_each_municipality(row: Geography, municipality: str, hubs: tuple) -> None:
    assert compute_coverage(row, PARTICIPATING).assignment(municipality).hubs == hubs


def test_coverage_per_province(row: Geography) -> None:
    coverage = compute_coverage(row, PARTICIPATING)
    first, second, third = (coverage.province(code) for code in ("PV01", "PV02", "PV03"))

    assert first.participating == ("GM0001", "GM0003")
    assert first.candidates == ("GM0001", "GM0002", "GM0003")
    assert first.level is CoverageLevel.TWO_OR_MORE
    assert first.fallback_hubs == ()

    assert second.participating == ("GM0006",)
    assert second.candidates == ("GM0006",)
    assert second.level is CoverageLevel.ONE
    assert second.fallback_hubs == (
        FallbackHub("GM0003", ("GM0004", "GM0005", "GM0006")),
        FallbackHub("GM0001", ("GM0006",)),
    )

    assert third.participating == third.candidates == ()
    assert third.level is CoverageLevel.NONE
    assert third.fallback_hubs == (
        FallbackHub("GM0003", ("GM0007",)),
        FallbackHub("GM0006", ("GM0007",)),
    )


def test_too_few_hubs_in_the_network_give_fewer_helpers(row: Geography) -> None:
    coverage = compute_coverage(row, frozenset({"GM0001"}))
    assert coverage.assignment("GM0001").hubs == ()
    assert coverage.assignment("GM0002").hubs == (own("GM0001", 10.0),)


def test_unknown_participants_are_rejected(row: Geography) -> None:
    with pytest.raises(ValueError, match="participating hubs: unknown municipality codes GM9999"):
        compute_coverage(row, frozenset({"GM0001", "GM9999"}))


def test_coverage_levels_by_hub_count() -> None:
    assert [CoverageLevel.for_hub_count(n) for n in range(4)] == [
        CoverageLevel.NONE,
        CoverageLevel.ONE,
        CoverageLevel.TWO_OR_MORE,
        CoverageLevel.TWO_OR_MORE,
    ]


# --- The real geography, every candidate participating ---------------------------------------


@pytest.fixture(scope="module")
def real() -> Geography:
    return REAL_CONTENT.geography


@pytest.fixture(scope="module")
def real_participating(real: Geography) -> frozenset[str]:
    return frozenset(m.code for m in hub_candidates(real))


def test_every_real_municipality_gets_two_other_distinct_hubs(real, real_participating) -> None:
    coverage = compute_coverage(real, real_participating)
    assert [a.municipality_code for a in coverage.assignments] == [
        m.code for m in real.municipalities
    ]
    for assignment in coverage.assignments:
        codes = [hub.municipality_code for hub in assignment.hubs]
        assert len(codes) == len(set(codes)) == 2, assignment
        assert assignment.municipality_code not in codes
        assert set(codes) <= real_participating


def test_real_hubs_in_own_province_come_first(real, real_participating) -> None:
    coverage = compute_coverage(real, real_participating)
    for assignment in coverage.assignments:
        municipality = real.municipality(assignment.municipality_code)
        flags = [hub.in_own_province for hub in assignment.hubs]
        assert flags == sorted(flags, reverse=True)
        for hub in assignment.hubs:
            assert hub.in_own_province == (
                real.municipality(hub.municipality_code).province_code == municipality.province_code
            )
            assert hub.distance_km == round(hub.distance_km, 1) > 0


def test_real_levels_follow_the_hub_count_per_province(real, real_participating) -> None:
    coverage = compute_coverage(real, real_participating)
    for province in coverage.provinces:
        members = real.municipalities_in(province.province_code)
        expected = sum(1 for m in members if m.code in real_participating)
        assert len(province.participating) == expected
        assert province.level is CoverageLevel.for_hub_count(expected)
        assert bool(province.fallback_hubs) == (expected < 2)
    assert {p.level for p in coverage.provinces} == set(CoverageLevel)
