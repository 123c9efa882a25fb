"""Provinces and municipalities with their outlines, loaded from data/geography.json.

The file is derived by scripts/derive-geodata. Coordinates are RD New (EPSG:28992) metres,
x east and y north. An outline is a tuple of polygons, largest first; a polygon is a tuple of
rings, exterior first and holes after; a ring is a tuple of (x, y) points whose first point
is not repeated at the end. In the file a ring is a flat list [x0, y0, x1, y1, ...].
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

HUB_POPULATION = 100_000
CRS = "EPSG:28992"

Point = tuple[int, int]
Ring = tuple[Point, ...]
Polygon = tuple[Ring, ...]
Outline = tuple[Polygon, ...]

PROVINCE_CODE = re.compile(r"PV\d\d")
MUNICIPALITY_CODE = re.compile(r"GM\d{4}")


class GeographyError(ValueError):
    """data/geography.json does not have the shape this module expects."""


@dataclass(frozen=True)
class Province:
    code: str
    name: str
    outline: Outline


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str
    province_code: str
    population: int
    outline: Outline

    @property
    def is_hub_candidate(self) -> bool:
        return self.population >= HUB_POPULATION

    @cached_property
    def centroid(self) -> tuple[float, float]:
        return outline_centroid(self.outline)


@dataclass(frozen=True)
class Source:
    datasets: str
    files: tuple[str, ...]


@dataclass(frozen=True)
class Geography:
    provinces: tuple[Province, ...]
    municipalities: tuple[Municipality, ...]
    attribution: str
    source: Source

    @cached_property
    def _provinces_by_code(self) -> dict[str, Province]:
        return {province.code: province for province in self.provinces}

    @cached_property
    def _municipalities_by_code(self) -> dict[str, Municipality]:
        return {municipality.code: municipality for municipality in self.municipalities}

    def province(self, code: str) -> Province:
        try:
            return self._provinces_by_code[code]
        except KeyError:
            raise KeyError(f"unknown province code {code!r}") from None

    def municipality(self, code: str) -> Municipality:
        try:
            return self._municipalities_by_code[code]
        except KeyError:
            raise KeyError(f"unknown municipality code {code!r}") from None

    def has_municipality(self, code: str) -> bool:
        return code in self._municipalities_by_code

    @cached_property
    def _municipalities_by_province(self) -> dict[str, tuple[Municipality, ...]]:
        return {province.code: tuple(m for m in self.municipalities if m.province_code == province.code)
                for province in self.provinces}

    def municipalities_in(self, province_code: str) -> tuple[Municipality, ...]:
        """The province's municipalities, in code order."""
        self.province(province_code)
        return self._municipalities_by_province[province_code]


def unknown_municipality(code: str) -> str:
    """What an author is told when a registry names a municipality code that does not exist."""
    return f"gemeente '{code}' bestaat niet in de CBS-indeling van 2023"


def hub_candidates(geography: Geography) -> tuple[Municipality, ...]:
    """Municipalities large enough to be a hub, in code order."""
    return tuple(m for m in geography.municipalities if m.is_hub_candidate)


def ring_area_and_moment(ring: Ring) -> tuple[float, float, float]:
    """Signed area and its first moments (for the centroid) of one ring, by the shoelace sum."""
    area = moment_x = moment_y = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        moment_x += (x1 + x2) * cross
        moment_y += (y1 + y2) * cross
    return area / 2, moment_x / 6, moment_y / 6


def outline_centroid(outline: Outline) -> tuple[float, float]:
    """Area-weighted centroid of all polygons, holes subtracted, whatever the ring orientation."""
    total_area = total_x = total_y = 0.0
    for polygon in outline:
        for index, ring in enumerate(polygon):
            area, moment_x, moment_y = ring_area_and_moment(ring)
            # Exteriors add and holes subtract, so flip each ring to the sign its role needs.
            sign = (1 if area > 0 else -1) * (1 if index == 0 else -1)
            total_area += sign * area
            total_x += sign * moment_x
            total_y += sign * moment_y
    if total_area == 0:
        raise GeographyError("outline has no area")
    return total_x / total_area, total_y / total_area


# --- Loading -------------------------------------------------------------------------------


def load_geography(path: Path) -> Geography:
    """Read and validate data/geography.json; every problem raises GeographyError naming it."""
    try:
        return parse_geography(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, GeographyError) as error:
        raise GeographyError(f"{path}: {error}") from None


