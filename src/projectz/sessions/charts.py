"""Bar charts of the results benchmark, drawn at build time as inline SVG without scripts.

A chart is one picture (role="img") named by its title and description; the page shows the
same figures in a table next to it, so the chart hides nothing from a screen reader. Every bar
carries its value as text, so reading it does not depend on colour or on judging lengths. This
module computes the geometry in whole viewBox units; markup and Dutch words are in
templates/svg/chart_*.svg.j2.
"""

import math
from dataclasses import dataclass

from projectz.core import dutch
from projectz.core.templating import render
from projectz.sessions.results import AreaResults, Benchmark

WIDTH = 800
FONT_SIZE = 14

# Columns per month: room on the left for the axis numbers, below for month and year.
COLUMNS_LEFT = 40
COLUMNS_TOP = 24  # room for the value above the tallest column
COLUMNS_PLOT_HEIGHT = 240
COLUMNS_BOTTOM = 48
MAX_TICKS = 6

# Bars per province: room on the left for the name, on the right for the value.
BARS_LABEL_WIDTH = 150
BARS_VALUE_WIDTH = 160  # also fits "geen gehouden sessies"
BARS_ROW = 32
BARS_THICKNESS = 20
BARS_TOP = 8
BARS_BOTTOM = 32
SCORE_MAX = 10
SCORE_STEP = 2


@dataclass(frozen=True)
class Tick:
    position: int  # along the value axis, in viewBox units
    text: str


@dataclass(frozen=True)
class Column:
    x: int
    y: int
    width: int
    height: int
    value: str
    month: str  # abbreviated month under the column
    year: str  # the year under the first column and every January, else ""


@dataclass(frozen=True)
class Bar:
    y: int
    width: int | None  # None: nothing to draw, the value text says why
    name: str
    value: str


def render_sessions_chart(result: Benchmark, area: AreaResults, *, id_prefix: str = "grafiek-sessies") -> str:
    """Held sessions per month in one area (the country or a province), as vertical columns."""
    counts = [figures.sessions_held for figures in area.monthly]
    top, ticks = value_axis(max(counts, default=0), COLUMNS_PLOT_HEIGHT)
    pitch = (WIDTH - COLUMNS_LEFT) // len(counts)
    width = pitch * 2 // 3
    columns = []
    for index, (month, count) in enumerate(zip(result.months, counts, strict=True)):
        height = round(count * COLUMNS_PLOT_HEIGHT / top)
        columns.append(Column(
            x=COLUMNS_LEFT + index * pitch + (pitch - width) // 2,
            y=COLUMNS_TOP + COLUMNS_PLOT_HEIGHT - height,
            width=width,
            height=height,
            value=str(count),
            month=dutch.short_month(month),
            year=str(month.year) if index == 0 or month.month == 1 else "",
        ))
    busiest = max(counts, default=0)
    busiest_months = [month for month, count in zip(result.months, counts, strict=True) if busiest and count == busiest]
    return render(
        "sessions/svg/chart_sessions_per_month.svg.j2",
        id_prefix=id_prefix,
        area_name=area.name,
        first=dutch.month_year(result.months[0]),
        last=dutch.month_year(result.months[-1]),
        total=area.total.sessions_held,
        busiest=busiest,
        busiest_months=[dutch.month_year(month) for month in busiest_months],
        columns=columns,
        ticks=ticks,
        width=WIDTH,
        height=COLUMNS_TOP + COLUMNS_PLOT_HEIGHT + COLUMNS_BOTTOM,
        left=COLUMNS_LEFT,
        baseline=COLUMNS_TOP + COLUMNS_PLOT_HEIGHT,
        font_size=FONT_SIZE,
    )


def render_score_chart(result: Benchmark, *, id_prefix: str = "grafiek-cijfers") -> str:
    """The average evaluation score of each province over the whole period, as horizontal bars."""
    plot_width = WIDTH - BARS_LABEL_WIDTH - BARS_VALUE_WIDTH
    bars = []
    for index, province in enumerate(result.provinces):
        score = province.total.average_score
        bars.append(Bar(
            y=BARS_TOP + index * BARS_ROW + (BARS_ROW - BARS_THICKNESS) // 2,
            width=None if score is None else round(score * plot_width / SCORE_MAX),
            name=province.name,
            value="" if score is None else dutch.decimal(score),
        ))
    scored = [province for province in result.provinces if province.total.average_score is not None]
    ticks = [Tick(round(value * plot_width / SCORE_MAX), str(value)) for value in range(0, SCORE_MAX + 1, SCORE_STEP)]
    plot_height = len(bars) * BARS_ROW
    return render(
        "sessions/svg/chart_score_per_province.svg.j2",
        id_prefix=id_prefix,
        first=dutch.month_year(result.months[0]),
        last=dutch.month_year(result.months[-1]),
        national=result.national.total.average_score,
        highest=max(scored, key=lambda p: p.total.average_score, default=None),
        lowest=min(scored, key=lambda p: p.total.average_score, default=None),
        bars=bars,
        ticks=ticks,
        width=WIDTH,
        height=BARS_TOP + plot_height + BARS_BOTTOM,
        left=BARS_LABEL_WIDTH,
        top=BARS_TOP,
        baseline=BARS_TOP + plot_height,
        thickness=BARS_THICKNESS,
        font_size=FONT_SIZE,
    )


def value_axis(maximum: int, length: int) -> tuple[int, list[Tick]]:
    """A whole-number axis from 0 to a round top at or above maximum, at most MAX_TICKS ticks.

    Ticks are positioned from the baseline upwards; the templates flip them into SVG's y-down.
    """
    step = max(1, math.ceil(maximum / (MAX_TICKS - 1)))
    top = max(step, math.ceil(maximum / step) * step)
    return top, [Tick(round(value * length / top), str(value)) for value in range(0, top + 1, step)]
