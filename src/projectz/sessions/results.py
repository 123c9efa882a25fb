"""The results benchmark: per province and per month, what the sessions delivered.

Definitions, for an area (a province, or the whole country) and a period (one month, or all months):

- A session counts for every province it concerns: its host's and its invited municipalities'
  (`Session.provinces`, the same rule as the agenda and the feeds). Provinces therefore need not
  add up to the national figures, which count each session once.
- sessions_held: held sessions dated in the period.
- municipalities_reached: distinct municipalities of the area named in those sessions'
  results.municipalities; smaller_reached counts those under 100,000 inhabitants, smaller_total
  all of the area's municipalities under 100,000, smaller_share_percent the one as a percentage of
  the other.
- trainer_days_given: one day per trainer per held session.
- trainer_days_pledged: for each month, the trainer_days_per_month of the area's participating
  hubs that had joined by then (the month of `since` counts), summed over the period.
- average_score: the unweighted mean of the held sessions' scores; none without held sessions.

Rates and averages are rounded half up to one decimal. The period runs from the month of the
first session on or before `until` through the month of `until`.

The published files (CSV, CSVW, JSON, Excel) are made from these figures by projectz.opendata.tables.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from projectz.content import Content
from projectz.geography.network import Hub
from projectz.sessions.records import Session

NATIONAL = "NL"
NATIONAL_NAME = "Nederland"

# How the national figures relate to the provinces', in the words the results page and every
# published results file use.
AREA_NOTE = ("Een training telt mee in elke provincie waar de gastgemeente of een uitgenodigde gemeente ligt, en "
             "één keer voor heel Nederland. Een training voor gemeenten in twee provincies telt dus in beide "
             "provincies mee: opgeteld komen de provincies op meer uit dan heel Nederland.")


@dataclass(frozen=True)
class Figures:
    sessions_held: int
    municipalities_reached: int
    smaller_reached: int
    smaller_total: int
    smaller_share_percent: float
    trainer_days_given: int
    trainer_days_pledged: int
    average_score: float | None


@dataclass(frozen=True)
class AreaResults:
    code: str  # NATIONAL or a province code
    name: str
    total: Figures
    monthly: tuple[Figures, ...]  # one per month of Benchmark.months


@dataclass(frozen=True)
class Benchmark:
    months: tuple[datetime.date, ...]  # the first day of each month, oldest first
    national: AreaResults
    provinces: tuple[AreaResults, ...]  # in province code order

    @property
    def areas(self) -> tuple[AreaResults, ...]:
        return (self.national, *self.provinces)

    @property
    def period(self) -> str:
        return f"{self.months[0]:%Y-%m}/{self.months[-1]:%Y-%m}"


@dataclass(frozen=True)
class _Area:
    """What is counted together: the area's municipalities and the hubs that pledge for it."""

    code: str
    name: str
    municipalities: frozenset[str]
    smaller: frozenset[str]
    hubs: tuple[Hub, ...]

    def concerns(self, session: Session) -> bool:
        return self.code == NATIONAL or self.code in session.provinces


def benchmark(sessions: Iterable[Session], content: Content, *, until: datetime.date) -> Benchmark:
    """The figures per area, for the whole period and per month, counting sessions up to until."""
    counted = [session for session in sessions if session.date <= until]
    first = min((session.date for session in counted), default=until)
    months = months_between(first, until)
    held = [session for session in counted if session.status == "held"]
    national, *provinces = (_area_results(area, held, months) for area in _areas(content))
    return Benchmark(months=months, national=national, provinces=tuple(provinces))


def months_between(first: datetime.date, last: datetime.date) -> tuple[datetime.date, ...]:
    """The first day of every month from first's month through last's month."""
    months = []
    month = first.replace(day=1)
    while month <= last:
        months.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return tuple(months)


def _areas(content: Content) -> list[_Area]:
    geography = content.geography
    everywhere = _Area(NATIONAL, NATIONAL_NAME, frozenset(m.code for m in geography.municipalities),
                       frozenset(m.code for m in geography.municipalities if not m.is_hub_candidate),
                       content.hubs)
    areas = [everywhere]
    for province in geography.provinces:
        members = geography.municipalities_in(province.code)
        codes = frozenset(m.code for m in members)
        areas.append(_Area(province.code, province.name, codes,
                           frozenset(m.code for m in members if not m.is_hub_candidate),
                           tuple(hub for hub in content.hubs if hub.municipality_code in codes)))
    return areas


def _area_results(area: _Area, held: list[Session], months: tuple[datetime.date, ...]) -> AreaResults:
    mine = [session for session in held if area.concerns(session)]
    monthly = tuple(
        _figures(area, [s for s in mine if (s.date.year, s.date.month) == (month.year, month.month)], (month,))
        for month in months
    )
    return AreaResults(area.code, area.name, _figures(area, mine, months), monthly)


def _figures(area: _Area, held: list[Session], months: tuple[datetime.date, ...]) -> Figures:
    """The figures of the area for the held sessions of the given months."""
    reached = {code for s in held if s.results for code in s.results.municipalities} & area.municipalities
    smaller_reached = len(reached & area.smaller)
    return Figures(
        sessions_held=len(held),
        municipalities_reached=len(reached),
        smaller_reached=smaller_reached,
        smaller_total=len(area.smaller),
        smaller_share_percent=percentage(smaller_reached, len(area.smaller)),
        trainer_days_given=sum(len(session.trainers) for session in held),
        trainer_days_pledged=pledged(area.hubs, months),
        average_score=average_score([session.results.score for session in held if session.results]),
    )


def pledged(hubs: Iterable[Hub], months: Iterable[datetime.date]) -> int:
    """Trainer days promised over the months, each hub counting from the month it joined."""
    return sum(hub.trainer_days_per_month for month in months for hub in hubs
               if hub.since.replace(day=1) <= month)


def average_score(scores: list[float]) -> float | None:
    """Mean of scores with one decimal, rounded half up in whole tenths so no float drift decides."""
    if not scores:
        return None
    tenths = sum(round(score * 10) for score in scores)
    return _half_up(tenths, len(scores)) / 10


def percentage(part: int, whole: int) -> float:
    """part of whole in percent with one decimal, rounded half up; 0.0 of nothing."""
    return _half_up(1000 * part, whole) / 10 if whole else 0.0


def _half_up(numerator: int, denominator: int) -> int:
    return (2 * numerator + denominator) // (2 * denominator)
