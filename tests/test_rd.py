"""The WGS84 -> RD series, checked at the origin and against the published inverse series."""

import pytest

from projectz.geography.rd import wgs84_to_rd

# Inverse series (RD -> WGS84) from the same paper: (p, q, coefficient in arc seconds) for
# coefficient * dx**p * dy**q with dx, dy the offsets from Amersfoort in units of 100 km.
# An independently published set, so agreement checks the forward coefficients.
LATITUDE_TERMS = (
    (0, 1, 3235.65389), (2, 0, -32.58297), (0, 2, -0.24750), (2, 1, -0.84978),
    (0, 3, -0.06550), (2, 2, -0.01709), (1, 0, -0.00738), (4, 0, 0.00530),
    (2, 3, -0.00039), (4, 1, 0.00033), (1, 1, -0.00012),
)
LONGITUDE_TERMS = (
    (1, 0, 5260.52916), (1, 1, 105.94684), (1, 2, 2.45656), (3, 0, -0.81885),
    (1, 3, 0.05594), (3, 1, -0.05607), (0, 1, 0.01199), (3, 2, -0.00256),
    (1, 4, 0.00128), (0, 2, 0.00022), (2, 0, -0.00022), (5, 0, 0.00026),
)


def rd_to_wgs84(x: float, y: float) -> tuple[float, float]:
    dx = (x - 155000) * 1e-5
    dy = (y - 463000) * 1e-5
    latitude = 52.15517440 + sum(c * dx**p * dy**q for p, q, c in LATITUDE_TERMS) / 3600
    longitude = 5.38720621 + sum(c * dx**p * dy**q for p, q, c in LONGITUDE_TERMS) / 3600
    return longitude, latitude


def test_amersfoort_reference_point_is_the_rd_origin() -> None:
    x, y = wgs84_to_rd(5.38720621, 52.15517440)
    assert x == pytest.approx(155000, abs=0.001)
    assert y == pytest.approx(463000, abs=0.001)


@pytest.mark.parametrize(
    ("x", "y"),
    [
        (121000, 487000),  # Amsterdam
        (233000, 582000),  # Groningen
        (176000, 317000),  # Maastricht
        (31000, 385000),  # Vlissingen
        (258000, 471000),  # Enschede
        (110000, 575000),  # Texel
    ],
)
def test_round_trip_through_the_inverse_series_is_within_a_metre(x: float, y: float) -> None:
    rx, ry = wgs84_to_rd(*rd_to_wgs84(x, y))
    assert rx == pytest.approx(x, abs=1.0)
    assert ry == pytest.approx(y, abs=1.0)


def test_x_grows_east_and_y_grows_north() -> None:
    x0, y0 = wgs84_to_rd(5.0, 52.0)
    x_east, y_north = wgs84_to_rd(5.1, 52.1)
    assert x_east > x0
    assert y_north > y0