def parse_geography(text: str) -> Geography:
    """Validate the text of data/geography.json; every problem raises GeographyError."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise GeographyError(f"line {error.lineno}: {error.msg}") from None
    except RecursionError:
        raise GeographyError("nested too deeply") from None
    return _parse(document)


def _parse(document: Any) -> Geography:
    record = _fields(
        document, "geography", {"attribution", "crs", "source", "provinces", "municipalities"}
    )
    if record["crs"] != CRS:
        raise GeographyError(f"crs: expected {CRS!r}, found {record['crs']!r}")
    source = _fields(record["source"], "source", {"datasets", "files"})
    provinces = tuple(
        _parse_province(item, f"provinces[{index}]")
        for index, item in enumerate(_list(record["provinces"], "provinces"))
    )
    municipalities = tuple(
        _parse_municipality(item, f"municipalities[{index}]")
        for index, item in enumerate(_list(record["municipalities"], "municipalities"))
    )
    _check_unique([p.code for p in provinces], "provinces")
    _check_unique([m.code for m in municipalities], "municipalities")
    province_codes = {province.code for province in provinces}
    for index, municipality in enumerate(municipalities):
        if municipality.province_code not in province_codes:
            raise GeographyError(
                f"municipalities[{index}] ({municipality.code}): province: "
                f"unknown province {municipality.province_code!r}"
            )
    return Geography(
        provinces=provinces,
        municipalities=municipalities,
        attribution=_text(record["attribution"], "attribution"),
        source=Source(
            datasets=_text(source["datasets"], "source.datasets"),
            files=tuple(
                _text(name, "source.files") for name in _list(source["files"], "source.files")
            ),
        ),
    )


def _parse_province(item: Any, where: str) -> Province:
    record = _fields(item, where, {"code", "name", "outline"})
    return Province(
        code=_code(record["code"], PROVINCE_CODE, f"{where}.code"),
        name=_text(record["name"], f"{where}.name"),
        outline=_outline(record["outline"], f"{where}.outline"),
    )


def _parse_municipality(item: Any, where: str) -> Municipality:
    record = _fields(item, where, {"code", "name", "province", "population", "outline"})
    population = record["population"]
    if type(population) is not int or population < 0:
        raise GeographyError(f"{where}.population: expected a non-negative integer")
    return Municipality(
        code=_code(record["code"], MUNICIPALITY_CODE, f"{where}.code"),
        name=_text(record["name"], f"{where}.name"),
        province_code=_code(record["province"], PROVINCE_CODE, f"{where}.province"),
        population=population,
        outline=_outline(record["outline"], f"{where}.outline"),
    )


def _fields(item: Any, where: str, expected: set[str]) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise GeographyError(f"{where}: expected an object")
    if missing := expected - item.keys():
        raise GeographyError(f"{where}: missing {', '.join(sorted(missing))}")
    if unknown := item.keys() - expected:
        raise GeographyError(f"{where}: unknown {', '.join(sorted(unknown))}")
    return item


def _list(item: Any, where: str) -> list[Any]:
    if not isinstance(item, list):
        raise GeographyError(f"{where}: expected a list")
    return item


def _text(item: Any, where: str) -> str:
    if not isinstance(item, str) or not item:
        raise GeographyError(f"{where}: expected a non-empty string")
    return item


def _code(item: Any, pattern: re.Pattern[str], where: str) -> str:
    code = _text(item, where)
    if not pattern.fullmatch(code):
        raise GeographyError(f"{where}: {code!r} does not look like {pattern.pattern}")
    return code


def _outline(item: Any, where: str) -> Outline:
    polygons = _list(item, where)
    if not polygons:
        raise GeographyError(f"{where}: expected at least one polygon")
    return tuple(_polygon(polygon, f"{where}[{index}]") for index, polygon in enumerate(polygons))


def _polygon(item: Any, where: str) -> Polygon:
    rings = _list(item, where)
    if not rings:
        raise GeographyError(f"{where}: expected an exterior ring")
    return tuple(_ring(ring, f"{where}[{index}]") for index, ring in enumerate(rings))


def _ring(item: Any, where: str) -> Ring:
    values = _list(item, where)
    if len(values) % 2 or len(values) < 6 or any(type(value) is not int for value in values):
        raise GeographyError(f"{where}: expected a flat list of at least 3 integer x, y pairs")
    return tuple(zip(values[::2], values[1::2], strict=True))


def _check_unique(codes: list[str], where: str) -> None:
    if duplicates := sorted(code for code, count in Counter(codes).items() if count > 1):
        raise GeographyError(f"{where}: duplicate codes {', '.join(duplicates)}")
