"""WGS84 longitude/latitude to Dutch RD New (EPSG:28992) metres.

Uses the approximation series of Schreutelkamp & Strang van Hees ("Benaderingsformules voor de
transformatie tussen RD- en WGS84-kaartcoördinaten", 2001), accurate to about a metre inside the
Netherlands. It needs only additions and multiplications, so every machine with IEEE-754 doubles
gets exactly the same result: unlike pyproj, whose output depends on the installed PROJ grids.
"""

# The WGS84 position of the RD origin point Amersfoort (x 155000, y 463000).
REFERENCE_LATITUDE = 52.15517440
REFERENCE_LONGITUDE = 5.38720621
REFERENCE_X = 155000.0
REFERENCE_Y = 463000.0

# (p, q, coefficient): term coefficient * dlat**p * dlon**q, in metres.
_X_TERMS: tuple[tuple[int, int, float], ...] = (
    (0, 1, 190094.945),
    (1, 1, -11832.228),
    (2, 1, -114.221),
    (0, 3, -32.391),
    (1, 0, -0.705),
    (3, 1, -2.340),
    (1, 3, -0.608),
    (0, 2, -0.008),
    (2, 3, 0.148),
)
_Y_TERMS: tuple[tuple[int, int, float], ...] = (
    (1, 0, 309056.544),
    (0, 2, 3638.893),
    (2, 0, 73.077),
    (1, 2, -157.984),
    (3, 0, 59.788),
    (0, 1, 0.433),
    (2, 2, -6.439),
    (1, 1, -0.032),
    (0, 4, 0.092),
    (1, 4, -0.054),
)


def _powers(base: float, highest: int) -> list[float]:
    # Repeated multiplication rather than ** keeps libm's pow() out of the result.
    powers = [1.0]
    for _ in range(highest):
        powers.append(powers[-1] * base)
    return powers


def wgs84_to_rd(longitude: float, latitude: float) -> tuple[float, float]:
    """RD New (x, y) in metres for a WGS84 position given as (longitude, latitude) in degrees."""
    # The series is defined on differences in units of 10,000 arc seconds.
    dlat = _powers(0.36 * (latitude - REFERENCE_LATITUDE), 3)
    dlon = _powers(0.36 * (longitude - REFERENCE_LONGITUDE), 4)
    x = REFERENCE_X + sum(c * dlat[p] * dlon[q] for p, q, c in _X_TERMS)
    y = REFERENCE_Y + sum(c * dlat[p] * dlon[q] for p, q, c in _Y_TERMS)
    return x, y
