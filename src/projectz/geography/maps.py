"""Inline SVG maps: the Netherlands by province coverage, and one province by municipality.

The caller (the page layer) decides every URL and every link's accessible name and passes them
in as MapLinks; this module only lays out geometry. Markup and Dutch text are in
templates/svg/. RD metres are projected onto a viewBox MAP_WIDTH units wide, y flipped
because RD y grows north and SVG y grows down.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from projectz.core.templating import render
from projectz.geography.coverage import Coverage
from projectz.geography.regions import HUB_POPULATION, Geography, Municipality, Outline

MAP_WIDTH = 1000
MARGIN = 10  # viewBox units around the outlines, so strokes at the edge are not clipped

LABEL_FONT_SIZE = 22
# Average glyph width of a sans-serif face relative to its size: enough to keep labels apart.
LABEL_CHAR_WIDTH = 0.55
MARKER_RADIUS = 8
LABEL_GAP = 4
# What both templates need besides geometry: marker sizes and the threshold the legend quotes.
TEMPLATE_CONSTANTS = {
    "hub_population": HUB_POPULATION,
    "marker_radius": MARKER_RADIUS,
    "label_font_size": LABEL_FONT_SIZE,
}


@dataclass(frozen=True)
class MapLink:
    href: str
    label: str  # the link's accessible name, e.g. "Groningen: 2 deelnemende hubs"


@dataclass(frozen=True)
class RoleLink(MapLink):
    role: str  # in a webcare partnership: 'samen', 'uitbesteed' (a client) or 'uitvoerder' (the provider)


@dataclass(frozen=True)
class Viewport:
    min_x: float
    max_y: float
    scale: float  # viewBox units per metre
    width: int
    height: int

    @classmethod
    def fitting(cls, outlines: Iterable[Outline]) -> Viewport:
        points = [point for outline in outlines for polygon in outline for point in polygon[0]]
        min_x, max_x = min(x for x, _ in points), max(x for x, _ in points)
        min_y, max_y = min(y for _, y in points), max(y for _, y in points)
        scale = (MAP_WIDTH - 2 * MARGIN) / (max_x - min_x)
        return cls(
            min_x=min_x - MARGIN / scale,
            max_y=max_y + MARGIN / scale,
            scale=scale,
            width=MAP_WIDTH,
            height=round((max_y - min_y) * scale) + 2 * MARGIN,
        )

    def project(self, x: float, y: float) -> tuple[int, int]:
        """Tenths of viewBox units, so formatting works on integers and is exact."""
        return round((x - self.min_x) * self.scale * 10), round((self.max_y - y) * self.scale * 10)


@dataclass(frozen=True)
class Shape:
    """One area on a map: a province or a municipality, with its link."""

    path: str
    href: str
    label: str
    kind: str  # coverage level of a province, hub status of a municipality


@dataclass(frozen=True)
class Marker:
    x: str
    y: str
    participating: bool


@dataclass(frozen=True)
class Label:
    text: str
    x: str
    y: str
    anchor: str  # SVG text-anchor


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def overlap(self, other: Box) -> float:
        width = min(self.right, other.right) - max(self.left, other.left)
        height = min(self.bottom, other.bottom) - max(self.top, other.top)
        return max(width, 0) * max(height, 0)


def decimal(tenths: int) -> str:
    """A coordinate in tenths as the shortest exact text: 1230 -> '123', 1234 -> '123.4'."""
    sign = "-" if tenths < 0 else ""
    whole, fraction = divmod(abs(tenths), 10)
    return f"{sign}{whole}" if fraction == 0 else f"{sign}{whole}.{fraction}"


def path_data(outline: Outline, viewport: Viewport) -> str:
    """SVG path data for an outline; rings that shrink below three points at this scale vanish."""
    subpaths = []
    for polygon in outline:
        for ring in polygon:
            points: list[tuple[int, int]] = []
            for x, y in ring:
                point = viewport.project(x, y)
                if not points or points[-1] != point:
                    points.append(point)
            if len(points) > 1 and points[0] == points[-1]:
                points.pop()
            if len(points) >= 3:
                pairs = " ".join(f"{decimal(x)} {decimal(y)}" for x, y in points)
                subpaths.append(f"M{pairs}Z")
    return "".join(subpaths)


def check_links(links: Mapping[str, MapLink], codes: Iterable[str], what: str) -> None:
    if missing := sorted(set(codes) - links.keys()):
        raise ValueError(f"no map link for {what} {', '.join(missing)}")


def hub_markers(
    hubs: Iterable[Municipality], participating: frozenset[str], viewport: Viewport
) -> list[Marker]:
    markers = []
    for hub in hubs:
        x, y = viewport.project(*hub.centroid)
        markers.append(Marker(decimal(x), decimal(y), hub.code in participating))
    return markers


def place_labels(hubs: Iterable[Municipality], viewport: Viewport) -> list[Label]:
    """Put each hub's name right, left, above or below its marker: the first free spot.

    Largest hubs first, so when space runs out the big cities' names stay clear. Without a free
    spot the label goes where it overlaps least with the markers and labels placed so far.
    """
    ordered = sorted(hubs, key=lambda hub: (-hub.population, hub.code))
    centres = [tuple(value / 10 for value in viewport.project(*hub.centroid)) for hub in ordered]
    taken = [
        Box(x - MARKER_RADIUS, y - MARKER_RADIUS, x + MARKER_RADIUS, y + MARKER_RADIUS)
        for x, y in centres
    ]
    bounds = Box(0, 0, viewport.width, viewport.height)
    labels = []
    for hub, (x, y) in zip(ordered, centres, strict=True):
        # min() keeps the first of equal spots, so the order of label_spots is the preference.
        spot = min(label_spots(hub.name, x, y), key=lambda s: crowding(s.box, taken, bounds))
        taken.append(spot.box)
        labels.append(
            Label(hub.name, decimal(round(spot.x * 10)), decimal(round(spot.y * 10)), spot.anchor)
        )
    return labels


@dataclass(frozen=True)
class LabelSpot:
    anchor: str  # SVG text-anchor
    x: float  # where the anchor sits on the baseline
    y: float
    box: Box


def label_spots(text: str, x: float, y: float) -> list[LabelSpot]:
    """Candidate positions for a label of a marker at (x, y): right, left, above, below."""
    width = len(text) * LABEL_FONT_SIZE * LABEL_CHAR_WIDTH
    offset = MARKER_RADIUS + LABEL_GAP

    def spot(anchor: str, base_x: float, base_y: float) -> LabelSpot:
        left = {"start": base_x, "middle": base_x - width / 2, "end": base_x - width}[anchor]
        # Capitals reach about 0.8 em above the baseline, descenders 0.2 em below.
        top, bottom = base_y - 0.8 * LABEL_FONT_SIZE, base_y + 0.2 * LABEL_FONT_SIZE
        return LabelSpot(anchor, base_x, base_y, Box(left, top, left + width, bottom))

    centred = y + 0.3 * LABEL_FONT_SIZE
    return [
        spot("start", x + offset, centred),
        spot("end", x - offset, centred),
        spot("middle", x, y - offset - 0.2 * LABEL_FONT_SIZE),
        spot("middle", x, y + offset + 0.8 * LABEL_FONT_SIZE),
    ]


def crowding(box: Box, taken: Iterable[Box], bounds: Box) -> float:
    """Area of the box covering what is already placed or sticking out of the map."""
    outside = (box.right - box.left) * (box.bottom - box.top) - box.overlap(bounds)
    return outside + sum(box.overlap(other) for other in taken)


def render_national_map(
    geography: Geography,
    coverage: Coverage,
    links: Mapping[str, MapLink],
    *,
    id_prefix: str = "kaart-nederland",
) -> str:
    """The Netherlands with each province a link, styled by its coverage level.

    links maps every province code to its link. Hubs are marked but not named: at this scale
    names of the Randstad cities would pile up, so the page should list them in text too.
    """
    check_links(links, (province.code for province in geography.provinces), "province")
    viewport = Viewport.fitting(province.outline for province in geography.provinces)
    participating = frozenset(
        code for province in coverage.provinces for code in province.participating
    )
    hubs = [m for m in geography.municipalities if m.is_hub_candidate or m.code in participating]
    provinces = [
        Shape(
            path=path_data(province.outline, viewport),
            href=links[province.code].href,
            label=links[province.code].label,
            kind=coverage.province(province.code).level.value,
        )
        for province in geography.provinces
    ]
    return render(
        "geography/svg/national_map.svg.j2",
        id_prefix=id_prefix,
        width=viewport.width,
        map_height=viewport.height,
        provinces=provinces,
        markers=hub_markers(hubs, participating, viewport),
        attribution=geography.attribution,
        **TEMPLATE_CONSTANTS,
    )


def render_province_map(
    geography: Geography,
    province_code: str,
    participating: frozenset[str],
    links: Mapping[str, MapLink],
    *,
    id_prefix: str | None = None,
) -> str:
    """One province with each municipality a link; hubs marked and named.

    links maps every municipality code of the province to its link.
    """
    province = geography.province(province_code)
    municipalities = geography.municipalities_in(province_code)
    check_links(links, (m.code for m in municipalities), "municipality")
    viewport = Viewport.fitting(m.outline for m in municipalities)
    hubs = [m for m in municipalities if m.is_hub_candidate or m.code in participating]
    shapes = [
        Shape(
            path=path_data(m.outline, viewport),
            href=links[m.code].href,
            label=links[m.code].label,
            kind=hub_status(m, participating),
        )
        for m in municipalities
    ]
    return render(
        "geography/svg/province_map.svg.j2",
        id_prefix=id_prefix or f"kaart-{province_code.lower()}",
        province_name=province.name,
        width=viewport.width,
        map_height=viewport.height,
        municipalities=shapes,
        markers=hub_markers(hubs, participating, viewport),
        labels=place_labels(hubs, viewport),
        attribution=geography.attribution,
        **TEMPLATE_CONSTANTS,
    )


def hub_status(municipality: Municipality, participating: frozenset[str]) -> str:
    if municipality.code in participating:
        return "deelnemend"
    return "kandidaat" if municipality.is_hub_candidate else "geen"


def render_webcare_map(
    geography: Geography,
    areas: Mapping[str, RoleLink],
    *,
    id_prefix: str = "kaart-webcare",
) -> str:
    """The Netherlands with the municipalities of webcare partnerships drawn over the provinces.

    areas maps municipality codes to their link and role. Provinces are only a backdrop.
    """
    viewport = Viewport.fitting(province.outline for province in geography.provinces)
    shapes = [
        Shape(path_data(geography.municipality(code).outline, viewport), area.href, area.label, area.role)
        for code, area in sorted(areas.items())
    ]
    return render(
        "geography/svg/webcare_map.svg.j2",
        id_prefix=id_prefix,
        width=viewport.width,
        map_height=viewport.height,
        provinces=[path_data(province.outline, viewport) for province in geography.provinces],
        municipalities=shapes,
        attribution=geography.attribution,
    )
